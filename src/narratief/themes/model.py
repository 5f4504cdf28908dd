"""ThemeModel: shared themes in anonymised stories, as a scikit-learn estimator.

How it works (defaults):

1. Stories become Dutch theme terms (:mod:`narratief.nlp.terms`) weighted by TF-IDF
   (:class:`~narratief.themes.features.LexicalVectorizer`; pluggable through ``vectorizer``).
2. Stories are put in a canonical order (by a hash of their text and teller) first, so the row order of the
   input never changes the result.
3. Consensus clustering: NMF is run ``n_resamples`` times with different seeds (derived from ``random_state``);
   how often two stories share a theme across runs is their consensus. Average-linkage clustering of that
   consensus gives the themes. Small themes that hold together (one teller's four stories about school) are
   kept: linkage on consensus does not force sizes to balance the way k-means does.
4. ``n_themes=None`` chooses the number of themes by stability. For every candidate k (from half the square root
   of the number of stories to ``max_themes``, at most a third of the stories) the consensus of half as many NMF runs is computed, with its PAC: the
   proportion of story pairs that the runs put together sometimes but not consistently (between 10% and 90%
   of the runs; Șenbabaoğlu et al. 2014). PAC falls as themes become unambiguous. A k counts with the worse PAC of
   itself and the next k (a plateau, not a dip); the smallest k within ``PAC_KNEE`` (1.5) times the best such
   value wins.
   ``k_scores_`` keeps PAC per k.
   With at least ``SPECTRAL_PER_THEME`` (20) stories per theme, spectral clustering of story-neighbour graphs
   (5, 10 and 15 neighbours) joins the consensus with equal weight: in large collections it follows the shape of
   themes far better than NMF alone.
5. With a ``codebook``, stories are first assigned to the codebook themes they match (cosine between the story
   and the theme's seed words, name and description ≥ ``codebook_threshold``); the rest is clustered into new,
   proposed themes.

Large collections (more than ``max_fit_stories``) are fitted on a deterministic sample and the rest is assigned
to the nearest theme, so cost grows linearly.
"""

from __future__ import annotations

import hashlib
import logging
import warnings
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd
from scipy import sparse
from sklearn.base import BaseEstimator, ClusterMixin, TransformerMixin, clone
from sklearn.cluster import AgglomerativeClustering
from sklearn.decomposition import NMF
from sklearn.exceptions import ConvergenceWarning
from sklearn.preprocessing import normalize

from narratief.errors import ThemeInputProblem
from narratief.themes.codebook import Codebook, load_codebook
from narratief.themes.features import LexicalVectorizer

log = logging.getLogger(__name__)

NO_THEME = -1
#: Automatic k: the smallest k whose PAC is at most this many times the lowest PAC among the candidates.
PAC_KNEE = 1.5
#: Spectral clustering of neighbour graphs joins the consensus when there are at least this many stories per theme
#: (with fewer, a story's neighbours come from other themes; measured: 0.39 → 0.95 ARI on 1,000 synthetic stories).
SPECTRAL_PER_THEME = 20
#: Stories used when searching for the number of themes.
SEARCH_SAMPLE = 600
COLLECTIVE, INDIVIDUAL = "collectief", "individueel"


def canonical_order(texts: Sequence[str], participants: Sequence[str]) -> np.ndarray:
    """Indices that sort stories by a hash of (text, participant): the same stories, the same order."""
    keys = [hashlib.sha1(f"{p}\x00{t}".encode("utf-8")).hexdigest() for t, p in zip(texts, participants)]
    return np.array(sorted(range(len(keys)), key=lambda i: keys[i]), dtype=int)


def _as_stories(stories: Any, text: str, participant: str) -> tuple[list[str], list[str]]:
    if isinstance(stories, pd.DataFrame):
        if text not in stories.columns:
            raise ThemeInputProblem(f"column {text!r} missing", kolom=text)
        texts = stories[text].fillna("").astype(str).tolist()
        if participant in stories.columns:
            people = stories[participant].fillna("").astype(str).tolist()
        else:
            people = [f"#{i}" for i in range(len(texts))]
        return texts, people
    if isinstance(stories, str):
        raise ThemeInputProblem("a single string was given; pass a list of stories or a DataFrame", kolom=text)
    texts = ["" if s is None else str(s) for s in stories]
    return texts, [f"#{i}" for i in range(len(texts))]


class ThemeModel(ClusterMixin, TransformerMixin, BaseEstimator):
    """Themes in anonymised stories (scikit-learn estimator).

    Parameters
    ----------
    n_themes : number of themes, or ``None`` to choose it by stability (see module docstring).
    min_participants : a theme held by at least this many participants is ``collectief``, else ``individueel``.
    codebook : a :class:`~narratief.themes.codebook.Codebook`, a path to a YAML/CSV/QDC codebook, or ``None``.
    random_state : seed of every random step; the same stories and seed give the same themes.
    vectorizer : a transformer mapping a list of texts to a story × feature matrix (default
        :class:`LexicalVectorizer`).
    max_themes : upper bound when choosing the number of themes.
    n_resamples : NMF runs per consensus.
    codebook_threshold : minimum cosine between a story and a codebook theme for assignment.
    max_fit_stories : above this many stories, fit on a deterministic sample and assign the rest.
    text_column, participant_column : column names when ``fit`` gets a DataFrame.
    progress : optional callable ``progress(done, total)`` called while fitting (for progress bars).
    """

    def __init__(
        self,
        n_themes: int | None = None,
        *,
        min_participants: int = 3,
        codebook: Codebook | str | None = None,
        random_state: int = 0,
        vectorizer: Any = None,
        max_themes: int = 30,
        n_resamples: int = 20,
        codebook_threshold: float = 0.12,
        max_fit_stories: int = 2000,
        text_column: str = "text",
        participant_column: str = "participant",
        progress: Any = None,
    ) -> None:
        self.n_themes = n_themes
        self.min_participants = min_participants
        self.codebook = codebook
        self.random_state = random_state
        self.vectorizer = vectorizer
        self.max_themes = max_themes
        self.n_resamples = n_resamples
        self.codebook_threshold = codebook_threshold
        self.max_fit_stories = max_fit_stories
        self.text_column = text_column
        self.participant_column = participant_column
        self.progress = progress

    # -- fitting -------------------------------------------------------------------------------------------
    def fit(self, stories: Any, y: Any = None, *, terms: Sequence[list[str]] | None = None) -> ThemeModel:
        """Find the themes of ``stories`` (list of anonymised texts, or DataFrame with text/participant columns).

        ``terms`` (from :func:`~narratief.themes.features.analyse`, in the order of ``stories``) saves analysing
        the texts again when the default vectoriser is used. BLAS runs on one thread here: a multi-threaded sum
        may add in a different order under load, and one flipped tie would change the themes.
        """
        from threadpoolctl import threadpool_limits

        with threadpool_limits(limits=1, user_api="blas"):
            return self._fit(stories, terms)

    def _fit(self, stories: Any, terms: Sequence[list[str]] | None) -> ThemeModel:
        texts, people = _as_stories(stories, self.text_column, self.participant_column)
        if not texts:
            raise ThemeInputProblem("no stories to find themes in", kolom=self.text_column)
        if self.n_themes is not None and (int(self.n_themes) < 1 or int(self.n_themes) != self.n_themes):
            raise ThemeInputProblem(f"n_themes must be a positive whole number, got {self.n_themes!r}", kolom="n_themes")
        order = canonical_order(texts, people)
        fit_rows = order
        if len(order) > self.max_fit_stories:
            fit_rows = np.sort(order[: self.max_fit_stories])  # hash order is a deterministic random sample
            fit_rows = order[np.isin(order, fit_rows)]
        self.vectorizer_ = clone(self.vectorizer) if self.vectorizer is not None else LexicalVectorizer()
        lexical = isinstance(self.vectorizer_, LexicalVectorizer)
        if lexical and terms is None:
            from narratief.themes.features import analyse

            terms = analyse(texts, compounds=self.vectorizer_.compounds, concepts=self.vectorizer_.concepts)
        if lexical:
            features = self.vectorizer_.fit_terms([terms[i] for i in fit_rows])
        else:
            features = self.vectorizer_.fit_transform([texts[i] for i in fit_rows])
        features = normalize(sparse.csr_matrix(features)) if sparse.issparse(features) else normalize(features)
        empty = np.asarray(abs(features).sum(axis=1)).ravel() == 0
        self.codebook_ = load_codebook(self.codebook) if self.codebook is not None else None

        labels = np.full(len(fit_rows), NO_THEME, dtype=int)
        centroids: list[np.ndarray] = []
        self.theme_origin_: list[str] = []
        self.theme_codes_: list[str | None] = []
        free = ~empty
        if self.codebook_ is not None:
            seeds = self._codebook_vectors(self.codebook_)
            scores = _dense(features @ seeds.T)
            best = scores.argmax(axis=1)
            hit = free & (scores.max(axis=1) >= self.codebook_threshold)
            for code_index, code in enumerate(self.codebook_.themes):
                members = hit & (best == code_index)
                labels[members] = len(centroids)
                centroid = seeds[code_index] if not members.any() else _centroid(features[members])
                centroids.append(centroid)
                self.theme_origin_.append("codeboek")
                self.theme_codes_.append(code.id)
            free = free & ~hit
        rest = np.flatnonzero(free)
        if len(rest):
            k_wanted = self.n_themes
            if k_wanted is not None and self.codebook_ is not None:
                k_wanted = max(1, int(k_wanted) - len(self.codebook_.themes))
            sub = features[rest]
            new_labels, k_scores = self._cluster(sub, k_wanted)
            self.k_scores_ = k_scores
            for cluster in _ordered_clusters(new_labels):
                members = rest[new_labels == cluster]
                labels[members] = len(centroids)
                centroids.append(_centroid(features[members]))
                self.theme_origin_.append("nieuw" if self.codebook_ is not None else "automatisch")
                self.theme_codes_.append(None)
        else:
            self.k_scores_ = {}
        self.n_themes_ = len(centroids)
        self.centroids_ = np.vstack(centroids) if centroids else np.zeros((0, features.shape[1]))
        # assign the stories left out of the fitting sample
        all_labels = np.full(len(texts), NO_THEME, dtype=int)
        all_labels[fit_rows] = labels
        if len(fit_rows) < len(texts):
            others = np.setdiff1d(np.arange(len(texts)), fit_rows)
            if lexical:
                all_labels[others] = self._predict_features(self.vectorizer_.transform_terms([terms[i] for i in others]))
            else:
                all_labels[others] = self.predict([texts[i] for i in others])
        self.labels_ = all_labels
        self.features_ = None  # not kept: large, and rebuilt by transform
        self.n_features_in_ = features.shape[1]
        return self

    def _codebook_vectors(self, codebook: Codebook) -> np.ndarray:
        docs = [" ".join([code.name, code.description, *(list(code.seed_words) * 3)]) for code in codebook.themes]
        return _dense(normalize(sparse.csr_matrix(self.vectorizer_.transform(docs))))

    def _cluster(self, features, k_wanted: int | None) -> tuple[np.ndarray, dict[int, float]]:
        n = features.shape[0]
        if n < 3:
            return (np.arange(n) if k_wanted and k_wanted >= n else np.zeros(n, dtype=int)), {}
        if k_wanted is not None:
            return self._consensus_labels(features, min(int(k_wanted), n), self.n_resamples)[0], {}
        k, scores = self._choose_k(features)
        return self._consensus_labels(features, k, self.n_resamples)[0], scores

    def _choose_k(self, features) -> tuple[int, dict[int, float]]:
        """The smallest k whose consensus, and the next k's, are nearly as unambiguous as the best (PAC ≤ 1.5 ×
        the lowest PAC)."""
        n = features.shape[0]
        if n > SEARCH_SAMPLE:
            features = features[:SEARCH_SAMPLE]  # rows are in canonical (hash) order: a deterministic sample
            n = SEARCH_SAMPLE
        top = min(self.max_themes, n // 3)
        if top < 2:
            return 1, {}  # too few stories to split: one theme
        low = min(top, max(2, int(round(np.sqrt(n) / 2))))
        scores: dict[int, float] = {}
        for k in range(low, top + 1):
            scores[k] = round(self._consensus_labels(features, k, max(5, self.n_resamples // 2), pac_only=True)[1], 4)
            if self.progress is not None:
                self.progress(k - low + 1, top - low + 2)
        # a plateau, not a dip: a k counts with the worse PAC of itself and the next k (a few broad NMF components
        # can agree by chance at small k, and such a dip must not set the bar either)
        plateau = {k: max(pac, scores.get(k + 1, pac)) for k, pac in scores.items()}
        lowest = min(plateau.values())
        chosen = min(k for k, pac in plateau.items() if pac <= PAC_KNEE * lowest + 1e-9)
        return chosen, scores

    def _consensus_labels(self, features, k: int, n_runs: int, *, pac_only: bool = False) -> tuple[np.ndarray, float]:
        """Average-linkage clustering of how often ``n_runs`` NMF runs put two stories together, and the PAC."""
        n = features.shape[0]
        if k >= n:
            return np.arange(n), 0.0
        if k == 1:
            return np.zeros(n, dtype=int), 0.0
        together = np.zeros((n, n), dtype=np.float32)
        seeds = np.random.RandomState(self.random_state).randint(0, 2**31 - 1, size=n_runs)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)
            warnings.simplefilter("ignore", RuntimeWarning)  # degenerate input (identical stories)
            for seed in seeds:
                weights = NMF(k, init="random", random_state=int(seed), max_iter=300, tol=1e-3).fit_transform(features)
                labels = weights.argmax(axis=1)
                together += labels[:, None] == labels[None, :]
        together /= n_runs
        upper = together[np.triu_indices(n, 1)]
        pac = float(np.mean((upper > 0.1) & (upper < 0.9)))  # proportion of ambiguous clustering
        if pac_only:
            return np.empty(0, dtype=int), pac
        if n >= SPECTRAL_PER_THEME * k:
            together = 0.5 * together + 0.5 * self._spectral_together(features, k)
        distance = 1.0 - together
        np.fill_diagonal(distance, 0.0)
        labels = AgglomerativeClustering(k, metric="precomputed", linkage="average").fit_predict(distance)
        return labels, pac

    def _spectral_together(self, features, k: int) -> np.ndarray:
        """How often spectral clustering of story-neighbour graphs (5, 10, 15 neighbours) puts two stories together."""
        from sklearn.cluster import SpectralClustering

        n = features.shape[0]
        together = np.zeros((n, n), dtype=np.float32)
        runs = 0
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)  # "graph is not fully connected"
            for neighbours in (5, 10, 15):
                for offset in range(2):
                    labels = SpectralClustering(
                        k, affinity="nearest_neighbors", n_neighbors=min(neighbours, n - 1),
                        random_state=self.random_state + offset, assign_labels="kmeans",
                    ).fit_predict(features)
                    together += labels[:, None] == labels[None, :]
                    runs += 1
        return together / runs

    # -- using a fitted model ------------------------------------------------------------------------------
    def transform(self, stories: Any) -> np.ndarray:
        """Story × theme weights: cosine between each story and each theme's centre (0 for empty stories)."""
        texts, _ = _as_stories(stories, self.text_column, self.participant_column)
        features = self.vectorizer_.transform(texts)
        features = normalize(sparse.csr_matrix(features)) if sparse.issparse(features) else normalize(features)
        return np.clip(_dense(features @ self.centroids_.T), 0, None)

    def predict(self, stories: Any) -> np.ndarray:
        """The theme of each story (``-1`` when it shares no term with any theme)."""
        return self._labels_from_weights(self.transform(stories))

    def _predict_features(self, features) -> np.ndarray:
        features = normalize(sparse.csr_matrix(features)) if sparse.issparse(features) else normalize(features)
        return self._labels_from_weights(np.clip(_dense(features @ self.centroids_.T), 0, None))

    @staticmethod
    def _labels_from_weights(weights: np.ndarray) -> np.ndarray:
        if weights.shape[1] == 0:
            return np.full(weights.shape[0], NO_THEME, dtype=int)
        labels = weights.argmax(axis=1)
        labels[weights.max(axis=1) <= 0] = NO_THEME
        return labels

    def fit_predict(self, stories: Any, y: Any = None) -> np.ndarray:
        return self.fit(stories).labels_


def _dense(matrix) -> np.ndarray:
    return matrix.toarray() if sparse.issparse(matrix) else np.asarray(matrix)


def _centroid(rows) -> np.ndarray:
    centre = np.asarray(rows.mean(axis=0)).ravel()
    norm = np.linalg.norm(centre)
    return centre / norm if norm else centre


def _ordered_clusters(labels: np.ndarray) -> list[int]:
    """Cluster ids by size (largest first), ties by first member in canonical order."""
    ids, first, counts = np.unique(labels, return_index=True, return_counts=True)
    return [int(i) for _, _, i in sorted(zip(-counts, first, ids))]


def theme_scope(tellers: Sequence[str], min_participants: int = 3) -> str:
    """``collectief`` when at least ``min_participants`` different participants tell the theme's stories."""
    return COLLECTIVE if len(set(tellers)) >= min_participants else INDIVIDUAL
