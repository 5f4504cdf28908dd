"""Consent per purpose as a row of checkboxes. A view only: the owner decides what a change means."""

from __future__ import annotations

import ipywidgets as widgets
import traitlets

from narratief import teksten
from narratief.stories import PURPOSES


class ConsentPanel(widgets.VBox):
    """One checkbox per purpose (all off until given). ``purposes`` lists the checked ones, in PURPOSES order."""

    purposes = traitlets.List(traitlets.Unicode())

    def __init__(self, **kwargs) -> None:
        self.boxes = {
            purpose: widgets.Checkbox(value=False, description=teksten.DOELEN[purpose], indent=False)
            for purpose in PURPOSES
        }
        for purpose, box in self.boxes.items():
            box.add_class(f"nf-consent-{purpose}")
            box.observe(self._on_box, names="value")
        self._syncing = False
        heading = widgets.HTML(f"<b>{teksten.UI['toestemming_kop']}</b><br><small>{teksten.UI['toestemming_uitleg']}</small>")
        super().__init__([heading, widgets.HBox(list(self.boxes.values()))], **kwargs)
        self.add_class("nf-consent")

    def _on_box(self, _change) -> None:
        if not self._syncing:
            self.purposes = [p for p in PURPOSES if self.boxes[p].value]

    @traitlets.observe("purposes")
    def _on_purposes(self, change) -> None:
        self._syncing = True
        try:
            for purpose, box in self.boxes.items():
                box.value = purpose in change["new"]
        finally:
            self._syncing = False

    def show(self, purposes: list[str]) -> None:
        """Set the boxes from stored state (owners use ``hold_trait_notifications`` or compare to ignore this)."""
        self.purposes = [p for p in PURPOSES if p in purposes]
