"""Drafts of a trainee's story: autosaved working copy (private and shareable side by side) and versions.

Every change is written to the store at once (``autosave``), so nothing typed is lost when the browser closes or
the kernel dies; :func:`save_version` keeps a numbered version to compare later. Drafts belong to their teller:
erasing the participant erases them.
"""

from __future__ import annotations

import datetime as dt
import difflib
import html
import json
import uuid
from dataclasses import dataclass, field
from typing import Any

from narratief.errors import NotTheTeller, StoryNotFound
from narratief.store import StoryStore

PRIVATE, SHAREABLE = "prive", "deelbaar"


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="milliseconds")


@dataclass
class Draft:
    id: str
    participant: str
    format: str
    title: str = ""
    private: dict[str, str] = field(default_factory=dict)  #: step id → text
    shareable: dict[str, str] = field(default_factory=dict)
    consent: list[str] = field(default_factory=list)
    story_id: str | None = None
    updated_at: str = ""

    def text(self, kind: str = PRIVATE, steps: list[str] | None = None) -> str:
        """The version ``kind`` as one text, steps in order (blank steps left out)."""
        parts = self.private if kind == PRIVATE else self.shareable
        order = steps or list(parts)
        return "\n\n".join(parts[s].strip() for s in order if parts.get(s, "").strip())

    def __repr__(self) -> str:  # never show story text
        return f"Draft({self.id!r}, participant={self.participant!r}, format={self.format!r})"


def _row_to_draft(row) -> Draft:
    return Draft(row[0], row[1], row[2], row[3], json.loads(row[4]), json.loads(row[5]), json.loads(row[6]), row[7],
                 row[8])


_COLUMNS = "id, participant, format, title, private, shareable, consent, story_id, updated_at"


def new_draft(store: StoryStore, participant: str, format: str, *, title: str = "") -> Draft:
    """Start an empty draft for ``participant`` in ``format``."""
    draft_id = f"d-{uuid.uuid4().hex[:10]}"
    stamp = _now()
    with store.atomic() as conn:
        conn.execute("INSERT OR IGNORE INTO participants (pseudonym, created_at) VALUES (?, ?)", (participant, stamp))
        conn.execute(
            "INSERT INTO drafts (id, participant, format, title, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
            (draft_id, participant, format, title, stamp, stamp),
        )
    return get_draft(store, draft_id, participant)


def get_draft(store: StoryStore, draft_id: str, participant: str) -> Draft:
    """The draft, only for its own teller."""
    row = store.connection.execute(f"SELECT {_COLUMNS} FROM drafts WHERE id = ?", (draft_id,)).fetchone()
    if row is None:
        raise StoryNotFound(f"no draft {draft_id}", story_id=draft_id)
    if row[1] != participant:
        raise NotTheTeller(f"draft {draft_id} asked by someone else")
    return _row_to_draft(row)


def drafts_of(store: StoryStore, participant: str) -> list[Draft]:
    """The participant's drafts, most recently changed first."""
    rows = store.connection.execute(
        f"SELECT {_COLUMNS} FROM drafts WHERE participant = ? ORDER BY updated_at DESC", (participant,)
    ).fetchall()
    return [_row_to_draft(r) for r in rows]


def autosave(store: StoryStore, draft: Draft, kind: str, step: str, text: str) -> None:
    """Write one step of the private or shareable version (called on every change)."""
    parts = draft.private if kind == PRIVATE else draft.shareable
    parts[step] = text
    column = "private" if kind == PRIVATE else "shareable"
    draft.updated_at = _now()
    with store.atomic() as conn:
        conn.execute(f"UPDATE drafts SET {column} = ?, updated_at = ? WHERE id = ?",
                     (json.dumps(parts, ensure_ascii=False), draft.updated_at, draft.id))


def set_draft_consent(store: StoryStore, draft: Draft, purposes: list[str]) -> None:
    """The purposes the teller chose for the shareable version (all off until chosen)."""
    from narratief.stories import check_purpose

    draft.consent = [check_purpose(p) for p in purposes]
    with store.atomic() as conn:
        conn.execute("UPDATE drafts SET consent = ?, updated_at = ? WHERE id = ?",
                     (json.dumps(draft.consent), _now(), draft.id))


def save_version(store: StoryStore, draft: Draft) -> int:
    """Keep the current private and shareable text as a numbered version; returns its number."""
    with store.atomic() as conn:
        seq = conn.execute("SELECT COALESCE(MAX(seq), 0) + 1 FROM draft_versions WHERE draft_id = ?",
                           (draft.id,)).fetchone()[0]
        conn.execute("INSERT INTO draft_versions (draft_id, seq, at, private, shareable) VALUES (?, ?, ?, ?, ?)",
                     (draft.id, seq, _now(), json.dumps(draft.private, ensure_ascii=False),
                      json.dumps(draft.shareable, ensure_ascii=False)))
    return int(seq)


def versions(store: StoryStore, draft: Draft) -> list[dict[str, Any]]:
    """Every kept version: ``seq``, ``at``, ``private``, ``shareable``."""
    rows = store.connection.execute(
        "SELECT seq, at, private, shareable FROM draft_versions WHERE draft_id = ? ORDER BY seq", (draft.id,)
    ).fetchall()
    return [{"seq": r[0], "at": r[1], "private": json.loads(r[2]), "shareable": json.loads(r[3])} for r in rows]


def compare(old: str, new: str) -> str:
    """HTML of what changed between two texts, word by word (removed struck through, added underlined)."""
    a, b = old.split(), new.split()
    out = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(html.escape(" ".join(a[i1:i2])))
        if op in ("delete", "replace"):
            out.append(f"<del>{html.escape(' '.join(a[i1:i2]))}</del>")
        if op in ("insert", "replace"):
            out.append(f"<ins>{html.escape(' '.join(b[j1:j2]))}</ins>")
    return " ".join(out)


def share(store: StoryStore, draft: Draft, steps: list[str], **metadata: Any) -> str:
    """Save the shareable version as a story with the chosen consent; returns the story id."""
    text = draft.text(SHAREABLE, steps) or draft.text(PRIVATE, steps)
    if draft.story_id and store.exists(draft.story_id):
        store.update_story(draft.story_id, text=text)
        store.set_purposes(draft.story_id, ["eigen", *draft.consent], method="notebook")
        return draft.story_id
    story = store.add_story(text, draft.participant, consent=["eigen", *draft.consent], consent_method="notebook",
                            source="notebook", **metadata)
    with store.atomic() as conn:
        conn.execute("UPDATE drafts SET story_id = ? WHERE id = ?", (story.id, draft.id))
    draft.story_id = story.id
    return story.id
