"""Codebooks: known themes (name, description, seed words) that guide theme finding.

A codebook is read from YAML (narratief's format, see ``data/codebooks/drempels-hefbomen.yaml``), from CSV/XLSX
(columns ``naam``/``name``, ``beschrijving``/``description``, ``zoekwoorden``/``seed_words`` separated by ``;`` or
``,``, and optionally ``niveau``, ``perspectief``, ``soort``), or from a REFI-QDA codebook (``.qdc``).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from narratief.errors import InvalidCodebook
from narratief.resources import data_dir

#: Codebooks shipped with narratief, by id.
SHIPPED = ("drempels-hefbomen",)


@dataclass(frozen=True)
class CodebookTheme:
    """One known theme."""

    id: str
    name: str
    description: str = ""
    seed_words: tuple[str, ...] = ()
    level: str | None = None
    perspective: str | None = None
    kind: str | None = None
    widely_experienced: bool = False


@dataclass(frozen=True)
class Codebook:
    """A named list of known themes."""

    id: str
    name: str
    themes: tuple[CodebookTheme, ...]
    description: str = ""
    source: str = ""
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    def __len__(self) -> int:
        return len(self.themes)

    def theme(self, theme_id: str) -> CodebookTheme:
        for theme in self.themes:
            if theme.id == theme_id:
                return theme
        raise KeyError(theme_id)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "thema"


def _words(value: Any) -> tuple[str, ...]:
    if value is None or (isinstance(value, float) and value != value):
        return ()
    if isinstance(value, str):
        value = re.split(r"[;,]", value)
    return tuple(word.strip().lower() for word in value if str(word).strip())


def codebook_from_records(records: list[dict[str, Any]], *, id: str, name: str, **meta: Any) -> Codebook:
    """A codebook from dicts with Dutch or English keys (``naam``/``name``, ``zoekwoorden``/``seed_words``...)."""
    themes, seen = [], set()
    for row, record in enumerate(records, start=1):
        get = lambda *keys: next((record[k] for k in keys if k in record and record[k] not in (None, "")), None)  # noqa: E731
        label = get("naam", "name", "label")
        if not label or (isinstance(label, float) and label != label):
            raise InvalidCodebook(f"theme {row} has no name", pad=name, reden=f"thema {row} heeft geen naam")
        theme_id = str(get("id") or _slug(str(label)))
        if theme_id in seen:
            raise InvalidCodebook(f"duplicate theme id {theme_id}", pad=name, reden=f"id '{theme_id}' komt twee keer voor")
        seen.add(theme_id)
        themes.append(
            CodebookTheme(
                id=theme_id,
                name=str(label).strip(),
                description=str(get("beschrijving", "description") or "").strip(),
                seed_words=_words(get("zoekwoorden", "seed_words", "seeds", "keywords")),
                level=get("niveau", "level"),
                perspective=get("perspectief", "perspective"),
                kind=get("soort", "kind"),
                widely_experienced=bool(get("breed_ervaren", "widely_experienced") or False),
            )
        )
    if not themes:
        raise InvalidCodebook("codebook has no themes", pad=name, reden="er staan geen thema's in")
    return Codebook(id=id, name=name, themes=tuple(themes), **meta)


def read_codebook(path: str | os.PathLike) -> Codebook:
    """Read a codebook file (``.yaml``/``.yml``, ``.csv``, ``.xlsx``, ``.qdc``)."""
    path = Path(path)
    if not path.exists():
        raise InvalidCodebook(f"no file {path.name}", pad=path.name, reden="het bestand bestaat niet")
    suffix = path.suffix.lower()
    try:
        if suffix in (".yaml", ".yml"):
            import yaml

            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
            if not isinstance(data, dict) or not isinstance(data.get("themas", data.get("themes")), list):
                raise InvalidCodebook("no 'themas' list", pad=path.name, reden="er is geen lijst 'themas'")
            return codebook_from_records(
                data.get("themas", data.get("themes")),
                id=str(data.get("id") or path.stem),
                name=str(data.get("naam") or data.get("name") or path.stem),
                description=str(data.get("beschrijving") or data.get("description") or ""),
                source=str(data.get("bron") or data.get("source") or ""),
            )
        if suffix in (".csv", ".xlsx", ".tsv"):
            import pandas as pd

            frame = pd.read_excel(path) if suffix == ".xlsx" else pd.read_csv(path, sep=None, engine="python")
            frame.columns = [str(c).strip().lower() for c in frame.columns]
            return codebook_from_records(frame.to_dict("records"), id=path.stem, name=path.stem)
        if suffix == ".qdc":
            from narratief.refiqda import read_qdc

            return read_qdc(path)
    except InvalidCodebook:
        raise
    except Exception as exc:  # parser errors: report the kind, never file content
        raise InvalidCodebook(f"{type(exc).__name__} reading {path.name}", pad=path.name, reden=type(exc).__name__) from None
    raise InvalidCodebook(f"unknown codebook type {suffix}", pad=path.name, reden="gebruik YAML, CSV, XLSX of QDC")


def load_codebook(codebook: Codebook | str | os.PathLike) -> Codebook:
    """A :class:`Codebook` from itself, a shipped id (``"drempels-hefbomen"``) or a path."""
    if isinstance(codebook, Codebook):
        return codebook
    if isinstance(codebook, str) and codebook in SHIPPED:
        return read_codebook(data_dir() / "codebooks" / f"{codebook}.yaml")
    return read_codebook(codebook)
