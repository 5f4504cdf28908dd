from __future__ import annotations

import re

import pytest

from narratief.example import create_demo_store, example_records
from tests.leaks import raw_details
from narratief.report import write_report
from narratief.store import StoryStore
from narratief.themes.storage import themes_from_store


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    folder = tmp_path_factory.mktemp("report")
    create_demo_store(folder / "demo.db")
    store = StoryStore(folder / "demo.db")
    result, stories, _ = themes_from_store(store, n_themes=6)
    from narratief.themes.storage import save_themes

    result.rename(0, "Hernoemd voor het rapport", editor="An")
    save_themes(store, result, params={"n_themes": 6, "seed": 0, "min_participants": 3})
    html = write_report(store, folder / "rapport.html").read_text("utf-8")
    markdown = write_report(store, folder / "rapport.md").read_text("utf-8")
    yield store, result, stories, html, markdown
    store.close()


def test_report_is_self_contained_and_shows_the_themes(reports):
    _, result, stories, html, markdown = reports
    assert "<img" in html and not re.search(r'src="(?!data:)', html)  # plots embedded, nothing fetched
    assert "http" not in html.replace("http-equiv", "")
    for label in result.themes[result.themes.n_stories > 0]["label"]:
        assert label in markdown
    assert "Hernoemd voor het rapport" in html
    assert f"{len(stories)} verhalen" in html
    assert "seed 0" in html and "narratief" in html  # methods paragraph


def test_report_holds_no_raw_detail_and_no_story_without_research_consent(reports):
    store, result, stories, html, markdown = reports
    visible = re.sub(r'src="data:[^"]+"', "", html) + markdown
    own: dict[str, str] = {}  # each story's quotes, as the report shows them
    for ids, quotes in zip(result.themes["story_ids"], result.themes["quotes"]):
        for story_id, quote in zip(ids, quotes):
            own[story_id] = own.get(story_id, "") + " " + quote
    assert raw_details(visible, own) == []
    research = set(store.story_ids(purpose="onderzoek"))
    for record in example_records():
        if record["id"] not in research:
            for sentence in re.split(r"(?<=[.!?])\s+", record["tekst"]):
                if len(sentence) > 40:
                    assert sentence not in visible
