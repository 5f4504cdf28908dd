"""Where narratief's data files and notebooks are: inside the installed package, or in the source checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _locate(packaged: str, in_checkout: str) -> Path:
    inside = _PACKAGE / packaged
    if inside.is_dir():
        return inside
    return _PACKAGE.parent.parent / in_checkout


def data_dir() -> Path:
    """The ``data/`` folder (example collection, codebooks, formats)."""
    return _locate("_data", "data")


def notebooks_dir() -> Path:
    """The ``notebooks/`` folder that ``narratief app`` serves."""
    return _locate("_notebooks", "notebooks")
