from __future__ import annotations

import sqlite3

import pytest

from narratief.errors import NoThemesStored
from narratief.store import StoryStore
from narratief.themes.storage import load_themes, save_themes, theme_runs, themes_from_store
from tests.themes.conftest import make_stories


@pytest.fixture
def theme_store(tmp_path):
    store = StoryStore(tmp_path / "t.db")
    for row in make_stories().itertuples():
        store.add_story(row.text, participant=row.participant, id=row.id, consent=["onderzoek"])
    yield store
    store.close()


def test_nothing_stored_yet_is_a_clear_error(theme_store):
    with pytest.raises(NoThemesStored):
        load_themes(theme_store)


def test_run_round_trip_with_edits(theme_store):
    result, stories, run_id = themes_from_store(theme_store, n_themes=3)
    assert len(stories) == 12 and stories.attrs["narratief_purpose"] == "onderzoek"
    result.rename(0, "Eigen naam", editor="An")
    result.move(result.members(1)[0], 0, editor="An")
    second = save_themes(theme_store, result)
    stored = load_themes(theme_store)
    assert stored.run_id == second > run_id
    assert "Eigen naam" in stored.themes["label"].tolist()
    assert [e.action for e in stored.edits] == ["rename", "move"]
    assert (stored.assignments["coding"] == "mens").sum() == 1
    assert theme_runs(theme_store)["run_id"].tolist() == [run_id, second]
    again, _, _ = themes_from_store(theme_store, n_themes=3)
    assert "Eigen naam" in again.themes["label"].tolist()


def test_erasing_a_story_removes_it_from_every_theme(theme_store, tmp_path):
    result, _, _ = themes_from_store(theme_store, n_themes=3)
    victim = result.members(0)[0]
    result.move(victim, 1, editor="An")
    save_themes(theme_store, result)
    theme_store.erase(victim)
    conn = sqlite3.connect(tmp_path / "t.db")
    for table in ("theme_assignments", "theme_quotes"):
        assert conn.execute(f"SELECT COUNT(*) FROM {table} WHERE story_id = ?", (victim,)).fetchone()[0] == 0
    assert conn.execute("SELECT COUNT(*) FROM theme_edits WHERE params LIKE ? OR members LIKE ?",
                        (f"%{victim}%", f"%{victim}%")).fetchone()[0] == 0
    conn.close()


def test_a_theme_left_without_stories_disappears(theme_store):
    result, _, _ = themes_from_store(theme_store, n_themes=3)
    for story in result.members(2):
        theme_store.erase(story)
    stored = load_themes(theme_store)
    assert 2 not in stored.themes["theme"].tolist()
