"""Narrative formats as data: ``data/formats/<id>.yaml`` (a trainer adds one without code)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from narratief.errors import InvalidFormat
from narratief.resources import data_dir


@dataclass(frozen=True)
class Step:
    id: str
    name: str
    question: str
    example: str = ""
    cues: tuple[str, ...] = ()
    min_words: int = 20


@dataclass(frozen=True)
class Format:
    id: str
    name: str
    explanation: str
    steps: tuple[Step, ...]
    questions_per_step: tuple[str, ...] = ()

    def step_ids(self) -> list[str]:
        return [s.id for s in self.steps]


def format_ids() -> list[str]:
    """The formats in ``data/formats/``."""
    return sorted(p.stem for p in (data_dir() / "formats").glob("*.yaml"))


@lru_cache(maxsize=16)
def load_format(format_id: str) -> Format:
    """The format ``format_id`` (``herstelverhaal``, ``drie-lagen``, ``msc`` or one a trainer added)."""
    import yaml

    path = data_dir() / "formats" / f"{format_id}.yaml"
    if not path.exists():
        raise InvalidFormat(f"unknown narrative format {format_id!r}", formaat=format_id,
                            toegestaan=", ".join(format_ids()))
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    steps = tuple(
        Step(s["id"], s["naam"], s["vraag"], s.get("voorbeeld", ""), tuple(s.get("cues", [])), int(s.get("min_woorden", 20)))
        for s in data["stappen"]
    )
    return Format(data["id"], data["naam"], data.get("uitleg", ""), steps, tuple(data.get("vragen_per_stap", [])))
