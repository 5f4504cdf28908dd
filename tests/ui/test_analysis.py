from __future__ import annotations

import base64
import re

import pandas as pd

from narratief.example import create_demo_store, example_records
from narratief.store import StoryStore
from narratief.ui import build_app


def _csv(tmp_path):
    rows = [{"id": r["id"], "deelnemer": r["deelnemer"], "sessie": r["sessie"], "niveau": r["niveau"],
             "perspectief": r["perspectief"], "soort": r["soort"], "toestemming": r["toestemming"], "tekst": r["tekst"]}
            for r in example_records()]
    path = tmp_path / "verhalen.csv"
    pd.DataFrame(rows).to_csv(path, index=False)
    return path


def test_import_themes_merge_rename_report(tmp_path):
    store = StoryStore(tmp_path / "a.db")
    page = build_app("analyse", store=store)
    page.path.value = str(_csv(tmp_path))
    page.import_button.click()
    assert "66 verhalen geïmporteerd" in page.status.value
    assert "66 verhalen in de verhalenbank" in page.consent.value
    page.k.value = 6
    page.find_button.click()
    assert page.result is not None and len(page.result.theme_ids()) == 6
    first, second = page.result.theme_ids()[:2]
    page.pick.value = (first, second)
    page.editor.value = "An"
    page.edit_buttons["Voeg samen"].click()
    assert second not in page.result.theme_ids()
    page.pick.value = (first,)
    page.new_label.value = "Samen sterker"
    page.edit_buttons["Hernoem"].click()
    assert "Samen sterker" in page.themes_table.value
    page.report_button.click()
    link = re.search(r"base64,([^']+)'", page.download.value).group(1)
    report = base64.b64decode(link).decode("utf-8")
    assert "Samen sterker" in report
    # after a restart the page shows the stored, edited themes
    again = build_app("analyse", store=StoryStore(tmp_path / "a.db"))
    assert "Samen sterker" in again.themes_table.value
    assert [e.action for e in again.result.edits] == ["merge", "rename"]


def test_errors_are_shown_in_dutch(tmp_path):
    create_demo_store(tmp_path / "b.db")
    page = build_app("analyse", store=StoryStore(tmp_path / "b.db"))
    page.import_button.click()
    assert "Kies een bestand" in page.status.value
    page.pick.value = ()
    page.edit_buttons["Hernoem"].click()
    assert "Zoek eerst" in page.status.value or "kies eerst" in page.status.value


def test_review_lists_stories_with_most_details_first_and_filters_tables(tmp_path):
    create_demo_store(tmp_path / "c.db")
    store = StoryStore(tmp_path / "c.db")
    page = build_app("analyse", store=store)
    page.review_list_button.click()
    counts = [int(label.rsplit("(", 1)[1].split()[0]) for label, _ in page.review_pick.options]
    assert counts == sorted(counts, reverse=True) and counts[0] > 0
    assert len(counts) == len(store.story_ids(purpose="onderzoek"))
    reviewable = next(story_id for _, story_id in page.review_pick.options
                      if store.has_consent(story_id, "begeleider"))
    page.review_pick.value = reviewable
    assert page.review.layout.display is None and page.review._found
    page.k.value = 4
    page.find_button.click()
    page.filters["level"].value = "micro"
    micro = (page.stories["level"] == "micro").sum()
    assert list(page.summary.by_level.columns) == ["micro"]
    assert page.summary.spread["verhalen"].sum() == micro


def test_reopening_counts_the_stories_it_anonymises_again(tmp_path):
    store = StoryStore(tmp_path / "a.db")
    page = build_app("analyse", store=store)
    page.path.value = str(_csv(tmp_path))
    page.import_button.click()
    page.k.value = 4
    page.find_button.click()
    story_id = page.result.story_ids[0]
    store.update_story(story_id, text="Mijn zus Ilse uit Zelzate hielp mij toen niemand het deed.")
    again = build_app("analyse", store=StoryStore(tmp_path / "a.db"))
    research = len(store.story_ids(purpose="onderzoek"))
    assert (again.progress.description, again.progress.value, again.progress.max) == ("Anonimiseren", research, research)
    assert again.progress.layout.visibility == "hidden"
    changed = again.stories.set_index("id").loc[story_id, "text"]
    assert "Ilse" not in changed and "Zelzate" not in changed
