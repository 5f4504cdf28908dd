"""Group sessions (dialoogtafel, verhalenronde): codes, contributions, widely experienced items, closing report.

Access rules (each enforced here, not in the widgets):

- without the session code nothing can be read or written (:func:`join` checks it);
- a participant reads only their own contributions and the group's aggregates, never another's text;
- the facilitator's dashboard needs the facilitator code (:func:`open_dashboard`);
- a closed session refuses writes.

Contributions are stories (``source='sessie'``) with consent ``groep``; the group and the facilitator see them
only through the privacy gate (anonymised). Codes are kept as salted hashes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import secrets
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from narratief.errors import NarratiefError
from narratief.store import StoryStore

TABLES = ("micro", "meso", "macro")
#: The questions of the dialoogtafel report (seeds/004), per table; editable per session.
DIALOGUE_QUESTIONS = {
    "micro": [
        "Welke relationele drempels of hefbomen tot het zetten van stappen naar herstel en empowerment ervaart de "
        "gebruiker in deze casus?",
        "Welke relationele drempels of hefbomen tot het ondersteunen van herstel en empowerment ervaart de "
        "hulpverlener in deze casus?",
    ],
    "meso": [
        "Welke organisatiegebonden drempels of hefbomen tot het zetten van stappen naar herstel en empowerment "
        "ervaart de gebruiker in deze casus?",
        "Welke organisatiegebonden drempels of hefbomen tot het ondersteunen van herstel en empowerment ervaart de "
        "hulpverlener in deze casus?",
    ],
    "macro": [
        "Welke rechterlijke of bestuurlijke drempels of hefbomen tot het zetten van stappen naar herstel en "
        "empowerment ervaart de gebruiker in deze casus?",
        "Welke rechterlijke of bestuurlijke hefbomen tot het ondersteunen van herstel en empowerment ervaart de "
        "hulpverlener in deze casus?",
    ],
}
PLENARY_QUESTION = ("Hoe kan ik als ervaringsdeskundige, als collega en als organisatie drempels wegwerken en "
                    "hefbomen versterken?")
#: Two items are "the same" when the cosine of their theme terms is at least this (small sessions).
SAME_ITEM = 0.25
_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


class SessionCodeWrong(NarratiefError, PermissionError):
    code = "N050"


class SessionClosed(NarratiefError, PermissionError):
    code = "N051"


class PseudonymTaken(NarratiefError, PermissionError):
    code = "N052"


class ConsentNeeded(NarratiefError, ValueError):
    code = "N053"


class NotYourContribution(NarratiefError, PermissionError):
    code = "N054"


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="milliseconds")


def _code(n: int = 6) -> str:
    return "".join(secrets.choice(_ALPHABET) for _ in range(n))


def _hash(session_id: str, code: str) -> str:
    return hashlib.sha256(f"{session_id}\x00{code.strip().upper()}".encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class NewSession:
    """What the facilitator gets when creating a session (codes are shown once, stored only as hashes)."""

    id: str
    participant_code: str
    facilitator_code: str


def create_session(
    store: StoryStore, title: str, *, date: str | None = None, kind: str = "dialoogtafel",
    questions: dict[str, list[str]] | None = None, min_named: int = 3, plenary: str = PLENARY_QUESTION,
) -> NewSession:
    """A new open session with a participant code and a facilitator code."""
    session_id = f"sessie-{dt.date.today().isoformat()}-{secrets.token_hex(3)}"
    participant, facilitator = _code(), _code(8)
    store.add_session(session_id, title=title, date=date or dt.date.today().isoformat(), format=kind)
    chosen = questions if questions is not None else (DIALOGUE_QUESTIONS if kind == "dialoogtafel" else {})
    with store.atomic() as conn:
        conn.execute(
            "INSERT INTO group_sessions (id, participant_code, facilitator_code, kind, questions, plenary, min_named)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (session_id, _hash(session_id, participant), _hash(session_id, facilitator), kind,
             json.dumps(chosen, ensure_ascii=False), plenary, int(min_named)),
        )
    store.record("groupsession.create", session_id)
    return NewSession(session_id, participant, facilitator)


def _session_row(store: StoryStore, session_id: str):
    return store.connection.execute(
        "SELECT id, participant_code, facilitator_code, kind, questions, plenary, min_named, status, report "
        "FROM group_sessions WHERE id = ?", (session_id,)).fetchone()


def find_session(store: StoryStore, code: str) -> str:
    """The open or closed session whose participant code is ``code`` (raises when none)."""
    for (session_id,) in store.connection.execute("SELECT id FROM group_sessions").fetchall():
        row = _session_row(store, session_id)
        if secrets.compare_digest(row[1], _hash(session_id, code)):
            return session_id
    raise SessionCodeWrong("no session with this code")


@dataclass
class Participant:
    """A participant inside one session (what a participant's kernel holds)."""

    store: StoryStore
    session_id: str
    pseudonym: str
    personal_code: str

    def __repr__(self) -> str:
        return f"Participant({self.session_id!r}, {self.pseudonym!r})"


def join(store: StoryStore, code: str, pseudonym: str, personal_code: str | None = None) -> Participant:
    """Enter a session with its code and a pseudonym. The first time, a personal code is made (keep it to come
    back); a pseudonym already in use needs its personal code."""
    session_id = find_session(store, code)
    pseudonym = pseudonym.strip()
    if not pseudonym:
        raise PseudonymTaken("empty pseudonym")
    row = store.connection.execute(
        "SELECT token FROM session_members WHERE session_id = ? AND pseudonym = ?", (session_id, pseudonym)
    ).fetchone()
    if row is not None:
        if not personal_code or not secrets.compare_digest(row[0], _hash(session_id + pseudonym, personal_code)):
            raise PseudonymTaken("pseudonym taken in this session")
        return Participant(store, session_id, pseudonym, personal_code.strip().upper())
    personal = _code(4)
    with store.atomic() as conn:
        conn.execute("INSERT INTO session_members (session_id, pseudonym, token, joined_at) VALUES (?, ?, ?, ?)",
                     (session_id, pseudonym, _hash(session_id + pseudonym, personal), _now()))
    return Participant(store, session_id, pseudonym, personal)


def _check_open(store: StoryStore, session_id: str) -> None:
    row = _session_row(store, session_id)
    if row is None or row[7] != "open":
        raise SessionClosed(f"session {session_id} is closed")


def submit(participant: Participant, text: str, *, level: str | None = None, perspective: str | None = None,
           kind: str | None = None, consent: bool = False, research: bool = False) -> str:
    """Add a contribution (stored at once, with consent ``groep``, and ``onderzoek`` when ``research``); returns
    its id."""
    if not consent:
        raise ConsentNeeded("contribution without consent for the group")
    _check_open(participant.store, participant.session_id)
    story = participant.store.add_story(
        text, participant.pseudonym, session=participant.session_id, level=level, perspective=perspective, kind=kind,
        consent=["eigen", "groep"] + (["onderzoek"] if research else []), consent_method="groepssessie", source="sessie",
    )
    return story.id


def own_contributions(participant: Participant) -> pd.DataFrame:
    """The participant's own contributions (their own text), with whether research may use them."""
    rows = participant.store.connection.execute(
        "SELECT id, level, perspective, kind, text FROM stories WHERE session = ? AND participant = ? "
        "ORDER BY created_at, id", (participant.session_id, participant.pseudonym)).fetchall()
    frame = pd.DataFrame(rows, columns=["id", "level", "perspective", "kind", "text"])
    frame["research"] = [("onderzoek" in participant.store.granted_purposes(i)) for i in frame["id"]]
    return frame


def withdraw(participant: Participant, story_id: str, purpose: str | None = None) -> bool:
    """Withdraw consent for one ``purpose`` of one's own contribution, or for all (``None``: the contribution is
    erased with everything derived from it). Returns ``True`` when it was erased."""
    own = participant.store.connection.execute(
        "SELECT 1 FROM stories WHERE id = ? AND session = ? AND participant = ?",
        (story_id, participant.session_id, participant.pseudonym)).fetchone()
    if own is None:
        raise NotYourContribution("not a contribution of this participant in this session")
    if purpose is None:
        participant.store.erase(story_id)
        return True
    return participant.store.withdraw_consent(story_id, purpose, method="groepssessie")


def _items(store: StoryStore, session_id: str) -> pd.DataFrame:
    from narratief.privacy.gate import shareable_stories

    items = shareable_stories(store, "groep", session=session_id)
    marks = dict(store.connection.execute(
        "SELECT story_id, COALESCE(merged_into, '') FROM contribution_marks").fetchall())
    by_hand = {r[0] for r in store.connection.execute(
        "SELECT story_id FROM contribution_marks WHERE widely_by_hand = 1")}
    items["merged_into"] = items["id"].map(lambda i: marks.get(i) or None)
    items["by_hand"] = items["id"].isin(by_hand)
    return items


def widely_experienced(store: StoryStore, session_id: str) -> pd.DataFrame:
    """Every contribution (anonymised) with its group and whether the group is ``breed ervaren``.

    Items are grouped when their theme terms are similar (cosine ≥ ``SAME_ITEM``) or the facilitator merged them;
    with 12 or more items the ThemeModel's themes group them too. A group named by at least ``min_named``
    participants is widely experienced; the facilitator can also mark an item by hand.
    """
    items = _items(store, session_id)
    min_named = int(_session_row(store, session_id)[6])
    n = len(items)
    if not n:
        return items.assign(group=[], named_by=[], breed=[])
    from scipy.sparse.csgraph import connected_components
    from sklearn.preprocessing import normalize

    from narratief.themes.features import LexicalVectorizer

    features = normalize(LexicalVectorizer(min_df=1, max_df=1.0).fit_transform(items["text"].tolist()))
    linked = np.asarray((features @ features.T).todense()) >= SAME_ITEM
    index = {story_id: i for i, story_id in enumerate(items["id"])}
    for i, target in enumerate(items["merged_into"]):
        if target in index:
            linked[i, index[target]] = linked[index[target], i] = True
    if n >= 12:
        from narratief.themes.api import find_themes

        themes = find_themes(items, anonymise=False, min_participants=min_named).assignments.to_numpy()
        linked |= (themes[:, None] == themes[None, :]) & (themes[:, None] >= 0)
    _, groups = connected_components(linked, directed=False)
    items["group"] = groups
    named = items.groupby("group")["participant"].nunique()
    items["named_by"] = items["group"].map(named)
    items["breed"] = (items["named_by"] >= min_named) | items["by_hand"]
    return items


def group_view(participant: Participant) -> pd.DataFrame:
    """What a participant may see of the group: per group of items, counts and whether it is widely experienced,
    with a label of theme words (no text of anyone else)."""
    items = widely_experienced(participant.store, participant.session_id)
    if items.empty:
        return pd.DataFrame(columns=["thema", "bijdragen", "deelnemers", "breed_ervaren"])
    from narratief.themes.features import analyse, term_pipeline

    display = term_pipeline().get_pipe("narratief_terms").display_word
    rows = []
    for group, part in items.groupby("group"):
        terms = [t for terms in analyse(part["text"].tolist()) for t in terms if not t.startswith("#")]
        common = pd.Series(terms).value_counts().index[:3] if terms else []
        rows.append({"thema": ", ".join(display(t) for t in common) or "(zonder woorden)", "bijdragen": len(part),
                     "deelnemers": part["participant"].nunique(), "breed_ervaren": bool(part["breed"].any())})
    return pd.DataFrame(rows).sort_values(["deelnemers", "bijdragen"], ascending=False, kind="stable")


@dataclass
class Dashboard:
    """The facilitator's handle on a session (made by :func:`open_dashboard`)."""

    store: StoryStore
    session_id: str

    def counts(self) -> pd.DataFrame:
        """Contributions per table (level), perspective and kind."""
        rows = self.store.connection.execute(
            "SELECT COALESCE(level, '-'), COALESCE(perspective, '-'), COALESCE(kind, '-'), COUNT(*) FROM stories "
            "WHERE session = ? GROUP BY 1, 2, 3 ORDER BY 1, 2, 3", (self.session_id,)).fetchall()
        return pd.DataFrame(rows, columns=["tafel", "perspectief", "soort", "bijdragen"])

    def items(self) -> pd.DataFrame:
        return widely_experienced(self.store, self.session_id)

    def merge(self, story_id: str, into: str) -> None:
        with self.store.atomic() as conn:
            conn.execute("INSERT INTO contribution_marks (story_id, merged_into) VALUES (?, ?) "
                         "ON CONFLICT(story_id) DO UPDATE SET merged_into = excluded.merged_into", (story_id, into))

    def mark_widely(self, story_id: str, value: bool = True) -> None:
        with self.store.atomic() as conn:
            conn.execute("INSERT INTO contribution_marks (story_id, widely_by_hand) VALUES (?, ?) "
                         "ON CONFLICT(story_id) DO UPDATE SET widely_by_hand = excluded.widely_by_hand",
                         (story_id, int(value)))

    def add_plenary(self, text: str) -> None:
        _check_open(self.store, self.session_id)
        with self.store.atomic() as conn:
            conn.execute("INSERT INTO plenary_answers (session_id, text, at) VALUES (?, ?, ?)",
                         (self.session_id, text, _now()))

    def plenary(self) -> list[str]:
        from narratief.privacy.anonymiser import anonymise

        rows = self.store.connection.execute(
            "SELECT text FROM plenary_answers WHERE session_id = ? ORDER BY rowid", (self.session_id,)).fetchall()
        return [anonymise(r[0]).text for r in rows]

    def info(self) -> dict[str, Any]:
        row = _session_row(self.store, self.session_id)
        session = self.store.get_session(self.session_id)
        return {"titel": session.title, "datum": session.date, "vorm": row[3], "vragen": json.loads(row[4]),
                "plenaire_vraag": row[5], "breed_vanaf": row[6], "status": row[7]}

    def close(self) -> str:
        """Close the session (no more writes) and store its report; returns the report HTML."""
        from narratief.groups.report import session_report

        _check_open(self.store, self.session_id)
        html = session_report(self)
        with self.store.atomic() as conn:
            conn.execute("UPDATE group_sessions SET status = 'closed', closed_at = ?, report = ? WHERE id = ?",
                         (_now(), html, self.session_id))
        self.store.record("groupsession.close", self.session_id)
        return html

    def report(self) -> str | None:
        return _session_row(self.store, self.session_id)[8]


def open_dashboard(store: StoryStore, session_id: str, facilitator_code: str) -> Dashboard:
    """The facilitator's dashboard; raises without the right facilitator code."""
    row = _session_row(store, session_id)
    if row is None or not secrets.compare_digest(row[2], _hash(session_id, facilitator_code)):
        raise SessionCodeWrong("facilitator code wrong")
    return Dashboard(store, session_id)


def dashboard_by_code(store: StoryStore, facilitator_code: str) -> Dashboard:
    """The dashboard of the session whose facilitator code is ``facilitator_code``."""
    for (session_id,) in store.connection.execute("SELECT id FROM group_sessions").fetchall():
        try:
            return open_dashboard(store, session_id, facilitator_code)
        except SessionCodeWrong:
            continue
    raise SessionCodeWrong("facilitator code wrong")
