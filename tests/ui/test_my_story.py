from __future__ import annotations

from narratief.store import StoryStore
from narratief.ui import build_app


def test_versions_compare_and_share_need_consent(tmp_path):
    store = StoryStore(tmp_path / "m.db")
    page = build_app("mijn-verhaal", store=store)
    page._start()
    assert "schuilnaam" in page.status.value  # nothing starts without a pseudonym
    page.pseudonym.value = "Eik"
    page.format.value = "msc"
    page._start()
    assert [s for s, _ in page.editors] == ["periode", "periode", "verandering", "verandering", "waarom", "waarom"]
    page.editors[("verandering", "prive")].value = "Ik kreeg een vaste begeleider."
    page.version_button.click()
    page.editors[("verandering", "prive")].value = "Ik kreeg eindelijk een vaste begeleider."
    page.compare_a.value, page.compare_b.value = 1, 0
    page.compare_button.click()
    assert "<ins>eindelijk</ins>" in page.compare_view.value
    page.editors[("verandering", "deelbaar")].value = "Ik kreeg een vaste begeleider die bleef."
    page.share_button.click()
    assert "Vink eerst aan" in page.status.value and store.story_ids() == []
    page.consent["groep"].value = True
    page.share_button.click()
    [story_id] = store.story_ids()
    assert store.get_story(story_id).text == "Ik kreeg een vaste begeleider die bleef."
    assert set(store.granted_purposes(story_id)) == {"eigen", "groep"}


def test_listening_round_from_both_sides(tmp_path):
    store = StoryStore(tmp_path / "l.db")
    shared = store.add_story("Lotte Vermeulen wachtte in Gentbrugge op hulp.", "Eik", consent=["groep"])
    listener = build_app("mijn-verhaal", store=store)
    listener.pseudonym.value = "Linde"
    listener._start()
    assert listener.listen_story.options == ((f"verhaal {shared.id}", shared.id),)
    listener.listen_story.value = shared.id
    assert "Vermeulen" not in listener.listen_text.value and "[PERSOON-1]" in listener.listen_text.value
    listener.listen_word.value = "herkenning"
    listener.listen_button.click()
    teller = build_app("mijn-verhaal", store=store)
    teller.pseudonym.value = "Eik"
    teller._start()
    assert teller.listen_story.options == ()  # never one's own story

    teller.draft.story_id = shared.id
    teller.words_button.click()
    assert teller.words == {"herkenning": 1}
