"""The status line every page shows: one Dutch message, green for done, red for a problem."""

from __future__ import annotations

import html

import ipywidgets as widgets


def status_line() -> widgets.HTML:
    """An empty status line (CSS class ``nf-status``, which browser tests read)."""
    line = widgets.HTML()
    line.add_class("nf-status")
    return line


def say(line: widgets.HTML, message: str, error: bool = False) -> None:
    """Show ``message`` (escaped) on ``line``."""
    colour = "#a50026" if error else "#1b7837"
    line.value = f"<p style='color:{colour}'>{html.escape(message)}</p>"
