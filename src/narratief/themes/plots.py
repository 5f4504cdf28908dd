"""Plots of themes (matplotlib; each function returns a Figure). Labels are theme labels, never story text."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from narratief.themes.model import COLLECTIVE, NO_THEME
from narratief.themes.result import ThemeResult
from narratief.themes.summaries import KnowledgeSummary

#: Colours of the two scopes (colour-blind safe pair).
SCOPE_COLOURS = {COLLECTIVE: "#1b7837", "individueel": "#762a83"}


def _figure(width: float, height: float) -> tuple[Figure, object]:
    figure = Figure(figsize=(width, height), layout="constrained")
    return figure, figure.add_subplot()


def spread_bars(summary: KnowledgeSummary) -> Figure:
    """Participants per theme, bars coloured collective vs individual."""
    spread = summary.spread.iloc[::-1]
    figure, axes = _figure(7, max(2.5, 0.35 * len(spread) + 1))
    colours = [SCOPE_COLOURS.get(scope, "grey") for scope in spread["reikwijdte"]]
    axes.barh(range(len(spread)), spread["deelnemers"], color=colours)
    axes.set_yticks(range(len(spread)), spread.index.tolist())
    axes.set_xlabel("aantal deelnemers")
    axes.set_title("Spreiding van thema's: collectief of individueel")
    for scope, colour in SCOPE_COLOURS.items():
        axes.bar(0, 0, color=colour, label=scope)
    axes.legend(loc="lower right")
    return figure


def _heatmap(table: pd.DataFrame, title: str, xlabel: str) -> Figure:
    figure, axes = _figure(max(4, 0.9 * max(1, table.shape[1]) + 3), max(2.5, 0.35 * len(table) + 1))
    data = table.to_numpy(dtype=float) if table.size else np.zeros((max(1, len(table)), 1))
    image = axes.imshow(data, cmap="Greens", aspect="auto")
    axes.set_yticks(range(len(table)), table.index.tolist())
    axes.set_xticks(range(table.shape[1]), [str(c) for c in table.columns])
    axes.set_xlabel(xlabel)
    axes.set_title(title)
    for (i, j), value in np.ndenumerate(data):
        if value:
            axes.text(j, i, int(value), ha="center", va="center", fontsize=8)
    figure.colorbar(image, ax=axes, label="verhalen")
    return figure


def level_heatmap(summary: KnowledgeSummary) -> Figure:
    """Stories per theme and level (micro / meso / macro)."""
    table = summary.by_level
    order = [c for c in ("micro", "meso", "macro") if c in table.columns] + [
        c for c in table.columns if c not in ("micro", "meso", "macro")
    ]
    return _heatmap(table[order] if order else table, "Thema's per niveau", "niveau")


def theme_map(result: ThemeResult, *, random_state: int = 0) -> Figure:
    """Stories on a 2-D map of their theme weights (PCA), coloured by theme; legend shows theme labels."""
    from sklearn.decomposition import PCA

    weights = result.weights.to_numpy()
    assignments = result.assignments.to_numpy()
    figure, axes = _figure(7, 5)
    if weights.shape[0] >= 2 and weights.shape[1] >= 2:
        points = PCA(2, random_state=random_state).fit_transform(weights)
    else:
        points = np.column_stack([np.arange(len(weights)), np.zeros(len(weights))])
    labels = result.themes.set_index("theme")["label"].to_dict()
    colours = _colours(len(labels))
    for position, (theme, label) in enumerate(labels.items()):
        chosen = assignments == theme
        axes.scatter(points[chosen, 0], points[chosen, 1], s=25, color=colours[position], label=label)
    if (assignments == NO_THEME).any():
        chosen = assignments == NO_THEME
        axes.scatter(points[chosen, 0], points[chosen, 1], s=15, color="lightgrey", label="geen thema")
    axes.set_title("Verhalenkaart: elk punt is een verhaal")
    axes.set_xticks([])
    axes.set_yticks([])
    axes.legend(fontsize=7, loc="center left", bbox_to_anchor=(1.0, 0.5), frameon=False)
    return figure


def sessions_plot(summary: KnowledgeSummary) -> Figure:
    """Stories per theme across sessions (sessions in their sorted order, usually by date in the id)."""
    table = summary.by_session
    table = table[sorted(table.columns)] if table.size else table
    figure, axes = _figure(7, 4)
    colours = _colours(len(table))
    for position, (label, row) in enumerate(table.iterrows()):
        axes.plot(range(len(row)), row.to_numpy(), marker="o", color=colours[position], label=label)
    axes.set_xticks(range(table.shape[1]), [str(c) for c in table.columns], rotation=30, ha="right")
    axes.set_ylabel("verhalen")
    axes.set_title("Thema's over de sessies heen")
    axes.legend(fontsize=7, loc="center left", bbox_to_anchor=(1.0, 0.5), frameon=False)
    return figure


def _colours(n: int) -> list:
    from matplotlib import colormaps

    cmap = colormaps["tab20"]
    return [cmap(i % 20) for i in range(max(n, 1))]
