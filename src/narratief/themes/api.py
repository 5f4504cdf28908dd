"""``find_themes``: from a table of stories to a :class:`~narratief.themes.result.ThemeResult`."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import Any

import pandas as pd

from narratief.errors import ThemeInputProblem
from narratief.themes.codebook import Codebook, load_codebook
from narratief.themes.features import LexicalVectorizer, analyse, term_pipeline
from narratief.themes.model import ThemeModel
from narratief.themes.result import ThemeEdit, ThemeResult

log = logging.getLogger(__name__)

#: ``DataFrame.attrs`` key set by the privacy gate: the texts are already shareable (anonymised).
GATE_ATTR = "narratief_purpose"


def _anonymised_texts(texts: list[str], progress: bool | None) -> list[str]:
    from narratief.privacy.anonymiser import Anonymiser

    return [result.text for result in Anonymiser("placeholder").pipe(texts, progress=progress)]


def find_themes(
    df: pd.DataFrame,
    text: str = "text",
    participant: str = "participant",
    n_themes: int | None = None,
    seed: int = 0,
    codebook: Codebook | str | None = None,
    *,
    min_participants: int = 3,
    id: str | None = "id",
    anonymise: bool | None = None,
    vectorizer: Any = None,
    edits: Iterable[ThemeEdit | dict] = (),
    progress: bool | None = None,
    fit_progress: Any = None,
) -> ThemeResult:
    """Find shared themes in the stories of ``df``.

    ``df`` holds one story per row: ``text`` (the story), ``participant`` (the teller's pseudonym) and optionally
    ``id``. Texts are anonymised first unless ``df`` comes from the privacy gate
    (:func:`narratief.shareable_stories`) or ``anonymise=False`` says they already are. ``seed`` fixes every
    random step: the same stories and seed give the same themes, whatever the row order. ``edits`` from an
    earlier result are replayed where they still fit. ``progress`` shows a progress bar while anonymising
    (default: in notebooks); ``fit_progress(done, total)`` is called while the number of themes is searched.
    """
    if not isinstance(df, pd.DataFrame):
        df = pd.DataFrame({text: list(df)})
    if text not in df.columns:
        raise ThemeInputProblem(f"column {text!r} missing", kolom=text)
    texts = df[text].fillna("").astype(str).tolist()
    if not texts:
        raise ThemeInputProblem("no stories", kolom=text)
    people = (
        df[participant].fillna("").astype(str).tolist() if participant in df.columns else [f"#{i}" for i in range(len(df))]
    )
    ids = df[id].astype(str).tolist() if id and id in df.columns else [str(i) for i in df.index]
    if len(set(ids)) != len(ids):
        ids = [str(i) for i in range(len(df))]
    if anonymise is None:
        anonymise = GATE_ATTR not in df.attrs
    if anonymise:
        texts = _anonymised_texts(texts, progress)
    codebook = load_codebook(codebook) if codebook is not None else None
    model = ThemeModel(
        n_themes, min_participants=min_participants, codebook=codebook, random_state=seed, vectorizer=vectorizer,
        progress=fit_progress,
    )
    terms = analyse(texts, compounds=True) if vectorizer is None else None
    model.fit(pd.DataFrame({"text": texts, "participant": people}), terms=terms)
    if vectorizer is None:
        features = model.vectorizer_.transform_terms(terms)
    else:  # a user's vectoriser: its features for the model, Dutch terms still for keywords
        features = model.vectorizer_.transform(texts)
        terms = analyse(texts)
    display = term_pipeline(True).get_pipe("narratief_terms").display_word
    result = ThemeResult(
        index=df.index,
        story_ids=ids,
        participants=people,
        texts=texts,
        terms=terms,
        features=features,
        labels=model.labels_,
        model=model,
        min_participants=min_participants,
        origins=model.theme_origin_,
        codes=model.theme_codes_,
        code_names={c.id: c.name for c in codebook.themes} if codebook else None,
        display=display,
        random_state=seed,
    )
    skipped = result.replay(edits)
    if skipped:
        log.info("%d earlier edits no longer fit the new themes", len(skipped))
    result.skipped_edits = skipped
    log.info("themes: %d stories, %d themes", len(texts), len(result.theme_ids()))
    return result


__all__ = ["find_themes", "LexicalVectorizer", "ThemeModel", "ThemeResult"]
