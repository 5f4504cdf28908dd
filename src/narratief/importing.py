"""Import story collections: CSV, XLSX, JSON, JSONL, a folder of .txt/.md/.docx files, or a DataFrame.

Reading (:func:`read_stories`) parses and checks everything without touching a store; :func:`import_stories`
then writes the whole batch in one transaction, so an import is all or nothing. Column headers are matched in
Dutch or English (``tekst``/``text``, ``deelnemer``/``participant``, ...); error messages name rows and columns,
never the text.
"""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
import warnings
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from narratief.errors import (
    DuplicateIds,
    EmptyImport,
    EmptyStoriesSkipped,
    EncodingFallback,
    ImportProblem,
    InvalidValue,
    NarratiefWarning,
    NoParticipantColumn,
    NoTextColumn,
    UndecodableFile,
    UnknownColumn,
    UnsupportedFormat,
)
from narratief.stories import KINDS, LEVELS, PERSPECTIVES, PURPOSES, normalise_value, shown_value, split_list

if TYPE_CHECKING:
    import pandas as pd

    from narratief.store import StoryStore

#: Accepted headers per field, compared after lower-casing and dropping spaces, dashes and underscores.
COLUMN_ALIASES: dict[str, tuple[str, ...]] = {
    "id": ("id", "verhaalid", "storyid", "verhaalnummer", "nr"),
    "text": ("tekst", "text", "verhaal", "story", "inhoud", "content", "body"),
    "participant": ("deelnemer", "participant", "pseudoniem", "pseudonym", "verteller", "teller", "auteur", "author"),
    "session": ("sessie", "session", "bijeenkomst", "meeting"),
    "level": ("niveau", "level"),
    "perspective": ("perspectief", "perspective"),
    "kind": ("soort", "kind", "type", "drempelhefboom"),
    "language": ("taal", "language", "lang"),
    "tags": ("tags", "trefwoorden", "labels", "keywords"),
    "consent": ("toestemming", "toestemmingen", "consent"),
    "created_at": ("datum", "date", "created", "createdat", "aangemaakt"),
}
TEXT_SUFFIXES = (".txt", ".md", ".docx")
TABLE_SUFFIXES = (".csv", ".tsv", ".xlsx", ".json", ".jsonl", ".ndjson")
_VOCABULARIES = {"level": LEVELS, "perspective": PERSPECTIVES, "kind": KINDS}


@dataclass
class StoryBatch:
    """Stories read and checked, ready to store: canonical field names, one dict per story."""

    records: list[dict[str, Any]]
    skipped_empty: int = 0
    ignored_columns: list[str] = field(default_factory=list)
    warnings: list[NarratiefWarning] = field(default_factory=list)
    source_format: str = ""

    def __len__(self) -> int:
        return len(self.records)


@dataclass
class ImportReport:
    """What an import did: how many stories were stored, skipped, and which warnings came up."""

    imported: int
    skipped_empty: int
    ids: list[str]
    warnings: list[str]
    ignored_columns: list[str]


def _header_key(name: Any) -> str:
    folded = unicodedata.normalize("NFKD", str(name)).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]", "", folded)


def _where(position: int, data: bytes) -> str:
    line = data[:position].count(b"\n") + 1
    return f"op regel {line} (byte {position})"


def decode_bytes(data: bytes) -> tuple[str, list[NarratiefWarning]]:
    """Decode file bytes: UTF-8 (with or without BOM) or UTF-16 with BOM; else Windows-1252 with a warning."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), []
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as err:
        where = _where(err.start, data)
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError as err:
        raise UndecodableFile(f"undecodable byte at offset {err.start}", waar=_where(err.start, data)) from None
    if "\x00" in text:
        raise UndecodableFile("binary content (NUL bytes)", waar=_where(text.index("\x00"), data))
    return text, [EncodingFallback(waar=where)]


# -- raw rows per format ----------------------------------------------------------------------------------------
def _rows_from_csv(text: str, suffix: str) -> list[tuple[str, dict[str, Any]]]:
    if not text.strip():
        return []
    if suffix == ".tsv":
        delimiter = "\t"
    else:
        sample = text[:8192]
        try:
            delimiter = csv.Sniffer().sniff(sample, delimiters=",;\t|").delimiter
        except csv.Error:
            delimiter = ","
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows = []
    for number, row in enumerate(reader, start=1):
        extra = row.pop(None, None)  # cells beyond the header
        if extra and any(str(cell).strip() for cell in extra):
            row["(zonder kop)"] = ";".join(extra)
        rows.append((f"rij {number}", row))
    return rows


def _rows_from_xlsx(path: Path) -> list[tuple[str, dict[str, Any]]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as err:  # openpyxl raises many types for broken files
        raise ImportProblem(f"cannot open workbook: {type(err).__name__}", waar=path.name, reden="geen geldig Excel-bestand") from None
    try:
        sheet = workbook.worksheets[0]
        header: list[str] | None = None
        rows = []
        for excel_row, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            if header is None:
                if any(v is not None and str(v).strip() for v in values):
                    header = [str(v).strip() if v is not None else f"kolom{i + 1}" for i, v in enumerate(values)]
                continue
            if not any(v is not None and str(v).strip() for v in values):
                continue
            rows.append((f"rij {excel_row}", {h: ("" if v is None else v) for h, v in zip(header, values)}))
        return rows
    finally:
        workbook.close()


def _rows_from_json(text: str) -> list[tuple[str, dict[str, Any]]]:
    try:
        data = json.loads(text) if text.strip() else []
    except json.JSONDecodeError as err:
        raise ImportProblem(f"invalid JSON at line {err.lineno}", waar=f"regel {err.lineno}", reden="geen geldige JSON") from None
    if isinstance(data, Mapping):
        for key in ("stories", "verhalen", "data", "items"):
            if isinstance(data.get(key), list):
                data = data[key]
                break
        else:
            data = [data]
    if not isinstance(data, list) or not all(isinstance(item, Mapping) for item in data):
        raise ImportProblem("JSON is not a list of objects", waar="bestand", reden="verwacht een lijst van verhalen")
    return [(f"verhaal {i}", dict(item)) for i, item in enumerate(data, start=1)]


def _rows_from_jsonl(text: str) -> list[tuple[str, dict[str, Any]]]:
    rows = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError:
            raise ImportProblem(f"invalid JSON on line {number}", waar=f"regel {number}", reden="geen geldige JSON") from None
        if not isinstance(item, Mapping):
            raise ImportProblem(f"line {number} is not an object", waar=f"regel {number}", reden="verwacht een object")
        rows.append((f"regel {number}", dict(item)))
    return rows


def _text_of_file(path: Path) -> tuple[str, list[NarratiefWarning]]:
    if path.suffix.lower() == ".docx":
        import docx

        try:
            document = docx.Document(str(path))
        except Exception as err:
            raise ImportProblem(f"cannot open docx: {type(err).__name__}", waar=path.name, reden="geen geldig Word-bestand") from None
        return "\n".join(paragraph.text for paragraph in document.paragraphs), []
    try:
        return decode_bytes(path.read_bytes())
    except UndecodableFile as err:
        raise UndecodableFile(err.detail, waar=f"in {path.name}, {err.fields['waar']}") from None


def _rows_from_folder(folder: Path) -> tuple[list[tuple[str, dict[str, Any]]], list[NarratiefWarning]]:
    rows, found_warnings = [], []
    files = sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES)
    for path in files:
        relative = path.relative_to(folder)
        text, file_warnings = _text_of_file(path)
        found_warnings.extend(file_warnings)
        row: dict[str, Any] = {"id": relative.with_suffix("").as_posix(), "text": text}
        if len(relative.parts) > 1:
            row["participant"] = relative.parts[0]
        rows.append((relative.as_posix(), row))
    return rows, found_warnings


def _raw_rows(source: str | Path | pd.DataFrame) -> tuple[list[tuple[str, dict[str, Any]]], list[NarratiefWarning], str]:
    if not isinstance(source, (str, Path)):
        frame = source
        rows = [(f"rij {label}", dict(record)) for label, record in zip(frame.index, frame.to_dict("records"))]
        return rows, [], "dataframe"
    path = Path(source)
    if path.is_dir():
        rows, found = _rows_from_folder(path)
        return rows, found, "map"
    if not path.exists():
        raise ImportProblem("file not found", waar=path.name, reden="bestand niet gevonden")
    suffix = path.suffix.lower()
    if suffix not in TABLE_SUFFIXES and suffix not in TEXT_SUFFIXES:
        raise UnsupportedFormat(f"unsupported suffix {suffix!r}", pad=path.name)
    if suffix == ".xlsx":
        return _rows_from_xlsx(path), [], "xlsx"
    if suffix in TEXT_SUFFIXES:
        text, found = _text_of_file(path)
        return [(path.name, {"id": path.stem, "text": text})], found, suffix.lstrip(".")
    text, found = decode_bytes(path.read_bytes())
    if suffix in (".csv", ".tsv"):
        return _rows_from_csv(text, suffix), found, suffix.lstrip(".")
    if suffix == ".json":
        return _rows_from_json(text), found, "json"
    return _rows_from_jsonl(text), found, "jsonl"


# -- mapping and checks -----------------------------------------------------------------------------------------
def _map_columns(headers: list[str], explicit: Mapping[str, str | None]) -> dict[str, str]:
    mapping: dict[str, str] = {}
    for field_name, column in explicit.items():
        if column is None:
            continue
        if column not in headers:
            raise UnknownColumn(f"column for {field_name} not found", kolom=column, kolommen=", ".join(headers) or "geen")
        mapping[field_name] = column
    by_key = {_header_key(h): h for h in headers}
    for field_name, aliases in COLUMN_ALIASES.items():
        if field_name in mapping:
            continue
        for alias in aliases:
            if alias in by_key and by_key[alias] not in mapping.values():
                mapping[field_name] = by_key[alias]
                break
    return mapping


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value != value:  # NaN from pandas
        return ""
    if isinstance(value, (list, tuple)):
        return ";".join(str(v) for v in value)
    return str(value).strip()


def _checked(field_name: str, value: str, column: str, row: str, allowed: Iterable[str]) -> str | None:
    try:
        return normalise_value(field_name, value)
    except ValueError:
        raise InvalidValue(
            f"invalid {field_name} value in {row}", waarde=shown_value(value), kolom=column, rij=row.split()[-1],
            toegestaan=", ".join(allowed),
        ) from None


def read_stories(
    source: str | Path | pd.DataFrame,
    *,
    columns: Mapping[str, str] | None = None,
    text_column: str | None = None,
    participant_column: str | None = None,
    participant: str | None = None,
    session: str | None = None,
) -> StoryBatch:
    """Read and check stories from a file, a folder or a DataFrame, without storing anything.

    ``columns`` maps fields (``text``, ``participant``, ``session``, ``level``, ...) to column names;
    ``text_column`` and ``participant_column`` are shortcuts. ``participant`` and ``session`` fill in rows
    that have none. Raises an :class:`~narratief.errors.ImportProblem` subclass on the first problem.
    """
    rows, found_warnings, source_format = _raw_rows(source)
    if not rows:
        raise EmptyImport("no rows")
    headers: list[str] = []
    for _, row in rows:
        for key in row:
            if key not in headers:
                headers.append(str(key))
    explicit = dict(columns or {})
    explicit.setdefault("text", text_column)
    explicit.setdefault("participant", participant_column)
    mapping = _map_columns(headers, explicit)
    if "text" not in mapping:
        raise NoTextColumn("no text column", kolommen=", ".join(headers))
    if "participant" not in mapping and participant is None:
        raise NoParticipantColumn("no participant column", kolommen=", ".join(headers))

    records, skipped = [], 0
    for label, row in rows:
        text = _cell(row.get(mapping["text"])).replace("\r\n", "\n").replace("\r", "\n")
        if not text:
            skipped += 1
            continue
        record: dict[str, Any] = {"text": text}
        record["id"] = _cell(row.get(mapping["id"])) if "id" in mapping else ""
        record["participant"] = (_cell(row.get(mapping["participant"])) if "participant" in mapping else "") or participant
        if not record["participant"]:
            raise InvalidValue(
                f"empty participant in {label}", waarde="", kolom=mapping.get("participant", "deelnemer"),
                rij=label.split()[-1], toegestaan="een pseudoniem",
            )
        record["session"] = (_cell(row.get(mapping["session"])) if "session" in mapping else "") or session
        for name, allowed in _VOCABULARIES.items():
            record[name] = _checked(name, _cell(row.get(mapping[name])), mapping[name], label, allowed) if name in mapping else None
        record["language"] = (_cell(row.get(mapping["language"])) if "language" in mapping else "") or "nl"
        record["tags"] = split_list(_cell(row.get(mapping["tags"]))) if "tags" in mapping else []
        record["consent"] = (
            [_checked("purpose", item, mapping["consent"], label, PURPOSES) for item in split_list(_cell(row.get(mapping["consent"])))]
            if "consent" in mapping
            else []
        )
        record["created_at"] = (_cell(row.get(mapping["created_at"])) if "created_at" in mapping else "") or None
        records.append(record)

    if not records:
        raise EmptyImport("every story is empty")
    counts = Counter(r["id"] for r in records if r["id"])
    duplicates = sorted(i for i, n in counts.items() if n > 1)
    if duplicates:
        raise DuplicateIds("duplicate ids in the file", ids=", ".join(duplicates[:10]))
    if skipped:
        found_warnings.append(EmptyStoriesSkipped(aantal=skipped))
    used = set(mapping.values())
    for warning in found_warnings:
        warnings.warn(warning, stacklevel=2)
    return StoryBatch(
        records=records,
        skipped_empty=skipped,
        ignored_columns=[h for h in headers if h not in used],
        warnings=found_warnings,
        source_format=source_format,
    )


def import_stories(store: StoryStore, source: str | Path | pd.DataFrame | StoryBatch, **options: Any) -> ImportReport:
    """Read ``source`` (see :func:`read_stories`) and store every story in one transaction: all or nothing.

    Consent found in the file is recorded as given through import (``method="import"``).
    """
    batch = source if isinstance(source, StoryBatch) else read_stories(source, **options)
    ids = []
    with store.atomic():
        clashes = [r["id"] for r in batch.records if r["id"] and store.exists(r["id"])]
        if clashes:
            raise DuplicateIds("ids already in the store", ids=", ".join(sorted(clashes)[:10]))
        for record in batch.records:
            story = store.add_story(
                record["text"],
                record["participant"],
                id=record["id"] or None,
                session=record["session"],
                language=record["language"],
                level=record["level"],
                perspective=record["perspective"],
                kind=record["kind"],
                tags=record["tags"],
                consent=record["consent"],
                consent_method="import",
                source="import",
                created_at=record["created_at"],
            )
            ids.append(story.id)
        store.record("import", None, f"format={batch.source_format} stories={len(ids)} skipped_empty={batch.skipped_empty}")
    return ImportReport(
        imported=len(ids),
        skipped_empty=batch.skipped_empty,
        ids=ids,
        warnings=[w.message for w in batch.warnings],
        ignored_columns=batch.ignored_columns,
    )


#: Short alias used by the package top level.
import_file = import_stories
