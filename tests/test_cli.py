import csv
import io

import pandas as pd
import pytest
from click.testing import CliRunner

from narratief.cli import cli
from narratief.store import KeyStore, StoryStore, key_store_path

ROWS = [
    {"id": "c1", "deelnemer": "Eik", "sessie": "s1", "niveau": "micro", "perspectief": "gebruiker", "soort": "drempel",
     "toestemming": "eigen;groep", "tekst": "Niemand vroeg hoe het met mij ging."},
    {"id": "c2", "deelnemer": "Linde", "sessie": "s2", "niveau": "meso", "perspectief": "hulpverlener", "soort": "hefboom",
     "toestemming": "eigen", "tekst": "We maakten tijd voor een tweede gesprek."},
]


@pytest.fixture
def runner():
    return CliRunner()


@pytest.fixture
def csv_file(tmp_path):
    path = tmp_path / "verhalen.csv"
    pd.DataFrame(ROWS).to_csv(path, index=False, sep=";")
    return path


def invoke(runner, *args):
    return runner.invoke(cli, [str(a) for a in args], catch_exceptions=False)


def test_import_then_list_as_csv(runner, csv_file, db_path):
    result = invoke(runner, "import", csv_file, "--db", db_path)
    assert result.exit_code == 0, result.output
    assert "2 verhalen geïmporteerd" in result.stdout
    listed = invoke(runner, "list", "--db", db_path, "--format", "csv")
    assert listed.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(listed.stdout)))
    assert [r["id"] for r in rows] == ["c1", "c2"]
    assert {"id", "participant", "session", "level", "perspective", "kind"} <= set(rows[0])
    assert rows[1]["perspective"] == "hulpverlener"
    assert "tekst" not in listed.stdout and "Niemand" not in listed.stdout


def test_import_error_exits_nonzero_and_stores_nothing(runner, tmp_path, db_path):
    bad = tmp_path / "slecht.csv"
    pd.DataFrame([{**ROWS[0], "niveau": "giga"}]).to_csv(bad, index=False)
    result = runner.invoke(cli, ["import", str(bad), "--db", str(db_path)])
    assert result.exit_code == 1
    assert "Fout: Ongeldige waarde 'giga' in kolom 'niveau'" in result.stderr
    with StoryStore(db_path) as store:
        assert store.story_ids() == []


def test_import_with_column_options(runner, tmp_path, db_path):
    path = tmp_path / "eigen.csv"
    pd.DataFrame([{"verhaaltje": "Een korte tekst.", "wie": "Eik"}]).to_csv(path, index=False)
    result = invoke(runner, "import", path, "--db", db_path, "--text-column", "verhaaltje", "--participant-column", "wie",
                    "--session", "dag-1")
    assert result.exit_code == 0, result.output
    with StoryStore(db_path) as store:
        assert store.list_stories()["session"].tolist() == ["dag-1"]


def test_consent_grant_withdraw_and_erase_on_last(runner, csv_file, db_path):
    invoke(runner, "import", csv_file, "--db", db_path)
    result = invoke(runner, "consent", "--db", db_path, "--story", "c2", "--grant", "onderzoek")
    assert "eigen, onderzoek" in result.stdout
    with StoryStore(db_path) as store:
        assert store.consents("c2")["onderzoek"].method == "cli"
    invoke(runner, "consent", "--db", db_path, "--story", "c2", "--withdraw", "eigen")
    result = invoke(runner, "consent", "--db", db_path, "--story", "c2", "--withdraw", "onderzoek")
    assert "gewist" in result.stdout
    with StoryStore(db_path) as store:
        assert not store.exists("c2")


def test_erase_story_and_participant(runner, csv_file, db_path):
    invoke(runner, "import", csv_file, "--db", db_path)
    with KeyStore(key_store_path(db_path)) as keys:
        keys.record_name("Eik", "Verzonnen Naam")
    assert invoke(runner, "erase", "--db", db_path, "--story", "c2").exit_code == 0
    result = invoke(runner, "erase", "--db", db_path, "--participant", "Eik")
    assert result.exit_code == 0 and "1 verhalen zijn gewist" in result.stdout
    with StoryStore(db_path) as store:
        assert store.story_ids() == []
    with KeyStore(key_store_path(db_path)) as keys:
        assert keys.real_name("Eik") is None
    missing = runner.invoke(cli, ["erase", "--db", str(db_path), "--story", "c1"])
    assert missing.exit_code == 1 and "bestaat niet" in missing.stderr


def test_export_eigen_for_one_participant_and_anonymised_for_research(runner, csv_file, db_path, tmp_path):
    invoke(runner, "import", csv_file, "--db", db_path)
    out = tmp_path / "eik.jsonl"
    result = invoke(runner, "export", "--db", db_path, "--purpose", "eigen", "--participant", "Eik", "--out", out)
    assert result.exit_code == 0 and "1 verhalen" in result.stdout
    assert out.read_text(encoding="utf-8").count("\n") == 1
    research = invoke(runner, "export", "--db", db_path, "--purpose", "groep", "--out", tmp_path / "g.csv")
    assert research.exit_code == 0 and "1 verhalen" in research.stdout  # only c1 has groep
    refused = runner.invoke(cli, ["export", "--db", str(db_path), "--purpose", "eigen", "--out", str(tmp_path / "o.csv")])
    assert refused.exit_code == 1 and "deelnemer" in refused.stderr
    assert not (tmp_path / "o.csv").exists()


def test_missing_database_is_a_clear_error(runner, tmp_path):
    result = runner.invoke(cli, ["list", "--db", str(tmp_path / "geen.db")])
    assert result.exit_code == 1 and "bestaat niet" in result.stderr
    assert not (tmp_path / "geen.db").exists()


def test_db_from_environment(runner, csv_file, db_path, monkeypatch):
    monkeypatch.setenv("NARRATIEF_DB", str(db_path))
    assert invoke(runner, "import", csv_file).exit_code == 0
    assert db_path.exists()


def test_store_migrate_list(runner, db_path):
    StoryStore(db_path).close()
    result = invoke(runner, "store", "migrate", "--db", db_path, "--list")
    assert "[x] 0001_initial" in result.stdout
    assert "al bij" in invoke(runner, "store", "migrate", "--db", db_path).stdout


def test_anonymise_and_detect_a_file(runner, tmp_path):
    path = tmp_path / "verhaal.txt"
    path.write_text("Mijn zus Ilse woont in Borgerhout.", encoding="utf-8")
    result = invoke(runner, "anonymise", path)
    assert result.stdout.strip() == "Mijn zus [PERSOON-1] woont in [LOCATIE-1]."
    listed = invoke(runner, "detect", path)
    rows = list(csv.DictReader(io.StringIO(listed.stdout)))
    assert [(r["label"], r["start"], r["end"]) for r in rows] == [("PERSOON", "9", "13"), ("LOCATIE", "23", "33")]
    assert "Ilse" not in listed.stdout and "Borgerhout" not in listed.stdout


def test_themes_report_codebook_and_qdpx_from_the_command_line(runner, db_path, tmp_path):
    assert invoke(runner, "demo", "--db", db_path).exit_code == 0
    out = tmp_path / "themas.csv"
    themes = invoke(runner, "themes", "--db", db_path, "--k", "5", "--out", out)
    assert themes.exit_code == 0, themes.output
    assert "5 thema's in" in themes.stdout
    table = pd.read_csv(out)
    assert list(table.columns) == ["id", "participant", "theme", "coding", "label"]
    with StoryStore(db_path) as store:
        assert set(table["id"]) == set(store.story_ids(purpose="onderzoek"))
    report = invoke(runner, "report", "--db", db_path, "--out", tmp_path / "rapport.html")
    assert report.exit_code == 0 and (tmp_path / "rapport.html").read_text("utf-8").startswith("<!DOCTYPE html>")
    codebook = invoke(runner, "codebook", "--db", db_path, "--out", tmp_path / "themas.qdc")
    assert codebook.exit_code == 0 and "5 thema's" in codebook.stdout
    exported = invoke(runner, "export", "--db", db_path, "--purpose", "onderzoek", "--out", tmp_path / "p.qdpx")
    assert exported.exit_code == 0 and (tmp_path / "p.qdpx").stat().st_size > 0
    refused = runner.invoke(cli, ["export", "--db", str(db_path), "--purpose", "groep", "--format", "qdpx",
                                  "--out", str(tmp_path / "g.qdpx")])
    assert refused.exit_code == 1 and "onderzoek" in refused.output and not (tmp_path / "g.qdpx").exists()


def test_report_without_themes_says_what_to_do(runner, db_path, tmp_path):
    assert invoke(runner, "demo", "--db", db_path).exit_code == 0
    result = runner.invoke(cli, ["report", "--db", str(db_path), "--out", str(tmp_path / "r.html")])
    assert result.exit_code == 1 and "Zoek eerst thema's" in result.output
