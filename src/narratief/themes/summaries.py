"""Collective versus individual experiential knowledge, as pandas tables.

``knowledge_summary(result, stories)`` crosses a :class:`~narratief.themes.result.ThemeResult` with the stories'
metadata (participant, session, level, perspective, kind). No table holds story text.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from narratief.themes.model import COLLECTIVE, INDIVIDUAL, NO_THEME
from narratief.themes.result import ThemeResult

#: Metadata columns a summary can break themes down by.
DIMENSIONS = ("level", "perspective", "kind", "session")


@dataclass
class KnowledgeSummary:
    """Tables of one theme result. Every table is indexed by theme label (``thema``)."""

    matrix: pd.DataFrame  #: theme × participant: number of stories
    spread: pd.DataFrame  #: per theme: stories, participants, share of participants, scope
    collective_individual: pd.DataFrame  #: per scope: themes, stories, participants
    by_level: pd.DataFrame
    by_perspective: pd.DataFrame
    by_kind: pd.DataFrame
    by_session: pd.DataFrame

    def tables(self) -> dict[str, pd.DataFrame]:
        """Every table by its Dutch name (for reports and exports)."""
        return {
            "thema x deelnemer": self.matrix,
            "spreiding": self.spread,
            "collectief vs individueel": self.collective_individual,
            "per niveau": self.by_level,
            "per perspectief": self.by_perspective,
            "per soort": self.by_kind,
            "per sessie": self.by_session,
        }


def _frame(result: ThemeResult, stories: pd.DataFrame | None) -> pd.DataFrame:
    frame = pd.DataFrame({"theme": result.assignments, "participant": result.participants})
    if stories is not None:
        meta = stories.reindex(frame.index)
        for column in DIMENSIONS:
            if column in meta.columns:
                frame[column] = meta[column].fillna("").astype(str).replace("", "onbekend")
    for column in DIMENSIONS:
        if column not in frame.columns:
            frame[column] = "onbekend"
    labels = result.themes.set_index("theme")["label"].to_dict()
    frame = frame[frame["theme"] != NO_THEME].copy()
    frame["thema"] = frame["theme"].map(labels)
    return frame


def _crosstab(frame: pd.DataFrame, column: str, order: list[str]) -> pd.DataFrame:
    if frame.empty:
        return pd.DataFrame(index=pd.Index(order, name="thema"))
    table = pd.crosstab(frame["thema"], frame[column])
    return table.reindex(order).fillna(0).astype(int)


def knowledge_summary(result: ThemeResult, stories: pd.DataFrame | None = None) -> KnowledgeSummary:
    """Theme × participant matrix, spread per theme, collective vs individual, and breakdowns by metadata.

    ``stories`` is the table the themes were found in (same index), with any of the columns ``level``,
    ``perspective``, ``kind`` and ``session``.
    """
    themes = result.themes
    frame = _frame(result, stories)
    order = themes["label"].tolist()
    n_people = max(1, result.participants.nunique())
    matrix = (
        pd.crosstab(frame["thema"], frame["participant"]).reindex(order).fillna(0).astype(int)
        if not frame.empty
        else pd.DataFrame(index=pd.Index(order, name="thema"))
    )
    matrix.index.name = "thema"
    spread = pd.DataFrame(
        {
            "verhalen": themes["n_stories"].to_numpy(),
            "deelnemers": themes["n_participants"].to_numpy(),
            "aandeel_deelnemers": (themes["n_participants"] / n_people).round(3).to_numpy(),
            "reikwijdte": themes["scope"].to_numpy(),
        },
        index=pd.Index(order, name="thema"),
    ).sort_values(["deelnemers", "verhalen"], ascending=False, kind="stable")
    rows = []
    for scope in (COLLECTIVE, INDIVIDUAL):
        part = themes[themes["scope"] == scope]
        tellers = frame[frame["theme"].isin(part["theme"])]["participant"].nunique()
        rows.append({"reikwijdte": scope, "themas": len(part), "verhalen": int(part["n_stories"].sum()),
                     "deelnemers": int(tellers)})
    collective_individual = pd.DataFrame(rows).set_index("reikwijdte")
    return KnowledgeSummary(
        matrix=matrix,
        spread=spread,
        collective_individual=collective_individual,
        by_level=_crosstab(frame, "level", order),
        by_perspective=_crosstab(frame, "perspective", order),
        by_kind=_crosstab(frame, "kind", order),
        by_session=_crosstab(frame, "session", order),
    )
