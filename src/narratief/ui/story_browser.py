"""The verhalenbank: filter stories, read one (through the privacy gate), change its consent, erase it."""

from __future__ import annotations

import html
import logging

import ipywidgets as widgets
import traitlets

from narratief import teksten
from narratief.errors import NarratiefError
from narratief.privacy.gate import shareable_text
from narratief.stories import KINDS, LEVELS, PERSPECTIVES
from narratief.store import StoryStore
from narratief.ui.consent import ConsentPanel
from narratief.ui.review import ReviewPanel

log = logging.getLogger(__name__)

#: The purpose under which a facilitator reads stories in the browser.
READER_PURPOSE = "begeleider"
T = teksten.UI


def _dropdown(all_label: str, values: list[tuple[str, str]], css: str, description: str) -> widgets.Dropdown:
    dropdown = widgets.Dropdown(
        options=[(all_label, "")] + values, value="", description=description,
        style={"description_width": "initial"}, layout=widgets.Layout(width="auto", max_width="100%"),
    )
    dropdown.add_class(css)
    return dropdown


class ConfirmBox(widgets.VBox):
    """An inline 'are you sure?' with a red confirm button and a cancel button."""

    def __init__(self, css: str) -> None:
        self.question = widgets.HTML()
        self.yes = widgets.Button(description=T["ja_wissen"], button_style="danger", icon="trash")
        self.no = widgets.Button(description=T["annuleren"])
        self.yes.add_class(f"{css}-ja")
        self.no.add_class(f"{css}-nee")
        super().__init__([self.question, widgets.HBox([self.yes, self.no])])
        self.add_class(css)
        self.layout.display = "none"

    def ask(self, question: str) -> None:
        self.question.value = f"<div class='nf-warning'><b>{html.escape(question)}</b></div>"
        self.layout.display = None

    def hide(self) -> None:
        self.layout.display = "none"


class StoryBrowser(widgets.VBox):
    """Browse the stories of a store. ``selected`` is the id of the story shown (``None`` when none)."""

    selected = traitlets.Unicode(None, allow_none=True)
    count = traitlets.Int(0)

    def __init__(self, store: StoryStore, **kwargs) -> None:
        self.store = store
        self.filters = {
            "session": _dropdown(T["alle_sessies"], [], "nf-filter-session", T["filter_sessie"]),
            "participant": _dropdown(T["alle_deelnemers"], [], "nf-filter-participant", T["filter_deelnemer"]),
            "level": _dropdown(T["alle_niveaus"], [(teksten.NIVEAUS[v], v) for v in LEVELS], "nf-filter-level", T["filter_niveau"]),
            "perspective": _dropdown(
                T["alle_perspectieven"], [(teksten.PERSPECTIEVEN[v], v) for v in PERSPECTIVES], "nf-filter-perspective",
                T["filter_perspectief"],
            ),
            "kind": _dropdown(T["alle_soorten"], [(teksten.SOORTEN[v], v) for v in KINDS], "nf-filter-kind", T["filter_soort"]),
        }
        self.count_label = widgets.HTML()
        self.count_label.add_class("nf-count")
        self.story_list = widgets.Select(options=[], rows=12, layout=widgets.Layout(width="auto", max_width="980px"))
        self.story_list.add_class("nf-story-list")
        self.meta = widgets.HTML()
        self.meta.add_class("nf-story-meta")
        self.text = widgets.HTML(f"<i>{T['kies_verhaal']}</i>")
        self.text.add_class("nf-story-text")
        self.consent = ConsentPanel()
        self.review_button = widgets.ToggleButton(description=T["controleer"], icon="eye")
        self.review_button.add_class("nf-review-toggle")
        self.review = ReviewPanel(on_save=self._save_decisions)
        self.review.layout.display = "none"
        self.review_button.observe(self._on_review_toggle, names="value")
        self.erase_button = widgets.Button(description=T["wissen"], button_style="danger", icon="trash")
        self.erase_button.add_class("nf-erase")
        self.confirm_erase = ConfirmBox("nf-confirm-erase")
        self.confirm_withdraw = ConfirmBox("nf-confirm-withdraw")
        self.status = widgets.HTML()
        self.status.add_class("nf-status")
        self.detail = widgets.VBox(
            [self.meta, self.text, self.review_button, self.review, self.consent, self.confirm_withdraw,
             self.erase_button, self.confirm_erase]
        )
        self.detail.layout.display = "none"

        self._loading = False
        for dropdown in self.filters.values():
            dropdown.observe(lambda _change: self.refresh(), names="value")
        self.story_list.observe(self._on_pick, names="value")
        self.consent.observe(self._on_consent, names="purposes")
        self.erase_button.on_click(lambda _b: self.confirm_erase.ask(T["wissen_bevestig_vraag"]))
        self.confirm_erase.yes.on_click(lambda _b: self._erase())
        self.confirm_erase.no.on_click(lambda _b: self.confirm_erase.hide())
        self.confirm_withdraw.yes.on_click(lambda _b: self._apply_consent([]))
        self.confirm_withdraw.no.on_click(lambda _b: self._cancel_withdraw())

        super().__init__(
            [widgets.HBox(list(self.filters.values()), layout=widgets.Layout(flex_flow="row wrap")),
             self.count_label, self.story_list, self.status, self.detail],
            **kwargs,
        )
        self.add_class("nf-story-browser")
        self.refresh()

    # -- list ---------------------------------------------------------------------------------------------
    def _update_filter_options(self) -> None:
        sessions = [(s.title or s.id, s.id) for s in self.store.sessions()]
        participants = [(p, p) for p in self.store.participants()]
        for name, values, all_label in (
            ("session", sessions, T["alle_sessies"]),
            ("participant", participants, T["alle_deelnemers"]),
        ):
            dropdown = self.filters[name]
            options = [(all_label, "")] + values
            if list(dropdown.options) != options:
                keep = dropdown.value if dropdown.value in {v for _, v in options} else ""
                with self.hold_trait_notifications():
                    dropdown.unobserve_all("value")
                    dropdown.options = options
                    dropdown.value = keep
                    dropdown.observe(lambda _change: self.refresh(), names="value")

    def refresh(self) -> None:
        """Reload filters and the list from the store (after another window changed it, say)."""
        self._update_filter_options()
        chosen = {name: d.value for name, d in self.filters.items() if d.value}
        frame = self.store.list_stories(**chosen)
        options = [
            (
                f"{row.id} · {row.participant} · {row.session or T['onbekend']} · "
                f"{row.level or T['onbekend']}/{row.perspective or T['onbekend']}/{row.kind or T['onbekend']}",
                row.id,
            )
            for row in frame.itertuples()
        ]
        keep = self.selected if self.selected in {v for _, v in options} else None
        self.story_list.options = options
        self.story_list.value = keep
        self.count = len(options)
        self.count_label.value = T["aantal_verhalen"].format(aantal=len(options)) if options else T["geen_verhalen"]
        if keep is None:
            self._show(None)

    # -- one story ----------------------------------------------------------------------------------------
    def _on_pick(self, change) -> None:
        self.status.value = ""
        self._show(change["new"])

    def _show(self, story_id: str | None) -> None:
        self.selected = story_id
        self.confirm_erase.hide()
        self.confirm_withdraw.hide()
        if story_id is None:
            self.detail.layout.display = "none"
            return
        story = self.store.get_story(story_id)
        self.meta.value = "<small>" + html.escape(
            T["metadata"].format(
                participant=story.participant, session=story.session or T["onbekend"], level=story.level or T["onbekend"],
                perspective=story.perspective or T["onbekend"], kind=story.kind or T["onbekend"], version=story.version,
            )
        ) + "</small>"
        try:
            self._show_text(shareable_text(self.store, story_id, READER_PURPOSE))
        except NarratiefError as err:
            log.info("story not shown: %s", err)
            self.text.value = f"<div class='nf-notice'><i>{html.escape(err.message)}</i></div>"
        self._loading = True
        try:
            granted = self.store.granted_purposes(story_id)
            self.consent.show(granted)
            self.review_button.value = False
            self.review_button.layout.display = None if READER_PURPOSE in granted else "none"
        finally:
            self._loading = False
        self.detail.layout.display = None

    # -- review of the anonymisation (the facilitator may read stories with consent for 'begeleider') ------
    def _on_review_toggle(self, change) -> None:
        if not change["new"] or self.selected is None:
            self.review.layout.display = "none"
            return
        if not self.store.has_consent(self.selected, READER_PURPOSE):
            self.status.value = T["review_alleen_begeleider"]
            self.review_button.value = False
            return
        story = self.store.get_story(self.selected)
        self.review.load(story.text, self.store.decisions(story.id))
        self.review.layout.display = None

    def _save_decisions(self, decisions: list) -> None:
        story_id = self.selected
        self.store.set_decisions(story_id, decisions)
        self._show_text(shareable_text(self.store, story_id, READER_PURPOSE))

    def _show_text(self, shared: str) -> None:
        self.text.value = f"<div class='nf-text'>{html.escape(shared).replace(chr(10), '<br>')}</div>"

    def _on_consent(self, change) -> None:
        if self._loading or self.selected is None:
            return
        if not change["new"] and change["old"]:
            self.confirm_withdraw.ask(T["intrekken_bevestig_vraag"])
            return
        self._apply_consent(change["new"])

    def _cancel_withdraw(self) -> None:
        self.confirm_withdraw.hide()
        self._show(self.selected)

    def _apply_consent(self, purposes: list[str]) -> None:
        story_id = self.selected
        try:
            erased = self.store.set_purposes(story_id, purposes, method="app")
        except NarratiefError as err:
            log.warning("consent change failed: %s", err)
            self.status.value = html.escape(err.message)
            return
        if erased:
            self._after_erase()
        else:
            self._show(story_id)
            self.status.value = T["toestemming_opgeslagen"]

    def _erase(self) -> None:
        try:
            self.store.erase(self.selected)
        except NarratiefError as err:
            log.warning("erase failed: %s", err)
            self.status.value = html.escape(err.message)
            return
        self._after_erase()

    def _after_erase(self) -> None:
        self.selected = None
        self.refresh()
        self.status.value = f"<b>{T['gewist']}</b>"
