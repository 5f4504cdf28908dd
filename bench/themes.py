"""Theme quality and scale, measured against the anchor (NMF on lemma TF-IDF) in the same run.

Quality (default): for each labelled set, prints ARI, NMI and the balanced accuracy of ``scope`` (collectief /
individueel per story, truth = the story's true theme held by >= 3 participants) for

- ``anchor``: NMF on lemma TF-IDF (spaCy lookup lemmas, Dutch stop words), true number of themes;
- ``narratief k=true``: find_themes with the true number of themes;
- ``narratief k=auto``: find_themes choosing the number itself.

Scale (``--sizes 1000,10000``): synthetic stories (sentences of the development set recombined within a theme)
go through anonymisation + themes + summaries in a fresh process per size; prints ``n=N seconds=S peak_mb=M``.

    .venv/bin/python bench/themes.py --sets dev,holdout,voorbeeld
    .venv/bin/python bench/themes.py --sizes 1000,10000
    .venv/bin/python bench/themes.py --bertopic 1000     # needs: pip install bertopic umap-learn hdbscan
    .venv/bin/python bench/themes.py --ceiling           # how far labelled training gets on the same features

``--ceiling`` adds a supervised reference per set: a linear SVM trained on the true themes (stratified 5-fold
cross-validation) on narratief's features and on plain word TF-IDF. Unsupervised themes rarely beat a classifier
that was shown 80% of the answers, so this tells how much of a set's themes the features can separate at all.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import subprocess
import sys
import time
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.metrics import adjusted_rand_score, balanced_accuracy_score, normalized_mutual_info_score

ROOT = Path(__file__).resolve().parent.parent
SETS = {
    "dev": ROOT / "data/dev/themes-dev.jsonl",
    "holdout": ROOT / "data/dev/themes-holdout.jsonl",
    "voorbeeld": ROOT / "data/voorbeeld/verhalen.jsonl",
    "dev2": ROOT / "data/dev/themes-dev-2.jsonl",
    "dev3": ROOT / "data/dev/themes-dev-3.jsonl",
    "holdout3": ROOT / "data/dev/themes-holdout-3.jsonl",  # never read while tuning: only scored
}


def load(path: Path) -> pd.DataFrame:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return pd.DataFrame(
        {
            "id": [r["id"] for r in rows],
            "participant": [r["deelnemer"] for r in rows],
            "truth": [r["thema"] for r in rows],
            "raw": [r["tekst"] for r in rows],
            "level": [r.get("niveau") for r in rows],
            "perspective": [r.get("perspectief") for r in rows],
            "kind": [r.get("soort") for r in rows],
            "session": [r.get("sessie") for r in rows],
        }
    )


def anonymised(frame: pd.DataFrame) -> pd.DataFrame:
    from narratief.privacy.anonymiser import Anonymiser

    frame = frame.copy()
    frame["text"] = [a.text for a in Anonymiser("placeholder").pipe(frame["raw"].tolist(), progress=False)]
    return frame


def anchor_labels(texts: list[str], k: int, seed: int = 0) -> np.ndarray:
    """The anchor: NMF on TF-IDF of lookup lemmas without stop words."""
    import spacy
    from sklearn.decomposition import NMF
    from sklearn.feature_extraction.text import TfidfVectorizer
    from spacy.lang.nl.stop_words import STOP_WORDS

    nlp = spacy.blank("nl")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()
    lemmas = [
        " ".join(t.lemma_.lower() for t in doc if t.is_alpha and t.lower_ not in STOP_WORDS)
        for doc in nlp.pipe(re.sub(r"\[[A-Z]+-\w+\]", " ", t) for t in texts)
    ]
    matrix = TfidfVectorizer(min_df=2, max_df=0.5).fit_transform(lemmas)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return NMF(k, init="nndsvd", random_state=seed, max_iter=500).fit_transform(matrix).argmax(axis=1)


def scope_accuracy(frame: pd.DataFrame, collective: list[bool], min_participants: int = 3) -> float:
    """Balanced accuracy of each story's predicted scope against the scope of its true theme."""
    truth_people = frame.groupby("truth")["participant"].nunique()
    truth = frame["truth"].map(lambda t: truth_people[t] >= min_participants)
    return balanced_accuracy_score(truth, collective)


def counted_scope(frame: pd.DataFrame, predicted: np.ndarray, min_participants: int = 3) -> list[bool]:
    """For the anchor, which has no scope of its own: collective when its cluster has enough participants."""
    pred_people = pd.Series(frame["participant"].to_numpy()).groupby(predicted).nunique()
    return [p != -1 and pred_people[p] >= min_participants for p in predicted]


def supervised_ceiling(frame: pd.DataFrame) -> dict[str, float]:
    """ARI of a linear SVM trained on the true themes (stratified 5-fold cross-validation), per feature set."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.model_selection import StratifiedKFold, cross_val_predict
    from sklearn.preprocessing import normalize
    from sklearn.svm import LinearSVC

    from narratief.themes.features import LexicalVectorizer

    truth = frame["truth"].to_numpy()
    folds = StratifiedKFold(min(5, int(frame["truth"].value_counts().min())), shuffle=True, random_state=0)
    features = {
        "narratief features": normalize(LexicalVectorizer().fit_transform(frame["text"].tolist())),
        "word TF-IDF": TfidfVectorizer(sublinear_tf=True, min_df=2).fit_transform(frame["text"].tolist()),
    }
    return {
        name: adjusted_rand_score(truth, cross_val_predict(LinearSVC(C=1.0), matrix, truth, cv=folds))
        for name, matrix in features.items()
    }


def quality(names: list[str], ceiling: bool = False) -> None:
    from narratief.themes.api import find_themes

    for name in names:
        frame = anonymised(load(SETS[name]))
        k = frame["truth"].nunique()
        print(f"[{name}] stories={len(frame)} participants={frame.participant.nunique()} themes={k}")
        anchor = anchor_labels(frame["text"].tolist(), k)
        rows = [("anchor NMF lemma TF-IDF k=true", anchor, counted_scope(frame, anchor), 0.0)]
        for label, n_themes in (("narratief k=true", k), ("narratief k=auto", None)):
            start = time.perf_counter()
            result = find_themes(frame, n_themes=n_themes, anonymise=False)
            seconds = time.perf_counter() - start
            scopes = result.themes.set_index("theme")["scope"]
            collective = [t != -1 and scopes[t] == "collectief" for t in result.assignments]
            rows.append((f"{label} (k={len(result.theme_ids())})", result.assignments.to_numpy(), collective, seconds))
        for label, predicted, collective, seconds in rows:
            print(
                f"  {label:38s} ARI={adjusted_rand_score(frame.truth, predicted):.3f} "
                f"NMI={normalized_mutual_info_score(frame.truth, predicted):.3f} "
                f"scope_bacc={scope_accuracy(frame, collective):.3f} seconds={seconds:.1f}"
            )
        if ceiling:
            for features, score in supervised_ceiling(frame).items():
                print(f"  {'supervised SVM, ' + features:38s} ARI={score:.3f} (5-fold CV, trained on the true themes)")


def synthetic(n: int, seed: int = 0) -> pd.DataFrame:
    """``n`` stories: 3-7 sentences of development stories of one theme, recombined; 1 teller per 5 stories."""
    frame = load(SETS["dev"])
    rng = random.Random(seed)
    by_theme: dict[str, list[str]] = {}
    for theme, raw in zip(frame.truth, frame.raw):
        by_theme.setdefault(theme, []).extend(s for s in re.split(r"(?<=[.!?])\s+", raw) if s.strip())
    themes = sorted(by_theme)
    rows = []
    for i in range(n):
        theme = rng.choice(themes)
        text = " ".join(rng.sample(by_theme[theme], min(len(by_theme[theme]), rng.randint(3, 7))))
        rows.append({"id": f"s{i}", "participant": f"p{rng.randrange(max(1, n // 5))}", "raw": text, "truth": theme,
                     "level": rng.choice(["micro", "meso", "macro"]), "session": f"sessie-{rng.randrange(6)}"})
    return pd.DataFrame(rows)


def scale_one(n: int) -> None:
    from narratief.themes.api import find_themes
    from narratief.themes.summaries import knowledge_summary

    frame = synthetic(n)
    frame["text"] = frame["raw"]
    start = time.perf_counter()
    result = find_themes(frame, progress=False)  # anonymises first
    knowledge_summary(result, frame)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    ari = adjusted_rand_score(frame.truth, result.assignments)
    print(f"n={n} seconds={seconds:.1f} peak_mb={peak:.0f} themes={len(result.theme_ids())} ari={ari:.3f}", flush=True)


def bertopic_side_by_side(n: int) -> None:
    """BERTopic (UMAP + HDBSCAN) given narratief's vectors as precomputed embeddings, beside narratief, on ``n``
    synthetic stories and on the development set."""
    try:
        from bertopic import BERTopic
        from umap import UMAP
    except ImportError:
        print("bertopic: not installed (pip install bertopic umap-learn hdbscan); skipped")
        return
    from narratief.themes.api import find_themes
    from narratief.themes.features import LexicalVectorizer

    for name, frame in ((f"synthetic n={n}", synthetic(n)), ("dev", load(SETS["dev"]))):
        frame = anonymised(frame)
        start = time.perf_counter()
        ours = find_themes(frame, anonymise=False).assignments.to_numpy()
        ours_seconds = time.perf_counter() - start
        start = time.perf_counter()
        vectors = LexicalVectorizer().fit_transform(frame["text"].tolist()).toarray()
        runs = []
        for seed in (0, 1):
            model = BERTopic(embedding_model=None, umap_model=UMAP(n_components=5, metric="cosine", random_state=seed),
                             calculate_probabilities=False)
            runs.append(np.asarray(model.fit_transform(frame["text"].tolist(), embeddings=vectors)[0]))
        bertopic_seconds = (time.perf_counter() - start) / 2
        for label, labels, seconds in (("narratief k=auto", ours, ours_seconds), ("BERTopic same vectors", runs[0], bertopic_seconds)):
            print(f"[{name}] {label:24s} themes={len(set(labels) - {-1})} ARI={adjusted_rand_score(frame.truth, labels):.3f} "
                  f"NMI={normalized_mutual_info_score(frame.truth, labels):.3f} seconds={seconds:.1f}")
        print(f"[{name}] BERTopic agreement between seeds 0 and 1: ARI={adjusted_rand_score(runs[0], runs[1]):.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", default="dev,dev2,dev3,holdout,holdout3,voorbeeld")
    parser.add_argument("--sizes", default="")
    parser.add_argument("--bertopic", type=int, default=0, metavar="N", help="BERTopic beside narratief on N stories")
    parser.add_argument("--ceiling", action="store_true", help="add a supervised reference (SVM on the true themes)")
    parser.add_argument("--one-size", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one_size:
        scale_one(args.one_size)
        return
    if args.bertopic:
        bertopic_side_by_side(args.bertopic)
        return
    if args.sizes:
        for size in (int(s) for s in args.sizes.split(",")):
            subprocess.run([sys.executable, __file__, "--one-size", str(size)], check=True)
        return
    quality([s for s in args.sets.split(",") if s], ceiling=args.ceiling)


if __name__ == "__main__":
    main()
