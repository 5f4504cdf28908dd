import pytest

from narratief.errors import DuplicateIds, InvalidPurpose, InvalidValue, ParticipantNotFound, StoryNotFound
from narratief.store import KeyStore, StoryStore, key_store_path


def test_add_and_get(store):
    story = store.add_story(
        "Ik stond lang op een wachtlijst.", participant="Eik", session="s1", level="Meso", perspective="user",
        kind="barrier", tags="wachtlijst; zorg", consent="eigen;groep", language="nl-BE",
    )
    again = store.get_story(story.id)
    assert again.text == "Ik stond lang op een wachtlijst."
    assert (again.level, again.perspective, again.kind) == ("meso", "gebruiker", "drempel")
    assert again.tags == ("wachtlijst", "zorg")
    assert again.language == "nl-BE"
    assert store.granted_purposes(story.id) == ["eigen", "groep"]
    assert store.participants() == ["Eik"]
    assert [s.id for s in store.sessions()] == ["s1"]


def test_repr_never_shows_text(store):
    story = store.add_story("Mijn geheim blijft hier.", participant="Eik")
    assert "geheim" not in repr(story)


def test_every_save_keeps_the_previous_text_as_a_version(store):
    story = store.add_story("Versie een.", participant="Eik")
    store.update_story(story.id, text="Versie twee.")
    store.update_story(story.id, level="micro")  # no text change: no new version
    updated = store.update_story(story.id, text="Versie drie.")
    assert updated.version == 3
    assert [v.text for v in store.versions(story.id)] == ["Versie een.", "Versie twee.", "Versie drie."]
    assert store.get_story(story.id).level == "micro"


def test_unknown_values_are_refused(store):
    with pytest.raises(InvalidValue):
        store.add_story("Tekst.", participant="Eik", level="mega")
    with pytest.raises(InvalidPurpose):
        store.add_story("Tekst.", participant="Eik", consent=["iedereen"])
    assert store.story_ids() == []


def test_duplicate_id_is_refused(store):
    store.add_story("Tekst.", participant="Eik", id="x1")
    with pytest.raises(DuplicateIds):
        store.add_story("Andere tekst.", participant="Eik", id="x1")


def test_missing_story(store):
    with pytest.raises(StoryNotFound) as caught:
        store.get_story("nope")
    assert caught.value.code == "N002"
    assert "nope" in caught.value.message


def test_list_filters_and_columns(filled_store):
    frame = filled_store.list_stories()
    assert len(frame) == 4
    assert {"id", "participant", "session", "level", "perspective", "kind", "consent", "words"} <= set(frame.columns)
    assert "text" not in frame.columns
    assert list(filled_store.list_stories(participant="Eik")["participant"].unique()) == ["Eik"]
    assert len(filled_store.list_stories(session="s2", kind="hefboom")) == 1
    assert len(filled_store.list_stories(level=["micro", "macro"])) == 2
    assert set(filled_store.list_stories(purpose="onderzoek")["participant"]) == {"Eik", "Wilg"}
    first = frame.iloc[0]
    assert first["consent"] == "eigen;groep;onderzoek"
    assert first["words"] == 9


def test_consent_is_off_until_given_and_recorded_with_how(store):
    story = store.add_story("Tekst.", participant="Eik")
    assert store.granted_purposes(story.id) == []
    store.grant_consent(story.id, "onderzoek", method="formulier", info_version="2")
    consent = store.consents(story.id)["onderzoek"]
    assert consent.granted and consent.method == "formulier" and consent.info_version == "2" and consent.changed_at


def test_withdrawing_one_purpose_keeps_the_story(store):
    story = store.add_story("Tekst.", participant="Eik", consent=["eigen", "groep"])
    assert store.withdraw_consent(story.id, "groep") is False
    assert store.granted_purposes(story.id) == ["eigen"]
    assert store.consents(story.id)["groep"].granted is False


def test_withdrawing_every_purpose_erases(store):
    story = store.add_story("Tekst die weg moet.", participant="Eik", consent=["eigen", "groep"])
    store.update_story(story.id, text="Tekst die echt weg moet.")
    store.withdraw_consent(story.id, "groep")
    assert store.withdraw_consent(story.id, "eigen") is True
    assert not store.exists(story.id)
    conn = store.connection
    for table in ("story_versions", "consents"):
        assert conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0


def test_set_purposes_to_nothing_erases(store):
    story = store.add_story("Tekst.", participant="Eik", consent=["eigen"])
    assert store.set_purposes(story.id, ["eigen", "groep"]) is False
    assert store.granted_purposes(story.id) == ["eigen", "groep"]
    assert store.set_purposes(story.id, []) is True
    assert not store.exists(story.id)


def test_erase_participant_removes_all_their_stories(filled_store):
    assert filled_store.erase_participant("Eik") == 2
    assert set(filled_store.list_stories()["participant"]) == {"Linde", "Wilg"}
    assert "Eik" not in filled_store.participants()
    with pytest.raises(ParticipantNotFound):
        filled_store.erase_participant("Eik")


def test_audit_log_is_content_free(store):
    story = store.add_story("Zeer persoonlijke zin over Antwerpen.", participant="Eik", id="geheim-1", consent=["eigen"])
    store.update_story(story.id, text="Nog persoonlijker.")
    store.erase(story.id)
    lines = store.audit_log()
    assert [line["action"] for line in lines] == ["story.add", "consent.grant", "story.update", "story.erase"]
    dumped = repr(lines)
    assert "persoonlijk" not in dumped and "Antwerpen" not in dumped
    assert "geheim-1" not in dumped  # after erasure only a fingerprint of the id remains


def test_env_variable_chooses_the_default_store(tmp_path, monkeypatch):
    target = tmp_path / "via-env.db"
    monkeypatch.setenv("NARRATIEF_DB", str(target))
    with StoryStore() as opened:
        assert opened.path == target
    assert target.exists()


def test_key_store_is_a_separate_file_that_the_story_store_never_opens(db_path):
    with StoryStore(db_path) as opened:
        opened.add_story("Tekst.", participant="Eik")
    assert not key_store_path(db_path).exists()
    with KeyStore(key_store_path(db_path)) as keys:
        keys.record_name("Eik", "Verzonnen Persoon")
        assert keys.real_name("Eik") == "Verzonnen Persoon"
    assert b"Verzonnen Persoon" not in db_path.read_bytes()
    with KeyStore(key_store_path(db_path)) as keys:
        assert keys.forget("Eik") is True
        assert keys.real_name("Eik") is None
    assert b"Verzonnen Persoon" not in key_store_path(db_path).read_bytes()
