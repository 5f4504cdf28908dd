"""Sentences as character spans, and how many theme keywords a sentence holds (quotes, QDA codings)."""

from __future__ import annotations

import re
from collections.abc import Iterable

_SENTENCE_END = re.compile(r"[.!?…]+[\"')\]]*(?=\s)|\n+")
_WORD = re.compile(r"[\wÀ-ÿ]+")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences of ``text`` (trimmed of surrounding white space)."""
    spans, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        spans.append((start, match.end()))
        start = match.end()
    spans.append((start, len(text)))
    out = []
    for begin, end in spans:
        while begin < end and text[begin].isspace():
            begin += 1
        while end > begin and text[end - 1].isspace():
            end -= 1
        if end > begin:
            out.append((begin, end))
    return out


def keyword_hits(sentence: str, keywords: Iterable[str]) -> int:
    """How many of ``keywords`` occur in ``sentence`` (a keyword longer than 3 letters also as a word's start)."""
    words = set(_WORD.findall(sentence.lower()))
    return sum(
        1 for k in {k.lower() for k in keywords if k}
        if k in words or (len(k) > 3 and any(w.startswith(k) for w in words))
    )
