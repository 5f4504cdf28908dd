from __future__ import annotations

import datetime

from narratief.groups import session as gs
from narratief.store import StoryStore
from narratief.ui import build_app


def test_facilitator_creates_a_dated_session_with_codes_and_qr(tmp_path):
    store = StoryStore(tmp_path / "g.db")
    page = build_app("groepssessie", store=store)
    page.title.value = "Dialoogtafel"
    page.date.value = datetime.date(2026, 11, 30)
    page.questions.value = "micro: Wat helpt in het contact?\nmacro: Welke regel houdt je tegen?"
    page.create_button.click()
    assert "nf-participant-code" in page.codes.value and "data:image/png;base64," in page.codes.value
    info = page.dashboard.info()
    assert info["datum"] == "2026-11-30" and set(info["vragen"]) == {"micro", "macro"}
    code = page.codes.value.split("nf-participant-code'>")[1].split("<")[0]
    member = gs.join(store, code, "Merel")
    gs.submit(member, "Wachten op hulp duurde lang.", level="micro", perspective="gebruiker", kind="drempel",
              consent=True)
    page.refresh()
    assert "Wachten op hulp" in page.items.value


def test_participant_page_needs_the_code_and_consent(tmp_path):
    store = StoryStore(tmp_path / "p.db")
    new = gs.create_session(store, "Ronde", kind="verhalenronde")
    page = build_app("deelnemen", store=store)
    page.code.value, page.pseudonym.value = "FOUT", "Merel"
    page.join_button.click()
    assert page.form.layout.display == "none" and "code klopt niet" in page.status.value
    page.code.value = new.participant_code
    page.join_button.click()
    assert page.form.layout.display is None
    page.text.value = "Lotte Vermeulen luisterde naar mij."
    page.send_button.click()  # first click shows the review
    assert "[PERSOON-1]" in page.review.value and "Vermeulen" not in page.review.value
    page.send_button.click()
    assert "Vink eerst aan" in page.status.value
    page.consent.value = True
    page.research.value = True
    page.send_button.click()
    assert "Verstuurd" in page.status.value and "Lotte Vermeulen" in page.mine.value
    assert "ook voor onderzoek" in page.mine.value
    story_id = page.own_pick.value
    assert "onderzoek" in store.granted_purposes(story_id)
    page.stop_research.click()
    assert "onderzoek" not in store.granted_purposes(story_id) and "ook voor onderzoek" not in page.mine.value
    page.remove_own.click()  # asks first
    assert page.confirm_remove.layout.display is None and "Lotte Vermeulen" in page.mine.value
    page.confirm_remove.yes.click()
    assert "verwijderd" in page.status.value and "Lotte Vermeulen" not in page.mine.value
    assert store.stories() == []


def test_qr_link_uses_the_server_address_and_the_code_is_prefilled(tmp_path, monkeypatch):
    from narratief.ui.group_session import participant_url

    assert participant_url() == "02-deelnemen.ipynb"
    monkeypatch.setenv("SERVER_NAME", "192.168.1.20")
    monkeypatch.setenv("SERVER_PORT", "8866")
    assert participant_url() == "http://192.168.1.20:8866/voila/render/02-deelnemen.ipynb"
    monkeypatch.setenv("QUERY_STRING", "code=ABC234")
    page = build_app("deelnemen", store=StoryStore(tmp_path / "q.db"))
    assert page.code.value == "ABC234"
