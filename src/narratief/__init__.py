"""narratief: narrative work with Dutch and Flemish experience stories.

The top-level names load their modules on first use, so ``import narratief`` stays fast.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_LAZY = {
    "StoryStore": "narratief.store",
    "KeyStore": "narratief.store",
    "Story": "narratief.stories",
    "PURPOSES": "narratief.stories",
    "shareable_text": "narratief.privacy.gate",
    "shareable_stories": "narratief.privacy.gate",
    "import_file": "narratief.importing",
    "read_stories": "narratief.importing",
    "export_stories": "narratief.exporting",
    "load_example": "narratief.example",
    "NarratiefError": "narratief.errors",
    "anonymise": "narratief.privacy.anonymiser",
    "Anonymiser": "narratief.privacy.anonymiser",
    "Anonymised": "narratief.privacy.anonymiser",
    "detect": "narratief.privacy.detect",
    "ThemeModel": "narratief.themes.model",
    "find_themes": "narratief.themes.api",
    "knowledge_summary": "narratief.themes.summaries",
    "read_codebook": "narratief.themes.codebook",
}

__all__ = ["__version__", *_LAZY]

if TYPE_CHECKING:
    from narratief.errors import NarratiefError
    from narratief.example import load_example
    from narratief.exporting import export_stories
    from narratief.importing import import_file, read_stories
    from narratief.privacy.anonymiser import Anonymised, Anonymiser, anonymise
    from narratief.privacy.detect import detect
    from narratief.privacy.gate import shareable_stories, shareable_text
    from narratief.stories import PURPOSES, Story
    from narratief.themes.api import find_themes
    from narratief.themes.codebook import read_codebook
    from narratief.themes.model import ThemeModel
    from narratief.themes.summaries import knowledge_summary
    from narratief.store import KeyStore, StoryStore


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'narratief' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
