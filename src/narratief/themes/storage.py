"""Themes in the story store: runs, themes, assignments, quotes and edits (tables of migration 0003).

Assignments and quotes reference their story with ``ON DELETE CASCADE``: erasing a story removes it from every
theme, a theme left without stories disappears, and recorded edits stop naming it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from narratief import __version__
from narratief.errors import NoThemesStored
from narratief.store import StoryStore
from narratief.themes.result import ThemeEdit, ThemeResult


@dataclass
class StoredThemes:
    """A theme run as kept in the store."""

    run_id: int
    created_at: str
    purpose: str
    params: dict[str, Any]
    software: str
    themes: pd.DataFrame  #: theme, label, keywords, origin, code, n_stories, quotes
    assignments: pd.DataFrame  #: story_id, theme, weight, coding
    edits: list[ThemeEdit] = field(default_factory=list)


def save_themes(store: StoryStore, result: ThemeResult, *, purpose: str = "onderzoek", params: dict | None = None) -> int:
    """Keep ``result`` (only stories that exist in ``store``) as a new run; returns its id."""
    known = set(store.story_ids())
    ids = result.story_ids.tolist()
    weights = result.weights
    themes = result.themes
    with store.atomic() as conn:
        cursor = conn.execute(
            "INSERT INTO theme_runs (created_at, purpose, params, software) VALUES (datetime('now'), ?, ?, ?)",
            (purpose, json.dumps(params or {}, sort_keys=True), f"narratief {__version__}"),
        )
        run_id = int(cursor.lastrowid)
        for row in themes.itertuples(index=False):
            conn.execute(
                "INSERT INTO themes (run_id, theme, label, keywords, origin, code) VALUES (?, ?, ?, ?, ?, ?)",
                (run_id, int(row.theme), row.label, json.dumps(list(row.keywords)), row.origin, row.code),
            )
            for story_id, quote in zip(row.story_ids, row.quotes):
                if story_id in known:
                    conn.execute(
                        "INSERT INTO theme_quotes (run_id, theme, story_id, quote) VALUES (?, ?, ?, ?)",
                        (run_id, int(row.theme), story_id, quote),
                    )
        coding = result.coding.tolist()
        for position, (story_id, theme) in enumerate(zip(ids, result.assignments.tolist())):
            if story_id not in known:
                continue
            weight = float(weights.iloc[position][theme]) if theme in weights.columns else 0.0
            conn.execute(
                "INSERT INTO theme_assignments (run_id, story_id, theme, weight, coding) VALUES (?, ?, ?, ?, ?)",
                (run_id, story_id, int(theme), weight, coding[position]),
            )
        for seq, edit in enumerate(result.edits):
            conn.execute(
                "INSERT INTO theme_edits (run_id, seq, action, params, editor, at, members) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (run_id, seq, edit.action, json.dumps(edit.params), edit.editor, edit.at, json.dumps(edit.members)),
            )
        store.record("themes.save", str(run_id), f"themes={len(themes)} stories={len(ids)}")
    return run_id


def theme_runs(store: StoryStore) -> pd.DataFrame:
    """Every stored run: id, when, purpose, software, number of themes and stories."""
    query = """
        SELECT r.id AS run_id, r.created_at, r.purpose, r.software,
               (SELECT COUNT(*) FROM themes t WHERE t.run_id = r.id) AS themes,
               (SELECT COUNT(*) FROM theme_assignments a WHERE a.run_id = r.id) AS stories
        FROM theme_runs r ORDER BY r.id
    """
    return pd.read_sql_query(query, store.connection)


def load_themes(store: StoryStore, run_id: int | None = None) -> StoredThemes:
    """The stored run ``run_id`` (default: the latest)."""
    conn = store.connection
    if run_id is None:
        row = conn.execute("SELECT MAX(id) FROM theme_runs").fetchone()
        run_id = row[0] if row else None
    run = conn.execute("SELECT id, created_at, purpose, params, software FROM theme_runs WHERE id = ?", (run_id,)).fetchone()
    if run is None:
        raise NoThemesStored("no theme run stored")
    assignments = pd.read_sql_query(
        "SELECT story_id, theme, weight, coding FROM theme_assignments WHERE run_id = ? ORDER BY story_id",
        conn, params=(run_id,),
    )
    themes = pd.read_sql_query(
        "SELECT theme, label, keywords, origin, code FROM themes WHERE run_id = ? ORDER BY theme", conn, params=(run_id,)
    )
    themes["keywords"] = themes["keywords"].map(json.loads)
    counts = assignments.groupby("theme").size()
    themes["n_stories"] = themes["theme"].map(counts).fillna(0).astype(int)
    quotes = pd.read_sql_query(
        "SELECT theme, story_id, quote FROM theme_quotes WHERE run_id = ? ORDER BY rowid", conn, params=(run_id,)
    )
    themes["quotes"] = themes["theme"].map(lambda t: quotes[quotes.theme == t]["quote"].tolist())
    edits = [
        ThemeEdit(action, json.loads(params), editor, at, json.loads(members))
        for action, params, editor, at, members in conn.execute(
            "SELECT action, params, editor, at, members FROM theme_edits WHERE run_id = ? ORDER BY seq", (run_id,)
        )
    ]
    return StoredThemes(int(run[0]), run[1], run[2], json.loads(run[3]), run[4], themes, assignments, edits)


def themes_from_store(
    store: StoryStore,
    *,
    purpose: str = "onderzoek",
    n_themes: int | None = None,
    seed: int = 0,
    codebook: Any = None,
    min_participants: int = 3,
    keep_edits: bool = True,
    progress: Callable | None = None,
    fit_progress: Callable | None = None,
    **filters: Any,
) -> tuple[ThemeResult, pd.DataFrame, int]:
    """Find themes in the stories consented for ``purpose`` (anonymised by the gate), replay the latest run's
    edits (``keep_edits``), and save the run. Returns the result, the stories table and the run id."""
    from narratief.privacy.gate import shareable_stories
    from narratief.themes.api import find_themes

    stories = shareable_stories(store, purpose, progress=progress, **filters)
    edits: list[ThemeEdit] = []
    if keep_edits:
        try:
            edits = load_themes(store).edits
        except NoThemesStored:
            edits = []
    result = find_themes(
        stories, n_themes=n_themes, seed=seed, codebook=codebook, min_participants=min_participants, edits=edits,
        fit_progress=fit_progress,
    )
    codebook_id = getattr(result.model.codebook_, "id", None) if result.model is not None else None
    params = {"n_themes": n_themes, "chosen_themes": len(result.theme_ids()), "seed": seed, "codebook": codebook_id,
              "min_participants": min_participants, "stories": len(stories), "filters": filters}
    run_id = save_themes(store, result, purpose=purpose, params=params)
    return result, stories, run_id


def result_from_store(store: StoryStore, run: StoredThemes, stories: pd.DataFrame) -> ThemeResult:
    """A :class:`ThemeResult` of a stored run over ``stories`` (from the gate): stored themes, labels, coding and
    edits; stories the run does not know get no theme (``-1``). Keywords and quotes are recomputed from the
    stories that are still there."""
    import numpy as np

    from narratief.themes.features import LexicalVectorizer, analyse, term_pipeline

    texts = stories["text"].fillna("").tolist()
    terms = analyse(texts)
    vectorizer = LexicalVectorizer()
    features = vectorizer.fit_terms(terms)
    assigned = run.assignments.set_index("story_id")
    labels = np.array([int(assigned.loc[i, "theme"]) if i in assigned.index else -1 for i in stories["id"]])
    meta = {int(r.theme): {"origin": r.origin, "code": r.code, "label": r.label} for r in run.themes.itertuples()}
    labels[~np.isin(labels, list(meta))] = -1
    result = ThemeResult(
        index=stories.index, story_ids=stories["id"].tolist(), participants=stories["participant"].tolist(),
        texts=texts, terms=terms, features=features, labels=labels,
        min_participants=int(run.params.get("min_participants", 3)), meta=meta,
        display=term_pipeline().get_pipe("narratief_terms").display_word, random_state=int(run.params.get("seed", 0)),
    )
    coding = assigned["coding"].to_dict()
    result._coding[:] = [coding.get(i, "machine") for i in stories["id"]]
    result.edits = list(run.edits)
    return result
