import pytest

from narratief.errors import ConsentMissing, InvalidPurpose, NotTheTeller, ViewerRequired
from narratief.privacy.gate import shareable_stories, shareable_text


def first_id(store, participant):
    return store.story_ids(participant=participant)[0]


def test_teller_reads_own_story_for_eigen(filled_store):
    story_id = first_id(filled_store, "Eik")
    assert shareable_text(filled_store, story_id, "eigen", viewer="Eik").startswith("Ik stond acht maanden")


def test_someone_else_cannot_read_for_eigen(filled_store):
    story_id = first_id(filled_store, "Eik")
    with pytest.raises(NotTheTeller):
        shareable_text(filled_store, story_id, "eigen", viewer="Linde")
    with pytest.raises(ViewerRequired):
        shareable_text(filled_store, story_id, "eigen")


def test_without_consent_nothing_is_released(filled_store):
    story_id = filled_store.story_ids(participant="Linde")[0]  # consent: eigen, begeleider
    with pytest.raises(ConsentMissing) as caught:
        shareable_text(filled_store, story_id, "onderzoek")
    assert caught.value.code == "N001"


def test_other_purposes_get_anonymised_text(store):
    story = store.add_story(
        "Mijn begeleidster Griet Van Acker van CAW Oost-Vlaanderen belde me op 0478 12 34 56.",
        participant="Eik", consent=["eigen", "groep"], language="nl-BE",
    )
    shared = shareable_text(store, story.id, "groep")
    for detail in ("Griet", "Van Acker", "CAW Oost-Vlaanderen", "0478 12 34 56"):
        assert detail not in shared
    assert "[PERSOON-1]" in shared and "[TELEFOON-1]" in shared
    assert shared.startswith("Mijn begeleidster ")


def test_anonymised_text_is_kept_and_recomputed_when_the_text_changes(store):
    story = store.add_story("Ik sprak met Lotte.", participant="Eik", consent=["eigen", "groep"])
    assert shareable_text(store, story.id, "groep") == "Ik sprak met [PERSOON-1]."
    assert store.cached_anonymised(story.id)[0] == "Ik sprak met [PERSOON-1]."
    store.update_story(story.id, text="Ik sprak met Lotte in Zelzate.")
    assert store.cached_anonymised(story.id) is None
    assert shareable_text(store, story.id, "groep") == "Ik sprak met [PERSOON-1] in [LOCATIE-1]."


def test_lists_and_decisions_change_the_shared_text(store):
    story = store.add_story("Vandaag was er De Link en ik zag Bosbes.", participant="Eik", consent=["eigen", "groep"])
    before = shareable_text(store, story.id, "groep")
    assert "De Link" not in before
    store.set_privacy_lists(allow=["De Link"], deny={"Bosbes": "PERSOON"})
    after = shareable_text(store, story.id, "groep")
    assert "De Link" in after and "Bosbes" not in after
    store.set_decisions(story.id, [("unmark", "Bosbes", "PERSOON")])
    assert "Bosbes" in shareable_text(store, story.id, "groep")


def test_unknown_purpose(filled_store):
    with pytest.raises(InvalidPurpose):
        shareable_text(filled_store, first_id(filled_store, "Eik"), "iedereen")


def test_bulk_eigen_returns_only_the_viewers_consented_stories(filled_store):
    filled_store.add_story("Zonder toestemming.", participant="Eik", consent=[])
    frame = shareable_stories(filled_store, "eigen", viewer="Eik")
    assert list(frame["participant"]) == ["Eik", "Eik"]
    assert "Zonder toestemming." not in set(frame["text"])
    with pytest.raises(ViewerRequired):
        shareable_stories(filled_store, "eigen")
