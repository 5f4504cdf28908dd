"""The review widget: a story with its detected details highlighted, to unmark false positives and add misses.

Reused wherever a story is about to be shared. It only shows and collects decisions; the owner stores them
(``decisions`` is a list of ``(action, text, label)``, re-applied by text whenever the story changes).
"""

from __future__ import annotations

import html
from collections.abc import Callable

import ipywidgets as widgets
import traitlets

from narratief import teksten
from narratief.privacy.consistency import Decision
from narratief.privacy.detect import Detector
from narratief.privacy.findings import LABELS

T = teksten.UI
_COLOURS = {
    "PERSOON": "#fde68a", "LOCATIE": "#bfdbfe", "ADRES": "#bfdbfe", "ORGANISATIE": "#c7d2fe", "DATUM": "#d9f99d",
    "LEEFTIJD": "#d9f99d", "TELEFOON": "#fecaca", "EMAIL": "#fecaca", "URL": "#fecaca", "ID": "#fecaca",
}


def highlight(text: str, spans: list[tuple[int, int, str]]) -> str:
    """HTML of ``text`` with each (start, end, label) span marked and titled with its Dutch label."""
    out, cursor = [], 0
    for start, end, label in sorted(spans):
        if start < cursor:
            continue
        out.append(html.escape(text[cursor:start]))
        out.append(
            f"<mark class='nf-pii nf-pii-{label}' title='{teksten.LABELS.get(label, label)}' "
            f"style='background:{_COLOURS.get(label, '#e5e7eb')}'>{html.escape(text[start:end])}</mark>"
        )
        cursor = end
    out.append(html.escape(text[cursor:]))
    return "<div class='nf-review-text' style='white-space:pre-wrap;line-height:1.6'>" + "".join(out) + "</div>"


class ReviewPanel(widgets.VBox):
    """Review the detected details of one text. ``decisions`` holds the reviewer's choices."""

    decisions = traitlets.List()

    def __init__(self, *, detector: Detector | None = None, on_save: Callable[[list], None] | None = None, **kwargs) -> None:
        self.detector = detector or Detector()
        self.on_save = on_save
        self.text_view = widgets.HTML()
        self.text_view.add_class("nf-review")
        self.boxes = widgets.VBox()
        self.boxes.add_class("nf-review-boxes")
        self.new_text = widgets.Text(description=T["review_tekst"], style={"description_width": "initial"})
        self.new_text.add_class("nf-review-new-text")
        self.new_label = widgets.Dropdown(
            options=[(teksten.LABELS[label], label) for label in LABELS], value="PERSOON", description=T["review_soort"],
        )
        self.add_button = widgets.Button(description=T["review_toevoegen"], icon="plus")
        self.add_button.add_class("nf-review-add")
        self.save_button = widgets.Button(description=T["review_bewaar"], button_style="primary", icon="save")
        self.save_button.add_class("nf-review-save")
        self.message = widgets.HTML()
        self.add_button.on_click(lambda _b: self._add())
        self.save_button.on_click(lambda _b: self._save())
        self._text = ""
        self._found: list[tuple[str, str]] = []
        super().__init__(
            [widgets.HTML(f"<small>{T['review_uitleg']}</small>"), self.text_view, self.boxes,
             widgets.HBox([self.new_text, self.new_label, self.add_button]), self.save_button, self.message],
            **kwargs,
        )
        self.add_class("nf-review-panel")

    def load(self, text: str, decisions: list | tuple = ()) -> None:
        """Show ``text`` with what detection finds, before the given decisions are applied."""
        self._text = text
        findings = self.detector.detect(text)
        seen: dict[tuple[str, str], None] = {}
        for finding in findings:
            seen.setdefault((text[finding.start:finding.end], finding.label), None)
        self._found = list(seen)
        self.decisions = [tuple(d) for d in decisions]
        self.message.value = ""
        self._render()

    def _effective(self) -> list[tuple[int, int, str]]:
        findings = self.detector.detect(self._text, decisions=[Decision(*d) for d in self.decisions])
        return [(f.start, f.end, f.label) for f in findings]

    def _render(self) -> None:
        self.text_view.value = highlight(self._text, self._effective()) if self._text else ""
        unmarked = {d[1] for d in self.decisions if d[0] == "unmark"}
        marked = [(d[1], d[2]) for d in self.decisions if d[0] == "mark"]
        rows = []
        for surface, label in self._found + [m for m in marked if m not in self._found]:
            box = widgets.Checkbox(value=surface not in unmarked, description=f"{teksten.LABELS.get(label, label)}: {surface}", indent=False)
            box.add_class("nf-review-item")
            box.observe(lambda change, s=surface, l=label: self._toggle(s, l, change["new"]), names="value")
            rows.append(box)
        self.boxes.children = rows or [widgets.HTML(f"<i>{T['review_geen']}</i>")]

    def _toggle(self, surface: str, label: str, keep: bool) -> None:
        rest = [d for d in self.decisions if d[1] != surface]
        if not keep:
            rest.append(("unmark", surface, label))
        elif (surface, label) not in self._found:
            rest.append(("mark", surface, label))
        self.decisions = rest
        self._render()

    def _add(self) -> None:
        surface = self.new_text.value.strip()
        if surface:
            self.decisions = [d for d in self.decisions if d[1] != surface] + [("mark", surface, self.new_label.value)]
            self.new_text.value = ""
            self._render()

    def _save(self) -> None:
        if self.on_save is not None:
            self.on_save(list(self.decisions))
        self.message.value = T["review_bewaard"]


class PrivacyListsPanel(widgets.VBox):
    """The collection's allow- and deny-list, one term per line."""

    def __init__(self, store, **kwargs) -> None:
        self.store = store
        allow, deny = store.privacy_lists()
        self.allow = widgets.Textarea(value="\n".join(allow), description=T["lijst_toelaten"], layout=widgets.Layout(width="95%"),
                                      style={"description_width": "initial"})
        self.deny = widgets.Textarea(value="\n".join(deny), description=T["lijst_verbergen"], layout=widgets.Layout(width="95%"),
                                     style={"description_width": "initial"})
        self.allow.add_class("nf-allow-list")
        self.deny.add_class("nf-deny-list")
        self.save_button = widgets.Button(description=T["lijsten_bewaar"], icon="save")
        self.save_button.add_class("nf-lists-save")
        self.message = widgets.HTML()
        self.save_button.on_click(lambda _b: self.save())
        super().__init__([self.allow, self.deny, self.save_button, self.message], **kwargs)

    def save(self) -> None:
        self.store.set_privacy_lists(_lines(self.allow.value), {term: "PERSOON" for term in _lines(self.deny.value)})
        self.message.value = T["lijsten_bewaard"]


def _lines(value: str) -> list[str]:
    return [line.strip() for line in value.splitlines() if line.strip()]
