from __future__ import annotations

import pytest
from matplotlib.figure import Figure

from narratief import find_themes, knowledge_summary
from narratief.themes import plots


@pytest.fixture
def summary_and_result(small_stories):
    result = find_themes(small_stories, n_themes=3, anonymise=False)
    return knowledge_summary(result, small_stories), result, small_stories


def test_tables_agree_with_the_result(summary_and_result):
    summary, result, stories = summary_and_result
    themes = result.themes.set_index("label")
    assert summary.matrix.sum(axis=1).to_dict() == themes["n_stories"].to_dict()
    assert (summary.matrix > 0).sum(axis=1).to_dict() == themes["n_participants"].to_dict()
    assert summary.by_level.to_numpy().sum() == len(stories)
    assert set(summary.by_level.columns) == {"micro", "meso", "macro"}
    table = summary.collective_individual
    assert table.loc["individueel", "themas"] == 1 and table.loc["collectief", "themas"] == 2
    assert summary.spread["reikwijdte"].tolist().count("individueel") == 1


def test_plots_are_figures_labelled_with_themes_never_story_text(summary_and_result):
    summary, result, stories = summary_and_result
    figures = [plots.spread_bars(summary), plots.level_heatmap(summary), plots.theme_map(result),
               plots.sessions_plot(summary)]
    sentences = {s for text in stories.text for s in text.split(". ")}
    labels = set(result.themes.label)
    for figure in figures:
        assert isinstance(figure, Figure)
        shown = [t.get_text() for t in figure.findobj(lambda a: hasattr(a, "get_text")) if t.get_text()]
        assert shown
        assert not any(s in shown_text for s in sentences for shown_text in shown if len(s) > 15)
    legend = [t.get_text() for t in figures[2].axes[0].get_legend().get_texts()]
    assert set(legend) <= labels | {"geen thema"}


def test_filtered_tables_keep_labels_and_count_only_kept_stories(summary_and_result):
    from narratief import knowledge_summary

    _, result, stories = summary_and_result
    keep = (stories["level"] == "micro").to_numpy()
    view = result.subset(keep)
    summary = knowledge_summary(view, stories[keep])
    assert set(summary.spread.index) == set(result.themes["label"])
    assert summary.spread["verhalen"].sum() == keep.sum()
    assert list(summary.by_level.columns) == ["micro"]
    assert result.themes["n_stories"].sum() == len(stories)  # the full result is untouched
