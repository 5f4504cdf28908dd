"""Replace detected details for one purpose: placeholders, surrogates, masks or keep. Imports no spaCy.

``replace(text, findings, mode=...)`` returns the new text and, per finding, what replaced it. Mentions of one
person ("Lotte Vermeulen", "Lotte", "mevrouw Vermeulen", "lotte") share one pseudonym; with a ``key`` (kept in the
key store), a person gets the same pseudonym in every story of a collection (HMAC of the name).
"""

from __future__ import annotations

import hashlib
import hmac
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from narratief.errors import InvalidPolicy
from narratief.privacy.findings import Finding

MODES = ("placeholder", "surrogate", "mask", "keep")
_PARTICLES = {"van", "de", "der", "den", "ter", "ten", "'t", "von", "vander", "vanden", "vande", "le", "la", "du", "da", "el", "al"}


@dataclass(frozen=True)
class ReplacedSpan:
    """One replaced detail: offsets into the original text, its label, the original and the replacement text."""

    start: int
    end: int
    label: str
    text: str
    replacement: str
    score: float = 1.0
    kind: str | None = None

    def __repr__(self) -> str:  # the original text never shows in logs or tracebacks
        return f"ReplacedSpan({self.start}, {self.end}, {self.label!r}, replacement={self.replacement!r})"


@dataclass(frozen=True)
class Replaced:
    text: str
    spans: tuple[ReplacedSpan, ...]


def _name_parts(surface: str) -> tuple[str, ...]:
    return tuple(p for p in re.findall(r"[^\W\d_][\w'’-]*", surface.casefold()) if p not in _PARTICLES and len(p) > 1)


class Entities:
    """Groups the mentions of one entity and numbers entities per label in order of first appearance.

    A person's mentions join when the parts of one name are a subset of the other's ("Lotte" and "mevrouw
    Vermeulen" join "Lotte Vermeulen"). Call :meth:`learn` with every mention first, longest first.
    """

    def __init__(self) -> None:
        self._people: list[set[str]] = []  # parts of each person's fullest name
        self._fullest: list[str] = []
        self._by_part: dict[str, list[int]] = {}  # name part -> people having it
        self._numbers: dict[tuple[str, object], int] = {}
        self._count: dict[str, int] = {}
        self._seen: dict[str, int] = {}

    def _person(self, surface: str) -> int:
        known = self._seen.get(surface)
        if known is not None:
            return known
        parts = set(_name_parts(surface)) or {surface.casefold()}
        candidates = sorted({i for part in parts for i in self._by_part.get(part, ())})
        for index in candidates:
            person = self._people[index]
            if parts <= person or person <= parts:
                if len(parts) > len(person):
                    self._people[index], self._fullest[index] = parts, surface
                    for part in parts:
                        self._by_part.setdefault(part, []).append(index)
                self._seen[surface] = index
                return index
        self._people.append(parts)
        self._fullest.append(surface)
        index = len(self._people) - 1
        for part in parts:
            self._by_part.setdefault(part, []).append(index)
        self._seen[surface] = index
        return index

    def learn(self, label: str, surface: str) -> None:
        if label == "PERSOON":
            self._person(surface)

    def _key(self, label: str, surface: str) -> tuple[str, object]:
        if label == "PERSOON":
            return (label, self._person(surface))
        return (label, re.sub(r"\s+", " ", surface.casefold().strip()))

    def identify(self, label: str, surface: str) -> int:
        """The entity's number within its label: 1 for the first one met, 2 for the next, …"""
        key = self._key(label, surface)
        if key not in self._numbers:
            self._count[label] = self._count.get(label, 0) + 1
            self._numbers[key] = self._count[label]
        return self._numbers[key]

    def canonical(self, label: str, surface: str) -> str:
        """The fullest form of the entity (a person's longest name), used for keyed codes and surrogates."""
        key = self._key(label, surface)
        return self._fullest[key[1]] if label == "PERSOON" else surface


def _keyed_code(key: bytes, label: str, canonical: str) -> str:
    digest = hmac.new(key, f"{label}:{canonical.casefold()}".encode("utf-8"), hashlib.sha256).hexdigest()
    return digest[:6].upper()


def replace(
    text: str,
    findings: Iterable[Finding],
    *,
    mode: str | Mapping[str, str] = "placeholder",
    key: bytes | None = None,
    variant: str = "nl-BE",
) -> Replaced:
    """Replace each finding according to ``mode`` (one mode, or a policy mapping label → mode)."""
    policy = mode if isinstance(mode, Mapping) else None
    for chosen in (policy.values() if policy else [mode]):
        if chosen not in MODES:
            raise InvalidPolicy(f"unknown replacement mode {chosen!r}", modus=str(chosen), toegestaan=", ".join(MODES))
    ordered = sorted(findings, key=lambda f: (f.start, f.end))
    entities = Entities()
    # first pass: know each person's fullest name before numbering (so "Lotte" before "Lotte Vermeulen" joins)
    for finding in sorted(ordered, key=lambda f: -(f.end - f.start)):
        entities.learn(finding.label, text[finding.start: finding.end])
    surrogates = None
    pieces, spans, cursor = [], [], 0
    for finding in ordered:
        if finding.start < cursor:
            continue  # overlapping findings were resolved upstream; be safe
        surface = text[finding.start: finding.end]
        chosen = policy.get(finding.label, "placeholder") if policy else mode
        number = entities.identify(finding.label, surface)
        if chosen == "keep":
            replacement = surface
        elif chosen == "mask":
            replacement = re.sub(r"\S", "*", surface)
        elif chosen == "surrogate":
            if surrogates is None:
                from narratief.privacy.surrogates import Surrogates

                surrogates = Surrogates(variant=variant, key=key)
            canonical = entities.canonical(finding.label, surface)
            replacement = surrogates.replacement(finding.label, surface, canonical, finding.kind)
        else:
            code = _keyed_code(key, finding.label, entities.canonical(finding.label, surface)) if key else str(number)
            replacement = f"[{finding.label}-{code}]"
        pieces.append(text[cursor: finding.start])
        pieces.append(replacement)
        spans.append(ReplacedSpan(finding.start, finding.end, finding.label, surface, replacement, finding.score, finding.kind))
        cursor = finding.end
    pieces.append(text[cursor:])
    return Replaced("".join(pieces), tuple(spans))
