from __future__ import annotations

import textwrap

import pytest

from narratief.errors import NotOneWord, NotTheTeller
from narratief.store import StoryStore
from narratief.storytelling import drafts as d
from narratief.storytelling.competences import competences_for
from narratief.storytelling.listening import add_word, word_chart, words_for
from tests.killing import kill_after


def test_autosave_versions_compare_and_share_with_chosen_consent(store):
    draft = d.new_draft(store, "Eik", "drie-lagen")
    d.autosave(store, draft, d.PRIVATE, "gebeurtenis", "Ik wachtte twee uur in de wachtzaal.")
    assert d.get_draft(store, draft.id, "Eik").private == {"gebeurtenis": "Ik wachtte twee uur in de wachtzaal."}
    first = d.save_version(store, draft)
    d.autosave(store, draft, d.PRIVATE, "gebeurtenis", "Ik wachtte drie uur in de wachtzaal van het CGG.")
    d.autosave(store, draft, d.SHAREABLE, "gebeurtenis", "Ik wachtte lang.")
    second = d.save_version(store, draft)
    kept = d.versions(store, draft)
    assert [v["seq"] for v in kept] == [first, second] == [1, 2]
    diff = d.compare(kept[0]["private"]["gebeurtenis"], kept[1]["private"]["gebeurtenis"])
    assert "<del>twee</del>" in diff and "<ins>drie</ins>" in diff
    assert store.story_ids() == []  # nothing is shared before the teller chooses
    d.set_draft_consent(store, draft, ["groep"])
    story_id = d.share(store, draft, ["gebeurtenis", "betekenis", "les"])
    assert store.get_story(story_id).text == "Ik wachtte lang."
    assert set(store.granted_purposes(story_id)) == {"eigen", "groep"}
    assert d.share(store, draft, ["gebeurtenis"]) == story_id  # sharing again updates the same story


def test_a_draft_is_only_for_its_teller_and_goes_with_the_participant(store):
    draft = d.new_draft(store, "Eik", "msc")
    with pytest.raises(NotTheTeller):
        d.get_draft(store, draft.id, "Linde")
    assert "Eik" not in repr(d.autosave) and "wachtzaal" not in repr(draft)
    store.erase_participant("Eik")
    assert d.drafts_of(store, "Eik") == []


def test_listening_round_words_and_chart(store):
    story = store.add_story("Een gedeeld verhaal.", "Eik", consent=["groep"])
    add_word(store, story.id, "Linde", "herkenning")
    add_word(store, story.id, "Wilg", "Herkenning ")
    add_word(store, story.id, "Beuk", "moed")
    add_word(store, story.id, "Beuk", "kracht")  # one word per listener: the last one counts
    assert words_for(store, story.id) == {"herkenning": 2, "kracht": 1}
    with pytest.raises(NotOneWord):
        add_word(store, story.id, "Es", "twee woorden")
    texts = [t.get_text() for t in word_chart(words_for(store, story.id)).axes[0].texts]
    assert set(texts) == {"herkenning", "kracht"}
    store.erase(story.id)
    assert words_for(store, story.id) == {}


def test_every_exercise_names_competences_of_the_qualification():
    for exercise in ("herstelverhaal", "drie-lagen", "msc", "deelbare-versie", "luisterronde", "jargon-vertalen"):
        assert len(competences_for(exercise)) >= 2
    assert any("vakjargon" in name.lower() for name in competences_for("jargon-vertalen"))


def test_autosave_survives_killing_the_kernel_mid_story(tmp_path):
    """A kernel process types into the page and is killed with SIGKILL; the last autosave is in the store."""
    db = tmp_path / "k.db"
    script = textwrap.dedent(f"""
        import sys, time
        from narratief.store import StoryStore
        from narratief.ui import build_app
        page = build_app("mijn-verhaal", store=StoryStore({str(db)!r}))
        page.pseudonym.value = "Eik"
        page._start()
        area = page.editors[("gebeurtenis", "prive")]
        for i in range(1, 10_000):
            area.value = "woord " * i
            print(i, flush=True)
            time.sleep(0.01)
    """)
    last = kill_after(script, 40)
    with StoryStore(db) as store:
        draft = d.drafts_of(store, "Eik")[0]
        typed = len(draft.private["gebeurtenis"].split())
    assert typed >= last  # everything printed as typed was saved before the kill
