"""The registry of apps that notebooks start by name."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import ipywidgets as widgets

from narratief.store import StoryStore


def _start(store: StoryStore) -> widgets.Widget:
    from narratief.ui.start import StartPage

    return StartPage(store)


def _analysis(store: StoryStore) -> widgets.Widget:
    from narratief.ui.analysis import AnalysisPage

    return AnalysisPage(store)


def _my_story(store: StoryStore) -> widgets.Widget:
    from narratief.ui.my_story import MyStoryPage

    return MyStoryPage(store)


def _facilitator(store: StoryStore) -> widgets.Widget:
    from narratief.ui.group_session import FacilitatorPage

    return FacilitatorPage(store)


def _participant(store: StoryStore) -> widgets.Widget:
    from narratief.ui.group_session import ParticipantPage

    return ParticipantPage(store)


APPS: dict[str, Callable[[StoryStore], widgets.Widget]] = {
    "start": _start, "analyse": _analysis, "mijn-verhaal": _my_story, "groepssessie": _facilitator,
    "deelnemen": _participant,
}


#: Page-wide style: buttons as wide as their label (ipywidgets cuts labels off at a fixed width), long check-box
#: labels and rows of widgets wrap on a narrow screen (a phone in a group session).
APP_STYLE = """<style>
.nf-app .widget-button { width: auto; min-width: 8rem; padding: 0 1em; }
.nf-app .widget-checkbox, .nf-app .widget-checkbox label { height: auto; white-space: normal; overflow: visible; }
.nf-app .widget-hbox { flex-wrap: wrap; }
</style>"""


def build_app(name: str, *, store: Any = None) -> widgets.Widget:
    if name not in APPS:
        raise ValueError(f"unknown app {name!r}; known: {sorted(APPS)}")
    app = APPS[name](store if store is not None else StoryStore())
    app.add_class("nf-app")
    return app
