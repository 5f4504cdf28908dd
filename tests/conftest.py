from __future__ import annotations

import pytest

from narratief.store import StoryStore


@pytest.fixture(autouse=True)
def _no_ambient_store(monkeypatch):
    """Tests never pick up a developer's NARRATIEF_DB."""
    monkeypatch.delenv("NARRATIEF_DB", raising=False)


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "verhalen.db"


@pytest.fixture
def store(db_path):
    opened = StoryStore(db_path)
    yield opened
    opened.close()


#: Invented stories for unit tests (no real person, place combination or event).
STORIES = [
    dict(text="Ik stond acht maanden op een wachtlijst voor begeleiding.", participant="Eik", session="s1",
         level="meso", perspective="gebruiker", kind="drempel", consent=["eigen", "groep", "onderzoek"]),
    dict(text="Een lotgenote luisterde zonder oordeel, dat hielp mij vooruit.", participant="Eik", session="s1",
         level="micro", perspective="gebruiker", kind="hefboom", consent=["eigen"]),
    dict(text="Als begeleider zie ik dat formulieren mensen tegenhouden.", participant="Linde", session="s2",
         level="macro", perspective="hulpverlener", kind="drempel", consent=["eigen", "begeleider"]),
    dict(text="Ons team werkt nu met een ervaringsdeskundige collega.", participant="Wilg", session="s2",
         level="meso", perspective="hulpverlener", kind="hefboom", consent=["eigen", "onderzoek", "publicatie"]),
]


@pytest.fixture
def filled_store(store):
    for story in STORIES:
        store.add_story(**story)
    return store
