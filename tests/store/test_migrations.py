import sqlite3

import pytest

from narratief.errors import MigrationFailed
from narratief.store import STORE_MIGRATIONS, Migrations, StoryStore
from narratief.store.connection import Transactions, connect


def schema(conn):
    return sorted(tuple(r) for r in conn.execute("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"))


def test_applying_twice_equals_applying_once(db_path):
    conn = connect(db_path)
    first = STORE_MIGRATIONS.apply(conn)
    after_once = schema(conn)
    second = STORE_MIGRATIONS.apply(conn)
    assert first == STORE_MIGRATIONS.names
    assert second == []
    assert schema(conn) == after_once
    assert conn.execute("SELECT count(*) FROM _narratief_migrations").fetchone()[0] == len(STORE_MIGRATIONS.names)


def test_pending_and_applied_only_read(db_path):
    conn = connect(db_path)
    assert STORE_MIGRATIONS.applied(conn) == []
    assert STORE_MIGRATIONS.pending(conn) == STORE_MIGRATIONS.names
    assert schema(conn) == []  # asking created nothing
    STORE_MIGRATIONS.apply(conn)
    assert STORE_MIGRATIONS.pending(conn) == []
    assert STORE_MIGRATIONS.applied(conn) == STORE_MIGRATIONS.names


def test_failed_migration_leaves_nothing(db_path):
    steps = Migrations("probe")

    @steps()
    def create_table(conn):
        conn.execute("CREATE TABLE good (x)")

    @steps()
    def broken(conn):
        conn.execute("CREATE TABLE half (x)")
        conn.execute("INSERT INTO nowhere VALUES (1)")

    conn = connect(db_path)
    with pytest.raises(MigrationFailed) as caught:
        steps.apply(conn, Transactions(conn))
    assert caught.value.code == "N004"
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert "good" in names and "half" not in names
    assert steps.applied(conn) == ["create_table"]
    assert steps.pending(conn) == ["broken"]


def test_registering_a_name_twice_is_refused():
    steps = Migrations("probe")
    steps.sql("one", "CREATE TABLE a (x)")
    with pytest.raises(ValueError):
        steps.sql("one", "CREATE TABLE b (x)")


def test_store_settings(store):
    conn = store.connection
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000
    assert conn.execute("PRAGMA secure_delete").fetchone()[0] == 1


def test_a_file_that_is_not_a_database_is_refused(tmp_path):
    from narratief.errors import NotAStore

    path = tmp_path / "notes.db"
    path.write_bytes(b"dit is geen database" * 100)
    with pytest.raises(NotAStore):
        StoryStore(path)


def test_atomic_rolls_back_nested_work(store):
    with pytest.raises(RuntimeError):
        with store.atomic():
            store.add_story("Eerste.", participant="Eik", id="a")
            with store.atomic():
                store.add_story("Tweede.", participant="Eik", id="b")
            raise RuntimeError("stop")
    assert store.story_ids() == []


def test_inner_savepoint_rolls_back_alone(store):
    with store.atomic():
        store.add_story("Eerste.", participant="Eik", id="a")
        with pytest.raises(sqlite3.IntegrityError):
            with store.atomic():
                store.add_story("Tweede.", participant="Eik", id="b")
                store.connection.execute("INSERT INTO stories (id) VALUES ('broken')")
    assert store.story_ids() == ["a"]
