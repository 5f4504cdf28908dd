"""The word tokens recognizers work on, found with one compiled pattern (no spaCy ``Doc`` needed).

The pattern follows spaCy's Dutch tokenizer where recognizers care (``'t``, ``'s``, ``m'n``, ``Sint-Gillis-Waas``,
``0478/12.34.56``, ``17de``, ``+32``, ``@handle``, e-mail addresses, abbreviations such as ``Dr.`` and ``ca.`` from
spaCy's own exception list, read once into the lexicons), so detection gives the same result inside a spaCy
pipeline and without one, needs no spaCy at run time, and new words cost no lexeme in a vocabulary.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection

_TOKEN = re.compile(
    r"""
      (?:https?://|www\.)\S*[\w/]                 # web addresses
    | \+\d+                                       # +32
    | @\w+(?:\.\w+)*                              # @handle
    | ['’](?=[sStT]-\w)                           # the quote of 's-Hertogenbosch, 't-Zand
    | ['’](?:ns|[tsnmTSNM])(?![\w'’])              # 't 's 'n 'ns 'm
    | \d\w*(?:[.,/:-]\w+)*(?:-['’]\d+)?           # numbers, dates, 17de, 14u, 0478/12.34.56, 16-10-'23
    | \w+(?:[-'’/.:&@+]\w+)*                      # words, with inner hyphens, apostrophes, dots: m'n, o.a, a@b.be
    | \.\.+ | --+ | [^\w\s]                       # punctuation
    """,
    re.VERBOSE,
)


def word_spans(
    text: str, abbreviations: Collection[str] | None = None, plain: Callable[[str], bool] | None = None
) -> list[tuple[int, int]]:
    """``(start, end)`` of every token in ``text`` (whitespace is not a token).

    ``abbreviations`` keep their full stop (default: spaCy's Dutch list, from the lexicons). ``plain(word)``: true
    for a lowercase word that is an ordinary word or a name, so that ``kon.``, ``me.`` and ``Tom.`` end a sentence
    rather than abbreviate (spaCy's list has them as abbreviations)."""
    if abbreviations is None:
        from narratief.privacy.lexicons import get_lexicons

        abbreviations = get_lexicons().abbreviations
    spans: list[tuple[int, int]] = []
    skip_until = -1
    size = len(text)
    for match in _TOKEN.finditer(text):
        start, end = match.span()
        if start < skip_until:
            continue  # the full stop taken by the abbreviation before it
        if end < size and text[end] == "." and (
            text[start: end + 1] in abbreviations and (plain is None or "." in text[start: end] or not plain(text[start: end].lower()))
            or end - start == 1 and text[start].isupper()
        ):
            end += 1  # "Dr.", "ca.", "o.a.", and an initial "H."
            skip_until = end
        spans.append((start, end))
    return spans
