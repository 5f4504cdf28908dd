"""Build narratief's spaCy pipeline; plug in a trained Dutch pipeline (nl_core_news_*) when one is installed."""

from __future__ import annotations

import logging
import os
from functools import lru_cache

import spacy
from spacy.language import Language

from narratief.nlp import pii  # noqa: F401  (registers the narratief_pii factory)
from narratief.privacy.detect import ENV_MODEL  # the variable naming a trained pipeline (NARRATIEF_SPACY_MODEL)

log = logging.getLogger(__name__)


def build_pipeline(model: str | None = None, *, min_score: float = 0.4, lemmas: bool = True) -> Language:
    """``spacy.blank("nl")`` + lookup lemmatizer + sentencizer + ``narratief_pii``.

    ``lemmas=False`` leaves the lemmatizer out (detection does not use lemmas, and loading its tables costs
    most of a second at start-up).

    With ``model`` (or ``$NARRATIEF_SPACY_MODEL``) naming an installed trained pipeline, that pipeline is loaded
    instead and ``narratief_pii`` is added after its NER, whose entities become one more source.
    """
    model = model or os.environ.get(ENV_MODEL) or None
    if model:
        nlp = spacy.load(model)
        nlp.add_pipe("narratief_pii", config={"min_score": min_score}, last=True)
        nlp.get_pipe("narratief_pii").initialize(nlp=nlp)
        return nlp
    nlp = spacy.blank("nl")
    if lemmas:
        nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("narratief_pii", config={"min_score": min_score})
    nlp.initialize()
    return nlp


@lru_cache(maxsize=4)
def get_pipeline(model: str | None = None, *, lemmas: bool = True) -> Language:
    """The shared pipeline of this process (built once per model and variant)."""
    return build_pipeline(model, lemmas=lemmas)


@lru_cache(maxsize=4)
def build_terms_pipeline(*, compounds: bool = True, concepts: str | None = "concepten") -> Language:
    """``spacy.blank("nl")`` + lookup lemmatizer + ``narratief_terms``: theme terms of anonymised text."""
    from narratief.nlp import terms  # noqa: F401  (registers the narratief_terms factory)

    nlp = spacy.blank("nl")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.add_pipe("narratief_terms", config={"compounds": compounds, "concepts": concepts})
    nlp.initialize()
    return nlp


@lru_cache(maxsize=1)
def build_sentence_pipeline() -> Language:
    """``spacy.blank("nl")`` + sentencizer: sentences for feedback and quotes."""
    nlp = spacy.blank("nl")
    nlp.add_pipe("sentencizer")
    return nlp
