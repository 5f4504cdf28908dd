from __future__ import annotations

import pytest

from narratief import find_themes, read_codebook
from narratief.errors import InvalidCodebook
from narratief.themes.codebook import load_codebook


def test_shipped_codebook_covers_every_level():
    codebook = load_codebook("drempels-hefbomen")
    assert len(codebook) >= 15
    assert {t.level for t in codebook.themes} == {"micro", "meso", "macro"}
    assert all(len(t.seed_words) >= 8 and t.name and t.description for t in codebook.themes)
    assert any(t.widely_experienced for t in codebook.themes)


def test_csv_codebook_assigns_known_themes_and_proposes_new_ones(tmp_path, small_stories):
    path = tmp_path / "codes.csv"
    path.write_text("naam;beschrijving;zoekwoorden\nGeldzorgen;Schulden en tekort;schuld,deurwaarder,rekening,geld,aanmaning\n"
                    "Wachten;Wachten op hulp;wachtlijst,wachten,wachttijd,intake\n", encoding="utf-8")
    codebook = read_codebook(path)
    assert [t.id for t in codebook.themes] == ["geldzorgen", "wachten"]
    result = find_themes(small_stories, codebook=codebook, anonymise=False)
    table = result.themes.set_index("label")
    geld = result.assignments[small_stories.theme_truth == "geld"]
    assert (geld == table.loc["Geldzorgen", "theme"]).all()
    school = result.assignments[small_stories.theme_truth == "school"]
    assert school.nunique() == 1 and result.themes.set_index("theme").loc[school.iloc[0], "origin"] == "nieuw"


def test_unreadable_codebooks_are_reported(tmp_path):
    bad = tmp_path / "codes.yaml"
    bad.write_text("themas: []\n", encoding="utf-8")
    with pytest.raises(InvalidCodebook):
        read_codebook(bad)
    with pytest.raises(InvalidCodebook) as caught:
        read_codebook(tmp_path / "ontbreekt.yaml")
    assert "bestaat niet" in caught.value.message
