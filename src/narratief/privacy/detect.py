"""Detection: run the ``narratief_pii`` pipeline and return findings. It only reads; nothing is changed."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache

from narratief.privacy.consistency import Decision, apply_allow, apply_decisions, apply_deny, propagate
from narratief.privacy.findings import Finding

#: Environment variable naming a trained spaCy pipeline to use (e.g. ``nl_core_news_lg``).
ENV_MODEL = "NARRATIEF_SPACY_MODEL"
#: Texts longer than this are analysed in pieces (spaCy's own limit is 1,000,000 characters).
CHUNK_CHARS = 100_000


def _chunks(text: str, size: int = CHUNK_CHARS) -> list[tuple[int, str]]:
    """Split at paragraph or sentence ends near ``size`` so no detail is cut in two."""
    pieces, start = [], 0
    while len(text) - start > size:
        window = text[start: start + size]
        cut = max(window.rfind("\n"), window.rfind(". "))
        cut = cut + 1 if cut > size // 2 else window.rfind(" ") + 1 or size
        pieces.append((start, text[start: start + cut]))
        start += cut
    pieces.append((start, text[start:]))
    return pieces


def guess_variant(text: str) -> str:
    """``nl-BE`` or ``nl-NL`` from Flemish and Dutch markers in the text (``nl-BE`` when undecided)."""
    markers = _variant_markers()
    words = re.findall(r"[\w'+]+", text.lower())
    scores = {variant: sum(1 for w in words if w in found) for variant, found in markers.items()}
    return "nl-NL" if scores.get("nl-NL", 0) > scores.get("nl-BE", 0) else "nl-BE"


@lru_cache(maxsize=1)
def _variant_markers() -> dict[str, set[str]]:
    from narratief.privacy.lexicons import load_context

    return {variant: set(words) for variant, words in load_context()["variant_markers"].items()}


class Detector:
    """Finds identifying details with narratief's pipeline (built once per process and model)."""

    def __init__(self, *, model: str | None = None) -> None:
        self.model = model

    @property
    def trained(self) -> str | None:
        """The trained spaCy pipeline in use (``model=`` or ``$NARRATIEF_SPACY_MODEL``), else ``None``."""
        return self.model or os.environ.get(ENV_MODEL) or None

    @property
    def nlp(self):
        """narratief's spaCy pipeline: the trained one whole, or the blank one without its lemmatizer."""
        from narratief.nlp import get_pipeline

        return get_pipeline(self.model, lemmas=bool(self.trained))

    def _refine(self, text: str, findings: list[Finding], allow, deny, decisions) -> list[Finding]:
        if allow:
            findings = apply_allow(text, findings, allow)
        if deny:
            findings = apply_deny(text, findings, deny)
        if decisions:
            findings = apply_decisions(text, findings, decisions)
        if deny or decisions:
            from narratief.privacy.lexicons import get_lexicons

            findings = propagate(text, findings, get_lexicons())
            if decisions:  # a detail the reviewer unmarked stays unmarked after propagation
                findings = apply_decisions(text, findings, [d for d in decisions if d.action == "unmark"])
        return findings

    def detect(
        self,
        text: str,
        *,
        allow: Iterable[str] = (),
        deny: Mapping[str, str] | Iterable[str] = (),
        decisions: Iterable[Decision] = (),
    ) -> list[Finding]:
        return next(self.detect_many([text], allow=allow, deny=deny, decisions=decisions))

    def detect_many(
        self,
        texts: Iterable[str],
        *,
        batch_size: int = 32,
        allow: Iterable[str] = (),
        deny: Mapping[str, str] | Iterable[str] = (),
        decisions: Iterable[Decision] | None = None,
    ) -> Iterator[list[Finding]]:
        allow, decisions = list(allow), list(decisions or [])
        analyse = self._analyser()
        for text in texts:
            text = text if isinstance(text, str) else str(text)
            if len(text) <= CHUNK_CHARS:
                findings = analyse(text)
            else:
                findings = []
                for offset, piece in _chunks(text):
                    findings.extend(f.moved(f.start + offset, f.end + offset) for f in analyse(piece))
                from narratief.privacy.lexicons import get_lexicons

                findings = propagate(text, findings, get_lexicons())
            yield self._refine(text, findings, allow, deny, decisions)

    def _analyser(self):
        """``text -> findings``. Without a trained pipeline the analyzer reads the text itself (no spaCy is
        imported; the ``narratief_pii`` component finds the same); with one, its whole pipeline runs so its NER is
        a source."""
        if not self.trained:
            return default_analyzer().find
        from narratief.nlp.pii import findings_from_doc

        nlp = self.nlp
        return lambda text: findings_from_doc(nlp(text))


@lru_cache(maxsize=1)
def default_analyzer():
    from narratief.privacy.analyzer import PiiAnalyzer

    return PiiAnalyzer()


@lru_cache(maxsize=4)
def default_detector(model: str | None = None) -> Detector:
    return Detector(model=model)


def detect(text: str, **options) -> list[Finding]:
    """The identifying details in ``text`` (see :meth:`Detector.detect`)."""
    return default_detector().detect(text, **options)
