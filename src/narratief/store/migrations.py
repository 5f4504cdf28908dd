"""Schema migrations: named, ordered steps, each applied in one transaction together with its record.

Never edit a migration that has been released; add a new one. ``pending`` and ``applied`` only read.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import datetime, timezone

from narratief.errors import MigrationFailed
from narratief.store.connection import Transactions, split_statements

MIGRATIONS_TABLE = "_narratief_migrations"

Step = Callable[[sqlite3.Connection], None]


class Migrations:
    """An ordered set of schema steps, known by ``name`` in the migrations table."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._steps: list[tuple[str, Step]] = []

    def __call__(self, step: Step | None = None, *, name: str | None = None):
        """Register a step (use as ``@migrations()`` or ``@migrations(name="...")``)."""

        def register(fn: Step) -> Step:
            step_name = name or fn.__name__
            if any(existing == step_name for existing, _ in self._steps):
                raise ValueError(f"migration {step_name!r} registered twice in {self.name!r}")
            self._steps.append((step_name, fn))
            return fn

        return register(step) if step is not None else register

    def sql(self, name: str, script: str) -> None:
        """Register a step that runs a SQL script."""

        def run(conn: sqlite3.Connection) -> None:
            for statement in split_statements(script):
                conn.execute(statement)

        self(run, name=name)

    @property
    def names(self) -> list[str]:
        return [name for name, _ in self._steps]

    def applied(self, conn: sqlite3.Connection) -> list[str]:
        """Names of the steps already applied to this database (reads only)."""
        exists = conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (MIGRATIONS_TABLE,)
        ).fetchone()
        if not exists:
            return []
        rows = conn.execute(
            f"SELECT name FROM {MIGRATIONS_TABLE} WHERE migration_set = ? ORDER BY rowid", (self.name,)
        )
        return [row[0] for row in rows]

    def pending(self, conn: sqlite3.Connection) -> list[str]:
        """Names of the steps not yet applied (reads only)."""
        done = set(self.applied(conn))
        return [name for name in self.names if name not in done]

    def apply(self, conn: sqlite3.Connection, transactions: Transactions | None = None) -> list[str]:
        """Apply every pending step in order; return the names applied. Safe to call from many processes."""
        transactions = transactions or Transactions(conn)
        newly_applied = []
        for name, step in self._steps:
            with transactions.atomic():
                conn.execute(
                    f"CREATE TABLE IF NOT EXISTS {MIGRATIONS_TABLE} ("
                    " migration_set TEXT NOT NULL, name TEXT NOT NULL, applied_at TEXT NOT NULL,"
                    " PRIMARY KEY (migration_set, name))"
                )
                if name in self.applied(conn):  # re-checked inside the write lock: another process may have won
                    continue
                try:
                    step(conn)
                except Exception as err:
                    raise MigrationFailed(
                        f"migration {self.name}/{name} failed: {type(err).__name__}", migratie=name
                    ) from err
                conn.execute(
                    f"INSERT INTO {MIGRATIONS_TABLE} (migration_set, name, applied_at) VALUES (?, ?, ?)",
                    (self.name, name, datetime.now(timezone.utc).isoformat(timespec="seconds")),
                )
            newly_applied.append(name)
        return newly_applied


#: The story store's schema history. Every table derived from a story references ``stories(id)`` with
#: ``ON DELETE CASCADE``, so erasing a story removes everything derived from it.
STORE_MIGRATIONS = Migrations("narratief")

STORE_MIGRATIONS.sql(
    "0001_initial",
    """
    CREATE TABLE participants (
        pseudonym TEXT PRIMARY KEY,
        created_at TEXT NOT NULL
    );
    CREATE TABLE sessions (
        id TEXT PRIMARY KEY,
        title TEXT,
        date TEXT,
        format TEXT,
        created_at TEXT NOT NULL
    );
    CREATE TABLE stories (
        id TEXT PRIMARY KEY,
        participant TEXT NOT NULL REFERENCES participants(pseudonym) ON DELETE CASCADE,
        session TEXT REFERENCES sessions(id) ON DELETE SET NULL,
        text TEXT NOT NULL,
        language TEXT NOT NULL DEFAULT 'nl',
        level TEXT CHECK (level IN ('micro', 'meso', 'macro')),
        perspective TEXT CHECK (perspective IN ('gebruiker', 'hulpverlener')),
        kind TEXT CHECK (kind IN ('drempel', 'hefboom')),
        tags TEXT NOT NULL DEFAULT '[]',
        source TEXT NOT NULL DEFAULT 'api',
        version INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE INDEX stories_by_participant ON stories(participant);
    CREATE INDEX stories_by_session ON stories(session);
    CREATE TABLE story_versions (
        story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
        version INTEGER NOT NULL,
        text TEXT NOT NULL,
        saved_at TEXT NOT NULL,
        PRIMARY KEY (story_id, version)
    );
    CREATE TABLE consents (
        story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
        purpose TEXT NOT NULL CHECK (purpose IN ('eigen', 'groep', 'begeleider', 'onderzoek', 'publicatie')),
        granted INTEGER NOT NULL CHECK (granted IN (0, 1)),
        changed_at TEXT NOT NULL,
        method TEXT NOT NULL,
        info_version TEXT NOT NULL,
        PRIMARY KEY (story_id, purpose)
    );
    CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        action TEXT NOT NULL,
        subject TEXT,
        detail TEXT
    );
    """,
)

#: The key store's schema history (a separate file: real names and secrets, kept apart from the stories).
KEY_MIGRATIONS = Migrations("narratief-keys")

KEY_MIGRATIONS.sql(
    "0001_initial",
    """
    CREATE TABLE real_names (
        pseudonym TEXT PRIMARY KEY,
        real_name TEXT NOT NULL,
        recorded_at TEXT NOT NULL
    );
    """,
)

STORE_MIGRATIONS.sql(
    "0002_anonymisation",
    """
    CREATE TABLE anonymised (
        story_id TEXT PRIMARY KEY REFERENCES stories(id) ON DELETE CASCADE,
        version INTEGER NOT NULL,
        lists_version INTEGER NOT NULL,
        text TEXT NOT NULL,
        spans TEXT NOT NULL,
        computed_at TEXT NOT NULL
    );
    CREATE TABLE privacy_lists (
        list TEXT NOT NULL CHECK (list IN ('allow', 'deny')),
        term TEXT NOT NULL,
        label TEXT,
        added_at TEXT NOT NULL,
        PRIMARY KEY (list, term)
    );
    CREATE TABLE pii_decisions (
        story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
        action TEXT NOT NULL CHECK (action IN ('mark', 'unmark')),
        text TEXT NOT NULL,
        label TEXT NOT NULL,
        decided_at TEXT NOT NULL,
        PRIMARY KEY (story_id, action, text)
    );
    CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    INSERT INTO settings (key, value) VALUES ('lists_version', '1');
    """,
)

STORE_MIGRATIONS.sql(
    "0003_themes",
    """
    CREATE TABLE theme_runs (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        created_at TEXT NOT NULL,
        purpose TEXT NOT NULL,
        params TEXT NOT NULL,
        software TEXT NOT NULL
    );
    CREATE TABLE themes (
        run_id INTEGER NOT NULL REFERENCES theme_runs(id) ON DELETE CASCADE,
        theme INTEGER NOT NULL,
        label TEXT NOT NULL,
        keywords TEXT NOT NULL,
        origin TEXT NOT NULL,
        code TEXT,
        PRIMARY KEY (run_id, theme)
    );
    CREATE TABLE theme_assignments (
        run_id INTEGER NOT NULL REFERENCES theme_runs(id) ON DELETE CASCADE,
        story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
        theme INTEGER NOT NULL,
        weight REAL NOT NULL,
        coding TEXT NOT NULL CHECK (coding IN ('machine', 'mens')),
        PRIMARY KEY (run_id, story_id)
    );
    CREATE TABLE theme_quotes (
        run_id INTEGER NOT NULL REFERENCES theme_runs(id) ON DELETE CASCADE,
        theme INTEGER NOT NULL,
        story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
        quote TEXT NOT NULL
    );
    CREATE TABLE theme_edits (
        run_id INTEGER NOT NULL REFERENCES theme_runs(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        action TEXT NOT NULL,
        params TEXT NOT NULL,
        editor TEXT NOT NULL,
        at TEXT NOT NULL,
        members TEXT NOT NULL,
        PRIMARY KEY (run_id, seq)
    );
    -- a theme whose last story was erased goes too
    CREATE TRIGGER themes_drop_empty AFTER DELETE ON theme_assignments
    BEGIN
        DELETE FROM themes WHERE run_id = OLD.run_id AND theme = OLD.theme AND NOT EXISTS (
            SELECT 1 FROM theme_assignments WHERE run_id = OLD.run_id AND theme = OLD.theme);
    END;
    """,
)

STORE_MIGRATIONS.sql(
    "0004_drafts",
    """
    CREATE TABLE drafts (
        id TEXT PRIMARY KEY,
        participant TEXT NOT NULL REFERENCES participants(pseudonym) ON DELETE CASCADE,
        format TEXT NOT NULL,
        title TEXT NOT NULL DEFAULT '',
        private TEXT NOT NULL DEFAULT '{}',
        shareable TEXT NOT NULL DEFAULT '{}',
        consent TEXT NOT NULL DEFAULT '[]',
        story_id TEXT REFERENCES stories(id) ON DELETE SET NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE INDEX drafts_by_participant ON drafts(participant);
    CREATE TABLE draft_versions (
        draft_id TEXT NOT NULL REFERENCES drafts(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        at TEXT NOT NULL,
        private TEXT NOT NULL,
        shareable TEXT NOT NULL,
        PRIMARY KEY (draft_id, seq)
    );
    CREATE TABLE listening_words (
        story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
        listener TEXT NOT NULL,
        word TEXT NOT NULL,
        at TEXT NOT NULL,
        PRIMARY KEY (story_id, listener)
    );
    """,
)

STORE_MIGRATIONS.sql(
    "0005_group_sessions",
    """
    CREATE TABLE group_sessions (
        id TEXT PRIMARY KEY REFERENCES sessions(id) ON DELETE CASCADE,
        participant_code TEXT NOT NULL,
        facilitator_code TEXT NOT NULL,
        kind TEXT NOT NULL,
        questions TEXT NOT NULL,
        plenary TEXT NOT NULL,
        min_named INTEGER NOT NULL DEFAULT 3,
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
        closed_at TEXT,
        report TEXT
    );
    CREATE TABLE session_members (
        session_id TEXT NOT NULL REFERENCES group_sessions(id) ON DELETE CASCADE,
        pseudonym TEXT NOT NULL,
        token TEXT NOT NULL,
        joined_at TEXT NOT NULL,
        PRIMARY KEY (session_id, pseudonym)
    );
    CREATE TABLE contribution_marks (
        story_id TEXT PRIMARY KEY REFERENCES stories(id) ON DELETE CASCADE,
        merged_into TEXT,
        widely_by_hand INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE plenary_answers (
        session_id TEXT NOT NULL REFERENCES group_sessions(id) ON DELETE CASCADE,
        text TEXT NOT NULL,
        at TEXT NOT NULL
    );
    """,
)

KEY_MIGRATIONS.sql(
    "0002_secrets",
    """
    CREATE TABLE secrets (
        name TEXT PRIMARY KEY,
        value BLOB NOT NULL,
        created_at TEXT NOT NULL
    );
    """,
)
