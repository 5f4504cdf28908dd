"""Start page in a real browser: filter the list, open a story, withdraw all consent, see it gone."""

import re

import pytest
from playwright.sync_api import expect

from narratief.store import StoryStore

pytestmark = pytest.mark.browser


def test_filter_open_withdraw_all_consent_and_see_it_gone(page, demo_server):
    with StoryStore(demo_server.db) as store:
        participant = store.participants()[0]
        own = store.list_stories(participant=participant)
        story_id = own["id"].iloc[0]
        granted = store.granted_purposes(story_id)
        total = len(store.story_ids())
    assert granted  # the example story has consent to withdraw

    page.goto(demo_server.page_url("00-start.ipynb"))
    count = page.locator(".nf-count")
    expect(count).to_have_text(f"{total} verhalen", timeout=90_000)
    expect(page.locator(".nf-notebooks a", has_text="Start en verhalenbank")).to_be_visible()

    page.locator(".nf-filter-participant select").select_option(label=participant)
    expect(count).to_have_text(f"{len(own)} verhalen")

    story_list = page.locator(".nf-story-list select")
    option = story_list.locator("option", has_text=story_id)
    expect(option).to_have_count(1)
    story_list.select_option(label=option.inner_text())
    expect(page.locator(".nf-story-meta")).to_contain_text(participant)

    for purpose in granted:
        box = page.locator(f".nf-consent-{purpose} input[type=checkbox]")
        expect(box).to_be_checked()
        box.uncheck()
    confirm = page.locator(".nf-confirm-withdraw-ja")
    expect(confirm).to_be_visible()
    confirm.click()

    expect(page.locator(".nf-status")).to_contain_text("gewist")
    expect(story_list.locator("option", has_text=story_id)).to_have_count(0)
    expect(count).to_have_text(re.compile(rf"^({len(own) - 1} verhalen|Geen verhalen.*)$"))
    with StoryStore(demo_server.db) as store:
        assert not store.exists(story_id)
        assert len(store.story_ids()) == total - 1


def test_review_anonymisation_and_unmark_a_detail(page, demo_server):
    from narratief.privacy.detect import detect

    with StoryStore(demo_server.db) as store:
        frame = store.list_stories(purpose="begeleider")
        story = store.get_story(frame["id"].iloc[0])
        first = detect(story.text)[0]
        detail = story.text[first.start:first.end]

    page.goto(demo_server.page_url("00-start.ipynb"))
    story_list = page.locator(".nf-story-list select")
    expect(story_list).to_be_visible(timeout=90_000)
    option = story_list.locator("option", has_text=story.id)
    story_list.select_option(label=option.inner_text())
    text = page.locator(".nf-story-text")
    expect(text).to_contain_text("[")
    expect(text).not_to_contain_text(detail)

    page.locator(".nf-review-toggle").click()
    item = page.locator(".nf-review-item", has_text=detail).first
    expect(item).to_be_visible()
    expect(page.locator(".nf-review mark").first).to_be_visible()
    item.locator("input[type=checkbox]").uncheck()
    page.locator(".nf-review-save").click()
    expect(text).to_contain_text(detail)
    with StoryStore(demo_server.db) as store:
        assert ("unmark", detail, first.label) in store.decisions(story.id)
