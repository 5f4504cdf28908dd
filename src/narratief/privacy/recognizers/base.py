"""What every recognizer gets (a :class:`TextView`) and the base classes for pattern-based recognizers."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from narratief.privacy.findings import Finding
from narratief.privacy.lexicons import Lexicons

#: Presidio's context enhancement: a context word this many tokens before a match raises its score.
CONTEXT_WINDOW = 5
CONTEXT_BOOST = 0.35


_HAS_ALPHA = re.compile(r"[^\W\d_]").search
_HAS_DIGIT = re.compile(r"\d").search
_DIGITS = re.compile(r"\d+")
_SPACE = re.compile(r"\s")
#: Characters around a digit run that a pattern with digits may still reach ("zomervakantie van 2017").
WINDOW = 40


def _is_cap(text: str) -> bool:
    """Starts with a capital letter (``Gent``, ``Van``, ``'s-Hertogenbosch``, ``UZ``)."""
    stripped = text.lstrip("'’")
    stripped = stripped[2:] if stripped[:2].lower() == "s-" else stripped
    return bool(stripped) and stripped[0].isupper()


#: Word shapes (is_cap, is_upper, is_word) by spelling; words repeat, so most tokens are a dictionary hit.
_SHAPES: dict[str, tuple[bool, bool, bool]] = {}


def _shape(text: str) -> tuple[bool, bool, bool]:
    shape = _SHAPES.get(text)
    if shape is None:
        alpha = _HAS_ALPHA(text) is not None
        shape = (_is_cap(text), alpha and text.isupper(), alpha and _HAS_DIGIT(text) is None)
        if len(_SHAPES) < 200_000:
            _SHAPES[text] = shape
    return shape


class Token:
    """A word token with what recognizers ask of it, computed once."""

    __slots__ = ("text", "lower", "start", "end", "i", "sent_start", "is_cap", "is_upper", "is_word")

    def __init__(self, text: str, lower: str, start: int, end: int, i: int, sent_start: bool) -> None:
        self.text, self.lower, self.start, self.end, self.i, self.sent_start = text, lower, start, end, i, sent_start
        self.is_cap, self.is_upper, self.is_word = _SHAPES.get(text) or _shape(text)

    def __repr__(self) -> str:
        return f"Token(i={self.i}, start={self.start}, end={self.end})"

    @property
    def shouted(self) -> bool:
        """Written in capitals in a sentence written in capitals (its capitals say nothing: "WOONHAVEN ANTWERPEN")."""
        return not self.is_upper and self.text.isupper()


@dataclass
class TextView:
    """A story as recognizers see it: the text, its word tokens (spaces dropped), and the lexicons."""

    text: str
    tokens: list[Token]
    lexicons: Lexicons
    variant: str = "nl"
    _starts: list[int] = field(default_factory=list, repr=False)
    _ends: list[int] = field(default_factory=list, repr=False)
    _windows: list[tuple[int, int]] | None = field(default=None, repr=False)
    _lowercase: bool | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        self._starts = [t.start for t in self.tokens]
        self._ends = [t.end for t in self.tokens]

    def index_after(self, char: int) -> int:
        """Index of the first token that starts at or after ``char`` (``len(tokens)`` when none)."""
        return bisect.bisect_left(self._starts, char)

    def before(self, token: Token, n: int = 1) -> list[Token]:
        """Up to ``n`` tokens before ``token`` in the same sentence, nearest last."""
        found: list[Token] = []
        i = token.i - 1
        current = token
        while i >= 0 and len(found) < n and not current.sent_start:
            current = self.tokens[i]
            found.insert(0, current)
            i -= 1
        return found

    def words_before(self, start: int, n: int = CONTEXT_WINDOW) -> list[str]:
        """Lowercase tokens in the ``n`` tokens before character ``start``."""
        index = bisect.bisect_right(self._ends, start)
        return [t.lower.strip(".:") for t in self.tokens[max(0, index - n): index]]

    def context(self, key: str) -> list[str]:
        return self.lexicons.context[key]

    @property
    def lowercase(self) -> bool:
        """True for a text typed without capitals: sentences mostly start in lowercase, or (one long sentence)
        almost no word has a capital."""
        if self._lowercase is None:
            tokens = self.tokens
            # a speaker label ("Zjoske:", "Tante Mia:") is no sentence of the text: chats are often typed in lowercase
            starts = [t for t in tokens if t.sent_start and t.is_word and not any(n.text == ":" for n in tokens[t.i + 1: t.i + 4])]
            if len(starts) >= 2:
                self._lowercase = sum(1 for t in starts if t.is_cap) / len(starts) < 0.3
            else:
                words = [t for t in self.tokens if t.is_word]
                self._lowercase = len(words) >= 20 and sum(1 for t in words if t.is_cap) / len(words) < 0.02
        return self._lowercase

    @property
    def digit_windows(self) -> list[tuple[int, int]]:
        """The parts of the text within :data:`WINDOW` characters of a digit, cut at whitespace, merged."""
        if self._windows is None:
            self._windows = stretches(self.text, (m.span() for m in _DIGITS.finditer(self.text)), WINDOW)
        return self._windows

    def finditer_digits(self, pattern: re.Pattern[str]) -> Iterator[re.Match[str]]:
        """``pattern.finditer`` over the text, for a pattern whose every match contains a digit near its ends:
        only the digit windows are searched (lookbehinds still see the text before each window)."""
        for start, end in self.digit_windows:
            yield from pattern.finditer(self.text, start, end)


def stretches(text: str, spans: Iterable[tuple[int, int]], margin: int) -> list[tuple[int, int]]:
    """The text around ``spans`` (in order), ``margin`` characters each side widened to whitespace, merged."""
    found: list[tuple[int, int]] = []
    for start, end in spans:
        start = max(0, start - margin)
        start = max(text.rfind(" ", 0, start), text.rfind("\n", 0, start)) + 1 if start else 0
        space = _SPACE.search(text, end + margin) if end + margin < len(text) else None
        end = space.start() if space else len(text)
        if found and start <= found[-1][1]:
            found[-1] = (found[-1][0], max(end, found[-1][1]))
        else:
            found.append((start, end))
    return found


class Recognizer:
    """Finds one family of identifying details. Subclasses implement :meth:`find`."""

    name = "recognizer"
    labels: tuple[str, ...] = ()

    def find(self, view: TextView) -> Iterable[Finding]:
        raise NotImplementedError


@dataclass
class Pattern:
    regex: re.Pattern[str]
    score: float
    reason: str
    group: int = 0
    needs: str | None = None  # a string every match contains ("_"): the pattern runs only on texts that have it


class PatternRecognizer(Recognizer):
    """Scored regular expressions, an optional check of each match, and context words that raise the score.

    ``needs="digit"`` searches only near digits (every match has one); any other string of ``needs`` must occur
    in the text for the patterns to run (``"@"`` for e-mail addresses).

    ``validate(match_text)`` returns ``True`` (raise to ``validated_score``), ``False`` (drop) or ``None`` (keep the
    pattern's score), as Presidio's ``validate_result``.
    """

    def __init__(
        self,
        name: str,
        label: str,
        patterns: list[Pattern],
        *,
        context: Iterable[str] = (),
        validate: Callable[[str], bool | None] | None = None,
        validated_score: float = 0.95,
        kind: str | None = None,
        needs: str | None = None,
    ) -> None:
        self.name = name
        self.labels = (label,)
        self.label = label
        self.patterns = patterns
        self.context_words = {c.lower() for c in context}
        self.validate = validate
        self.validated_score = validated_score
        self.kind = kind
        self.needs = needs

    def find(self, view: TextView) -> Iterator[Finding]:
        if self.needs and self.needs != "digit" and self.needs not in view.text:
            return
        for pattern in self.patterns:
            if pattern.needs is not None and pattern.needs not in view.text:
                continue
            matches = view.finditer_digits(pattern.regex) if self.needs == "digit" else pattern.regex.finditer(view.text)
            for match in matches:
                start, end = match.span(pattern.group)
                if start == end:
                    continue
                score, reason = pattern.score, pattern.reason
                if self.validate is not None:
                    verdict = self.validate(view.text[start:end])
                    if verdict is False:
                        continue
                    if verdict is True:
                        score, reason = self.validated_score, reason + ", checksum ok"
                if self.context_words and self.context_words & set(view.words_before(start)):
                    # context raises an unchecked match to at most 0.9: a valid checksum stays the stronger evidence
                    cap = 1.0 if score >= self.validated_score else 0.9
                    score, reason = min(cap, score + CONTEXT_BOOST), reason + ", context"
                yield Finding(self.label, start, end, score, self.name, reason, self.kind)


def stdnum_check(module: str) -> Callable[[str], bool | None]:
    """A ``validate`` that raises a match whose checksum python-stdnum accepts (``"stdnum.be.nn"``)."""

    def validate(value: str) -> bool | None:
        import importlib

        return True if importlib.import_module(module).is_valid(value) else None

    return validate


def regex(pattern: str, flags: int = 0) -> re.Pattern[str]:
    return re.compile(pattern, flags | re.UNICODE)
