from __future__ import annotations

import pytest

from narratief import find_themes
from narratief.errors import InvalidThemeEdit, StoryNotInThemes, ThemeNotFound


@pytest.fixture
def result(small_stories):
    return find_themes(small_stories, n_themes=3, anonymise=False)


def test_rename_is_recorded_as_human_coding(result):
    result.rename(0, "Geldzorgen", editor="An")
    assert result.label(0) == "Geldzorgen"
    assert result.edits[-1].action == "rename" and result.edits[-1].editor == "An"
    assert set(result.coding) == {"machine"}  # a new name changes no story's theme


def test_merge_moves_every_story_and_marks_it_human(result):
    sizes = result.themes.set_index("theme")["n_stories"]
    into = result.merge([0, 1], label="Samen", editor="An")
    assert into == 0 and 1 not in result.theme_ids()
    assert result.themes.set_index("theme").loc[0, "n_stories"] == sizes[0] + sizes[1]
    assert result.label(0) == "Samen"
    assert (result.coding[result.assignments == 0] == "mens").sum() == sizes[1]


def test_split_move_delete(result):
    members = result.members(0)
    new = result.split(0, [members[:2], members[2:]], editor="An")
    assert result.members(new[0]) == members[:2] and result.members(new[1]) == members[2:]
    result.move(members[0], 2, editor="An")
    assert result.assignments[result.story_ids == members[0]].iloc[0] == 2
    result.delete(2, editor="An")
    assert 2 not in result.theme_ids()
    assert (result.assignments[result.story_ids == members[0]] == -1).all()
    assert [e.action for e in result.edits] == ["split", "move", "delete"]


def test_split_without_groups_uses_the_features(result):
    created = result.split(0)
    assert len(created) == 2 and all(result.members(t) for t in created)


def test_invalid_edits_raise_clear_errors(result):
    with pytest.raises(ThemeNotFound):
        result.rename(99, "x")
    with pytest.raises(InvalidThemeEdit):
        result.merge([0, 0])
    with pytest.raises(StoryNotInThemes):
        result.move("bestaat-niet", 0)
    with pytest.raises(InvalidThemeEdit):
        result.rename(0, "  ")


def test_edits_survive_a_refit(small_stories, result):
    result.rename(0, "Eigen naam", editor="An")
    moved = result.members(1)[0]
    result.move(moved, 2, editor="An")
    refit = find_themes(small_stories.sample(frac=1, random_state=3), n_themes=3, anonymise=False, edits=result.edits)
    assert "Eigen naam" in refit.themes["label"].tolist()
    assert refit.assignments[refit.story_ids == moved].iloc[0] == refit.assignments[refit.story_ids == result.members(2)[-1]].iloc[0]
    assert refit.coding[refit.story_ids == moved].iloc[0] == "mens"
    assert refit.skipped_edits == []


def test_chained_merges_and_a_split_after_a_merge_survive_a_refit(small_stories, result):
    first = result.merge([0, 1], label="Eerst samen", editor="An")
    everything = result.merge([first, 2], label="Alles samen", editor="An")
    members = result.members(everything)
    halves = [members[: len(members) // 2], members[len(members) // 2:]]
    result.split(everything, halves, editor="An")
    refit = find_themes(small_stories.sample(frac=1, random_state=5), n_themes=3, anonymise=False, edits=result.edits)
    assert refit.skipped_edits == []
    assert sorted(sorted(refit.members(t)) for t in refit.theme_ids()) == sorted(sorted(h) for h in halves)
