"""Check that text leaving narratief holds none of the example collection's marked details in raw form."""

from __future__ import annotations

import re

from narratief.example import example_records


def _present(value: str, text: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(value)}(?!\w)", text) is not None


def raw_details(blob: str, own_text: dict[str, str]) -> list[tuple[str, str]]:
    """(story id, label) of every marked detail found in raw form.

    Details with a capital or a digit (names, places, organisations, numbers) must be nowhere in ``blob``;
    numbers of one to three digits are only looked for in their own story (they also occur as counts in tables).
    Lower-case details (spelled-out ages, names in lower case) are looked for in their own story's exported text
    (``own_text``: story id → exported text), since words such as "tien" occur elsewhere as ordinary words.
    """
    found = []
    for record in example_records():
        own = own_text.get(record["id"], "")
        for detail in record.get("details", []):
            value = detail["tekst"]
            short_number = value.isdigit() and len(value) <= 3
            global_check = (any(c.isupper() for c in value) or any(c.isdigit() for c in value)) and not short_number
            if (global_check and _present(value, blob)) or _present(value, own):
                found.append((record["id"], detail["label"]))
    return found
