"""Postcodes with their place: Belgian "9000 Gent" (four digits, low score alone) and Dutch "3512 JK Utrecht"."""

from __future__ import annotations

from collections.abc import Iterator

from narratief.privacy.findings import Finding
from narratief.privacy.recognizers.base import Recognizer, TextView, regex

_BE = regex(r"(?<![\w.,/-])(?:B-)?[1-9]\d{3}(?=\s+[A-Z'])")
_NL = regex(r"(?<![\w.,/-])[1-9]\d{3}\s?(?!SA|SD|SS)[A-Z]{2}(?![\w-])")
_JOINERS = {"aan", "op", "in", "bij", "den", "de", "der", "ter", "van"}


def _opens_line(view: TextView, end: int) -> bool:
    """The postcode ending at ``end`` opens its line, so the place after it counts as a sentence start."""
    line_start = view.text.rfind("\n", 0, end) + 1
    return view.text[line_start: end].strip().isdigit() or view.text[line_start: end].strip().startswith("B-")


def _place_end(view: TextView, end: int) -> tuple[int, bool]:
    """End of the place name right after a postcode, and whether that place is in the place lists."""
    index = view.index_after(end)
    if index >= len(view.tokens):
        return end, False
    words = []
    for token in view.tokens[index: index + 5]:
        if words and token.sent_start:
            break  # the place ends with its line: "1506 EH Zaandam\nTelefoon: ..."
        if token.is_cap or (words and token.lower in _JOINERS):
            words.append(token)
        else:
            break
    while words and not words[-1].is_cap:
        words.pop()
    if not words or "\n" in view.text[end: words[0].start] or words[0].sent_start and not _opens_line(view, end):
        return end, False
    lowered = tuple(t.lower for t in words)
    known = any(w in view.lexicons.places for w in lowered) or any(
        tuple(lowered[:size]) in view.lexicons.phrase_labels for size in view.lexicons.phrase_lengths.get(lowered[0], ())
    )
    return words[-1].end, known


class PostcodeRecognizer(Recognizer):
    name = "postcodes"
    labels = ("ADRES",)

    def find(self, view: TextView) -> Iterator[Finding]:
        cues = view.lexicons.word_set("postcode_cues")
        for match in _BE.finditer(view.text):
            end, known = _place_end(view, match.end())
            context = bool(cues & set(view.words_before(match.start(), 3)))
            if known or context:
                score = 0.9 if known else 0.7
                yield Finding("ADRES", match.start(), end, score, self.name, "Belgian postcode and place")
        for match in _NL.finditer(view.text):
            end, known = _place_end(view, match.end())
            if not known and match.group()[-2:].lower() in view.lexicons.function_words:
                continue  # a year and a word in a text in capitals: "OP 20 SEPTEMBER 2021 IN DE RECHTBANK"
            yield Finding("ADRES", match.start(), end if known or end > match.end() else match.end(), 0.9, self.name,
                          "Dutch postcode")
