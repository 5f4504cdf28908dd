"""The start page: what narratief offers, links to its notebooks, and the verhalenbank."""

from __future__ import annotations

import html

import ipywidgets as widgets

from narratief import teksten
from narratief.resources import notebooks_dir
from narratief.store import StoryStore
from narratief.ui.review import PrivacyListsPanel
from narratief.ui.story_browser import StoryBrowser


def notebook_links() -> str:
    """HTML list of the toolkit's notebooks that are present (relative links work in Voilà and JupyterLab)."""
    present = {p.name for p in notebooks_dir().glob("*.ipynb")}
    items = [
        f"<li><a href='{html.escape(file)}' target='_self'><b>{html.escape(title)}</b></a> — {html.escape(about)}</li>"
        for file, title, about in teksten.NOTEBOOKS
        if file in present
    ]
    return "<ul class='nf-notebooks'>" + "".join(items) + "</ul>"


class StartPage(widgets.VBox):
    """Landing page with links and the story browser."""

    def __init__(self, store: StoryStore, **kwargs) -> None:
        self.browser = StoryBrowser(store)
        header = widgets.HTML(
            f"<h1>{teksten.UI['app_titel']}</h1><p>{teksten.UI['app_ondertitel']}</p>"
            f"<h3>{teksten.UI['notebooks_kop']}</h3>{notebook_links()}"
            f"<h3>{teksten.UI['verhalenbank_kop']}</h3>"
        )
        self.lists = PrivacyListsPanel(store)
        settings = widgets.Accordion(children=[self.lists], titles=(teksten.UI["lijsten_kop"],))
        settings.selected_index = None
        settings.add_class("nf-settings")
        super().__init__([header, self.browser, settings], **kwargs)
        self.add_class("nf-start")
