import pytest

from narratief.errors import ConsentMissing, InvalidPurpose, NotTheTeller, SharingRefused, ViewerRequired
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


def test_other_purposes_are_refused_until_the_anonymiser_exists(filled_store):
    story_id = first_id(filled_store, "Eik")  # consent includes groep
    with pytest.raises(SharingRefused) as caught:
        shareable_text(filled_store, story_id, "groep")
    assert "anonimisering" in caught.value.message
    with pytest.raises(SharingRefused):
        shareable_stories(filled_store, "onderzoek")


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
