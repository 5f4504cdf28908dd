"""Phone numbers of Belgium and the Netherlands (and international ones), through Google's libphonenumber."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from narratief.privacy.findings import Finding
from narratief.privacy.recognizers.base import Recognizer, TextView, regex, stretches

_LOOSE = regex(r"(?<![\w+])(?:\+|00)?\d[\d\s./()-]{7,17}\d(?!\w)")
#: Where libphonenumber may find a number we keep: nine digits or more, separators between, from "+", "(" or "0".
_DATE_FIRST = regex(r"\d{1,2}[-/.]\d{1,2}[-/.](?:19|20)\d\d(?!\d)")
_CANDIDATE = regex(r"[+(0][\d\s./()\-]{8,30}\d")


class PhoneRecognizer(Recognizer):
    """Numbers that libphonenumber accepts as possible for BE or NL, written in any common way."""

    name = "phone"
    labels = ("TELEFOON",)

    def __init__(self, regions: tuple[str, ...] = ("BE", "NL")) -> None:
        self.regions = regions

    def find(self, view: TextView) -> Iterator[Finding]:
        import phonenumbers

        seen: set[tuple[int, int]] = set()
        for region in self.regions:
            for offset, match in self._matches(view, region):
                span = (offset + match.start, offset + match.end)
                if span in seen:
                    continue
                seen.add(span)
                digits = sum(c.isdigit() for c in match.raw_string)
                if digits < 9 or not match.raw_string.lstrip("(").startswith(("0", "+")):
                    continue  # numbers people write always start with 0, + or 00
                valid = phonenumbers.is_valid_number(match.number)
                yield Finding("TELEFOON", span[0], span[1], 0.9 if valid else 0.8, self.name,
                              "valid phone number" if valid else "possible phone number")
        if " nul " in view.text.lower():
            yield from self._spoken(view)
        # Numbers written with unusual separators ("0478/12.34.56") that the matcher may skip.
        for match in _LOOSE.finditer(view.text):
            raw = match.group()
            digits = "".join(c for c in raw if c.isdigit())
            if not 9 <= len(digits) <= 13 or (match.start(), match.end()) in seen or _DATE_FIRST.match(raw):
                continue  # not a date and a time: "03-05-2023 22:14"
            if raw.startswith(("+", "00")) or digits.startswith("0"):
                if any(sep in raw for sep in " ./-") or raw.startswith("+"):
                    yield Finding("TELEFOON", match.start(), match.end(), 0.6, self.name, "phone-like digit groups")

    def _spoken(self, view: TextView) -> Iterator[Finding]:
        """A number said in words, as in a voice message's transcript: "nul vier zeven negen zesenzestig tweeënveertig
        eenendertig nul acht" (from "nul", nine to twelve digits)."""
        from narratief.privacy.recognizers.numbers import cardinal

        digits_of = _spoken_digits(cardinal)
        tokens = view.tokens
        for token in tokens:
            if token.lower != "nul":
                continue
            digits, last = "", token
            for following in tokens[token.i:]:
                said = digits_of.get(following.lower.replace("één", "een"))
                if said is None or len(digits) >= 12:
                    break
                digits, last = digits + said, following
            if 9 <= len(digits) <= 12:
                yield Finding("TELEFOON", token.start, last.end, 0.7, self.name, "phone number said in words")

    @staticmethod
    def _matches(view: TextView, region: str):
        """libphonenumber's matches, run only on the stretches around phone-like digit runs (it is slow on prose),
        each cut at whitespace; offsets are relative to the stretch."""
        import phonenumbers

        text = view.text
        candidates = (m.span() for m in _CANDIDATE.finditer(text) if sum(c.isdigit() for c in m.group()) >= 9)
        windows = stretches(text, candidates, 8)
        for start, end in windows:
            for match in phonenumbers.PhoneNumberMatcher(text[start:end], region, leniency=phonenumbers.Leniency.POSSIBLE):
                yield start, match


@lru_cache(maxsize=1)
def _spoken_digits(cardinal) -> dict[str, str]:
    """Number words 0–99 and the digits they stand for ("zes" → "6", "tweeënveertig" → "42")."""
    return {cardinal(n): str(n) for n in range(100)}
