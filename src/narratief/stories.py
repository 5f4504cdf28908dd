"""The data model: stories, participants, sessions, consent and text versions.

Plain dataclasses; the store (:mod:`narratief.store`) reads and writes them. The vocabularies (levels,
perspectives, kinds, consent purposes) and their accepted spellings live here too, so import, store and UI
agree on them.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Final

from narratief.errors import InvalidPurpose

#: Consent purposes, from most private to most public.
PURPOSES: Final = ("eigen", "groep", "begeleider", "onderzoek", "publicatie")
LEVELS: Final = ("micro", "meso", "macro")
PERSPECTIVES: Final = ("gebruiker", "hulpverlener")
KINDS: Final = ("drempel", "hefboom")

#: Other spellings accepted on import (Dutch and English), mapped to the canonical value.
VALUE_ALIASES: Final[dict[str, dict[str, str]]] = {
    "level": {"micro": "micro", "meso": "meso", "macro": "macro"},
    "perspective": {
        "gebruiker": "gebruiker",
        "user": "gebruiker",
        "client": "gebruiker",
        "cliënt": "gebruiker",
        "cliente": "gebruiker",
        "hulpverlener": "hulpverlener",
        "dienstverlener": "hulpverlener",
        "hulpverlening": "hulpverlener",
        "helper": "hulpverlener",
        "professional": "hulpverlener",
    },
    "kind": {
        "drempel": "drempel",
        "drempels": "drempel",
        "barrier": "drempel",
        "hefboom": "hefboom",
        "hefbomen": "hefboom",
        "lever": "hefboom",
    },
    "purpose": {
        "eigen": "eigen",
        "own": "eigen",
        "groep": "groep",
        "group": "groep",
        "begeleider": "begeleider",
        "facilitator": "begeleider",
        "onderzoek": "onderzoek",
        "research": "onderzoek",
        "publicatie": "publicatie",
        "publication": "publicatie",
        "quotation": "publicatie",
    },
}


def _fold(value: str) -> str:
    return unicodedata.normalize("NFC", value).strip().lower()


def normalise_value(kind: str, value: str | None) -> str | None:
    """Return the canonical spelling of a level, perspective, kind or purpose; ``None`` for empty input.

    Raises ``ValueError`` for a value that is not known (callers turn it into a user-facing error).
    """
    if value is None:
        return None
    folded = _fold(str(value))
    if not folded:
        return None
    try:
        return VALUE_ALIASES[kind][folded]
    except KeyError:
        raise ValueError(f"unknown {kind} value") from None


def shown_value(value: object) -> str:
    """A cell value as an error message may show it: short single words only, never a sentence of a story."""
    text = str(value).strip()
    return text if len(text) <= 20 and " " not in text else f"… ({len(text)} tekens)"


def check_purpose(purpose: str) -> str:
    """Return the canonical purpose or raise :class:`InvalidPurpose`."""
    try:
        canonical = normalise_value("purpose", purpose)
    except ValueError:
        canonical = None
    if canonical is None:
        raise InvalidPurpose(
            f"unknown consent purpose (length {len(str(purpose))})",
            doel=shown_value(purpose),
            toegestaan=", ".join(PURPOSES),
        )
    return canonical


def split_list(value: str | list[str] | tuple[str, ...] | None) -> list[str]:
    """Split ``"a; b, c"`` (or a list) into clean, unique items, order kept."""
    if value is None:
        return []
    items = value if isinstance(value, (list, tuple)) else re.split(r"[;,|]", str(value))
    seen: dict[str, None] = {}
    for item in items:
        cleaned = str(item).strip()
        if cleaned:
            seen.setdefault(cleaned, None)
    return list(seen)


@dataclass(frozen=True)
class Consent:
    """The state of one purpose for one story: granted or not, when, how and under which information text."""

    story_id: str
    purpose: str
    granted: bool
    changed_at: str
    method: str
    info_version: str


@dataclass(frozen=True)
class StoryVersion:
    """One saved text of a story. Version 1 is the first save; the highest is the current text."""

    story_id: str
    version: int
    text: str
    saved_at: str


@dataclass(frozen=True)
class Story:
    """An experience story as the store holds it. ``text`` is the teller's raw text: share it only through
    :func:`narratief.privacy.gate.shareable_text`."""

    id: str
    participant: str
    text: str
    session: str | None = None
    language: str = "nl"
    level: str | None = None
    perspective: str | None = None
    kind: str | None = None
    tags: tuple[str, ...] = ()
    source: str = "api"
    version: int = 1
    created_at: str = ""
    updated_at: str = ""

    def __repr__(self) -> str:  # never show the text in a repr (logs, tracebacks, notebooks)
        return (
            f"Story(id={self.id!r}, participant={self.participant!r}, session={self.session!r}, "
            f"level={self.level!r}, perspective={self.perspective!r}, kind={self.kind!r}, "
            f"version={self.version}, chars={len(self.text)})"
        )


@dataclass(frozen=True)
class Participant:
    """A participant, known by pseudonym only. Real names, if recorded, live in the key store."""

    pseudonym: str
    created_at: str = ""


@dataclass(frozen=True)
class Session:
    """A group session (dialoogtafel, herstelwerkplaats, story round) or any other grouping of stories."""

    id: str
    title: str | None = None
    date: str | None = None
    format: str | None = None
    created_at: str = ""
