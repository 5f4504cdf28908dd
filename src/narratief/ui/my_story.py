"""The trainee's page: who will read it and consent first, then a story in steps with feedback, autosaved.

Every keystroke is written to the store (``autosave``), so a closed browser or a dead kernel loses nothing; after a
reload the trainee enters their pseudonym and finds the draft back.
"""

from __future__ import annotations

import html

import ipywidgets as widgets

from narratief import teksten
from narratief.storytelling import drafts as d
from narratief.storytelling.competences import competences_for
from narratief.storytelling.formats import format_ids, load_format
from narratief.store import StoryStore
from narratief.ui.status import say, status_line

SHARED_PURPOSES = ("groep", "begeleider", "onderzoek", "publicatie")
WHO_READS = {
    "groep": "de andere deelnemers van je groep, zonder herkenbare details",
    "begeleider": "je begeleider (gespreksleider)",
    "onderzoek": "onderzoekers, alleen geanonimiseerd",
    "publicatie": "lezers van een publicatie, als citaat, geanonimiseerd",
}


class MyStoryPage(widgets.VBox):
    """Write a story in a format, step by step, with feedback, versions and consent."""

    def __init__(self, store: StoryStore, **kwargs) -> None:
        self.store = store
        self.draft: d.Draft | None = None
        self.fmt = None
        self._loading = False
        self.pseudonym = widgets.Text(description="Schuilnaam", placeholder="je schuilnaam")
        self.pseudonym.add_class("nf-pseudonym")
        self.format = widgets.Dropdown(options=[(load_format(f).name, f) for f in format_ids()], value="drie-lagen",
                                       description="Vorm")
        self.format.add_class("nf-format")
        self.start_button = widgets.Button(description="Begin of ga verder", button_style="primary")
        self.start_button.add_class("nf-start-draft")
        self.start_button.on_click(self._start)
        readers = "".join(f"<li><b>{html.escape(teksten.DOELEN[p])}</b>: {html.escape(WHO_READS[p])}</li>"
                          for p in SHARED_PURPOSES)
        self.who = widgets.HTML(
            "<p>Wie kan je verhaal lezen? Je <b>private versie</b> lees alleen jij. Je <b>deelbare versie</b> "
            "lezen alleen wie jij hieronder aanvinkt (alles staat uit tot jij het aanzet):</p>"
            f"<ul>{readers}</ul>")
        self.who.add_class("nf-who-reads")
        self.consent = {p: widgets.Checkbox(value=False, description=teksten.DOELEN[p], indent=False)
                        for p in SHARED_PURPOSES}
        for purpose, box in self.consent.items():
            box.add_class(f"nf-draft-consent-{purpose}")
            box.observe(self._consent_changed, names="value")
        self.explain = widgets.HTML()
        self.steps_box = widgets.VBox()
        self.steps_box.add_class("nf-steps")
        self.feedback_box = widgets.HTML()
        self.feedback_box.add_class("nf-feedback")
        self.feedback_button = widgets.Button(description="Feedback", icon="comment")
        self.feedback_button.add_class("nf-feedback-button")
        self.feedback_button.on_click(lambda _b: self._show_feedback())
        self.version_button = widgets.Button(description="Bewaar versie", icon="save")
        self.version_button.add_class("nf-save-version")
        self.version_button.on_click(self._save_version)
        self.compare_a = widgets.Dropdown(options=[], description="Versie")
        self.compare_b = widgets.Dropdown(options=[], description="met")
        self.compare_button = widgets.Button(description="Vergelijk")
        self.compare_button.on_click(self._compare_versions)
        self.compare_view = widgets.HTML()
        self.compare_view.add_class("nf-compare")
        self.share_button = widgets.Button(description="Deel de deelbare versie", button_style="success")
        self.share_button.add_class("nf-share")
        self.share_button.on_click(self._share)
        # listening round: the teller sees the words; a listener gives one word to someone else's shared story
        self.words_view = widgets.Output()
        self.words_view.add_class("nf-listening-words")
        self.words_button = widgets.Button(description="Toon woorden van luisteraars")
        self.words_button.add_class("nf-show-words")
        self.words_button.on_click(self._show_words)
        self.listen_story = widgets.Dropdown(options=[], description="Verhaal")
        self.listen_story.add_class("nf-listen-story")
        self.listen_story.observe(self._listen_open, names="value")
        self.listen_text = widgets.HTML()
        self.listen_word = widgets.Text(description="Eén woord", placeholder="waar raakte het je?")
        self.listen_word.add_class("nf-listen-word")
        self.listen_button = widgets.Button(description="Geef je woord")
        self.listen_button.add_class("nf-give-word")
        self.listen_button.on_click(self._give_word)
        self.status = status_line()
        self.editors: dict[tuple[str, str], widgets.Textarea] = {}
        super().__init__(
            [
                widgets.HTML("<h1>Mijn verhaal</h1>"),
                self.who,
                widgets.HBox([self.pseudonym, self.format, self.start_button]),
                widgets.HTML("<h3>Toestemming voor je deelbare versie</h3>"),
                widgets.HBox(list(self.consent.values())),
                self.explain,
                self.steps_box,
                widgets.HBox([self.feedback_button, self.version_button, self.share_button]),
                self.feedback_box,
                widgets.HBox([self.compare_a, self.compare_b, self.compare_button]),
                self.compare_view,
                widgets.HTML("<h3>Luisterronde</h3><p>Luisteraars geven één woord: waar raakte je verhaal hen?</p>"),
                self.words_button,
                self.words_view,
                widgets.HBox([self.listen_story]),
                self.listen_text,
                widgets.HBox([self.listen_word, self.listen_button]),
                self.status,
            ],
            **kwargs,
        )
        self.add_class("nf-my-story")

    def _say(self, message: str, error: bool = False) -> None:
        say(self.status, message, error)

    def _start(self, _=None) -> None:
        who = self.pseudonym.value.strip()
        if not who:
            self._say("Vul eerst je schuilnaam in.", error=True)
            return
        existing = [x for x in d.drafts_of(self.store, who) if x.format == self.format.value]
        self.draft = existing[0] if existing else d.new_draft(self.store, who, self.format.value)
        self.fmt = load_format(self.draft.format)
        self._build_steps()
        self._loading = True
        for purpose, box in self.consent.items():
            box.value = purpose in self.draft.consent
        self._loading = False
        self._refresh_versions()
        self._refresh_listening()
        self._say("Je concept is teruggezet." if existing else "Nieuw concept: alles wat je typt wordt meteen bewaard.")

    def _build_steps(self) -> None:
        fmt = self.fmt
        practise = competences_for(fmt.id)
        self.explain.value = (f"<p>{html.escape(fmt.explanation)}</p>" + (
            "<p><small>Je oefent: " + html.escape("; ".join(practise)) + "</small></p>" if practise else ""))
        rows = []
        self.editors = {}
        for step in fmt.steps:
            boxes = []
            for kind, title in ((d.PRIVATE, "Private versie (alleen jij)"), (d.SHAREABLE, "Deelbare versie")):
                parts = self.draft.private if kind == d.PRIVATE else self.draft.shareable
                area = widgets.Textarea(value=parts.get(step.id, ""), placeholder=step.example,
                                        layout=widgets.Layout(width="95%", height="110px"), continuous_update=True)
                area.add_class(f"nf-step-{step.id}-{kind}")
                area.observe(lambda change, s=step.id, k=kind: self._typed(k, s, change["new"]), names="value")
                self.editors[(step.id, kind)] = area
                boxes.append(widgets.VBox([widgets.HTML(f"<small>{title}</small>"), area],
                                          layout=widgets.Layout(width="50%")))
            also = " ".join(fmt.questions_per_step)
            rows.append(widgets.VBox([widgets.HTML(f"<h4>{html.escape(step.name)}</h4><p>{html.escape(step.question)}"
                                                   + (f" <i>{html.escape(also)}</i>" if also else "") + "</p>"),
                                      widgets.HBox(boxes)]))
        self.steps_box.children = rows

    def _typed(self, kind: str, step: str, text: str) -> None:
        if self.draft is None:
            return
        d.autosave(self.store, self.draft, kind, step, text)

    def _consent_changed(self, _change) -> None:
        if self._loading or self.draft is None:
            return
        chosen = [p for p, box in self.consent.items() if box.value]
        d.set_draft_consent(self.store, self.draft, chosen)
        self._say("Toestemming bewaard: " + (", ".join(chosen) if chosen else "niemand") + ".")

    def _show_feedback(self) -> None:
        if self.draft is None:
            self._say("Vul eerst je schuilnaam in en begin.", error=True)
            return
        from narratief.storytelling.feedback import feedback

        result = feedback(self.draft.private, format=self.draft.format)
        steps = "".join(f"<li>{html.escape(step.name)}: <b class='nf-step-status'>{result.steps[step.id]}</b></li>"
                        for step in self.fmt.steps)
        messages = "".join(f"<li>{html.escape(m)}</li>" for m in result.messages)
        warnings = "".join(f"<p class='nf-warning' style='color:#a50026'>{html.escape(w)}</p>" for w in result.warnings)
        self.feedback_box.value = f"<h3>Feedback</h3><ul>{steps}</ul><ul class='nf-messages'>{messages}</ul>{warnings}"

    def _save_version(self, _=None) -> None:
        if self.draft is None:
            return
        number = d.save_version(self.store, self.draft)
        self._refresh_versions()
        self._say(f"Versie {number} bewaard.")

    def _refresh_versions(self) -> None:
        kept = d.versions(self.store, self.draft) if self.draft else []
        options = [("nu", 0)] + [(f"versie {v['seq']} ({v['at'][:16].replace('T', ' ')})", v["seq"]) for v in kept]
        self.compare_a.options = options
        self.compare_b.options = options

    def _text_of(self, seq: int) -> str:
        steps = self.fmt.step_ids()
        if seq == 0:
            return self.draft.text(d.PRIVATE, steps)
        kept = {v["seq"]: v for v in d.versions(self.store, self.draft)}
        parts = kept[seq]["private"]
        return "\n\n".join(parts.get(s, "").strip() for s in steps if parts.get(s, "").strip())

    def _compare_versions(self, _=None) -> None:
        if self.draft is None:
            return
        self.compare_view.value = f"<p>{d.compare(self._text_of(self.compare_a.value), self._text_of(self.compare_b.value))}</p>"

    def _share(self, _=None) -> None:
        if self.draft is None:
            return
        if not self.draft.consent:
            self._say("Vink eerst aan wie je deelbare versie mag lezen.", error=True)
            return
        from narratief.storytelling.feedback import feedback

        warnings = feedback(self.draft.shareable or self.draft.private, format=self.draft.format).warnings
        story_id = d.share(self.store, self.draft, self.fmt.step_ids())
        self._say(f"Gedeeld als verhaal {story_id}. " + (warnings[0] if warnings else ""))

    # -- listening round -------------------------------------------------------------------------------------
    def _refresh_listening(self) -> None:
        who = self.pseudonym.value.strip()
        others = [s for s in self.store.stories(purpose="groep") if s.participant != who]
        self.listen_story.options = [(f"verhaal {s.id}", s.id) for s in others]

    def _listen_open(self, change) -> None:
        from narratief.privacy.gate import shareable_text

        if change["new"]:
            shown = shareable_text(self.store, change["new"], "groep")
            self.listen_text.value = f"<blockquote>{html.escape(shown)}</blockquote>"

    def _give_word(self, _=None) -> None:
        from narratief.errors import NarratiefError
        from narratief.storytelling.listening import add_word

        who = self.pseudonym.value.strip()
        if not who or not self.listen_story.value:
            self._say("Vul je schuilnaam in en kies een verhaal.", error=True)
            return
        try:
            add_word(self.store, self.listen_story.value, who, self.listen_word.value)
        except NarratiefError as err:
            self._say(err.message, error=True)
            return
        self.listen_word.value = ""
        self._say("Dank je, je woord is doorgegeven.")

    def _show_words(self, _=None) -> None:
        from narratief.storytelling.listening import word_chart, words_for

        if self.draft is None or not self.draft.story_id:
            self._say("Deel eerst je verhaal; daarna verschijnen hier de woorden van je luisteraars.", error=True)
            return
        self.words = words_for(self.store, self.draft.story_id)
        self.words_view.clear_output()
        with self.words_view:
            from IPython.display import display

            display(word_chart(self.words))
