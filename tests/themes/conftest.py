from __future__ import annotations

import json

import pandas as pd
import pytest

from narratief.resources import data_dir

#: Small invented themes: each list paraphrases one theme; no theme hangs on one word.
THEME_SENTENCES = {
    "geld": [
        "De deurwaarder stond weer aan de deur voor een oude rekening.",
        "Elke maand kwam ik geld tekort voor huur en eten.",
        "Mijn schulden groeiden door aanmaningen en boetes.",
        "Budgetbeheer nam mijn rekeningen over en ik kreeg leefgeld.",
        "Een brief van de incasso maakte me bang om de post te openen.",
    ],
    "wachten": [
        "Ik stond maanden op een wachtlijst voor een psycholoog.",
        "De intake werd telkens uitgesteld, de wachttijd was eindeloos.",
        "Wachten op hulp terwijl het slechter ging, dat was het zwaarst.",
        "Na een half jaar wachten kreeg ik eindelijk een eerste gesprek.",
        "Niemand belde terug, ik bleef wachten op een plaats.",
    ],
    "school": [
        "Op school werd ik elke pauze gepest door klasgenoten.",
        "De leerkracht zag niet hoe ik buiten de klas werd uitgelachen.",
        "Ik spijbelde omdat de speelplaats voor mij een hel was.",
        "Mijn rapport zakte, want ik durfde niet meer naar de klas.",
        "Pas toen ik van school veranderde, hield het pesten op.",
    ],
}


def make_stories(per_theme: int = 4, *, single_teller: str | None = "school", seed_text: str = "") -> pd.DataFrame:
    """Invented stories: each combines three sentences of one theme; ``single_teller`` has one teller only."""
    rows = []
    tellers = ["Eik", "Linde", "Wilg", "Beuk", "Es"]
    for theme, sentences in THEME_SENTENCES.items():
        for i in range(per_theme):
            picked = [sentences[(i + j) % len(sentences)] for j in range(3)]
            teller = "Berk" if theme == single_teller else tellers[i % len(tellers)]
            rows.append({"id": f"{theme}-{i}", "participant": teller, "theme_truth": theme,
                         "text": " ".join(picked) + seed_text, "level": ["micro", "meso", "macro"][i % 3],
                         "perspective": "gebruiker", "kind": "drempel", "session": f"s{i % 2}"})
    return pd.DataFrame(rows)


@pytest.fixture
def small_stories() -> pd.DataFrame:
    return make_stories()


@pytest.fixture(scope="session")
def dev_stories() -> pd.DataFrame:
    """The labelled theme development set, anonymised once per test session."""
    from narratief.privacy.anonymiser import Anonymiser

    rows = [json.loads(line) for line in (data_dir() / "dev" / "themes-dev.jsonl").read_text("utf-8").splitlines()]
    frame = pd.DataFrame({"id": [r["id"] for r in rows], "participant": [r["deelnemer"] for r in rows],
                          "truth": [r["thema"] for r in rows]})
    frame["text"] = [a.text for a in Anonymiser("placeholder").pipe([r["tekst"] for r in rows], progress=False)]
    return frame
