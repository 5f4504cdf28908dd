"""Lexical features for themes: Dutch theme terms (lemma → stem, compounds split) weighted by TF-IDF.

:class:`LexicalVectorizer` is the default vectoriser of :class:`~narratief.themes.model.ThemeModel`. Any
scikit-learn transformer with ``fit_transform(texts)`` / ``transform(texts)`` can take its place (for example one
that returns sentence embeddings of a model you have installed).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
from scipy import sparse
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.feature_extraction.text import TfidfVectorizer

from narratief.nlp.terms import clean_for_terms


def _identity(terms: list[str]) -> list[str]:
    return terms


def term_pipeline(compounds: bool = True, concepts: str | None = "concepten"):
    """``spacy.blank("nl")`` + lookup lemmatizer + ``narratief_terms`` (no detection: the text is anonymised)."""
    from narratief.nlp.pipeline import build_terms_pipeline

    return build_terms_pipeline(compounds=compounds, concepts=concepts)


def analyse(
    texts: Iterable[str], *, compounds: bool = True, concepts: str | None = "concepten", batch_size: int = 256
) -> list[list[str]]:
    """The theme terms of each text (placeholders removed first)."""
    nlp = term_pipeline(compounds, concepts)
    return [doc._.terms for doc in nlp.pipe((clean_for_terms(t or "") for t in texts), batch_size=batch_size)]


class LexicalVectorizer(TransformerMixin, BaseEstimator):
    """Dutch theme terms → sublinear TF-IDF, L2-normalised rows.

    Parameters
    ----------
    compounds : also count the parts of Dutch compounds.
    concepts : the domain vocabulary (``data/lexicons/<name>.yaml``) whose concepts become terms too
        (``#geld`` for deurwaarder, aanmaning, schuld...); ``None`` leaves them out.
    concept_weight : weight of concept terms relative to word terms.
    min_df, max_df : drop terms in fewer than ``min_df`` stories or in more than ``max_df`` (share) of them.
    ngram_range : (1, 2) adds pairs of adjacent terms.
    """

    def __init__(
        self,
        *,
        compounds: bool = True,
        concepts: str | None = "concepten",
        concept_weight: float = 1.0,
        min_df: int | float = 2,
        max_df: float = 0.5,
        ngram_range=(1, 1),
    ) -> None:
        self.compounds = compounds
        self.concepts = concepts
        self.concept_weight = concept_weight
        self.min_df = min_df
        self.max_df = max_df
        self.ngram_range = ngram_range

    def _tfidf(self, n_docs: int) -> TfidfVectorizer:
        min_df = self.min_df if n_docs >= 10 else 1
        max_df = self.max_df if n_docs >= 10 else 1.0
        return TfidfVectorizer(
            analyzer=_identity, min_df=min_df, max_df=max_df, sublinear_tf=True, dtype=np.float32
        ) if self.ngram_range == (1, 1) else TfidfVectorizer(
            analyzer=lambda terms: _ngrams(terms, self.ngram_range), min_df=min_df, max_df=max_df,
            sublinear_tf=True, dtype=np.float32,
        )

    def fit_terms(self, terms: Sequence[list[str]]) -> sparse.csr_matrix:
        self.tfidf_ = self._tfidf(len(terms))
        try:
            matrix = self.tfidf_.fit_transform(terms)
        except ValueError:  # every term filtered out (tiny or empty collections): keep all terms
            self.tfidf_ = TfidfVectorizer(analyzer=_identity, sublinear_tf=True, dtype=np.float32)
            matrix = self.tfidf_.fit_transform([t or ["_"] for t in terms])
        self.vocabulary_ = self.tfidf_.vocabulary_
        self.feature_names_ = self.tfidf_.get_feature_names_out()
        self._scale = np.array([self.concept_weight if n.startswith("#") else 1.0 for n in self.feature_names_])
        return self._weighted(matrix)

    def _weighted(self, matrix) -> sparse.csr_matrix:
        if self.concept_weight == 1.0:
            return matrix.tocsr()
        from sklearn.preprocessing import normalize

        return normalize(sparse.csr_matrix(matrix) @ sparse.diags(self._scale)).astype(np.float32)

    def fit(self, texts: Iterable[str], y=None) -> LexicalVectorizer:
        self.fit_terms(analyse(texts, compounds=self.compounds, concepts=self.concepts))
        return self

    def fit_transform(self, texts: Iterable[str], y=None) -> sparse.csr_matrix:
        return self.fit_terms(analyse(texts, compounds=self.compounds, concepts=self.concepts))

    def transform_terms(self, terms: Sequence[list[str]]) -> sparse.csr_matrix:
        return self._weighted(self.tfidf_.transform(terms))

    def transform(self, texts: Iterable[str]) -> sparse.csr_matrix:
        return self.transform_terms(analyse(texts, compounds=self.compounds, concepts=self.concepts))

    def get_feature_names_out(self, input_features=None) -> np.ndarray:
        return self.feature_names_


def _ngrams(terms: list[str], ngram_range: tuple[int, int]) -> list[str]:
    low, high = ngram_range
    out = list(terms) if low <= 1 else []
    for n in range(max(2, low), high + 1):
        out += [" ".join(terms[i: i + n]) for i in range(len(terms) - n + 1)]
    return out
