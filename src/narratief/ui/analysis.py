"""The researcher's page: import → consent overview → anonymise → themes → edit → tables and plots → export.

Every step reads from and writes to the store, so the page can be reloaded (or the kernel restarted) at any
step. Widgets only call the library.
"""

from __future__ import annotations

import html
import tempfile
from pathlib import Path

import ipywidgets as widgets
import pandas as pd

from narratief.errors import NarratiefError, NoThemesStored
from narratief.stories import PURPOSES
from narratief.store import StoryStore
from narratief.ui.status import say, status_line

AUTO = "automatisch"
ALL = "alles"
NO_CODEBOOK = "geen (automatisch)"


def _section(title: str, *children, css: str) -> widgets.VBox:
    box = widgets.VBox([widgets.HTML(f"<h3>{html.escape(title)}</h3>"), *children])
    box.add_class(css)
    return box


class AnalysisPage(widgets.VBox):
    """The clickable analysis path over one store."""

    def __init__(self, store: StoryStore, **kwargs) -> None:
        self.store = store
        self.result = None
        self.summary = None
        self.stories: pd.DataFrame | None = None
        self.status = status_line()

        # 1. import
        self.upload = widgets.FileUpload(accept=".csv,.xlsx,.json,.jsonl", multiple=False, description="Bestand")
        self.upload.add_class("nf-upload")
        self.path = widgets.Text(placeholder="of een pad, bv. data/verhalen.csv", description="Pad")
        self.path.add_class("nf-import-path")
        self.import_button = widgets.Button(description="Importeer", button_style="primary")
        self.import_button.add_class("nf-import")
        self.import_button.on_click(self._import)

        # 2. consent overview
        self.consent = widgets.HTML()
        self.consent.add_class("nf-consent-overview")

        # 3. anonymise and review (stories with most detected details first)
        self.review_list_button = widgets.Button(description="Anonimiseer en sorteer", icon="eye")
        self.review_list_button.add_class("nf-review-list-button")
        self.review_list_button.on_click(self._review_list)
        self.review_progress = widgets.IntProgress(min=0, max=1, value=0, description="Anonimiseren")
        self.review_progress.layout.visibility = "hidden"
        self.review_pick = widgets.Dropdown(options=[], description="Verhaal")
        self.review_pick.add_class("nf-review-pick")
        self.review_pick.observe(self._review_open, names="value")
        from narratief.ui.review import ReviewPanel

        self.review = ReviewPanel(on_save=self._review_save)
        self.review.layout.display = "none"

        # 4 + 5. find themes
        self.k = widgets.Dropdown(options=[AUTO, *range(2, 31)], value=AUTO, description="Thema's")
        self.codebook = widgets.Dropdown(options=[NO_CODEBOOK, "drempels-hefbomen"], value=NO_CODEBOOK,
                                         description="Codeboek")
        self.find_button = widgets.Button(description="Zoek thema's", button_style="primary")
        self.find_button.add_class("nf-find-themes")
        self.find_button.on_click(self._find)
        self.progress = widgets.IntProgress(min=0, max=1, value=0, description="Voortgang")
        self.progress.layout.visibility = "hidden"
        self.themes_table = widgets.HTML()
        self.themes_table.add_class("nf-themes-table")

        # 5. edit
        self.pick = widgets.SelectMultiple(options=[], rows=8, description="Thema's")
        self.pick.add_class("nf-theme-pick")
        self.new_label = widgets.Text(placeholder="nieuwe naam", description="Naam")
        self.new_label.add_class("nf-new-label")
        self.editor = widgets.Text(value="onderzoeker", description="Wie")
        self.edit_buttons: dict[str, widgets.Button] = {}
        for text, handler, css in (
            ("Hernoem", self._rename, "nf-rename"),
            ("Voeg samen", self._merge, "nf-merge"),
            ("Splits", self._split, "nf-split"),
            ("Verwijder", self._delete, "nf-delete"),
        ):
            button = widgets.Button(description=text)
            button.add_class(css)
            button.on_click(handler)
            self.edit_buttons[text] = button
        self.move_story = widgets.Dropdown(options=[], description="Verhaal")
        self.move_to = widgets.Dropdown(options=[], description="Naar")
        move = widgets.Button(description="Verplaats")
        move.add_class("nf-move")
        move.on_click(self._move)

        # 6. tables and plots
        self.filters = {
            "session": widgets.Dropdown(options=[ALL], value=ALL, description="Sessie"),
            "level": widgets.Dropdown(options=[ALL, "micro", "meso", "macro"], value=ALL, description="Niveau"),
            "perspective": widgets.Dropdown(options=[ALL, "gebruiker", "hulpverlener"], value=ALL,
                                            description="Perspectief"),
            "kind": widgets.Dropdown(options=[ALL, "drempel", "hefboom"], value=ALL, description="Soort"),
        }
        for column, dropdown in self.filters.items():
            dropdown.add_class(f"nf-filter-{column}")
            dropdown.observe(lambda _: self._show_tables(), names="value")
        self.tables = widgets.Output()
        self.tables.add_class("nf-tables")

        # 7. export
        self.report_button = widgets.Button(description="Maak rapport", button_style="success")
        self.report_button.add_class("nf-make-report")
        self.report_button.on_click(self._report)
        self.qdpx_button = widgets.Button(description="Exporteer .qdpx")
        self.qdpx_button.add_class("nf-make-qdpx")
        self.qdpx_button.on_click(self._qdpx)
        self.download = widgets.HTML()
        self.download.add_class("nf-download")

        sections = [
            widgets.HTML("<h1>Verhalen analyseren</h1><p>Van verhalen naar gedeelde thema's: collectieve en "
                         "individuele ervaringskennis. Alleen geanonimiseerde verhalen met toestemming voor "
                         "onderzoek worden gebruikt.</p>"),
            _section("1. Verhalen importeren", widgets.HBox([self.upload, self.path, self.import_button]),
                     css="nf-step-import"),
            _section("2. Toestemming", self.consent, css="nf-step-consent"),
            _section("3. Anonimisering nakijken (verhalen met de meeste details eerst)",
                     widgets.HBox([self.review_list_button, self.review_pick]), self.review_progress, self.review,
                     css="nf-step-review"),
            _section("4. Thema's zoeken",
                     widgets.HBox([self.k, self.codebook, self.find_button]), self.progress, self.themes_table,
                     css="nf-step-themes"),
            _section("5. Thema's bewerken", widgets.HBox([self.pick, widgets.VBox([self.new_label, self.editor])]),
                     widgets.HBox(list(self.edit_buttons.values())), widgets.HBox([self.move_story, self.move_to, move]), css="nf-step-edit"),
            _section("6. Collectief en individueel", widgets.HBox(list(self.filters.values())), self.tables, css="nf-step-tables"),
            _section("7. Exporteren", widgets.HBox([self.report_button, self.qdpx_button]), self.download,
                     css="nf-step-export"),
            self.status,
        ]
        super().__init__(sections, **kwargs)
        self.add_class("nf-analysis")
        self._show_consent()
        self._load_stored()

    # -- helpers -------------------------------------------------------------------------------------------
    def _say(self, message: str, error: bool = False) -> None:
        say(self.status, message, error)

    def _guard(self, action) -> None:
        try:
            action()
        except NarratiefError as err:
            self._say(err.message, error=True)

    def _show_consent(self) -> None:
        counts = {purpose: len(self.store.story_ids(purpose=purpose)) for purpose in PURPOSES}
        total = len(self.store.story_ids())
        rows = "".join(f"<tr><td>{p}</td><td>{n}</td></tr>" for p, n in counts.items())
        self.consent.value = (f"<p class='nf-total'>{total} verhalen in de verhalenbank.</p>"
                              f"<table><tr><th>doel</th><th>verhalen met toestemming</th></tr>{rows}</table>")

    def _load_stored(self) -> None:
        """After a reload: show the latest stored run, if any."""
        from narratief.privacy.gate import shareable_stories
        from narratief.themes.storage import load_themes, result_from_store

        try:
            run = load_themes(self.store)
        except NoThemesStored:
            return
        self.stories = shareable_stories(self.store, "onderzoek", progress=self._counting(
            len(self.store.story_ids(purpose="onderzoek")), "Anonimiseren"))  # stories changed since the run
        self.progress.layout.visibility = "hidden"
        self.result = result_from_store(self.store, run, self.stories)
        self._refresh()

    def _counting(self, total: int, description: str):
        """A ``progress`` wrapper that moves the page's progress bar one step per item."""
        self.progress.description, self.progress.max, self.progress.value = description, max(1, total), 0
        self.progress.layout.visibility = "visible"

        def progress(items):
            for item in items:
                yield item
                self.progress.value += 1

        return progress

    def _save(self) -> None:
        from narratief.themes.storage import save_themes

        save_themes(self.store, self.result, params={"min_participants": self.result.min_participants})

    def _refresh(self) -> None:
        themes = self.result.themes
        shown = themes[["theme", "label", "n_stories", "n_participants", "top_share", "scope"]].rename(
            columns={"theme": "nr", "label": "thema", "n_stories": "verhalen", "n_participants": "deelnemers",
                     "top_share": "aandeel grootste verteller", "scope": "reikwijdte"})
        self.themes_table.value = shown.to_html(index=False, escape=True, classes="nf-themes")
        options = [(f"{row.theme}: {row.label}", int(row.theme)) for row in themes.itertuples()]
        self.pick.options = options
        self.move_to.options = options + [("geen thema", -1)]
        self.move_story.options = list(self.result.story_ids)
        sessions = sorted({s for s in self.stories["session"].dropna().unique() if s})
        self.filters["session"].options = [ALL, *sessions]
        self._show_tables()

    def _show_tables(self) -> None:
        if self.result is None:
            return
        from matplotlib import pyplot as plt

        from narratief.themes import plots
        from narratief.themes.summaries import knowledge_summary

        keep = pd.Series(True, index=self.stories.index)
        for column, dropdown in self.filters.items():
            if dropdown.value != ALL:
                keep &= self.stories[column].fillna("") == dropdown.value
        summary = self.summary = knowledge_summary(self.result.subset(keep.to_numpy()), self.stories[keep])
        self.tables.clear_output()
        with self.tables:
            from IPython.display import display

            display(summary.collective_individual)
            display(summary.spread)
            display(summary.by_level)
            for figure in (plots.spread_bars(summary), plots.level_heatmap(summary)):
                display(figure)
            plt.close("all")

    # -- actions -------------------------------------------------------------------------------------------
    def _import(self, _=None) -> None:
        def act() -> None:
            from narratief.importing import import_file

            if self.upload.value:
                item = self.upload.value[0]
                folder = Path(tempfile.mkdtemp(prefix="narratief-upload-"))
                target = folder / Path(item["name"]).name
                target.write_bytes(bytes(item["content"]))
                report = import_file(self.store, target)
                target.unlink()
            elif self.path.value.strip():
                report = import_file(self.store, self.path.value.strip())
            else:
                self._say("Kies een bestand of geef een pad.", error=True)
                return
            self._show_consent()
            self._say(f"{report.imported} verhalen geïmporteerd.")

        self._guard(act)

    def _review_list(self, _=None) -> None:
        def act() -> None:
            from narratief.privacy.gate import anonymised_story

            stories = self.store.stories(purpose="onderzoek")
            self.review_progress.max, self.review_progress.value = max(1, len(stories)), 0
            self.review_progress.layout.visibility = "visible"
            counts = []
            for story in stories:
                counts.append((len(anonymised_story(self.store, story)[1]), story.id))
                self.review_progress.value += 1
            self.review_progress.layout.visibility = "hidden"
            counts.sort(key=lambda item: (-item[0], item[1]))
            self.review_pick.options = [(f"{story_id} ({n} details)", story_id) for n, story_id in counts]
            self._say(f"{len(counts)} verhalen geanonimiseerd; kijk de verhalen met de meeste details eerst na.")

        self._guard(act)

    def _review_open(self, change) -> None:
        from narratief.ui.story_browser import READER_PURPOSE

        story_id = change["new"]
        if not story_id:
            return
        if not self.store.has_consent(story_id, READER_PURPOSE):
            self.review.layout.display = "none"
            self._say("Nakijken kan alleen bij verhalen met toestemming voor de begeleider.", error=True)
            return
        story = self.store.get_story(story_id)
        self.review.load(story.text, self.store.decisions(story_id))
        self.review.layout.display = None

    def _review_save(self, decisions: list) -> None:
        self.store.set_decisions(self.review_pick.value, decisions)
        self._say("Beslissingen bewaard; de geanonimiseerde tekst is bijgewerkt.")

    def _find(self, _=None) -> None:
        def act() -> None:
            from narratief.themes.storage import themes_from_store

            total = len(self.store.story_ids(purpose="onderzoek"))
            if not total:
                self._say("Er zijn geen verhalen met toestemming voor onderzoek.", error=True)
                return
            progress = self._counting(total, "Voortgang")
            k = None if self.k.value == AUTO else int(self.k.value)
            codebook = None if self.codebook.value == NO_CODEBOOK else self.codebook.value
            self._say("Thema's zoeken…")
            def fitting(done: int, total: int) -> None:
                self.progress.description = "Thema's"
                self.progress.max, self.progress.value = total, done

            self.result, self.stories, run_id = themes_from_store(
                self.store, n_themes=k, codebook=codebook, progress=progress, fit_progress=fitting
            )
            self.progress.description = "Voortgang"
            self.progress.layout.visibility = "hidden"
            self._refresh()
            self._say(f"{len(self.result.theme_ids())} thema's gevonden (run {run_id}).")

        self._guard(act)

    def _edit(self, apply) -> None:
        if self.result is None:
            self._say("Zoek eerst thema's.", error=True)
            return

        def act() -> None:
            message = apply()
            self._save()
            self._refresh()
            self._say(message)

        self._guard(act)

    def _rename(self, _=None) -> None:
        def apply() -> str:
            (theme, *_rest) = self.pick.value or (None,)
            if theme is None:
                raise_choice()
            self.result.rename(theme, self.new_label.value, editor=self.editor.value or "onbekend")
            return "Thema hernoemd."

        self._edit(apply)

    def _merge(self, _=None) -> None:
        def apply() -> str:
            into = self.result.merge(self.pick.value, editor=self.editor.value or "onbekend",
                                     label=self.new_label.value or None)
            return f"Thema's samengevoegd in thema {into}."

        self._edit(apply)

    def _split(self, _=None) -> None:
        def apply() -> str:
            (theme, *_rest) = self.pick.value or (None,)
            if theme is None:
                raise_choice()
            created = self.result.split(theme, editor=self.editor.value or "onbekend")
            return f"Thema gesplitst in {len(created)} thema's."

        self._edit(apply)

    def _delete(self, _=None) -> None:
        def apply() -> str:
            for theme in self.pick.value:
                self.result.delete(theme, editor=self.editor.value or "onbekend")
            return "Thema verwijderd."

        self._edit(apply)

    def _move(self, _=None) -> None:
        def apply() -> str:
            self.result.move(self.move_story.value, self.move_to.value, editor=self.editor.value or "onbekend")
            return "Verhaal verplaatst."

        self._edit(apply)

    def _export(self, write, suffix: str, label: str) -> None:
        def act() -> None:
            import base64

            self._say(f"Bezig met {label}…")
            folder = Path(tempfile.mkdtemp(prefix="narratief-export-"))
            path = folder / f"narratief-{label}{suffix}"
            write(self.store, path)
            data = base64.b64encode(path.read_bytes()).decode("ascii")
            mime = "text/html" if suffix == ".html" else "application/zip"
            self.download.value = (f"<a class='nf-download-link' download='{path.name}' "
                                   f"href='data:{mime};base64,{data}'>Download {path.name}</a>")
            self._say(f"{path.name} is klaar.")
            path.unlink()

        self._guard(act)

    def _report(self, _=None) -> None:
        from narratief.report import write_report

        self._export(lambda store, path: write_report(store, path), ".html", "rapport")

    def _qdpx(self, _=None) -> None:
        from narratief.refiqda import write_qdpx

        self._export(lambda store, path: write_qdpx(store, path), ".qdpx", "project")


def raise_choice() -> None:
    from narratief.errors import InvalidThemeEdit

    raise InvalidThemeEdit("no theme chosen", reden="kies eerst een thema")
