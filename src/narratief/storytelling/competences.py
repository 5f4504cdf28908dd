"""Which competences of the qualification (BK-0597-1, ``data/competenties.yaml``) an exercise practises."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def _data() -> dict:
    import yaml

    from narratief.resources import data_dir

    return yaml.safe_load((data_dir() / "competenties.yaml").read_text(encoding="utf-8"))


def competences_for(exercise: str) -> list[str]:
    """The names of the competences ``exercise`` (a format id, ``deelbare-versie``, ``luisterronde``...) practises."""
    data = _data()
    names = {c["id"]: c["naam"] for c in data["competenties"]}
    return [names[c] for c in data["oefeningen"].get(exercise, []) if c in names]
