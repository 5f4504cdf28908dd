"""Clickable apps (ipywidgets), served without code by Voilà. Widgets hold no logic: they call the library."""

from __future__ import annotations

from typing import Any


def start_app(name: str = "start", *, store: Any = None) -> None:
    """Build the app ``name`` on ``store`` (default: the store of ``$NARRATIEF_DB``) and display it."""
    import ipywidgets as widgets
    from IPython.display import display

    from narratief.ui.apps import APP_STYLE, build_app

    display(widgets.VBox([widgets.HTML(APP_STYLE), build_app(name, store=store)]))  # one view: the page style and the app


def build_app(name: str = "start", *, store: Any = None):
    """Build the app ``name`` without displaying it (for tests and embedding)."""
    from narratief.ui.apps import build_app as build

    return build(name, store=store)


__all__ = ["build_app", "start_app"]
