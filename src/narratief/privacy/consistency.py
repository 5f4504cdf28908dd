"""Make detection consistent within a story and apply the collection's allow-list, deny-list and review decisions.

Pure functions on findings: no spaCy. Once a detail is found, every other whole-word occurrence of it is found too
("Lotte Vermeulen" → also "Lotte", "Vermeulen", "lotte" elsewhere in the story).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from narratief.privacy.findings import Finding, resolve_overlaps
from narratief.privacy.lexicons import Lexicons

_PARTICLES = {"van", "de", "der", "den", "ter", "ten", "'t", "von", "del", "la", "le", "du", "da", "di", "el", "al", "vander",
              "vanden", "vande", "in", "op", "het", "dr.", "dr", "mr.", "st.", "sint"}


@dataclass(frozen=True)
class Decision:
    """A reviewer's decision on one detail of a story: ``unmark`` a false positive, or ``mark`` a missed detail."""

    action: str  # "mark" | "unmark"
    text: str
    label: str


def whole_word(text: str, needle: str, *, ignore_case: bool = True) -> Iterable[tuple[int, int]]:
    if not needle.strip():
        return []
    flags = re.IGNORECASE if ignore_case else 0
    pattern = re.compile(r"(?<!\w)" + re.escape(needle) + r"(?!\w)", flags)
    return [match.span() for match in pattern.finditer(text)]


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


class Occurrences:
    """Finds every whole-word occurrence of a needle with ``str.find`` on the case-folded text, folded once."""

    def __init__(self, text: str) -> None:
        self.text = text
        folded = text.casefold()
        self.folded = folded if len(folded) == len(text) else None

    def find(self, needle: str, *, ignore_case: bool = True) -> list[tuple[int, int]]:
        if not needle.strip():
            return []
        if self.folded is None:
            return list(whole_word(self.text, needle, ignore_case=ignore_case))
        size = len(needle)
        target = needle.casefold() if ignore_case else needle
        if len(target) != size:
            return list(whole_word(self.text, needle, ignore_case=ignore_case))
        haystack = self.folded if ignore_case else self.text
        text = self.text
        check_start, check_end = _is_word_char(needle[0]), _is_word_char(needle[-1])
        spans = []
        start = haystack.find(target)
        while start >= 0:
            end = start + size
            if not (check_start and start > 0 and _is_word_char(text[start - 1])) and not (
                check_end and end < len(text) and _is_word_char(text[end])
            ):
                spans.append((start, end))
            start = haystack.find(target, start + 1)
        return spans


def propagate(text: str, findings: list[Finding], lexicons: Lexicons | None = None) -> list[Finding]:
    """Add a finding for every other occurrence of a found detail, and of each part of a found person's name."""
    added: list[Finding] = []
    occurrences = Occurrences(text)
    done: set[tuple[str, bool, str]] = set()
    for finding in findings:
        surface = text[finding.start: finding.end]
        if len(surface.strip()) > 2 and finding.label != "LEEFTIJD":
            # a detail that is also an ordinary word ("Hoop", "Roos") spreads only to the same spelling mid-sentence
            ordinary = lexicons is not None and " " not in surface.strip() and (
                lexicons.is_common(surface.lower()) or surface.lower() in lexicons.never
            )
            key = (surface if ordinary else surface.casefold(), ordinary, finding.label)
            if key in done:
                continue
            done.add(key)
            for start, end in occurrences.find(surface, ignore_case=not ordinary):
                added.append(Finding(finding.label, start, end, max(finding.score, 0.8), "consistency", "same detail elsewhere", finding.kind))
            if finding.kind == "handle" and surface.startswith("@") and len(surface) > 4:
                # the handle without its "@": a chat's speaker label, "sterre_x010: ..."
                for start, end in occurrences.find(surface[1:]):
                    added.append(Finding("ID", start, end, 0.8, "consistency", "handle without @", "handle"))
        if finding.label != "PERSOON":
            continue
        for part in re.findall(r"[^\W\d_][\w'’-]*", surface):
            lower = part.lower()
            if len(part) <= 2 or lower in _PARTICLES:
                continue
            common = lexicons is not None and (lexicons.is_common(lower) or lower in lexicons.never)
            key = (part if common else lower, common, "part")
            if key in done:
                continue
            done.add(key)
            for start, end in occurrences.find(part, ignore_case=not common):
                added.append(Finding("PERSOON", start, end, 0.8, "consistency", "part of a found name"))
    return merge_addresses(text, resolve_overlaps(findings + added) if added else findings, lexicons)


def merge_addresses(text: str, findings: list[Finding], lexicons: Lexicons | None = None) -> list[Finding]:
    """Join a street and the postcode and place after it into one address ("Kerkstraat 4, 9000 Gent", also when
    the street was found as a name: "Botter 41-12, 8232 ZX Lelystad"), a surname with the first name after it in
    forms ("Hofstede, Jan-Willem"), and a found surname with the first name right before it ("Jan Winter")."""
    merged: list[Finding] = []
    for finding in findings:
        if merged and finding.label == merged[-1].label and finding.label in ("ADRES", "PERSOON"):
            gap = text[merged[-1].end: finding.start]
            joinable = len(gap) <= 3 and not gap.strip(" ,/")  # "/": the two names of a Brussels street
            if finding.label == "PERSOON":
                first = text[finding.start: finding.end].split()[0].lower()
                joinable = joinable and "," in gap and lexicons is not None and first in lexicons.first_names and (
                    " " not in text[merged[-1].start: merged[-1].end].strip()
                ) and text[merged[-1].start: merged[-1].end].lower() not in lexicons.first_names
            if joinable:
                merged[-1] = merged[-1].moved(merged[-1].start, finding.end)
                continue
        if finding.label == "PERSOON" and lexicons is not None:
            before = _FIRST_NAME_BEFORE.search(text, max(0, finding.start - 25), finding.start)
            word = before.group(1).lower() if before else ""
            if before and word in lexicons.first_names and not (merged and merged[-1].end > before.start(1)) and (
                word not in lexicons.context.get("salutations", ()) and word not in lexicons.particles
                and word not in _PREPOSITIONS
            ):  # not "Lieve Marieke", "De Jens", "Aan Jeroen Peeters" (a letter's address); but "Dan Peeters"
                finding = finding.moved(before.start(1), finding.end)  # "meneer Winter. Jan Winter."
        if merged and finding.label == "ADRES" and merged[-1].label in ("PERSOON", "LOCATIE", "ORGANISATIE") and (
            _HOUSE_NUMBER_GAP.match(text[merged[-1].end: finding.start])
        ):
            # a street name the lists know as a name, its number, then a postcode: "Botter 41-12, 8232 ZX Lelystad"
            merged[-1] = Finding("ADRES", merged[-1].start, finding.end, finding.score, finding.recognizer,
                                 "name, house number and postcode")
            continue
        merged.append(finding)
    return merged


#: Prepositions that are also first names somewhere ("Aan", "Door"): never the first name before a surname.
_PREPOSITIONS = {"aan", "door", "voor", "bij", "met", "naar", "via", "om", "op", "in", "uit", "over", "onder", "tot", "van"}
_FIRST_NAME_BEFORE = re.compile(r"(?<![\w-])([A-Z][a-zà-ÿ]+(?:-[A-Z][a-zà-ÿ]+)?) \Z")
_HOUSE_NUMBER_GAP = re.compile(r"\s\d{1,4}[a-zA-Z]?(?:\s?(?:-|/|bus)\s?\w{1,4})?,?\s+\Z")


def apply_allow(text: str, findings: list[Finding], allow: Iterable[str]) -> list[Finding]:
    """Drop findings that fall inside an allowed term ("De Link", the organisation running the session)."""
    allowed_spans = [span for term in allow for span in whole_word(text, term)]
    if not allowed_spans:
        return findings
    return [f for f in findings if not any(s <= f.start and f.end <= e for s, e in allowed_spans)]


def apply_deny(text: str, findings: list[Finding], deny: Mapping[str, str] | Iterable[str]) -> list[Finding]:
    """Add a finding for every occurrence of a denied term (always redacted). ``deny`` maps term → label."""
    terms = deny.items() if isinstance(deny, Mapping) else ((term, "PERSOON") for term in deny)
    added = [
        Finding(label or "PERSOON", start, end, 1.0, "deny_list", "always redacted in this collection")
        for term, label in terms
        for start, end in whole_word(text, term)
    ]
    return resolve_overlaps(findings + added) if added else findings


def apply_decisions(text: str, findings: list[Finding], decisions: Iterable[Decision]) -> list[Finding]:
    """Re-apply review decisions by surface text, so they survive edits of the story."""
    decisions = list(decisions)
    unmark = {d.text.casefold() for d in decisions if d.action == "unmark"}
    kept = [f for f in findings if text[f.start: f.end].casefold() not in unmark]
    added = [
        Finding(d.label, start, end, 1.0, "review", "marked by a reviewer")
        for d in decisions
        if d.action == "mark"
        for start, end in whole_word(text, d.text)
    ]
    return resolve_overlaps(kept + added) if added else kept
