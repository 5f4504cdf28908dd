"""SQLite connections for narratief stores: WAL, foreign keys, a busy timeout, and nested transactions.

Writes use ``BEGIN IMMEDIATE`` so that two processes never deadlock on upgrading a read lock; nested
``atomic()`` blocks become savepoints. ``synchronous=FULL`` makes a committed write survive a power cut,
not only a killed process.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

BUSY_TIMEOUT_MS = 30_000


def connect(path: str | Path) -> sqlite3.Connection:
    """Open a store file with narratief's settings (creates the file when missing)."""
    conn = sqlite3.connect(
        str(path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False
    )
    conn.row_factory = sqlite3.Row
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    _retry_while_locked(lambda: conn.execute("PRAGMA journal_mode = WAL"))
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
    # Overwrite deleted content with zeros, so an erased story leaves no bytes behind in free pages.
    conn.execute("PRAGMA secure_delete = ON")
    return conn


def _retry_while_locked(action, timeout: float = BUSY_TIMEOUT_MS / 1000) -> None:
    """Retry ``action`` while another process holds the lock that SQLite's busy handler does not wait for.

    Switching a new file to WAL while another process does the same can fail at once with "database is locked".
    """
    deadline = time.monotonic() + timeout
    delay = 0.005
    while True:
        try:
            action()
            return
        except sqlite3.OperationalError as err:
            if "locked" not in str(err) or time.monotonic() > deadline:
                raise
            time.sleep(delay)
            delay = min(delay * 2, 0.2)


class Transactions:
    """Nested transactions on one connection: the outermost is ``BEGIN IMMEDIATE``, inner ones savepoints."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self._depth = 0
        self._lock = threading.RLock()

    @contextmanager
    def atomic(self) -> Iterator[sqlite3.Connection]:
        """Run the block as one transaction; roll back everything in it on any exception."""
        with self._lock:
            depth = self._depth
            savepoint = f"sp_{depth}"
            self.conn.execute("BEGIN IMMEDIATE" if depth == 0 else f"SAVEPOINT {savepoint}")
            self._depth += 1
            try:
                yield self.conn
            except BaseException:
                self._depth -= 1
                if depth == 0:
                    self.conn.execute("ROLLBACK")
                else:
                    self.conn.execute(f"ROLLBACK TO {savepoint}")
                    self.conn.execute(f"RELEASE {savepoint}")
                raise
            else:
                self._depth -= 1
                self.conn.execute("COMMIT" if depth == 0 else f"RELEASE {savepoint}")


def split_statements(script: str) -> list[str]:
    """Split a SQL script into complete statements (``executescript`` would commit behind our back)."""
    statements, buffer = [], ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            if buffer.strip():
                statements.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        statements.append(buffer.strip())
    return statements
