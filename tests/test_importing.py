import json
import warnings

import pandas as pd
import pytest

from narratief.errors import (
    DuplicateIds,
    EmptyImport,
    EncodingFallback,
    InvalidValue,
    NoParticipantColumn,
    NoTextColumn,
    UndecodableFile,
    UnknownColumn,
    UnsupportedFormat,
)
from narratief.importing import import_stories, read_stories

ROWS = [
    {"id": "a1", "deelnemer": "Eik", "sessie": "s1", "niveau": "micro", "perspectief": "gebruiker", "soort": "drempel",
     "toestemming": "eigen; groep", "tekst": "Ik voelde me niet gehoord door de begeleider."},
    {"id": "a2", "deelnemer": "Linde", "sessie": "s1", "niveau": "Macro", "perspectief": "Hulpverlener", "soort": "hefboom",
     "toestemming": "eigen,onderzoek", "tekst": "Een vaste contactpersoon maakte het verschil."},
    {"id": "a3", "deelnemer": "Eik", "sessie": "s2", "niveau": "meso", "perspectief": "gebruiker", "soort": "hefboom",
     "toestemming": "eigen", "tekst": "In de groep vond ik woorden voor wat ik meemaakte.\nDat gaf rust."},
]


def write_csv(path, rows, sep=";", encoding="utf-8"):
    pd.DataFrame(rows).to_csv(path, sep=sep, index=False, encoding=encoding)
    return path


def stored(store):
    return store.list_stories().set_index("id")


def check_all_three(store, report):
    assert report.imported == 3
    frame = stored(store)
    assert list(frame.index) == ["a1", "a2", "a3"]
    assert frame.loc["a2", "level"] == "macro" and frame.loc["a2", "perspective"] == "hulpverlener"
    assert frame.loc["a1", "consent"] == "eigen;groep"
    assert frame.loc["a2", "consent"] == "eigen;onderzoek"
    assert store.get_story("a3").text.endswith("Dat gaf rust.")
    assert store.consents("a1")["groep"].method == "import"


@pytest.mark.parametrize("sep", [";", ",", "\t"])
def test_csv_with_dutch_headers(store, tmp_path, sep):
    report = import_stories(store, write_csv(tmp_path / "verhalen.csv", ROWS, sep=sep))
    check_all_three(store, report)


def test_csv_with_english_headers(store, tmp_path):
    english = [
        {"ID": r["id"], "Participant": r["deelnemer"], "Session": r["sessie"], "Level": r["niveau"],
         "Perspective": r["perspectief"], "Kind": r["soort"], "Consent": r["toestemming"], "Text": r["tekst"]}
        for r in ROWS
    ]
    check_all_three(store, import_stories(store, write_csv(tmp_path / "stories.csv", english)))


def test_xlsx(store, tmp_path):
    path = tmp_path / "verhalen.xlsx"
    pd.DataFrame(ROWS).to_excel(path, index=False)
    check_all_three(store, import_stories(store, path))


def test_json_and_jsonl(store, tmp_path, db_path):
    (tmp_path / "verhalen.json").write_text(json.dumps({"verhalen": ROWS}, ensure_ascii=False), encoding="utf-8")
    check_all_three(store, import_stories(store, tmp_path / "verhalen.json"))
    from narratief.store import StoryStore

    other = StoryStore(tmp_path / "other.db")
    (tmp_path / "verhalen.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in ROWS) + "\n", encoding="utf-8")
    check_all_three(other, import_stories(other, tmp_path / "verhalen.jsonl"))
    other.close()


def test_dataframe(store):
    check_all_three(store, import_stories(store, pd.DataFrame(ROWS)))


def test_folder_of_text_files(store, tmp_path):
    import docx

    folder = tmp_path / "map"
    (folder / "Eik").mkdir(parents=True)
    (folder / "Eik" / "eerste.txt").write_text("Mijn eerste verhaal.", encoding="utf-8")
    (folder / "Eik" / "tweede.md").write_text("# Titel\n\nMijn tweede verhaal.", encoding="utf-8")
    document = docx.Document()
    document.add_paragraph("Een verhaal uit Word.")
    document.add_paragraph("Met twee alinea's.")
    document.save(folder / "los.docx")
    (folder / "notities.pdf").write_bytes(b"%PDF")  # ignored
    report = import_stories(store, folder, participant="Linde", session="s9")
    assert report.imported == 3
    frame = stored(store)
    assert frame.loc["Eik/eerste", "participant"] == "Eik"
    assert frame.loc["los", "participant"] == "Linde"
    assert set(frame["session"]) == {"s9"}
    assert store.get_story("los").text == "Een verhaal uit Word.\nMet twee alinea's."


def test_explicit_columns(store, tmp_path):
    rows = [{"Verhaal van de dag": "Tekst een.", "Wie": "Eik"}, {"Verhaal van de dag": "Tekst twee.", "Wie": "Linde"}]
    report = import_stories(
        store, write_csv(tmp_path / "x.csv", rows), text_column="Verhaal van de dag", participant_column="Wie", session="s1"
    )
    assert report.imported == 2
    assert sorted(stored(store)["participant"]) == ["Eik", "Linde"]


def test_empty_stories_are_skipped_and_counted(store, tmp_path):
    rows = ROWS + [{**ROWS[0], "id": "leeg", "tekst": "   "}]
    with pytest.warns(Warning, match="W002"):
        report = import_stories(store, write_csv(tmp_path / "x.csv", rows))
    assert report.imported == 3 and report.skipped_empty == 1
    assert not store.exists("leeg")


def test_unused_columns_are_reported(store, tmp_path):
    rows = [{**r, "details": "geheim"} for r in ROWS]
    report = import_stories(store, write_csv(tmp_path / "x.csv", rows))
    assert report.ignored_columns == ["details"]


def test_cp1252_file_is_read_with_a_warning(store, tmp_path):
    path = write_csv(tmp_path / "oud.csv", [{**ROWS[0], "tekst": "Ik was één dag in het ziekenhuis."}], encoding="cp1252")
    with pytest.warns(EncodingFallback, match="regel 2"):
        report = import_stories(store, path)
    assert report.imported == 1
    assert "één" in store.get_story("a1").text
    assert any("Windows-1252" in w for w in report.warnings)


# -- bad input: each gives its error and stores nothing -------------------------------------------------------
def bad_inputs(tmp_path):
    empty = tmp_path / "leeg.csv"
    empty.write_bytes(b"")
    header_only = tmp_path / "kop.csv"
    header_only.write_text("id;deelnemer;tekst\n", encoding="utf-8")
    no_text = write_csv(tmp_path / "geen-tekst.csv", [{"deelnemer": "Eik", "opmerking": "x"}])
    undecodable = tmp_path / "kapot.csv"
    undecodable.write_bytes("deelnemer;tekst\nEik;goed\n".encode() + b"Linde;fout \x81\x8d hier\n")
    duplicates = write_csv(tmp_path / "dubbel.csv", ROWS + [{**ROWS[1], "tekst": "Andere tekst."}])
    bad_level = write_csv(tmp_path / "niveau.csv", ROWS + [{**ROWS[0], "id": "a9", "niveau": "mega"}])
    bad_perspective = write_csv(tmp_path / "persp.csv", [{**ROWS[0], "perspectief": "buurman"}])
    bad_consent = write_csv(tmp_path / "toest.csv", [{**ROWS[0], "toestemming": "eigen;iedereen"}])
    no_participant = write_csv(tmp_path / "anoniem.csv", [{"tekst": "Een verhaal."}])
    unsupported = tmp_path / "verhalen.pdf"
    unsupported.write_bytes(b"%PDF-1.4")
    return [
        (empty, {}, EmptyImport, "geen verhalen"),
        (header_only, {}, EmptyImport, "geen verhalen"),
        (no_text, {}, NoTextColumn, "deelnemer, opmerking"),
        (undecodable, {}, UndecodableFile, "regel 3"),
        (duplicates, {}, DuplicateIds, "a2"),
        (bad_level, {}, InvalidValue, "mega"),
        (bad_perspective, {}, InvalidValue, "gebruiker, hulpverlener"),
        (bad_consent, {}, InvalidValue, "iedereen"),
        (no_participant, {}, NoParticipantColumn, "tekst"),
        (write_csv(tmp_path / "y.csv", ROWS), {"text_column": "bestaat niet"}, UnknownColumn, "deelnemer"),
        (unsupported, {}, UnsupportedFormat, "verhalen.pdf"),
    ]


def test_each_bad_input_gives_its_error_and_stores_nothing(store, tmp_path):
    for path, options, error, in_message in bad_inputs(tmp_path):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            with pytest.raises(error) as caught:
                import_stories(store, path, **options)
        assert in_message in caught.value.message, (path.name, caught.value.message)
        assert store.story_ids() == [], path.name


def test_ids_already_in_the_store_abort_the_whole_import(store, tmp_path):
    store.add_story("Bestaand.", participant="Eik", id="a2")
    with pytest.raises(DuplicateIds):
        import_stories(store, write_csv(tmp_path / "x.csv", ROWS))
    assert store.story_ids() == ["a2"]


def test_error_messages_never_contain_story_text(store, tmp_path):
    rows = [{**ROWS[0], "niveau": "mega"}]
    with pytest.raises(InvalidValue) as caught:
        import_stories(store, write_csv(tmp_path / "x.csv", rows))
    assert "gehoord" not in caught.value.message and "gehoord" not in str(caught.value)


def test_read_stories_touches_no_store(tmp_path):
    batch = read_stories(write_csv(tmp_path / "x.csv", ROWS))
    assert len(batch) == 3 and batch.records[0]["consent"] == ["eigen", "groep"]


def test_a_sentence_in_a_vocabulary_column_is_not_echoed(store, tmp_path):
    rows = [{**ROWS[0], "niveau": "ik voelde me niet gehoord"}]
    with pytest.raises(InvalidValue) as caught:
        import_stories(store, write_csv(tmp_path / "x.csv", rows))
    assert "gehoord" not in caught.value.message and "25 tekens" in caught.value.message
