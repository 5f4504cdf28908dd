"""narratief's spaCy pipeline: ``spacy.blank("nl")`` + lookup lemmatizer + sentencizer + ``narratief_pii``."""

from narratief.nlp.pipeline import build_pipeline, get_pipeline

__all__ = ["build_pipeline", "get_pipeline"]
