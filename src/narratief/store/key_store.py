"""The key store: the link between pseudonyms and real names, in a file of its own.

Nothing in narratief opens it unless asked to: the story store, exports, themes and the UI work on pseudonyms
only. Keep the file somewhere else than the stories (another disk, another person) where the rules ask for it.
"""

from __future__ import annotations

import os
import secrets
import sqlite3
from pathlib import Path

from narratief.errors import NotAStore
from narratief.store.connection import Transactions, connect
from narratief.store.migrations import KEY_MIGRATIONS
from narratief.store.story_store import now


def key_store_path(store_path: str | os.PathLike) -> Path:
    """The default key file beside a story store: ``narratief.db`` → ``narratief-sleutels.db``."""
    path = Path(store_path)
    return path.with_name(f"{path.stem}-sleutels{path.suffix or '.db'}")


class KeyStore:
    """Real names by pseudonym, for facilitators who must be able to reach a participant."""

    def __init__(self, path: str | os.PathLike) -> None:
        self.path = Path(path)
        try:
            self._conn = connect(self.path)
            self._tx = Transactions(self._conn)
            KEY_MIGRATIONS.apply(self._conn, self._tx)
        except sqlite3.DatabaseError as err:
            if isinstance(err, sqlite3.OperationalError) and "not a database" not in str(err):
                raise
            raise NotAStore(f"cannot open key store: {type(err).__name__}", pad=self.path.name) from err

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> KeyStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"KeyStore({str(self.path)!r})"

    def record_name(self, pseudonym: str, real_name: str) -> None:
        with self._tx.atomic():
            self._conn.execute(
                "INSERT INTO real_names (pseudonym, real_name, recorded_at) VALUES (?, ?, ?) "
                "ON CONFLICT(pseudonym) DO UPDATE SET real_name = excluded.real_name, recorded_at = excluded.recorded_at",
                (pseudonym, real_name, now()),
            )

    def real_name(self, pseudonym: str) -> str | None:
        row = self._conn.execute("SELECT real_name FROM real_names WHERE pseudonym = ?", (pseudonym,)).fetchone()
        return row[0] if row else None

    def pseudonyms(self) -> list[str]:
        return [row[0] for row in self._conn.execute("SELECT pseudonym FROM real_names ORDER BY pseudonym")]

    def pseudonym_key(self) -> bytes:
        """The collection's secret for keyed pseudonyms (created on first use, 32 random bytes).

        Pass it as ``Anonymiser(key=...)``: a person then gets the same pseudonym in every story, and nobody
        without this file can recompute the mapping.
        """
        row = self._conn.execute("SELECT value FROM secrets WHERE name = 'pseudonym_key'").fetchone()
        if row:
            return bytes(row[0])
        with self._tx.atomic():
            self._conn.execute(
                "INSERT OR IGNORE INTO secrets (name, value, created_at) VALUES ('pseudonym_key', ?, ?)",
                (secrets.token_bytes(32), now()),
            )
        return bytes(self._conn.execute("SELECT value FROM secrets WHERE name = 'pseudonym_key'").fetchone()[0])

    def forget(self, pseudonym: str) -> bool:
        """Delete the real name of a participant (part of erasing them); ``True`` when one was recorded."""
        with self._tx.atomic():
            deleted = self._conn.execute("DELETE FROM real_names WHERE pseudonym = ?", (pseudonym,)).rowcount
        self._conn.execute("VACUUM")
        self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return bool(deleted)
