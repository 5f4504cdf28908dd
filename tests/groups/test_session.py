"""Access rules of group sessions (each a test), widely experienced items, closing report, crash safety."""

from __future__ import annotations

import textwrap

import pytest

from narratief.groups import session as gs
from narratief.store import StoryStore
from tests.killing import kill_after

WAIT_A = "Ik moest maanden wachten op een eerste gesprek bij de psycholoog."
WAIT_B = "Wachten op een eerste gesprek met de psycholoog duurde maanden."
HELP = "Mijn begeleidster Lotte Vermeulen uit Gentbrugge nam de tijd om echt te luisteren."


@pytest.fixture
def session(store):
    new = gs.create_session(store, "Dialoogtafel", min_named=2)
    a = gs.join(store, new.participant_code, "Merel")
    b = gs.join(store, new.participant_code, "Vink")
    gs.submit(a, WAIT_A, level="micro", perspective="gebruiker", kind="drempel", consent=True)
    gs.submit(b, WAIT_B, level="micro", perspective="gebruiker", kind="drempel", consent=True)
    gs.submit(b, HELP, level="micro", perspective="gebruiker", kind="hefboom", consent=True)
    return store, new, a, b


def test_without_the_session_code_nothing_can_be_read_or_written(session):
    store, new, _, _ = session
    with pytest.raises(gs.SessionCodeWrong) as caught:
        gs.join(store, "ZZZZZZ", "Indringer")
    assert "code klopt niet" in caught.value.message
    with pytest.raises(gs.SessionCodeWrong):
        gs.join(store, new.facilitator_code, "Indringer")  # the facilitator code is not a participant code


def test_a_participant_reads_only_own_contributions_and_aggregates(session):
    _, _, a, _ = session
    mine = gs.own_contributions(a)
    assert mine["text"].tolist() == [WAIT_A]
    group = gs.group_view(a)
    assert list(group.columns) == ["thema", "bijdragen", "deelnemers", "breed_ervaren"]
    shown = group.to_string()
    assert WAIT_B not in shown and "Vermeulen" not in shown and "begeleidster" not in shown.split("thema")[0]
    assert group["bijdragen"].sum() == 3


def test_a_pseudonym_in_use_needs_its_personal_code(session):
    store, new, a, _ = session
    with pytest.raises(gs.PseudonymTaken):
        gs.join(store, new.participant_code, "Merel")
    again = gs.join(store, new.participant_code, "Merel", a.personal_code)
    assert gs.own_contributions(again)["text"].tolist() == [WAIT_A]


def test_the_dashboard_needs_the_facilitator_code(session):
    store, new, _, _ = session
    with pytest.raises(gs.SessionCodeWrong):
        gs.open_dashboard(store, new.id, new.participant_code)
    with pytest.raises(gs.SessionCodeWrong):
        gs.dashboard_by_code(store, "VERKEERD1")
    dashboard = gs.dashboard_by_code(store, new.facilitator_code)
    assert dashboard.counts()["bijdragen"].sum() == 3


def test_a_closed_session_refuses_writes(session):
    store, new, a, _ = session
    dashboard = gs.open_dashboard(store, new.id, new.facilitator_code)
    dashboard.close()
    with pytest.raises(gs.SessionClosed):
        gs.submit(a, "nog iets", level="meso", consent=True)
    with pytest.raises(gs.SessionClosed):
        dashboard.add_plenary("te laat")
    with pytest.raises(gs.SessionClosed):
        dashboard.close()


def test_no_contribution_without_consent(session):
    _, _, a, _ = session
    with pytest.raises(gs.ConsentNeeded):
        gs.submit(a, "zonder toestemming", consent=False)


def test_research_use_only_when_ticked_and_a_participant_can_withdraw_it_or_remove_a_contribution(session):
    from narratief.privacy.gate import shareable_stories

    store, new, a, b = session
    kept = gs.submit(a, "Ook voor onderzoek: wachten duurde maanden.", consent=True, research=True)
    assert set(store.granted_purposes(kept)) == {"eigen", "groep", "onderzoek"}
    assert "onderzoek" not in store.granted_purposes(gs.own_contributions(b)["id"].iloc[0])
    assert list(shareable_stories(store, "onderzoek")["id"]) == [kept]
    with pytest.raises(gs.NotYourContribution):
        gs.withdraw(b, kept, "onderzoek")  # only the teller withdraws
    assert gs.withdraw(a, kept, "onderzoek") is False
    assert set(store.granted_purposes(kept)) == {"eigen", "groep"}
    assert shareable_stories(store, "onderzoek").empty
    assert gs.withdraw(a, kept) is True
    assert kept not in set(gs.own_contributions(a)["id"])
    assert kept not in set(gs.group_view(b).get("id", []))


def test_an_item_named_by_two_is_widely_experienced_and_bold_in_the_report(session):
    store, new, _, _ = session
    dashboard = gs.open_dashboard(store, new.id, new.facilitator_code)
    items = dashboard.items().set_index("participant")
    breed = dashboard.items()
    assert breed[breed["kind"] == "drempel"]["breed"].all()
    assert not breed[breed["kind"] == "hefboom"]["breed"].any()
    dashboard.add_plenary("Als organisatie beloven we korte wachttijden, zei Lotte Vermeulen.")
    report = dashboard.close()
    assert report == dashboard.report()
    assert "<b>" in report and "Tafel 1 - Microniveau" in report and "Drempels bij de gebruiker" in report
    bold = report.split("<b>")[1].split("</b>")[0]
    assert "psycholoog" in bold
    assert "Vermeulen" not in report and "Gentbrugge" not in report  # anonymised, plenary too
    assert "Plenaire terugkoppeling" in report
    assert len(items) == 3


def test_merge_and_mark_by_hand(session):
    store, new, a, b = session
    dashboard = gs.open_dashboard(store, new.id, new.facilitator_code)
    items = dashboard.items()
    help_id = items[items["kind"] == "hefboom"]["id"].iloc[0]
    dashboard.mark_widely(help_id)
    assert dashboard.items().set_index("id").loc[help_id, "breed"]
    other = gs.submit(a, "Een luisterend oor van de begeleider hielp.", level="micro", kind="hefboom", consent=True)
    dashboard.mark_widely(help_id, False)
    dashboard.merge(other, help_id)
    merged = dashboard.items().set_index("id")
    assert merged.loc[other, "group"] == merged.loc[help_id, "group"]
    assert merged.loc[help_id, "named_by"] == 2 and merged.loc[help_id, "breed"]


def test_killing_a_participant_mid_submission_loses_no_stored_contribution(tmp_path):
    db = tmp_path / "s.db"
    with StoryStore(db) as store:
        new = gs.create_session(store, "Belasting")
    script = textwrap.dedent(f"""
        from narratief.store import StoryStore
        from narratief.groups import session as gs
        store = StoryStore({str(db)!r})
        me = gs.join(store, {new.participant_code!r}, "Kraai")
        i = 0
        while True:
            i += 1
            gs.submit(me, f"bijdrage {{i}} over wachten", level="meso", kind="drempel", consent=True)
            print(i, flush=True)
    """)
    acknowledged = kill_after(script, 25)
    with StoryStore(db) as store:
        assert store.connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        stored = store.connection.execute("SELECT COUNT(*) FROM stories WHERE session = ?", (new.id,)).fetchone()[0]
    assert acknowledged <= stored <= acknowledged + 1  # at most the one being sent when killed
