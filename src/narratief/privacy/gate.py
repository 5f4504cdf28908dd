"""The privacy gate: the one way a story reaches anyone other than its teller, or leaves the tool.

Exports, reports, theme input and group views call :func:`shareable_text` or :func:`shareable_stories`. The gate
checks consent for the purpose and returns the shareable text:

- ``eigen`` (own reflection): the raw text, and only to the teller (``viewer`` must be the story's participant);
- every other purpose: the anonymised text. Until narratief's anonymiser is available the gate refuses these
  purposes with :class:`~narratief.errors.SharingRefused` rather than hand out raw text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from narratief.errors import ConsentMissing, NotTheTeller, SharingRefused, ViewerRequired
from narratief.stories import Story, check_purpose

if TYPE_CHECKING:
    import pandas as pd

    from narratief.store import StoryStore

#: Columns of :func:`shareable_stories`.
SHAREABLE_COLUMNS = ["id", "participant", "session", "level", "perspective", "kind", "language", "tags", "text"]


def _release(story: Story, purpose: str, viewer: str | None) -> str:
    if purpose == "eigen":
        if viewer is None:
            raise ViewerRequired("purpose 'eigen' needs the viewer's pseudonym")
        if viewer != story.participant:
            raise NotTheTeller(f"story {story.id} requested for 'eigen' by someone else")
        return story.text
    _refuse_unanonymised(purpose)
    raise AssertionError("unreachable")


def _refuse_unanonymised(purpose: str) -> None:
    raise SharingRefused(f"purpose {purpose!r} needs anonymised text and no anonymiser is installed", doel=purpose)


def shareable_text(store: StoryStore, story_id: str, purpose: str, *, viewer: str | None = None) -> str:
    """The text of one story as it may be shown for ``purpose``; raises when consent or the purpose forbid it."""
    purpose = check_purpose(purpose)
    story = store.get_story(story_id)
    if not store.has_consent(story_id, purpose):
        raise ConsentMissing(f"story {story_id} has no consent for {purpose!r}", story_id=story_id, doel=purpose)
    return _release(story, purpose, viewer)


def shareable_stories(
    store: StoryStore, purpose: str, *, viewer: str | None = None, **filters: Any
) -> pd.DataFrame:
    """Every story with consent for ``purpose`` (and matching ``filters``), its text made shareable.

    For ``eigen`` pass ``viewer``: only that participant's own stories are returned.
    """
    import pandas as pd

    purpose = check_purpose(purpose)
    if purpose == "eigen":
        if viewer is None:
            raise ViewerRequired("purpose 'eigen' needs the viewer's pseudonym")
        filters["participant"] = viewer
    else:
        _refuse_unanonymised(purpose)
    rows = []
    for story in store.stories(purpose=purpose, **filters):
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
                "text": _release(story, purpose, viewer),
            }
        )
    return pd.DataFrame(rows, columns=SHAREABLE_COLUMNS)
