"""Export stories for one purpose: CSV, XLSX or JSONL, with only consented stories, text through the gate."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from narratief.errors import InvalidFormat
from narratief.privacy.gate import shareable_stories

if TYPE_CHECKING:
    from narratief.store import StoryStore

FORMATS = ("csv", "xlsx", "jsonl")


def export_format(path: str | Path, format: str | None = None) -> str:
    """The export format: ``format`` when given, else the file suffix."""
    chosen = (format or Path(path).suffix.lstrip(".")).lower()
    if chosen not in FORMATS:
        raise InvalidFormat(f"unknown export format {chosen!r}", formaat=chosen, toegestaan=", ".join(FORMATS))
    return chosen


def export_stories(
    store: StoryStore,
    path: str | Path,
    purpose: str,
    *,
    format: str | None = None,
    viewer: str | None = None,
    **filters: Any,
) -> int:
    """Write the stories that have consent for ``purpose`` to ``path``; return how many were written.

    The file appears only when it is complete (written beside it, then renamed), and only if the gate
    released every story.
    """
    chosen = export_format(path, format)
    frame = shareable_stories(store, purpose, viewer=viewer, **filters)
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".narratief-export-", suffix=f".{chosen}", dir=target.parent)
    os.close(handle)
    try:
        if chosen == "csv":
            frame.to_csv(temporary, index=False, encoding="utf-8-sig", lineterminator="\n")
        elif chosen == "xlsx":
            frame.to_excel(temporary, index=False, sheet_name="verhalen", engine="openpyxl")
        else:
            with open(temporary, "w", encoding="utf-8", newline="\n") as out:
                for record in frame.to_dict("records"):
                    out.write(json.dumps(record, ensure_ascii=False) + "\n")
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    store.record("export", None, f"purpose={purpose} format={chosen} stories={len(frame)}")
    return len(frame)
