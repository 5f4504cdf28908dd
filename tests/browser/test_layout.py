"""Every page is readable on a phone and on a laptop: no label or button text is cut off."""

from __future__ import annotations

import pytest

NOTEBOOKS = ["00-start.ipynb", "01-mijn-verhaal.ipynb", "02-groepssessie.ipynb", "02-deelnemen.ipynb",
             "03-verhalen-analyseren.ipynb"]
#: Text wider than the element showing it (ipywidgets cuts it off with an ellipsis).
CUT_OFF = """() => [...document.querySelectorAll('.widget-label, .widget-label-basic, button, .widget-checkbox label')]
    .filter(e => e.offsetParent && e.innerText.trim() && e.scrollWidth > e.clientWidth + 1)
    .map(e => e.innerText.trim())"""
#: Widgets that reach past the right edge of the window.
OFF_SCREEN = """() => [...document.querySelectorAll('.nf-app button, .nf-app input, .nf-app select')]
    .filter(e => e.offsetParent && e.getBoundingClientRect().right > window.innerWidth + 1)
    .map(e => e.innerText || e.className)"""


@pytest.mark.parametrize("width", [390, 1280])
def test_no_text_is_cut_off_and_nothing_runs_off_the_screen(browser, demo_server, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    try:
        for notebook in NOTEBOOKS:
            page = context.new_page()
            page.set_default_timeout(90_000)
            page.goto(demo_server.page_url(notebook))
            page.wait_for_selector(".nf-app", state="attached")
            page.wait_for_timeout(1500)  # let the widgets lay themselves out
            assert page.evaluate(CUT_OFF) == [], notebook
            if width < 500:
                assert page.evaluate(OFF_SCREEN) == [], notebook
            page.close()
    finally:
        context.close()
