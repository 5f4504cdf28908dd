"""Analysis page in a real browser: import the example CSV, find themes, merge two, rename one, make the report."""

from __future__ import annotations

import base64
import re

import pandas as pd
import pytest
from playwright.sync_api import expect

from narratief.example import example_records
from narratief.store import StoryStore
from tests.browser.conftest import VoilaServer

pytestmark = pytest.mark.browser


@pytest.fixture
def empty_server(tmp_path):
    from narratief.store import StoryStore

    db = tmp_path / "leeg.db"
    StoryStore(db).close()
    server = VoilaServer(db, tmp_path / "voila.log")
    yield server
    server.stop()


def test_import_find_merge_rename_and_report(page, empty_server, tmp_path):
    rows = [{"id": r["id"], "deelnemer": r["deelnemer"], "sessie": r["sessie"], "niveau": r["niveau"],
             "perspectief": r["perspectief"], "soort": r["soort"], "toestemming": r["toestemming"],
             "tekst": r["tekst"]} for r in example_records()]
    csv = tmp_path / "voorbeeld.csv"
    pd.DataFrame(rows).to_csv(csv, index=False)

    page.goto(empty_server.page_url("03-verhalen-analyseren.ipynb"))
    expect(page.locator(".nf-total")).to_have_text("0 verhalen in de verhalenbank.", timeout=90_000)
    with page.expect_file_chooser() as chooser:
        page.locator(".nf-upload").click()
    chooser.value.set_files(str(csv))
    page.locator(".nf-import").click()
    expect(page.locator(".nf-status")).to_contain_text(f"{len(rows)} verhalen geïmporteerd")
    expect(page.locator(".nf-total")).to_have_text(f"{len(rows)} verhalen in de verhalenbank.")

    page.locator(".nf-step-themes select").first.select_option(label="6")
    page.locator(".nf-find-themes").click()
    expect(page.locator(".nf-status")).to_contain_text("6 thema's gevonden", timeout=120_000)

    pick = page.locator(".nf-theme-pick select")
    options = pick.locator("option")
    expect(options).to_have_count(6)
    first, second = options.nth(0).inner_text(), options.nth(1).inner_text()
    pick.select_option(label=[first, second])
    page.locator(".nf-merge button, button.nf-merge").first.click()
    expect(page.locator(".nf-status")).to_contain_text("samengevoegd")
    expect(options).to_have_count(5)

    pick.select_option(label=options.nth(0).inner_text())
    page.locator(".nf-new-label input").fill("Samen sterker")
    page.locator(".nf-rename button, button.nf-rename").first.click()
    expect(page.locator(".nf-themes-table")).to_contain_text("Samen sterker")

    page.locator(".nf-make-report button, button.nf-make-report").first.click()
    link = page.locator("a.nf-download-link")
    expect(link).to_be_visible(timeout=120_000)
    href = link.get_attribute("href")
    report = base64.b64decode(re.sub(r"^data:[^,]+,", "", href)).decode("utf-8")
    assert "Samen sterker" in report
    assert report.count("nf-report-theme") <= 5  # five themes left after the merge (empty ones are not shown)
    with StoryStore(empty_server.db) as store:
        from narratief.themes.storage import load_themes

        stored = load_themes(store)
    assert [e.action for e in stored.edits] == ["merge", "rename"]
    assert "Samen sterker" in stored.themes["label"].tolist()
