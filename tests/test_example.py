"""The example collection has what the demo, the anonymiser and the theme work rely on."""

import itertools
from collections import Counter

import pytest

from narratief.example import create_demo_store, example_records, load_example
from narratief.stories import KINDS, LEVELS, PERSPECTIVES, PURPOSES, split_list

LABELS = {"PERSOON", "LOCATIE", "ADRES", "ORGANISATIE", "DATUM", "LEEFTIJD", "TELEFOON", "EMAIL", "URL", "ID"}


@pytest.fixture(scope="module")
def records():
    return example_records()


def test_size_and_spread(records):
    assert len(records) >= 60
    assert len({r["deelnemer"] for r in records}) >= 20
    assert len({r["sessie"] for r in records}) >= 5
    languages = Counter(r["taal"] for r in records)
    assert languages["nl-BE"] >= 20 and languages["nl-NL"] >= 20
    combinations = Counter((r["niveau"], r["perspectief"], r["soort"]) for r in records)
    for combination in itertools.product(LEVELS, PERSPECTIVES, KINDS):
        assert combinations[combination] >= 1, combination


def test_consent_varies_per_purpose(records):
    granted = [set(split_list(r["toestemming"])) for r in records]
    for purpose in PURPOSES:
        share = sum(purpose in g for g in granted) / len(granted)
        assert share > 0, purpose
        if purpose != "eigen":
            assert share < 1, purpose


def test_marked_details_occur_in_their_story(records):
    total = 0
    for record in records:
        for detail in record["details"]:
            assert detail["label"] in LABELS
            assert detail["tekst"] in record["tekst"], record["id"]
            total += 1
    assert total >= 200


def test_demo_store_has_everything(tmp_path):
    path = tmp_path / "demo.db"
    assert create_demo_store(path) is True
    assert create_demo_store(path) is False  # never overwrites
    from narratief.store import StoryStore

    with StoryStore(path) as store:
        frame = store.list_stories()
        assert len(frame) == len(example_records())
        assert {s.title for s in store.sessions()} and all(s.title for s in store.sessions())
        assert set(frame["consent"].str.split(";").explode()) == set(PURPOSES)
        assert not list(tmp_path.glob(".*bezig*"))


def test_loading_twice_is_refused_as_duplicate(tmp_path):
    from narratief.errors import DuplicateIds
    from narratief.store import StoryStore

    with StoryStore(tmp_path / "x.db") as store:
        load_example(store)
        with pytest.raises(DuplicateIds):
            load_example(store)
        assert len(store.story_ids()) == len(example_records())
