"""Detection without spaCy: the recognizers over a text's own tokens, merged, made consistent.

:class:`PiiAnalyzer` is what ``narratief.anonymise`` runs; the spaCy component ``narratief_pii``
(:mod:`narratief.nlp.pii`) wraps the same analyzer and adds a trained pipeline's entities as one more source.
Nothing here imports spaCy, so anonymising starts fast.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from narratief.privacy.consistency import apply_allow, apply_deny, propagate
from narratief.privacy.findings import Finding, resolve_overlaps
from narratief.privacy.lexicons import Lexicons, get_lexicons
from narratief.privacy.recognizers import Recognizer, TextView, Token, default_recognizers
from narratief.privacy.tokenize import word_spans

_CLITICS = {"'k", "'t", "'n", "k", "'s"}
_BREAKS = {":", '"', "“", "”", "'", "‘", "-", "–", "—", "•", "*", "…", ";", "[", "]"}
_INITIAL = re.compile(r"^(?:[A-Z]\.){1,3}$")
_HAS_LETTER = re.compile(r"[^\W\d_]").search
_HAS_ALNUM = re.compile(r"[^\W_]").search
_SURNAME_PARTICLES = {"de", "van", "der", "den", "ter", "ten", "le", "la", "du", "vanden", "vander"}
_NOT_ENDS = {"Dr.", "dr.", "Mr.", "mr.", "St.", "nr."}
#: Sentence-final punctuation (spaCy's sentencizer's, for the scripts stories are written in).
_PUNCT_CHARS = frozenset("!.?‼‽⁇⁈⁉。！？．｡")


#: What the sentence rules ask of a token's spelling (a sentence-final mark, punctuation, has a letter), by spelling.
_KINDS: dict[str, tuple[bool, bool, bool]] = {}


def _kind(word: str) -> tuple[bool, bool, bool]:
    period = word in _PUNCT_CHARS
    kind = (period, not period and _HAS_ALNUM(word) is None, _HAS_LETTER(word) is not None)
    if len(_KINDS) < 200_000:
        _KINDS[word] = kind
    return kind


class PiiAnalyzer:
    """Find identifying details in a text: every recognizer, then ``min_score``, allow- and deny-list, overlaps
    merged and every other occurrence of a found detail added."""

    def __init__(self, *, min_score: float = 0.4, recognizers: list[Recognizer] | None = None) -> None:
        self.min_score = min_score
        self.recognizers: list[Recognizer] = recognizers if recognizers is not None else default_recognizers()
        self.allow: list[str] = []
        self.deny: dict[str, str] = {}
        self._lexicons: Lexicons | None = None

    @property
    def lexicons(self) -> Lexicons:
        if self._lexicons is None:
            self._lexicons = get_lexicons()
        return self._lexicons

    def find(self, text: str, variant: str = "nl", entities: Iterable[tuple[int, int, str]] = ()) -> list[Finding]:
        """The details in ``text``; ``entities`` are ``(start, end, label)`` from a trained NER, one more source."""
        if not text.strip():
            return []
        view = text_view(text, self.lexicons, variant)
        found: list[Finding] = []
        for recognizer in self.recognizers:
            found.extend(recognizer.find(view))
        for start, end, label in entities:
            found.append(Finding(label, start, end, 0.6, "ner", "trained NER"))
        found = [f for f in found if f.score >= self.min_score and f.end > f.start]
        found = apply_allow(text, found, self.allow)
        found = apply_deny(text, resolve_overlaps(found), self.deny)
        return propagate(text, found, self.lexicons)


def text_view(text: str, lexicons: Lexicons, variant: str = "nl") -> TextView:
    """The recognizers' view of a text: word tokens with sentence starts (also after a colon, quote or newline).

    Tokens come from :func:`narratief.privacy.tokenize.word_spans`, so the view, and every finding, is the same
    inside any spaCy pipeline and without one. Sentence starts follow spaCy's sentencizer rule (the first word
    after ``.``, ``!`` or ``?``) and narratief's own (a new line, a colon, a quote, a title's full stop).
    """
    tokens: list[Token] = []
    titles = lexicons.word_set("person_cues", "titles")
    previous: Token | None = None
    previous_end = 0
    seen_period = False
    first_word_of_line = True
    for idx, end in word_spans(text, lexicons.abbreviations, lexicons.is_plain):  # "geb.", "ca.", "tel." stay one token: no sentence end
        word = text[idx: end]
        period, is_punct, has_letter = _KINDS.get(word) or _kind(word)
        new_line = previous is None or text.find("\n", previous_end, idx) >= 0
        sent_start = previous is None or (seen_period and not is_punct and not period)
        if sent_start or period:
            seen_period = period
        if new_line:
            first_word_of_line = True
        if previous is not None and not sent_start:
            previous_text = previous.text
            sent_start = (
                new_line or previous_text in _BREAKS
                or previous_text.endswith((".", "!", "?")) and previous_text not in _NOT_ENDS and previous_text[:-1].lower() not in titles
                and not (previous_text[0].islower() and previous_text[-1] == "." and _HAS_LETTER(previous_text[:-1]))
            )
        if not sent_start and first_word_of_line and has_letter:
            sent_start = True  # after a date, time or number opening a line: "2021-09-08 Groepstherapie.", "3. Jongen"
        if sent_start and previous is not None:
            if _INITIAL.match(previous.text):
                sent_start = False  # "T. Kowalski", "A.M. de Wit": an initial does not end a sentence
            elif previous.text == "." and len(tokens) >= 2 and tokens[-2].end == previous.start and tokens[-2].lower in titles:
                sent_start = False  # "mw. El Khatib", "dhr. Jansen": a title's full stop does not end a sentence
        if not sent_start and tokens and tokens[-1].sent_start and tokens[-1].lower in _CLITICS:
            sent_start = True  # "'k Ging", "'t Was": the capital belongs to the sentence, not to a name
        if has_letter:
            first_word_of_line = False
        previous = Token(word, word.lower(), idx, end, len(tokens), sent_start)
        previous_end = end
        tokens.append(previous)
    _calm_shouting(tokens, lexicons)
    return TextView(text, tokens, lexicons, variant)


def _listed_name(words: list[Token], n: int, tokens: list[Token], lexicons: Lexicons) -> bool:
    """Word ``n`` of a sentence in capitals is a listed name that stays a name there. A very frequent word never
    does (ZWART, HOOP); a surname or place that is also an ordinary word only after a particle or a first name, or
    beside an ampersand (SCHIMMEL, SLIEP, LOON do not; DE WOLF, JOLANDA STRUIK, DE WIT & MOLENAAR do)."""
    lower = words[n].lower
    if not (lower in lexicons.first_names or lower in lexicons.surnames or lower in lexicons.places):
        return False
    if not lexicons.is_common(lower):
        return True
    if lower in lexicons.frequent:
        return False
    if lower in lexicons.first_names:
        return True
    before = words[n - 1].lower if n else ""
    return (
        before in _SURNAME_PARTICLES or before in lexicons.first_names and not lexicons.is_common(before)
        or any(t.text == "&" for t in tokens[max(0, words[n].i - 1): words[n].i + 2])
    )


def _calm_shouting(tokens: list[Token], lexicons: Lexicons) -> None:
    """In a sentence written in capitals, only words that look like names keep their capital."""
    sentence: list[Token] = []
    all_words = [t for t in tokens if t.is_word]
    shouted_text = len(all_words) >= 20 and sum(t.is_upper for t in all_words) / len(all_words) >= 0.6
    for token in tokens + [None]:
        if token is None or (token.sent_start and sentence):
            words = [t for t in sentence if t.is_word]
            if words and (shouted_text or len(words) >= 3 and sum(t.is_upper for t in words) / len(words) >= 0.6):
                for n, t in enumerate(words):
                    if t.is_upper:
                        listed = _listed_name(words, n, tokens, lexicons)
                        t.is_upper = False
                        t.is_cap = listed or not (
                            t.lower in lexicons.vocabulary or t.lower in lexicons.never or len(t.lower) <= 2 or len(t.lower) >= 13 and "-" not in t.lower
                            or lexicons.is_compound(t.lower)
                        )  # a long unlisted word in capitals is a compound: UITHUISPLAATSING
            sentence = []
        if token is not None:
            sentence.append(token)
