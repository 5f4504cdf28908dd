"""Erasing leaves no trace of the text in the database files."""

from pathlib import Path

from narratief.store import StoryStore

SECRET_V1 = "Mijn buurvrouw Zefanja Klaverblad uit Oostmalle-Noord belde elke nacht."
SECRET_V2 = "Mijn buurvrouw Zefanja Klaverblad belde niet meer, ik sliep weer."


def file_bytes(db_path: Path) -> bytes:
    data = b""
    for suffix in ("", "-wal", "-shm"):
        part = Path(f"{db_path}{suffix}")
        if part.exists():
            data += part.read_bytes()
    return data


def test_erase_removes_every_trace_from_the_file(db_path):
    store = StoryStore(db_path)
    for n in range(30):  # neighbours on the same pages
        store.add_story(f"Ander verhaal nummer {n} over de wachtlijst.", participant=f"p{n % 5}", consent=["eigen"])
    story = store.add_story(SECRET_V1, participant="Eik", consent=["eigen", "groep"])
    store.update_story(story.id, text=SECRET_V2)
    assert b"Klaverblad" in file_bytes(db_path)
    store.erase(story.id)
    data = file_bytes(db_path)
    assert b"Klaverblad" not in data
    assert b"Oostmalle" not in data
    assert story.id.encode() not in data
    store.close()
    assert b"Klaverblad" not in file_bytes(db_path)
    with StoryStore(db_path) as reopened:
        assert len(reopened.story_ids()) == 30


def test_withdrawing_all_consent_removes_every_trace(db_path):
    store = StoryStore(db_path)
    store.add_story("Een ander verhaal.", participant="Linde", consent=["eigen"])
    story = store.add_story(SECRET_V1, participant="Eik", consent=["eigen"])
    store.withdraw_consent(story.id, "eigen")
    assert b"Klaverblad" not in file_bytes(db_path)
    store.close()


def test_erase_participant_removes_every_trace(db_path):
    store = StoryStore(db_path)
    store.add_story("Een ander verhaal.", participant="Linde", consent=["eigen"])
    store.add_story(SECRET_V1, participant="Zonnebloem", consent=["eigen"])
    store.add_story(SECRET_V2, participant="Zonnebloem", consent=["groep"])
    store.erase_participant("Zonnebloem")
    data = file_bytes(db_path)
    assert b"Klaverblad" not in data and b"Zonnebloem" not in data
    store.close()
