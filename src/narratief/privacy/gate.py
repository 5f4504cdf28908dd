"""The privacy gate: the one way a story reaches anyone other than its teller, or leaves the tool.

Exports, reports, theme input and group views call :func:`shareable_text` or :func:`shareable_stories`. The gate
checks consent for the purpose and returns the shareable text:

- ``eigen`` (own reflection): the raw text, and only to the teller (``viewer`` must be the story's participant);
- every other purpose: the anonymised text (placeholders such as ``[PERSOON-1]``), computed with the
  collection's allow- and deny-lists and the story's review decisions, and kept in the store until the text or
  the lists change.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from narratief.errors import ConsentMissing, NotTheTeller, ViewerRequired
from narratief.stories import Story, check_purpose

if TYPE_CHECKING:
    import pandas as pd

    from narratief.store import StoryStore

log = logging.getLogger(__name__)

#: Columns of :func:`shareable_stories`.
SHAREABLE_COLUMNS = ["id", "participant", "session", "level", "perspective", "kind", "language", "tags", "text"]


def anonymised_story(store: StoryStore, story: Story) -> tuple[str, list]:
    """The anonymised text of ``story`` and its spans, from the store when fresh, else computed and stored.

    Spans are ``[start, end, label, replacement, score, kind]`` with offsets into the original text.
    """
    cached = store.cached_anonymised(story.id)
    if cached is not None:
        return cached
    from narratief.privacy.anonymiser import Anonymiser
    from narratief.privacy.consistency import Decision

    allow, deny = store.privacy_lists()
    lists_version = store.lists_version()
    decisions = [Decision(*d) for d in store.decisions(story.id)]
    result = Anonymiser("placeholder", allow=allow, deny=deny)(story.text, decisions=decisions, variant=_variant(story))
    spans = [[s.start, s.end, s.label, s.replacement, round(s.score, 3), s.kind] for s in result.spans]
    store.store_anonymised(story.id, story.version, lists_version, result.text, spans)
    log.info("anonymised story %s: %d details", story.id, len(spans))
    return result.text, spans


def _variant(story: Story) -> str:
    return story.language if story.language in ("nl-BE", "nl-NL") else "auto"


def _release(store: StoryStore, story: Story, purpose: str, viewer: str | None) -> str:
    if purpose == "eigen":
        if viewer is None:
            raise ViewerRequired("purpose 'eigen' needs the viewer's pseudonym")
        if viewer != story.participant:
            raise NotTheTeller(f"story {story.id} requested for 'eigen' by someone else")
        return story.text
    return anonymised_story(store, story)[0]


def shareable_text(store: StoryStore, story_id: str, purpose: str, *, viewer: str | None = None) -> str:
    """The text of one story as it may be shown for ``purpose``; raises when consent or the purpose forbid it."""
    purpose = check_purpose(purpose)
    story = store.get_story(story_id)
    if not store.has_consent(story_id, purpose):
        raise ConsentMissing(f"story {story_id} has no consent for {purpose!r}", story_id=story_id, doel=purpose)
    return _release(store, story, purpose, viewer)


def shareable_stories(
    store: StoryStore,
    purpose: str,
    *,
    viewer: str | None = None,
    progress: Callable[[Iterable[Any]], Iterable[Any]] | None = None,
    **filters: Any,
) -> pd.DataFrame:
    """Every story with consent for ``purpose`` (and matching ``filters``), its text made shareable.

    For ``eigen`` pass ``viewer``: only that participant's own stories are returned. ``progress`` wraps the
    loop (e.g. ``tqdm``) when anonymising many stories.
    """
    import pandas as pd

    purpose = check_purpose(purpose)
    if purpose == "eigen":
        if viewer is None:
            raise ViewerRequired("purpose 'eigen' needs the viewer's pseudonym")
        filters["participant"] = viewer
    stories = store.stories(purpose=purpose, **filters)
    rows = []
    for story in progress(stories) if progress else stories:
        rows.append(
            {
                "id": story.id,
                "participant": story.participant,
                "session": story.session,
                "level": story.level,
                "perspective": story.perspective,
                "kind": story.kind,
                "language": story.language,
                "tags": ";".join(story.tags),
                "text": _release(store, story, purpose, viewer),
            }
        )
    frame = pd.DataFrame(rows, columns=SHAREABLE_COLUMNS)
    frame.attrs["narratief_purpose"] = purpose  # marks the texts as released by the gate (see find_themes)
    return frame
