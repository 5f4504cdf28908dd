"""The verhalenbank, driven as a person clicking would: set widget values, click buttons, check the store."""

import pytest

from narratief.ui.start import StartPage
from narratief.ui.story_browser import StoryBrowser


@pytest.fixture
def browser(filled_store):
    return StoryBrowser(filled_store)


def ids(browser):
    return [value for _, value in browser.story_list.options]


def test_lists_everything_then_filters(browser, filled_store):
    assert browser.count == 4
    browser.filters["participant"].value = "Eik"
    assert ids(browser) == filled_store.story_ids(participant="Eik")
    browser.filters["kind"].value = "hefboom"
    assert len(ids(browser)) == 1
    browser.filters["participant"].value = ""
    browser.filters["session"].value = "s2"
    assert browser.count == 1  # hefboom in s2
    browser.filters["level"].value = "micro"
    assert browser.count == 0 and "Geen verhalen" in browser.count_label.value


def test_opening_a_story_shows_metadata_consent_and_only_anonymised_text(browser, filled_store):
    story_id = filled_store.add_story(
        "Mijn zus Ilse woont in Borgerhout.", participant="Linde", consent=["eigen", "begeleider"]
    ).id
    browser.refresh()
    browser.story_list.value = story_id
    assert browser.selected == story_id
    assert "Linde" in browser.meta.value
    assert "Ilse" not in browser.text.value and "Borgerhout" not in browser.text.value
    assert "[PERSOON-1]" in browser.text.value
    assert browser.consent.purposes == ["eigen", "begeleider"]
    assert browser.detail.layout.display is None


def test_without_consent_for_the_facilitator_the_text_stays_hidden(browser, filled_store):
    story_id = filled_store.story_ids(participant="Wilg")[0]  # no begeleider consent
    browser.story_list.value = story_id
    assert "ervaringsdeskundige" not in browser.text.value
    assert "geen toestemming" in browser.text.value


def test_ticking_a_box_grants_consent(browser, filled_store):
    story_id = filled_store.story_ids(participant="Linde")[0]
    browser.story_list.value = story_id
    browser.consent.boxes["onderzoek"].value = True
    assert filled_store.granted_purposes(story_id) == ["eigen", "begeleider", "onderzoek"]
    assert filled_store.consents(story_id)["onderzoek"].method == "app"
    browser.consent.boxes["begeleider"].value = False
    assert filled_store.granted_purposes(story_id) == ["eigen", "onderzoek"]


def test_withdrawing_all_consent_asks_first_then_erases(browser, filled_store):
    story_id = filled_store.story_ids(participant="Linde")[0]
    browser.story_list.value = story_id
    browser.consent.boxes["begeleider"].value = False
    browser.consent.boxes["eigen"].value = False
    assert filled_store.exists(story_id)  # nothing erased before confirmation
    assert browser.confirm_withdraw.layout.display is None
    browser.confirm_withdraw.yes.click()
    assert not filled_store.exists(story_id)
    assert story_id not in ids(browser)
    assert browser.selected is None and "gewist" in browser.status.value


def test_cancelling_the_withdrawal_restores_the_boxes(browser, filled_store):
    story_id = filled_store.story_ids(participant="Wilg")[0]
    browser.story_list.value = story_id
    for purpose in ("onderzoek", "publicatie", "eigen"):
        browser.consent.boxes[purpose].value = False
    browser.confirm_withdraw.no.click()
    assert filled_store.exists(story_id)
    assert filled_store.granted_purposes(story_id) == ["eigen"]  # the two earlier unticks were applied
    assert browser.consent.purposes == ["eigen"]
    assert browser.confirm_withdraw.layout.display == "none"


def test_erase_button_needs_confirmation(browser, filled_store):
    story_id = filled_store.story_ids(participant="Wilg")[0]
    browser.story_list.value = story_id
    browser.erase_button.click()
    assert filled_store.exists(story_id)
    browser.confirm_erase.no.click()
    assert filled_store.exists(story_id)
    browser.erase_button.click()
    browser.confirm_erase.yes.click()
    assert not filled_store.exists(story_id)
    assert browser.count == 3


def test_refresh_picks_up_stories_added_elsewhere(browser, filled_store):
    filled_store.add_story("Nieuw verhaal.", participant="Berk", session="s3", consent=["eigen"])
    browser.refresh()
    assert browser.count == 5
    assert ("Berk", "Berk") in list(browser.filters["participant"].options)


def test_start_page_links_the_notebooks_that_exist(filled_store):
    page = StartPage(filled_store)
    html = page.children[0].value
    assert "00-start.ipynb" in html
    assert "99-" not in html


def test_review_unmark_and_mark_change_the_shared_text(browser, filled_store):
    story_id = filled_store.add_story(
        "Ik sprak met Lotte in Borgerhout over Bosbes.", participant="Linde", consent=["eigen", "begeleider"]
    ).id
    browser.refresh()
    browser.story_list.value = story_id
    assert browser.review_button.layout.display is None
    browser.review_button.value = True
    items = {box.description: box for box in browser.review.boxes.children}
    assert "Persoon: Lotte" in items and "Plaats: Borgerhout" in items
    assert "<mark" in browser.review.text_view.value
    items["Plaats: Borgerhout"].value = False
    browser.review.new_text.value = "Bosbes"
    browser.review.add_button.click()
    browser.review.save_button.click()
    assert filled_store.decisions(story_id) == [("unmark", "Borgerhout", "LOCATIE"), ("mark", "Bosbes", "PERSOON")]
    assert "Borgerhout" in browser.text.value and "Bosbes" not in browser.text.value and "Lotte" not in browser.text.value


def test_review_is_offered_only_with_consent_for_the_facilitator(browser, filled_store):
    story_id = filled_store.story_ids(participant="Wilg")[0]
    browser.story_list.value = story_id
    assert browser.review_button.layout.display == "none"


def test_privacy_lists_panel_saves_and_takes_effect(filled_store):
    page = StartPage(filled_store)
    story_id = filled_store.add_story("De Link organiseerde het.", participant="Berk", consent=["eigen", "begeleider"]).id
    page.lists.allow.value = "De Link\n"
    page.lists.save_button.click()
    assert filled_store.privacy_lists()[0] == ["De Link"]
    from narratief.privacy.gate import shareable_text

    assert shareable_text(filled_store, story_id, "begeleider") == "De Link organiseerde het."
