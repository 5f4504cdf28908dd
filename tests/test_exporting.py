import json

import pandas as pd
import pytest

from narratief.errors import InvalidFormat
from narratief.exporting import export_stories


@pytest.fixture
def mixed_store(store):
    store.add_story("Verhaal met eigen toestemming.", participant="Eik", id="e1", consent=["eigen"])
    store.add_story("Verhaal alleen voor de groep.", participant="Eik", id="e2", consent=["groep"])
    store.add_story("Nog een eigen verhaal.", participant="Eik", id="e3", consent=["eigen", "onderzoek"])
    store.add_story("Van iemand anders.", participant="Linde", id="l1", consent=["eigen"])
    return store


def read_back(path):
    if path.suffix == ".csv":
        return pd.read_csv(path, encoding="utf-8-sig")
    if path.suffix == ".xlsx":
        return pd.read_excel(path)
    return pd.DataFrame([json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()])


@pytest.mark.parametrize("suffix", [".csv", ".xlsx", ".jsonl"])
def test_export_contains_only_consented_stories(mixed_store, tmp_path, suffix):
    path = tmp_path / f"uit{suffix}"
    assert export_stories(mixed_store, path, "eigen", viewer="Eik") == 2
    frame = read_back(path)
    assert list(frame["id"]) == ["e1", "e3"]
    assert set(frame["participant"]) == {"Eik"}
    assert "Verhaal alleen voor de groep." not in set(frame["text"])
    assert "text" in frame.columns and "consent" not in frame.columns


def test_research_export_has_only_consented_anonymised_stories(store, tmp_path):
    store.add_story("Ik woon in de Kerkstraat 12 bij Ilse Peeters.", participant="Eik", id="r1", consent=["eigen", "onderzoek"])
    store.add_story("Ilse Peeters belde niet terug.", participant="Linde", id="r2", consent=["eigen", "groep"])
    path = tmp_path / "onderzoek.jsonl"
    assert export_stories(store, path, "onderzoek") == 1
    exported = path.read_text(encoding="utf-8")
    assert '"r1"' in exported and '"r2"' not in exported
    assert "Kerkstraat" not in exported and "Ilse" not in exported and "Peeters" not in exported
    assert "[ADRES-1]" in exported


def test_failed_export_writes_no_file(mixed_store, tmp_path):
    out = tmp_path / "uit"
    with pytest.raises(InvalidFormat):
        export_stories(mixed_store, out / "onderzoek.pdf", "onderzoek")
    assert not out.exists() or list(out.iterdir()) == []


def test_unknown_format(mixed_store, tmp_path):
    with pytest.raises(InvalidFormat):
        export_stories(mixed_store, tmp_path / "uit.pdf", "eigen", viewer="Eik")


def test_export_is_audited_without_content(mixed_store, tmp_path):
    export_stories(mixed_store, tmp_path / "uit.csv", "eigen", viewer="Eik")
    line = mixed_store.audit_log()[-1]
    assert line["action"] == "export" and line["detail"] == "purpose=eigen format=csv stories=2"
