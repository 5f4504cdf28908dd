"""Group session in real browsers: a facilitator and two participants live, a third with a wrong code."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

ITEMS = {
    "Merel": "Ik moest maanden wachten op een eerste gesprek bij de psycholoog.",
    "Vink": "Wachten op een eerste gesprek met de psycholoog duurde maanden.",
}


def _participant(browser, server, code: str, name: str, *, phone: bool = False, link: bool = False):
    context = browser.new_context(viewport={"width": 390, "height": 844} if phone else {"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(60_000)
    if link:  # the address in the QR code carries the session code
        page.goto(server.page_url("02-deelnemen.ipynb") + f"?code={code}")
        expect(page.locator(".nf-join-code input")).to_have_value(code, timeout=90_000)
    else:
        page.goto(server.page_url("02-deelnemen.ipynb"))
        page.locator(".nf-join-code input").fill(code, timeout=90_000)
    page.locator(".nf-join-pseudonym input").fill(name)
    page.locator(".nf-join").click()
    return context, page


def test_facilitator_and_two_participants_live_then_report(browser, page, demo_server):
    page.goto(demo_server.page_url("02-groepssessie.ipynb"))
    page.locator(".nf-session-title input").fill("Dialoogtafel wachten", timeout=90_000)
    page.locator(".nf-min-named input").fill("2")
    page.locator(".nf-create-session").click()
    code = page.locator(".nf-participant-code").inner_text(timeout=60_000).strip()
    expect(page.locator("img.nf-qr")).to_be_visible()
    expect(page.locator(".nf-dashboard-counts")).to_contain_text("Nog geen bijdragen")

    contexts, participants = [], []
    for phone, (name, text) in zip((True, False), ITEMS.items()):
        context, participant = _participant(browser, demo_server, code, name, phone=phone, link=not phone)
        contexts.append(context)
        participants.append(participant)
        expect(participant.locator(".nf-status")).to_contain_text("Welkom")
        participant.locator(".nf-contribution-text textarea").fill(text)
        participant.locator(".nf-contribution-consent input").check()
        if phone:
            participant.locator(".nf-contribution-research input").check()
        participant.locator(".nf-contribution-review").click()
        expect(participant.locator(".nf-contribution-preview")).to_contain_text("psycholoog")
        participant.locator(".nf-contribution-send").click()
        expect(participant.locator(".nf-status")).to_contain_text("Verstuurd")
        expect(participant.locator(".nf-own-contributions")).to_contain_text(text)
        other = [t for n, t in ITEMS.items() if n != name][0]
        expect(participant.locator(".nf-own-contributions")).not_to_contain_text(other)

    items = page.locator(".nf-dashboard-items")
    for text in ITEMS.values():
        expect(items).to_contain_text(text)  # without reloading the page
    expect(page.locator(".nf-widely")).to_have_count(2)

    phone_participant = participants[0]  # research use given on the phone, then withdrawn there
    expect(phone_participant.locator(".nf-own-contributions")).to_contain_text("ook voor onderzoek")
    phone_participant.locator(".nf-own-stop-research").click()
    expect(phone_participant.locator(".nf-status")).to_contain_text("niet meer voor onderzoek")
    expect(phone_participant.locator(".nf-own-contributions")).not_to_contain_text("ook voor onderzoek")

    wrong_context, wrong = _participant(browser, demo_server, "FOUT99", "Indringer")
    contexts.append(wrong_context)
    expect(wrong.locator(".nf-status")).to_contain_text("code klopt niet")
    expect(wrong.locator(".nf-own-contributions")).to_be_hidden()
    for text in ITEMS.values():
        expect(wrong.locator("body")).not_to_contain_text(text)

    page.locator(".nf-close-session").click()
    preview = page.locator(".nf-report-preview")
    expect(preview.locator("b", has_text="psycholoog")).to_have_count(2)
    expect(preview).to_contain_text("Tafel 1 - Microniveau")
    for context in contexts:
        context.close()
