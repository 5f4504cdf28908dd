"""The ``narratief_pii`` component: finds identifying details and writes them to ``doc.spans["pii"]``.

Scores, recognizer names, reasons, ID kinds and exact character offsets go into the span group's ``attrs``
(lists aligned with the spans). The component never changes the text or ``doc.ents``; where a trained pipeline
has set ``doc.ents``, its PER/LOC/ORG/DATE entities are one more source.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc, SpanGroup

from narratief.nlp import extensions  # noqa: F401  (registers Doc._.has_pii)
from narratief.privacy.consistency import apply_allow, apply_deny, propagate
from narratief.privacy.findings import Finding, resolve_overlaps
from narratief.privacy.lexicons import Lexicons, get_lexicons
from narratief.privacy.recognizers import Recognizer, TextView, Token, default_recognizers
from narratief.privacy.tokenize import word_spans

_NER_LABELS = {"PER": "PERSOON", "PERSON": "PERSOON", "LOC": "LOCATIE", "GPE": "LOCATIE", "ORG": "ORGANISATIE", "DATE": "DATUM"}
_CLITICS = {"'k", "'t", "'n", "k", "'s"}
_BREAKS = {":", '"', "“", "”", "'", "‘", "-", "–", "—", "•", "*", "…", ";", "[", "]"}
_INITIAL = re.compile(r"^(?:[A-Z]\.){1,3}$")
_HAS_LETTER = re.compile(r"[^\W\d_]").search
_HAS_ALNUM = re.compile(r"[^\W_]").search
_NOT_ENDS = {"Dr.", "dr.", "Mr.", "mr.", "St.", "nr."}
_PUNCT_CHARS = frozenset(Sentencizer.default_punct_chars)


@Language.factory(
    "narratief_pii",
    default_config={"spans_key": "pii", "overwrite": True, "min_score": 0.4, "use_ents": True},
    assigns=["doc.spans"],
)
def make_pii_component(nlp: Language, name: str, spans_key: str, overwrite: bool, min_score: float, use_ents: bool):
    return PiiComponent(nlp, name, spans_key=spans_key, overwrite=overwrite, min_score=min_score, use_ents=use_ents)


def text_view(text: str, lexicons: Lexicons, variant: str = "nl") -> TextView:
    """The recognizers' view of a text: word tokens with sentence starts (also after a colon, quote or newline).

    Tokens come from :func:`narratief.privacy.tokenize.word_spans`, so the view, and every finding, is the same
    inside any spaCy pipeline and without one. Sentence starts follow spaCy's sentencizer rule (the first word
    after ``.``, ``!`` or ``?``) and narratief's own (a new line, a colon, a quote).
    """
    tokens: list[Token] = []
    titles = lexicons.word_set("person_cues", "titles")
    previous: Token | None = None
    previous_end = 0
    seen_period = False
    first_word_of_line = True
    for idx, end in word_spans(text, lexicons.is_plain):  # "geb.", "ca.", "tel." stay one token: no sentence end
        word = text[idx: end]
        length = end - idx
        period = word in _PUNCT_CHARS
        is_punct = not period and _HAS_ALNUM(word) is None
        sent_start = previous is None or (seen_period and not is_punct and not period)
        if sent_start or period:
            seen_period = period
        if previous is None or "\n" in text[previous_end: idx]:
            first_word_of_line = True
        if previous is not None and not sent_start:
            sent_start = (
                "\n" in text[previous_end: idx] or previous.text in _BREAKS
                or previous.text.endswith((".", "!", "?")) and previous.text not in _NOT_ENDS
                and not (previous.text[0].islower() and previous.text[-1] == "." and _HAS_LETTER(previous.text[:-1]))
            )
        if not sent_start and first_word_of_line and _HAS_LETTER(word):
            sent_start = True  # after a date, time or number opening a line: "2021-09-08 Groepstherapie.", "3. Jongen"
        if sent_start and previous is not None and _INITIAL.match(previous.text):
            sent_start = False  # "T. Kowalski", "A.M. de Wit": an initial does not end a sentence
        if sent_start and previous is not None and previous.text == "." and len(tokens) >= 2 and (
            tokens[-2].end == previous.start and tokens[-2].lower in titles
        ):
            sent_start = False  # "mw. El Khatib", "dhr. Jansen": a title's full stop does not end a sentence
        if not sent_start and tokens and tokens[-1].sent_start and tokens[-1].lower in _CLITICS:
            sent_start = True  # "'k Ging", "'t Was": the capital belongs to the sentence, not to a name
        if _HAS_LETTER(word):
            first_word_of_line = False
        previous = Token(word, word.lower(), idx, idx + length, len(tokens), sent_start)
        previous_end = idx + length
        tokens.append(previous)
    _calm_shouting(tokens, lexicons)
    return TextView(text, tokens, lexicons, variant)


def _calm_shouting(tokens: list[Token], lexicons: Lexicons) -> None:
    """In a sentence written in capitals, only words that look like names keep their capital."""
    sentence: list[Token] = []
    all_words = [t for t in tokens if t.is_word]
    shouted_text = len(all_words) >= 20 and sum(t.is_upper for t in all_words) / len(all_words) >= 0.6
    for token in tokens + [None]:
        if token is None or (token.sent_start and sentence):
            words = [t for t in sentence if t.is_word]
            if words and (shouted_text or len(words) >= 3 and sum(t.is_upper for t in words) / len(words) >= 0.6):
                for t in words:
                    if t.is_upper:
                        listed = (
                            t.lower in lexicons.first_names or t.lower in lexicons.surnames or t.lower in lexicons.places
                        ) and not (lexicons.is_common(t.lower) and t.lower in lexicons.frequent)  # ZWART, HOOP lose it
                        t.is_upper = False
                        t.is_cap = listed or not (
                            t.lower in lexicons.vocabulary or t.lower in lexicons.never or len(t.lower) <= 2 or lexicons.is_compound(t.lower)
                        )
            sentence = []
        if token is not None:
            sentence.append(token)


class PiiComponent:
    """Run narratief's recognizers over a doc and store the identifying details as a span group."""

    def __init__(
        self,
        nlp: Language,
        name: str = "narratief_pii",
        *,
        spans_key: str = "pii",
        overwrite: bool = True,
        min_score: float = 0.4,
        use_ents: bool = True,
    ) -> None:
        self.name = name
        self.spans_key = spans_key
        self.overwrite = overwrite
        self.min_score = min_score
        self.use_ents = use_ents
        self.recognizers: list[Recognizer] = default_recognizers()
        self.allow: list[str] = []
        self.deny: dict[str, str] = {}
        self._lexicons: Lexicons | None = None

    @property
    def lexicons(self) -> Lexicons:
        if self._lexicons is None:
            self._lexicons = get_lexicons()
        return self._lexicons

    def initialize(
        self,
        get_examples: Callable[[], Iterable[Any]] | None = None,
        *,
        nlp: Language | None = None,
        allow: Iterable[str] | None = None,
        deny: dict[str, str] | None = None,
    ) -> None:
        """Load the lexicons (from the user cache) and the component's default allow- and deny-lists."""
        self._lexicons = get_lexicons()
        if allow is not None:
            self.allow = list(allow)
        if deny is not None:
            self.deny = dict(deny)

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.find(doc))
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 64) -> Iterable[Doc]:
        for doc in docs:
            yield self(doc)

    def find(self, doc: Doc, variant: str = "nl") -> list[Finding]:
        """All identifying details in ``doc`` at or above ``min_score``, non-overlapping, consistent; where a
        trained pipeline has set ``doc.ents``, they are one more source."""
        return self.find_text(doc.text, variant, doc.ents if self.use_ents else ())

    def find_text(self, text: str, variant: str = "nl", ents=()) -> list[Finding]:
        """:meth:`find` on a plain text: what ``narratief.anonymise`` runs when no trained pipeline is in use."""
        if not text.strip():
            return []
        view = text_view(text, self.lexicons, variant)
        found: list[Finding] = []
        for recognizer in self.recognizers:
            found.extend(recognizer.find(view))
        if ents:
            for ent in ents:
                label = _NER_LABELS.get(ent.label_)
                if label:
                    found.append(Finding(label, ent.start_char, ent.end_char, 0.6, "ner", f"trained NER {ent.label_}"))
        found = [f for f in found if f.score >= self.min_score and f.end > f.start]
        found = apply_allow(text, found, self.allow)
        found = apply_deny(text, resolve_overlaps(found), self.deny)
        return propagate(text, found, self.lexicons)

    def set_annotations(self, doc: Doc, findings: list[Finding]) -> None:
        spans, kept = [], []
        for finding in findings:
            span = doc.char_span(finding.start, finding.end, label=finding.label, alignment_mode="expand")
            if span is not None:
                spans.append(span)
                kept.append(finding)
        attrs = {
            "scores": [f.score for f in kept],
            "recognizers": [f.recognizer for f in kept],
            "reasons": [f.reason for f in kept],
            "kinds": [f.kind for f in kept],
            "offsets": [(f.start, f.end) for f in kept],
        }
        if self.overwrite or self.spans_key not in doc.spans:
            doc.spans[self.spans_key] = SpanGroup(doc, name=self.spans_key, spans=spans, attrs=attrs)
        else:
            group = doc.spans[self.spans_key]
            for key, values in attrs.items():
                group.attrs[key] = list(group.attrs.get(key, [])) + values
            group.extend(spans)

    # -- serialisation: only the lists, never the lexicons (they come from installed packages) --------------
    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        return json.dumps({"allow": self.allow, "deny": self.deny}, ensure_ascii=False).encode("utf-8")

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> PiiComponent:
        lists = json.loads(data.decode("utf-8"))
        self.allow, self.deny = list(lists["allow"]), dict(lists["deny"])
        return self

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / "lists.json").write_bytes(self.to_bytes())

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> PiiComponent:
        return self.from_bytes((Path(path) / "lists.json").read_bytes())


def findings_from_doc(doc: Doc, key: str = "pii") -> list[Finding]:
    """Read the findings back from ``doc.spans[key]`` with their exact offsets and scores."""
    if key not in doc.spans:
        return []
    group = doc.spans[key]
    attrs = group.attrs
    findings = []
    for index, span in enumerate(group):
        start, end = attrs.get("offsets", [])[index] if attrs.get("offsets") else (span.start_char, span.end_char)
        findings.append(
            Finding(span.label_, start, end, attrs["scores"][index], attrs["recognizers"][index], attrs["reasons"][index], attrs["kinds"][index])
        )
    return findings
