"""Findings: what detection reports and replacement consumes. No spaCy here (replacement imports only this)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

#: The labels narratief detects.
LABELS = ("PERSOON", "LOCATIE", "ADRES", "ORGANISATIE", "DATUM", "LEEFTIJD", "TELEFOON", "EMAIL", "URL", "ID")

#: When two findings overlap, the more specific label wins at equal score.
_SPECIFICITY = {
    "EMAIL": 9, "URL": 8, "ID": 8, "TELEFOON": 8, "ADRES": 7, "DATUM": 6, "LEEFTIJD": 6, "ORGANISATIE": 5,
    "LOCATIE": 4, "PERSOON": 3,
}


@dataclass(frozen=True)
class Finding:
    """One detected identifying detail: ``text[start:end]`` with a label, a score in [0, 1] and why.

    ``kind`` refines ID findings (``rijksregisternummer``, ``bsn``, ``iban``, ``nummerplaat``, ``dossier``,
    ``handle``). The repr never shows the detected text.
    """

    label: str
    start: int
    end: int
    score: float
    recognizer: str
    reason: str = ""
    kind: str | None = None

    def __len__(self) -> int:
        return self.end - self.start

    def moved(self, start: int, end: int) -> Finding:
        return replace(self, start=start, end=end)


def resolve_overlaps(findings: Iterable[Finding]) -> list[Finding]:
    """Merge overlapping findings into one per region, sorted by position.

    Overlapping findings become their union (missing part of a detail is worse than covering a little too much);
    the label, score and recognizer come from the best one: higher score, then the longer span, then the more
    specific label.
    """
    ordered = sorted(findings, key=lambda f: (f.start, -f.end))
    groups: list[list[Finding]] = []
    end = -1
    for finding in ordered:
        if groups and finding.start < end:
            groups[-1].append(finding)
            end = max(end, finding.end)
        else:
            groups.append([finding])
            end = finding.end
    resolved = []
    for group in groups:
        if len(group) == 1:
            resolved.append(group[0])
            continue
        best = min(group, key=lambda f: (-round(f.score, 1), -(f.end - f.start), -_SPECIFICITY.get(f.label, 0)))
        resolved.append(best.moved(min(f.start for f in group), max(f.end for f in group)))
    return resolved
