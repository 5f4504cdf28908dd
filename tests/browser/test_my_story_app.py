"""Trainee page in a real browser: write three steps, see feedback, set consent, reload, find the draft back."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from narratief.store import StoryStore
from narratief.storytelling import drafts as d

pytestmark = pytest.mark.browser

STEPS = {
    "gebeurtenis": "Op de dag van mijn intake zat ik twee uur in de wachtzaal. Niemand zei waarom het zo lang "
                   "duurde. Toen ik binnenkwam, stelde de arts vragen die ik al drie keer had beantwoord.",
    "betekenis": "Achteraf besef ik dat ik me toen onzichtbaar voelde. Nu weet ik dat het niet over mij ging.",
    "les": "Aan hulpverleners wil ik meegeven: zeg waarom iemand moet wachten.",
}


def _start(page, url: str) -> None:
    page.goto(url)
    page.locator(".nf-pseudonym input").fill("Merel", timeout=90_000)
    page.locator(".nf-start-draft").click()


def test_write_three_steps_feedback_consent_reload_restored(page, demo_server):
    url = demo_server.page_url("01-mijn-verhaal.ipynb")
    _start(page, url)
    expect(page.locator(".nf-who-reads")).to_contain_text("Wie kan je verhaal lezen")
    for box in ("groep", "onderzoek"):
        expect(page.locator(f".nf-draft-consent-{box} input")).not_to_be_checked()
    for step, text in STEPS.items():
        page.locator(f".nf-step-{step}-prive textarea").fill(text)
    page.locator(".nf-feedback-button").click()
    feedback = page.locator(".nf-feedback")
    expect(feedback).to_contain_text("Feedback")
    expect(feedback.locator(".nf-step-status")).to_have_count(3)
    expect(feedback).to_contain_text("aanwezig")
    page.locator(".nf-draft-consent-groep input").check()
    expect(page.locator(".nf-status")).to_contain_text("Toestemming bewaard")

    page.reload()
    _start(page, url)
    expect(page.locator(".nf-status")).to_contain_text("teruggezet")
    for step, text in STEPS.items():
        expect(page.locator(f".nf-step-{step}-prive textarea")).to_have_value(text)
    expect(page.locator(".nf-draft-consent-groep input")).to_be_checked()
    expect(page.locator(".nf-draft-consent-onderzoek input")).not_to_be_checked()
    with StoryStore(demo_server.db) as store:
        draft = d.drafts_of(store, "Merel")[0]
        assert draft.private == STEPS and draft.consent == ["groep"]
