"""Listening round: each listener leaves one word (where did the story touch you); the teller sees them."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

from matplotlib.figure import Figure

from narratief.errors import NotOneWord
from narratief.store import StoryStore

_ONE_WORD = re.compile(r"^[\wÀ-ÿ'’-]{1,40}$")


def add_word(store: StoryStore, story_id: str, listener: str, word: str) -> None:
    """Record ``listener``'s one word for ``story_id`` (a second word from the same listener replaces the first)."""
    word = word.strip().lower()
    if not _ONE_WORD.match(word):
        raise NotOneWord("listening word is not one word")
    store.get_story(story_id)
    with store.atomic() as conn:
        conn.execute(
            "INSERT OR REPLACE INTO listening_words (story_id, listener, word, at) VALUES (?, ?, ?, ?)",
            (story_id, listener, word, dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")),
        )


def words_for(store: StoryStore, story_id: str) -> Counter:
    """How often each word was given for ``story_id`` (listeners are not shown)."""
    rows = store.connection.execute("SELECT word FROM listening_words WHERE story_id = ?", (story_id,)).fetchall()
    return Counter(row[0] for row in rows)


def word_chart(words: Counter) -> Figure:
    """A small word chart: the listeners' words, bigger when given more often."""
    figure = Figure(figsize=(6, 2.5), layout="constrained")
    axes = figure.add_subplot()
    axes.set_axis_off()
    if not words:
        axes.text(0.5, 0.5, "nog geen woorden", ha="center", va="center", color="grey")
        return figure
    top = max(words.values())
    for i, (word, count) in enumerate(sorted(words.items(), key=lambda item: (-item[1], item[0]))[:20]):
        x, y = 0.1 + (i % 4) * 0.27, 0.85 - (i // 4) * 0.18
        axes.text(x, y, word, fontsize=10 + 14 * count / top, color="#1b7837", ha="left", va="center")
    return figure
