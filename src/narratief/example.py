"""The example collection: invented stories (``data/voorbeeld/``) for demos, tests and first use.

Every story, name, place and number in it is invented. ``details`` in the file mark the identifying details a
good anonymiser must find; the importer ignores them.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from narratief.importing import ImportReport, import_stories
from narratief.resources import data_dir
from narratief.store import StoryStore


def example_dir() -> Path:
    return data_dir() / "voorbeeld"


def example_stories_path() -> Path:
    """The example collection as JSONL (one story per line, Dutch column names)."""
    return example_dir() / "verhalen.jsonl"


def example_records() -> list[dict]:
    """The raw example records, with their marked details and theme (for tests and benchmarks)."""
    with open(example_stories_path(), encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def load_example(store: StoryStore) -> ImportReport:
    """Import the example sessions and stories into ``store`` (one transaction)."""
    sessions = json.loads((example_dir() / "sessies.json").read_text(encoding="utf-8"))
    with store.atomic():
        for session in sessions:
            store.add_session(session["id"], title=session.get("title"), date=session.get("date"), format=session.get("format"))
        return import_stories(store, example_stories_path())


def create_demo_store(path: str | os.PathLike) -> bool:
    """Create ``path`` with the example collection when it does not exist yet; ``True`` when created."""
    target = Path(path)
    if target.exists():
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.bezig")
    for leftover in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
        leftover.unlink(missing_ok=True)
    with StoryStore(partial) as store:  # built aside and renamed, so a crash never leaves a half-filled store
        load_example(store)
    os.replace(partial, target)
    return True
