"""The ``narratief_pii`` component: finds identifying details and writes them to ``doc.spans["pii"]``.

It wraps :class:`narratief.privacy.analyzer.PiiAnalyzer` (the same detection ``narratief.anonymise`` runs without
spaCy). Scores, recognizer names, reasons, ID kinds and exact character offsets go into the span group's ``attrs``
(lists aligned with the spans). The component never changes the text or ``doc.ents``; where a trained pipeline
has set ``doc.ents``, its PER/LOC/ORG/DATE entities are one more source.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, SpanGroup

from narratief.nlp import extensions  # noqa: F401  (registers Doc._.has_pii)
from narratief.privacy.analyzer import PiiAnalyzer
from narratief.privacy.findings import Finding
from narratief.privacy.lexicons import Lexicons

_NER_LABELS = {"PER": "PERSOON", "PERSON": "PERSOON", "LOC": "LOCATIE", "GPE": "LOCATIE", "ORG": "ORGANISATIE", "DATE": "DATUM"}


@Language.factory(
    "narratief_pii",
    default_config={"spans_key": "pii", "overwrite": True, "min_score": 0.4, "use_ents": True},
    assigns=["doc.spans"],
)
def make_pii_component(nlp: Language, name: str, spans_key: str, overwrite: bool, min_score: float, use_ents: bool):
    return PiiComponent(nlp, name, spans_key=spans_key, overwrite=overwrite, min_score=min_score, use_ents=use_ents)


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
        self.use_ents = use_ents
        self.analyzer = PiiAnalyzer(min_score=min_score)

    # the analyzer's settings, as the component's own (they are what to_disk saves)
    min_score = property(lambda self: self.analyzer.min_score, lambda self, v: setattr(self.analyzer, "min_score", v))
    recognizers = property(lambda self: self.analyzer.recognizers)
    allow = property(lambda self: self.analyzer.allow, lambda self, v: setattr(self.analyzer, "allow", list(v)))
    deny = property(lambda self: self.analyzer.deny, lambda self, v: setattr(self.analyzer, "deny", dict(v)))

    @property
    def lexicons(self) -> Lexicons:
        return self.analyzer.lexicons

    def initialize(
        self,
        get_examples: Callable[[], Iterable[Any]] | None = None,
        *,
        nlp: Language | None = None,
        allow: Iterable[str] | None = None,
        deny: dict[str, str] | None = None,
    ) -> None:
        """Load the lexicons (from the user cache) and the component's default allow- and deny-lists."""
        self.analyzer.lexicons  # noqa: B018  (loads them now, from the user cache)
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
        entities = [(e.start_char, e.end_char, _NER_LABELS[e.label_]) for e in doc.ents if e.label_ in _NER_LABELS] if self.use_ents else []
        return self.analyzer.find(doc.text, variant, entities)

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
