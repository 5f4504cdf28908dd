"""Group session pages: the facilitator's (create, live dashboard, merge, mark, plenary, close) and the
participant's (code + pseudonym, contribute with review, own contributions and the group's themes).

The dashboard refreshes itself every ``REFRESH_SECONDS`` without reloading the page (an asyncio task in the
kernel). All rules live in :mod:`narratief.groups.session`.
"""

from __future__ import annotations

import asyncio
import base64
import datetime
import html
import io
import os
import threading

import ipywidgets as widgets

from narratief.errors import NarratiefError
from narratief.groups import session as gs
from narratief.store import StoryStore
from narratief.ui.status import say, status_line
from narratief.ui.story_browser import ConfirmBox

REFRESH_SECONDS = 1.5
PHONE = widgets.Layout(width="100%", max_width="40rem")
#: A row of buttons that wraps on a phone instead of running off the screen.
WRAP = widgets.Layout(flex_flow="row wrap")


def _warm_up() -> None:
    """Load the anonymiser's lists and the theme-term pipeline, so the page answers at once after the first send
    (measured: the first action after sending waited 5.9 s for them)."""
    from narratief.privacy.anonymiser import anonymise
    from narratief.themes.features import term_pipeline

    anonymise("Opwarmen.")
    term_pipeline()


def _checkbox_with_text(text: str, css: str) -> tuple[widgets.Checkbox, widgets.HBox]:
    """A checkbox whose whole sentence stays readable on a phone (a checkbox's own description is cut off)."""
    box = widgets.Checkbox(value=False, indent=False, layout=widgets.Layout(width="2rem", min_width="2rem"))
    box.add_class(css)
    label = widgets.HTML(f"<span>{html.escape(text)}</span>", layout=widgets.Layout(width="auto", flex="1"))
    return box, widgets.HBox([box, label], layout=widgets.Layout(max_width="40rem", align_items="flex-start"))


PARTICIPANT_NOTEBOOK = "02-deelnemen.ipynb"


def participant_url() -> str:
    """The participant page's address as the facilitator's browser reached the server (Voilà passes
    ``SERVER_NAME`` and ``SERVER_PORT`` to the kernel); a relative link when unknown."""
    name, port = os.environ.get("SERVER_NAME"), os.environ.get("SERVER_PORT")
    if name and port:
        return f"http://{name}:{port}/voila/render/{PARTICIPANT_NOTEBOOK}"
    return PARTICIPANT_NOTEBOOK


def code_from_query() -> str:
    """The ``code`` parameter of the page's address (``...02-deelnemen.ipynb?code=ABC123``), if any."""
    from urllib.parse import parse_qs

    return (parse_qs(os.environ.get("QUERY_STRING", "")).get("code") or [""])[0]


def qr_png(text: str) -> bytes:
    """A QR code image (PNG) of ``text`` (the participant link), made with ``segno``."""
    import segno

    buffer = io.BytesIO()
    segno.make(text, error="m").save(buffer, kind="png", scale=5)
    return buffer.getvalue()


class FacilitatorPage(widgets.VBox):
    """Create a session, or open one with the facilitator code, and follow it live."""

    def __init__(self, store: StoryStore, **kwargs) -> None:
        self.store = store
        self.dashboard: gs.Dashboard | None = None
        self._task = None
        self.status = status_line()
        self.title = widgets.Text(description="Titel", placeholder="Dialoogtafel …")
        self.title.add_class("nf-session-title")
        self.date = widgets.DatePicker(description="Datum", value=datetime.date.today())
        self.date.add_class("nf-session-date")
        self.kind = widgets.Dropdown(options=[("Dialoogtafel (micro, meso, macro)", "dialoogtafel"),
                                              ("Vrije verhalenronde", "verhalenronde")], description="Vorm")
        self.min_named = widgets.BoundedIntText(value=3, min=1, max=50, description="Breed vanaf")
        self.min_named.add_class("nf-min-named")
        self.questions = widgets.Textarea(value=self._default_questions(), layout=widgets.Layout(width="95%",
                                                                                                  height="120px"))
        self.create_button = widgets.Button(description="Maak sessie", button_style="primary")
        self.create_button.add_class("nf-create-session")
        self.create_button.on_click(self._create)
        self.facilitator_code = widgets.Text(description="Code begeleider", style={"description_width": "initial"})
        self.facilitator_code.add_class("nf-facilitator-code-input")
        self.open_button = widgets.Button(description="Open dashboard")
        self.open_button.add_class("nf-open-dashboard")
        self.open_button.on_click(self._open)
        self.codes = widgets.HTML()
        self.codes.add_class("nf-codes")
        self.counts = widgets.HTML()
        self.counts.add_class("nf-dashboard-counts")
        self.items = widgets.HTML()
        self.items.add_class("nf-dashboard-items")
        self.merge_from = widgets.Dropdown(options=[], description="Voeg")
        self.merge_into = widgets.Dropdown(options=[], description="bij")
        merge = widgets.Button(description="Samenvoegen")
        merge.add_class("nf-merge-items")
        merge.on_click(self._merge)
        self.mark_item = widgets.Dropdown(options=[], description="Item")
        mark = widgets.Button(description="Markeer breed ervaren")
        mark.add_class("nf-mark-widely")
        mark.on_click(self._mark)
        self.plenary = widgets.Textarea(placeholder="antwoord uit de plenaire ronde", layout=widgets.Layout(width="95%"))
        plenary = widgets.Button(description="Voeg antwoord toe")
        plenary.add_class("nf-add-plenary")
        plenary.on_click(self._add_plenary)
        self.close_button = widgets.Button(description="Sluit sessie en maak verslag", button_style="danger")
        self.close_button.add_class("nf-close-session")
        self.close_button.on_click(self._close)
        self.report = widgets.HTML()
        self.report.add_class("nf-session-report")
        self.live = widgets.VBox([
            widgets.HTML("<h3>Live overzicht</h3>"), self.counts, self.items,
            widgets.HBox([self.merge_from, self.merge_into, merge]), widgets.HBox([self.mark_item, mark]),
            widgets.HTML(f"<h3>Plenaire vraag</h3><p>{html.escape(gs.PLENARY_QUESTION)}</p>"), self.plenary, plenary,
            self.close_button, self.report])
        self.live.layout.display = "none"
        super().__init__([
            widgets.HTML("<h1>Groepssessie</h1><p>Maak een sessie; deelnemers doen mee vanaf hun eigen laptop of "
                         "telefoon met de sessiecode.</p>"),
            widgets.HBox([self.title, self.date]), widgets.HBox([self.kind, self.min_named]),
            widgets.HTML("<small>Vragen per tafel (één per regel, 'tafel: vraag'):</small>"), self.questions,
            self.create_button,
            widgets.HTML("<p>Of open een bestaande sessie:</p>"), widgets.HBox([self.facilitator_code, self.open_button]),
            self.codes, self.live, self.status], **kwargs)
        self.add_class("nf-facilitator")

    @staticmethod
    def _default_questions() -> str:
        return "\n".join(f"{table}: {q}" for table, qs in gs.DIALOGUE_QUESTIONS.items() for q in qs)

    def _parsed_questions(self) -> dict[str, list[str]]:
        questions: dict[str, list[str]] = {}
        for line in self.questions.value.splitlines():
            table, _, question = line.partition(":")
            if question.strip():
                questions.setdefault(table.strip().lower(), []).append(question.strip())
        return questions

    def _create(self, _=None) -> None:
        try:
            new = gs.create_session(self.store, self.title.value.strip() or "Groepssessie", kind=self.kind.value,
                                    date=self.date.value.isoformat() if self.date.value else None,
                                    questions=self._parsed_questions() if self.kind.value == "dialoogtafel" else {},
                                    min_named=int(self.min_named.value))
        except NarratiefError as err:
            say(self.status, err.message, error=True)
            return
        link = participant_url()
        qr = base64.b64encode(qr_png(f"{link}?code={new.participant_code}")).decode("ascii")
        self.codes.value = (
            f"<p>Sessiecode voor deelnemers: <b class='nf-participant-code'>{new.participant_code}</b><br>"
            f"Code voor de begeleiders (niet delen): <b class='nf-facilitator-code'>{new.facilitator_code}</b><br>"
            f"Deelnemers openen <a href='{link}' target='_blank'>de deelnemerspagina</a> en geven de sessiecode.</p>"
            f"<img alt='QR-code naar de deelnemerspagina' class='nf-qr' src='data:image/png;base64,{qr}'>")
        self.dashboard = gs.open_dashboard(self.store, new.id, new.facilitator_code)
        self._go_live()

    def _open(self, _=None) -> None:
        try:
            self.dashboard = gs.dashboard_by_code(self.store, self.facilitator_code.value)
        except NarratiefError as err:
            say(self.status, err.message, error=True)
            return
        self._go_live()

    def _go_live(self) -> None:
        self.live.layout.display = None
        self.refresh()
        say(self.status, "Het overzicht ververst vanzelf.")
        try:
            loop = asyncio.get_event_loop()
            if loop.is_running() and self._task is None:
                self._task = loop.create_task(self._refresh_loop())
        except RuntimeError:
            pass

    async def _refresh_loop(self) -> None:
        while self.dashboard is not None:
            await asyncio.sleep(REFRESH_SECONDS)
            try:
                self.refresh()
            except Exception:  # keep refreshing; details are in the store, not in the log
                continue

    def refresh(self) -> None:
        """Redraw counts and items (also called by the refresh loop)."""
        if self.dashboard is None:
            return
        counts = self.dashboard.counts()
        self.counts.value = (counts.to_html(index=False, escape=True) if not counts.empty
                             else "<p>Nog geen bijdragen.</p>")
        items = self.dashboard.items()
        rows = []
        options = []
        for row in items.itertuples():
            if row.merged_into:
                continue
            text = html.escape(row.text)
            shown = f"<b class='nf-widely'>{text}</b>" if row.breed else text
            rows.append(f"<li class='nf-item'>[{html.escape(str(row.level or '-'))}] {shown} "
                        f"<small>({row.named_by} deelnemers)</small></li>")
            options.append((f"{row.id}: {row.text[:40]}", row.id))
        self.items.value = "<ul>" + "".join(rows) + "</ul>"
        if [o[1] for o in options] != [o[1] for o in self.merge_from.options]:
            self.merge_from.options = options
            self.merge_into.options = options
            self.mark_item.options = options

    def _merge(self, _=None) -> None:
        if self.dashboard and self.merge_from.value and self.merge_from.value != self.merge_into.value:
            self.dashboard.merge(self.merge_from.value, self.merge_into.value)
            self.refresh()

    def _mark(self, _=None) -> None:
        if self.dashboard and self.mark_item.value:
            self.dashboard.mark_widely(self.mark_item.value)
            self.refresh()

    def _add_plenary(self, _=None) -> None:
        if self.dashboard and self.plenary.value.strip():
            try:
                self.dashboard.add_plenary(self.plenary.value.strip())
            except NarratiefError as err:
                say(self.status, err.message, error=True)
                return
            self.plenary.value = ""
            say(self.status, "Antwoord toegevoegd.")

    def _close(self, _=None) -> None:
        if self.dashboard is None:
            return
        try:
            report = self.dashboard.close()
        except NarratiefError as err:
            say(self.status, err.message, error=True)
            return
        data = base64.b64encode(report.encode("utf-8")).decode("ascii")
        self.report.value = (f"<a class='nf-report-link' download='verslag.html' href='data:text/html;base64,{data}'>"
                             "Download het verslag</a><div class='nf-report-preview'>"
                             + report.split("<body>", 1)[-1].replace("</body></html>", "") + "</div>")
        say(self.status, "Sessie gesloten; het verslag is bewaard.")


class ParticipantPage(widgets.VBox):
    """Join with the session code and a pseudonym; contribute; see own contributions and the group's themes."""

    def __init__(self, store: StoryStore, **kwargs) -> None:
        self.store = store
        self.participant: gs.Participant | None = None
        self.status = status_line()
        self.code = widgets.Text(value=code_from_query(), description="Sessiecode", layout=PHONE)
        self.code.add_class("nf-join-code")
        self.pseudonym = widgets.Text(description="Schuilnaam", layout=PHONE)
        self.pseudonym.add_class("nf-join-pseudonym")
        self.personal = widgets.Text(description="Persoonlijke code", placeholder="alleen als je terugkomt",
                                     layout=PHONE, style={"description_width": "initial"})
        self.join_button = widgets.Button(description="Doe mee", button_style="primary")
        self.join_button.add_class("nf-join")
        self.join_button.on_click(self._join)
        self.level = widgets.Dropdown(options=[("Tafel 1 - micro", "micro"), ("Tafel 2 - meso", "meso"),
                                               ("Tafel 3 - macro", "macro"), ("Geen tafel (verhaal)", None)],
                                      description="Tafel", layout=PHONE)
        self.level.add_class("nf-contribution-level")
        self.perspective = widgets.Dropdown(options=[("gebruiker", "gebruiker"), ("hulpverlener", "hulpverlener")],
                                            description="Perspectief", layout=PHONE)
        self.kind = widgets.Dropdown(options=[("drempel", "drempel"), ("hefboom", "hefboom")], description="Soort",
                                     layout=PHONE)
        self.kind.add_class("nf-contribution-kind")
        self.text = widgets.Textarea(placeholder="Je casus, drempel of hefboom", layout=widgets.Layout(
            width="100%", max_width="40rem", height="100px"))
        self.text.add_class("nf-contribution-text")
        self.consent, consent_row = _checkbox_with_text(
            "Mijn bijdrage mag, zonder herkenbare details, met de groep gedeeld worden.", "nf-contribution-consent")
        self.research, research_row = _checkbox_with_text(
            "Ook voor onderzoek, zonder herkenbare details. Dat mag je hieronder altijd weer intrekken.",
            "nf-contribution-research")
        self.review_button = widgets.Button(description="Bekijk wat de groep leest", layout=widgets.Layout(width="auto"))
        self.review_button.add_class("nf-contribution-review")
        self.review_button.on_click(self._review)
        self.review = widgets.HTML()
        self.review.add_class("nf-contribution-preview")
        self.send_button = widgets.Button(description="Verstuur", button_style="success")
        self.send_button.add_class("nf-contribution-send")
        self.send_button.on_click(self._send_contribution)
        self.mine = widgets.HTML()
        self.mine.add_class("nf-own-contributions")
        self.own_pick = widgets.Dropdown(description="Bijdrage", layout=PHONE)
        self.own_pick.add_class("nf-own-pick")
        self.stop_research = widgets.Button(description="Niet meer voor onderzoek", layout=widgets.Layout(width="auto"))
        self.stop_research.add_class("nf-own-stop-research")
        self.stop_research.on_click(lambda _b: self._withdraw("onderzoek"))
        self.remove_own = widgets.Button(description="Verwijder mijn bijdrage", button_style="danger",
                                         layout=widgets.Layout(width="auto"))
        self.remove_own.add_class("nf-own-remove")
        self.remove_own.on_click(lambda _b: self.confirm_remove.ask("Je bijdrage en alles wat ervan afgeleid is, wordt gewist. Zeker?"))
        self.confirm_remove = ConfirmBox("nf-confirm-remove-own")
        self.confirm_remove.yes.on_click(lambda _b: self._withdraw(None))
        self.confirm_remove.no.on_click(lambda _b: self.confirm_remove.hide())
        self.group = widgets.HTML()
        self.group.add_class("nf-group-themes")
        refresh = widgets.Button(description="Ververs")
        refresh.on_click(lambda _b: self._show())
        self.form = widgets.VBox([self.level, self.perspective, self.kind, self.text, consent_row, research_row,
                                  widgets.HBox([self.review_button, self.send_button], layout=WRAP), self.review,
                                  widgets.HTML("<h3>Mijn bijdragen</h3>"), self.mine, self.own_pick,
                                  widgets.HBox([self.stop_research, self.remove_own], layout=WRAP), self.confirm_remove,
                                  widgets.HTML("<h3>Wat de groep deelt</h3>"), self.group, refresh])
        self.form.layout.display = "none"
        super().__init__([widgets.HTML("<h2>Doe mee aan de groepssessie</h2>"), self.code, self.pseudonym,
                          self.personal, self.join_button, self.form, self.status], **kwargs)
        self.add_class("nf-participant")

    def _join(self, _=None) -> None:
        try:
            self.participant = gs.join(self.store, self.code.value, self.pseudonym.value,
                                       self.personal.value or None)
        except NarratiefError as err:
            self.form.layout.display = "none"
            say(self.status, err.message, error=True)
            return
        self.form.layout.display = None
        say(self.status, f"Welkom. Je persoonlijke code is {self.participant.personal_code}: noteer die als je "
                          "later wil terugkomen.")
        self._show()
        threading.Thread(target=_warm_up, daemon=True).start()  # while the participant writes

    def _review(self, _=None) -> None:
        from narratief.privacy.anonymiser import anonymise

        result = anonymise(self.text.value)
        found = sorted({s.label for s in result.spans})
        self.review.value = (f"<blockquote>{html.escape(result.text)}</blockquote>"
                             + (f"<p>Vervangen: {html.escape(', '.join(found).lower())}.</p>" if found else ""))

    def _send_contribution(self, _=None) -> None:
        if self.participant is None:
            return
        if not self.text.value.strip():
            say(self.status, "Schrijf eerst je bijdrage.", error=True)
            return
        if not self.review.value:
            self._review()
            say(self.status, "Kijk hieronder wat de groep zal lezen, en verstuur dan.")
            return
        try:
            gs.submit(self.participant, self.text.value, level=self.level.value, perspective=self.perspective.value,
                      kind=self.kind.value, consent=self.consent.value, research=self.research.value)
        except NarratiefError as err:
            say(self.status, err.message, error=True)
            return
        self.text.value = ""
        self.review.value = ""
        say(self.status, "Verstuurd. Dank je!")
        self._show()

    def _withdraw(self, purpose: str | None) -> None:
        """Withdraw research use of the chosen own contribution, or remove it (``purpose=None``)."""
        self.confirm_remove.hide()
        if self.participant is None:
            return
        if self.own_pick.value is None:
            say(self.status, "Kies eerst een van je bijdragen.", error=True)
            return
        try:
            erased = gs.withdraw(self.participant, self.own_pick.value, purpose)
        except NarratiefError as err:
            say(self.status, err.message, error=True)
            return
        say(self.status, "Je bijdrage is verwijderd." if erased else "Je bijdrage wordt niet meer voor onderzoek gebruikt.")
        self._show()

    def _show(self) -> None:
        if self.participant is None:
            return
        mine = gs.own_contributions(self.participant)
        self.mine.value = "<ol>" + "".join(
            f"<li>[{html.escape(str(r.level or '-'))}, {html.escape(str(r.kind or '-'))}"
            f"{', ook voor onderzoek' if r.research else ''}] {html.escape(r.text)}</li>"
            for r in mine.itertuples()) + "</ol>"
        chosen = self.own_pick.value
        ids = list(mine["id"])
        with self.own_pick.hold_sync():  # options and choice in one message: the page cannot reset the choice
            self.own_pick.options = [(f"{n}. {r.text[:30]}", r.id) for n, r in enumerate(mine.itertuples(), start=1)]
            self.own_pick.value = chosen if chosen in ids else (ids[-1] if ids else None)  # else the newest
        view = gs.group_view(self.participant)
        self.group.value = view.to_html(index=False, escape=True) if not view.empty else "<p>Nog niets.</p>"
