"""The story store: one SQLite file with stories, their versions, consent per purpose and a content-free audit log."""

from __future__ import annotations

import hashlib
import json
import logging
import os
import sqlite3
import uuid
import warnings
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

from narratief.errors import (
    CleanupIncomplete,
    DuplicateIds,
    InvalidValue,
    NotAStore,
    ParticipantNotFound,
    StoryNotFound,
)
from narratief.stories import (
    KINDS,
    LEVELS,
    PERSPECTIVES,
    PURPOSES,
    Consent,
    Session,
    Story,
    StoryVersion,
    check_purpose,
    normalise_value,
    shown_value,
    split_list,
)
from narratief.store.connection import Transactions, connect
from narratief.store.migrations import STORE_MIGRATIONS

if TYPE_CHECKING:
    import pandas as pd

log = logging.getLogger(__name__)

DEFAULT_DB = "narratief.db"
ENV_DB = "NARRATIEF_DB"
#: Version of the information text a person saw when giving consent, unless the caller says otherwise.
CONSENT_INFO_VERSION = "1"

_STORY_COLUMNS = (
    "id, participant, session, text, language, level, perspective, kind, tags, source, version, "
    "created_at, updated_at"
)
_FILTERS = ("session", "participant", "level", "perspective", "kind")


def resolve_store_path(path: str | os.PathLike | None = None) -> Path:
    """The store file: the argument, else ``$NARRATIEF_DB``, else ``narratief.db`` in the working directory."""
    chosen = path if path is not None else os.environ.get(ENV_DB) or DEFAULT_DB
    return Path(chosen).expanduser()


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="microseconds")


def fingerprint(value: str) -> str:
    """A short one-way fingerprint, used in the audit log for things that are gone."""
    return "sha256:" + hashlib.sha256(value.encode("utf-8")).hexdigest()[:16]


def _canonical(field: str, value: Any, allowed: tuple[str, ...]) -> str | None:
    try:
        return normalise_value(field, value)
    except ValueError:
        raise InvalidValue(
            f"invalid {field} value", waarde=shown_value(value), kolom=field, rij="—", toegestaan=", ".join(allowed)
        ) from None


class StoryStore:
    """Stories with consent, in one SQLite file.

    Every write is a transaction; group several with :meth:`atomic`. Raw text leaves the store only through
    :meth:`get_story` and :meth:`versions`, for the teller and for the privacy gate.

    >>> store = StoryStore(":memory:")
    >>> story = store.add_story("Ik stond drie jaar op een wachtlijst.", participant="Eik", consent=["eigen"])
    >>> store.granted_purposes(story.id)
    ['eigen']
    """

    def __init__(self, path: str | os.PathLike | None = None, *, migrate: bool = True) -> None:
        self.path = resolve_store_path(path)
        if str(self.path) != ":memory:":
            self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._conn = connect(self.path)
            self._tx = Transactions(self._conn)
            if migrate:
                STORE_MIGRATIONS.apply(self._conn, self._tx)
        except sqlite3.DatabaseError as err:
            if isinstance(err, sqlite3.OperationalError) and "not a database" not in str(err):
                raise
            raise NotAStore(f"cannot open store: {type(err).__name__}", pad=self.path.name) from err

    # -- housekeeping -------------------------------------------------------------------------------------
    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> StoryStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"StoryStore({str(self.path)!r})"

    @contextmanager
    def atomic(self) -> Iterator[sqlite3.Connection]:
        """Group writes into one transaction (nested blocks become savepoints); any exception rolls back."""
        with self._tx.atomic() as conn:
            yield conn

    @property
    def connection(self) -> sqlite3.Connection:
        """The underlying connection, for modules that add derived tables through migrations."""
        return self._conn

    def _audit(self, action: str, subject: str | None = None, detail: str | None = None) -> None:
        self._conn.execute(
            "INSERT INTO audit_log (at, action, subject, detail) VALUES (?, ?, ?, ?)",
            (now(), action, subject, detail),
        )

    # -- participants and sessions ------------------------------------------------------------------------
    def _ensure_participant(self, pseudonym: str) -> None:
        self._conn.execute(
            "INSERT OR IGNORE INTO participants (pseudonym, created_at) VALUES (?, ?)", (pseudonym, now())
        )

    def add_session(
        self, session_id: str, *, title: str | None = None, date: str | None = None, format: str | None = None
    ) -> Session:
        """Create a session, or update its title, date and format when it exists."""
        with self.atomic():
            self._conn.execute(
                "INSERT INTO sessions (id, title, date, format, created_at) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT(id) DO UPDATE SET title = coalesce(excluded.title, title), "
                "date = coalesce(excluded.date, date), format = coalesce(excluded.format, format)",
                (session_id, title, date, format, now()),
            )
        return self.get_session(session_id)

    def get_session(self, session_id: str) -> Session:
        row = self._conn.execute("SELECT * FROM sessions WHERE id = ?", (session_id,)).fetchone()
        if row is None:
            raise KeyError(session_id)
        return Session(**dict(row))

    def sessions(self) -> list[Session]:
        return [Session(**dict(row)) for row in self._conn.execute("SELECT * FROM sessions ORDER BY id")]

    def participants(self) -> list[str]:
        return [row[0] for row in self._conn.execute("SELECT pseudonym FROM participants ORDER BY pseudonym")]

    # -- stories --------------------------------------------------------------------------------------------
    def add_story(
        self,
        text: str,
        participant: str,
        *,
        id: str | None = None,
        session: str | None = None,
        language: str = "nl",
        level: str | None = None,
        perspective: str | None = None,
        kind: str | None = None,
        tags: Iterable[str] | str = (),
        source: str = "api",
        consent: Iterable[str] = (),
        consent_method: str = "api",
        info_version: str = CONSENT_INFO_VERSION,
        created_at: str | None = None,
    ) -> Story:
        """Store a new story (version 1) and grant the given consent purposes; return it."""
        story_id = id or f"v-{uuid.uuid4().hex[:12]}"
        level = _canonical("level", level, LEVELS)
        perspective = _canonical("perspective", perspective, PERSPECTIVES)
        kind = _canonical("kind", kind, KINDS)
        purposes = [check_purpose(p) for p in split_list(list(consent) if not isinstance(consent, str) else consent)]
        stamp = created_at or now()
        with self.atomic():
            self._ensure_participant(participant)
            if session:
                self._conn.execute(
                    "INSERT OR IGNORE INTO sessions (id, created_at) VALUES (?, ?)", (session, now())
                )
            try:
                self._conn.execute(
                    f"INSERT INTO stories ({_STORY_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)",
                    (
                        story_id, participant, session or None, text, language or "nl", level, perspective, kind,
                        json.dumps(split_list(tags if isinstance(tags, str) else list(tags)), ensure_ascii=False),
                        source, stamp, stamp,
                    ),
                )
            except sqlite3.IntegrityError as err:
                if "UNIQUE" in str(err):
                    raise DuplicateIds("story id already in the store", ids=story_id) from None
                raise
            self._conn.execute(
                "INSERT INTO story_versions (story_id, version, text, saved_at) VALUES (?, 1, ?, ?)",
                (story_id, text, stamp),
            )
            self._audit("story.add", story_id, f"source={source}")
            for purpose in purposes:
                self._write_consent(story_id, purpose, True, consent_method, info_version)
        return self.get_story(story_id)

    def update_story(self, story_id: str, *, text: str | None = None, **fields: Any) -> Story:
        """Change a story. A new text becomes a new version; the previous ones stay in :meth:`versions`.

        ``fields`` may set ``session``, ``language``, ``level``, ``perspective``, ``kind`` and ``tags``.
        """
        allowed = {"session", "language", "level", "perspective", "kind", "tags"}
        unknown = set(fields) - allowed
        if unknown:
            raise TypeError(f"update_story() got unexpected fields: {sorted(unknown)}")
        with self.atomic():
            current = self.get_story(story_id)
            updates: dict[str, Any] = {}
            for name, allowed_values in (("level", LEVELS), ("perspective", PERSPECTIVES), ("kind", KINDS)):
                if name in fields:
                    updates[name] = _canonical(name, fields[name], allowed_values)
            if "tags" in fields:
                updates["tags"] = json.dumps(split_list(fields["tags"]), ensure_ascii=False)
            for name in ("session", "language"):
                if name in fields:
                    updates[name] = fields[name] or None
            if updates.get("session"):
                self._conn.execute(
                    "INSERT OR IGNORE INTO sessions (id, created_at) VALUES (?, ?)", (updates["session"], now())
                )
            stamp = now()
            if text is not None and text != current.text:
                version = current.version + 1
                self._conn.execute(
                    "INSERT INTO story_versions (story_id, version, text, saved_at) VALUES (?, ?, ?, ?)",
                    (story_id, version, text, stamp),
                )
                updates.update(text=text, version=version)
            if not updates:
                return current
            updates["updated_at"] = stamp
            assignments = ", ".join(f"{name} = ?" for name in updates)
            self._conn.execute(f"UPDATE stories SET {assignments} WHERE id = ?", (*updates.values(), story_id))
            self._audit("story.update", story_id, "fields=" + ",".join(sorted(k for k in updates if k != "updated_at")))
        return self.get_story(story_id)

    def get_story(self, story_id: str) -> Story:
        """The story with its current (raw) text. Raises :class:`StoryNotFound`."""
        row = self._conn.execute(f"SELECT {_STORY_COLUMNS} FROM stories WHERE id = ?", (story_id,)).fetchone()
        if row is None:
            raise StoryNotFound("no story with this id", story_id=story_id)
        return self._story_from_row(row)

    @staticmethod
    def _story_from_row(row: Mapping[str, Any]) -> Story:
        values = dict(row)
        values["tags"] = tuple(json.loads(values["tags"] or "[]"))
        return Story(**values)

    def exists(self, story_id: str) -> bool:
        return self._conn.execute("SELECT 1 FROM stories WHERE id = ?", (story_id,)).fetchone() is not None

    def versions(self, story_id: str) -> list[StoryVersion]:
        """Every saved text of the story, oldest first."""
        self.get_story(story_id)
        rows = self._conn.execute(
            "SELECT story_id, version, text, saved_at FROM story_versions WHERE story_id = ? ORDER BY version",
            (story_id,),
        )
        return [StoryVersion(**dict(row)) for row in rows]

    def _where(self, filters: Mapping[str, Any], purpose: str | None) -> tuple[str, list[Any]]:
        clauses, params = [], []
        for name in _FILTERS:
            value = filters.get(name)
            if value is None:
                continue
            values = [value] if isinstance(value, str) else list(value)
            clauses.append(f"s.{name} IN ({', '.join('?' * len(values))})")
            params.extend(values)
        unknown = set(filters) - set(_FILTERS)
        if unknown:
            raise TypeError(f"unknown filters: {sorted(unknown)}")
        if purpose is not None:
            clauses.append(
                "EXISTS (SELECT 1 FROM consents c WHERE c.story_id = s.id AND c.purpose = ? AND c.granted = 1)"
            )
            params.append(check_purpose(purpose))
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params

    def story_ids(self, *, purpose: str | None = None, **filters: Any) -> list[str]:
        """Ids of the stories that match the filters (and have consent for ``purpose``, when given)."""
        where, params = self._where(filters, purpose)
        rows = self._conn.execute(f"SELECT s.id FROM stories s{where} ORDER BY s.created_at, s.id", params)
        return [row[0] for row in rows]

    def stories(self, *, purpose: str | None = None, **filters: Any) -> list[Story]:
        """The matching stories with raw text: for the privacy gate and the teller's own tools."""
        where, params = self._where(filters, purpose)
        rows = self._conn.execute(
            f"SELECT {', '.join('s.' + c.strip() for c in _STORY_COLUMNS.split(','))} FROM stories s{where} "
            "ORDER BY s.created_at, s.id",
            params,
        )
        return [self._story_from_row(row) for row in rows]

    def list_stories(self, *, purpose: str | None = None, **filters: Any) -> pd.DataFrame:
        """Metadata of the matching stories as a DataFrame (no text; text goes through the privacy gate).

        Columns: id, participant, session, level, perspective, kind, language, tags, version, created_at,
        updated_at, words, consent (granted purposes, ``;``-separated).
        Filters: session, participant, level, perspective, kind (a value or a list); purpose (consent granted).
        """
        import pandas as pd

        where, params = self._where(filters, purpose)
        rows = self._conn.execute(
            "SELECT s.id, s.participant, s.session, s.level, s.perspective, s.kind, s.language, s.tags, s.version,"
            " s.created_at, s.updated_at,"
            " s.text AS words,"
            " (SELECT group_concat(purpose, ';') FROM (SELECT c.purpose FROM consents c"
            "   WHERE c.story_id = s.id AND c.granted = 1 ORDER BY"
            "   instr('eigen groep begeleider onderzoek publicatie', c.purpose))) AS consent"
            f" FROM stories s{where} ORDER BY s.created_at, s.id",
            params,
        ).fetchall()
        columns = [
            "id", "participant", "session", "level", "perspective", "kind", "language", "tags", "version",
            "created_at", "updated_at", "words", "consent",
        ]
        frame = pd.DataFrame([tuple(row) for row in rows], columns=columns)
        frame["tags"] = frame["tags"].map(lambda raw: ";".join(json.loads(raw or "[]")))
        frame["words"] = frame["words"].map(lambda text: len(text.split())).astype("int64")
        frame["consent"] = frame["consent"].fillna("")
        return frame

    # -- consent --------------------------------------------------------------------------------------------
    def _write_consent(self, story_id: str, purpose: str, granted: bool, method: str, info_version: str) -> None:
        self._conn.execute(
            "INSERT INTO consents (story_id, purpose, granted, changed_at, method, info_version) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(story_id, purpose) DO UPDATE SET granted = excluded.granted,"
            " changed_at = excluded.changed_at, method = excluded.method, info_version = excluded.info_version",
            (story_id, purpose, int(granted), now(), method, info_version),
        )
        self._audit(
            "consent.grant" if granted else "consent.withdraw", story_id, f"purpose={purpose} method={method}"
        )

    def consents(self, story_id: str) -> dict[str, Consent]:
        """The recorded consent state per purpose (purposes never recorded are absent: off until given)."""
        self.get_story(story_id)
        rows = self._conn.execute(
            "SELECT story_id, purpose, granted, changed_at, method, info_version FROM consents WHERE story_id = ?",
            (story_id,),
        )
        found = {row["purpose"]: Consent(**{**dict(row), "granted": bool(row["granted"])}) for row in rows}
        return {purpose: found[purpose] for purpose in PURPOSES if purpose in found}

    def granted_purposes(self, story_id: str) -> list[str]:
        """The purposes this story may be used for, in :data:`PURPOSES` order."""
        return [purpose for purpose, consent in self.consents(story_id).items() if consent.granted]

    def has_consent(self, story_id: str, purpose: str) -> bool:
        purpose = check_purpose(purpose)
        row = self._conn.execute(
            "SELECT granted FROM consents WHERE story_id = ? AND purpose = ?", (story_id, purpose)
        ).fetchone()
        return bool(row and row[0])

    def grant_consent(
        self, story_id: str, purpose: str, *, method: str = "api", info_version: str = CONSENT_INFO_VERSION
    ) -> None:
        """Record that the teller allows ``purpose`` for this story, with how and under which information text."""
        purpose = check_purpose(purpose)
        with self.atomic():
            self.get_story(story_id)
            self._write_consent(story_id, purpose, True, method, info_version)

    def withdraw_consent(
        self, story_id: str, purpose: str, *, method: str = "api", info_version: str = CONSENT_INFO_VERSION
    ) -> bool:
        """Withdraw one purpose. When no purpose is left, the story is erased; returns ``True`` then."""
        purpose = check_purpose(purpose)
        with self.atomic():
            was_granted = purpose in self.granted_purposes(story_id)
            self._write_consent(story_id, purpose, False, method, info_version)
            erase = was_granted and not self.granted_purposes(story_id)
            if erase:
                self._delete_story(story_id)
        if erase:
            self._compact()
        return erase

    def set_purposes(self, story_id: str, purposes: Iterable[str], *, method: str = "api") -> bool:
        """Make exactly ``purposes`` granted (grant the new ones, withdraw the others) in one transaction.

        Returns ``True`` when the story was erased because nothing is granted any more.
        """
        wanted = {check_purpose(p) for p in purposes}
        with self.atomic():
            current = set(self.granted_purposes(story_id))
            for purpose in PURPOSES:
                if purpose in wanted and purpose not in current:
                    self._write_consent(story_id, purpose, True, method, CONSENT_INFO_VERSION)
                elif purpose in current and purpose not in wanted:
                    self._write_consent(story_id, purpose, False, method, CONSENT_INFO_VERSION)
            erase = bool(current) and not wanted
            if erase:
                self._delete_story(story_id)
        if erase:
            self._compact()
        return erase

    # -- erasure --------------------------------------------------------------------------------------------
    def _delete_story(self, story_id: str) -> None:
        self._conn.execute("DELETE FROM stories WHERE id = ?", (story_id,))
        gone = fingerprint(story_id)
        # Earlier audit lines named the id; after erasure they keep only its fingerprint.
        self._conn.execute("UPDATE audit_log SET subject = ? WHERE subject = ?", (gone, story_id))
        self._forget_in_theme_edits(story_id)
        self._audit("story.erase", gone)

    def _forget_in_theme_edits(self, story_id: str) -> None:
        """Recorded theme edits no longer name an erased story (a move of it is dropped altogether)."""
        rows = self._conn.execute(
            "SELECT run_id, seq, action, params, members FROM theme_edits WHERE params LIKE ? OR members LIKE ?",
            (f"%{json.dumps(story_id)}%", f"%{json.dumps(story_id)}%"),
        ).fetchall()
        for run_id, seq, action, params, members in rows:
            params, members = json.loads(params), json.loads(members)
            if action == "move" and params.get("story") == story_id:
                self._conn.execute("DELETE FROM theme_edits WHERE run_id = ? AND seq = ?", (run_id, seq))
                continue
            if "groups" in params:
                params["groups"] = [[s for s in group if s != story_id] for group in params["groups"]]
            members = {theme: [s for s in ids if s != story_id] for theme, ids in members.items()}
            self._conn.execute(
                "UPDATE theme_edits SET params = ?, members = ? WHERE run_id = ? AND seq = ?",
                (json.dumps(params), json.dumps(members), run_id, seq),
            )

    def erase(self, story_id: str) -> None:
        """Delete the story, its versions, consent and everything derived from it, then compact the file."""
        with self.atomic():
            self.get_story(story_id)
            self._delete_story(story_id)
        self._compact()

    def erase_participant(self, pseudonym: str) -> int:
        """Delete a participant with all their stories and everything derived; return the number of stories."""
        with self.atomic():
            if not self._conn.execute("SELECT 1 FROM participants WHERE pseudonym = ?", (pseudonym,)).fetchone():
                raise ParticipantNotFound("no participant with this pseudonym", deelnemer=pseudonym)
            ids = [r[0] for r in self._conn.execute("SELECT id FROM stories WHERE participant = ?", (pseudonym,))]
            for story_id in ids:
                self._delete_story(story_id)
            self._conn.execute("DELETE FROM participants WHERE pseudonym = ?", (pseudonym,))
            gone = fingerprint(pseudonym)
            self._conn.execute("UPDATE audit_log SET subject = ? WHERE subject = ?", (gone, pseudonym))
            self._audit("participant.erase", gone, f"stories={len(ids)}")
        self._compact()
        return len(ids)

    def _compact(self) -> None:
        """Rewrite the file without free pages and empty the WAL, so deleted text leaves no bytes on disk."""
        self._conn.execute("VACUUM")
        busy, _, _ = self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        if busy:
            log.warning("store compaction incomplete: another connection holds the WAL")
            warnings.warn(CleanupIncomplete(), stacklevel=3)

    # -- anonymisation: lists, review decisions and the cached anonymised text ------------------------------
    def privacy_lists(self) -> tuple[list[str], dict[str, str]]:
        """The collection's allow-list (never redact) and deny-list (always redact, term → label)."""
        rows = self._conn.execute("SELECT list, term, label FROM privacy_lists ORDER BY list, term").fetchall()
        allow = [r["term"] for r in rows if r["list"] == "allow"]
        deny = {r["term"]: r["label"] or "PERSOON" for r in rows if r["list"] == "deny"}
        return allow, deny

    def set_privacy_lists(self, allow: Iterable[str], deny: Mapping[str, str] | Iterable[str]) -> None:
        """Replace both lists; every cached anonymised text becomes stale (recomputed on next use)."""
        allowed = sorted({term.strip() for term in allow if term.strip()})
        pairs = deny.items() if isinstance(deny, Mapping) else ((term, "PERSOON") for term in deny)
        denied = {term.strip(): label or "PERSOON" for term, label in pairs if term.strip()}
        with self.atomic():
            self._conn.execute("DELETE FROM privacy_lists")
            stamp = now()
            self._conn.executemany("INSERT INTO privacy_lists VALUES ('allow', ?, NULL, ?)", [(t, stamp) for t in allowed])
            self._conn.executemany("INSERT INTO privacy_lists VALUES ('deny', ?, ?, ?)", [(t, l, stamp) for t, l in denied.items()])
            self._conn.execute("UPDATE settings SET value = CAST(value AS INTEGER) + 1 WHERE key = 'lists_version'")
            self._audit("privacy.lists", None, f"allow={len(allowed)} deny={len(denied)}")

    def lists_version(self) -> int:
        return int(self._conn.execute("SELECT value FROM settings WHERE key = 'lists_version'").fetchone()[0])

    def decisions(self, story_id: str) -> list[tuple[str, str, str]]:
        """Review decisions of a story as (action, text, label)."""
        rows = self._conn.execute(
            "SELECT action, text, label FROM pii_decisions WHERE story_id = ? ORDER BY decided_at", (story_id,)
        )
        return [(r["action"], r["text"], r["label"]) for r in rows]

    def set_decisions(self, story_id: str, decisions: Iterable[tuple[str, str, str]]) -> None:
        """Replace the review decisions of a story (its cached anonymised text is dropped)."""
        with self.atomic():
            self.get_story(story_id)
            self._conn.execute("DELETE FROM pii_decisions WHERE story_id = ?", (story_id,))
            for action, text, label in decisions:
                self._conn.execute(
                    "INSERT OR REPLACE INTO pii_decisions VALUES (?, ?, ?, ?, ?)", (story_id, action, text, label, now())
                )
            self._conn.execute("DELETE FROM anonymised WHERE story_id = ?", (story_id,))
            self._audit("privacy.review", story_id, f"decisions={len(self.decisions(story_id))}")

    def cached_anonymised(self, story_id: str) -> tuple[str, list] | None:
        """The stored anonymised text and spans, if computed from the current text and lists; else ``None``."""
        row = self._conn.execute(
            "SELECT a.text, a.spans FROM anonymised a JOIN stories s ON s.id = a.story_id"
            " WHERE a.story_id = ? AND a.version = s.version AND a.lists_version = ?",
            (story_id, self.lists_version()),
        ).fetchone()
        return (row["text"], json.loads(row["spans"])) if row else None

    def store_anonymised(self, story_id: str, version: int, lists_version: int, text: str, spans: list) -> None:
        """Keep the anonymised text and its spans (offsets, label, replacement; never the original details)."""
        with self.atomic():
            self._conn.execute(
                "INSERT OR REPLACE INTO anonymised VALUES (?, ?, ?, ?, ?, ?)",
                (story_id, version, lists_version, text, json.dumps(spans), now()),
            )

    # -- audit ----------------------------------------------------------------------------------------------
    def audit_log(self) -> list[dict[str, Any]]:
        """The content-free record of what happened (ids, purposes, counts; never text)."""
        return [dict(row) for row in self._conn.execute("SELECT at, action, subject, detail FROM audit_log ORDER BY id")]

    def record(self, action: str, subject: str | None = None, detail: str | None = None) -> None:
        """Add a content-free line to the audit log (for operations outside the store, such as exports)."""
        with self.atomic():
            self._audit(action, subject, detail)
