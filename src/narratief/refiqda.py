"""REFI-QDA exchange: themes to NVivo, ATLAS.ti, MAXQDA, QualCoder (``.qdpx`` project, ``.qdc`` codebook).

The project holds only stories consented for ``onderzoek``, in their anonymised form. Known import pitfalls are
followed: texts are stored with ``\\n`` line endings in the ``Sources/`` folder of the archive and every
``startPosition``/``endPosition`` is a character offset into exactly that stored text; GUIDs are 8-4-4-4-12.
GUIDs are derived from ids (uuid5), so exporting the same project twice gives the same GUIDs.
"""

from __future__ import annotations

import datetime as dt
import os
import uuid
import zipfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from lxml import etree

from narratief import __version__
from narratief.errors import InvalidCodebook, ResearchOnly
from narratief.nlp.sentences import keyword_hits, sentence_spans
from narratief.themes.codebook import Codebook, CodebookTheme, codebook_from_records

PROJECT_NS = "urn:QDA-XML:project:1.0"
CODEBOOK_NS = "urn:QDA-XML:codebook:1.0"
_GUIDS = uuid.UUID("6f1c3a52-7d0e-4b1e-9a55-1f0e6b7c2d41")
MACHINE_USER = "narratief (machine)"
LEVELS = ("micro", "meso", "macro")
SEED_PREFIX = "Zoekwoorden: "
VARIABLES = (("sessie", "session"), ("niveau", "level"), ("perspectief", "perspective"), ("soort", "kind"))


def guid(kind: str, key: Any) -> str:
    """A stable GUID (8-4-4-4-12) for ``kind`` + ``key``."""
    return str(uuid.uuid5(_GUIDS, f"{kind}:{key}"))


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def stored_text(text: str) -> str:
    """The text as it goes into the archive: ``\\n`` line endings only."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def evidence_span(text: str, keywords: Iterable[str]) -> tuple[int, int]:
    """The sentence with most theme keywords (the whole text when none has any)."""
    keywords = list(keywords)
    best, best_hits = (0, len(text)), 0
    for begin, end in sentence_spans(text):
        hits = keyword_hits(text[begin:end], keywords)
        if hits > best_hits:
            best, best_hits = (begin, end), hits
    return best


def _run_codebook(run) -> Codebook | None:
    """The codebook a stored theme run used, when it can still be loaded."""
    from narratief.themes.codebook import load_codebook

    if not run.params.get("codebook"):
        return None
    try:
        return load_codebook(run.params["codebook"])
    except InvalidCodebook:
        return None


def _level_of(codebook: Codebook | None, code: str | None) -> str | None:
    """The level (micro/meso/macro) of codebook theme ``code``, if known."""
    if codebook is None or not code:
        return None
    try:
        return codebook.theme(code).level
    except KeyError:
        return None


def _code_tree(themes, codebook: Codebook | None) -> tuple[list[tuple[str, str, list]], dict[int, str]]:
    """Top-level codes as (name, guid, children); codebook themes grouped under their level."""
    by_level: dict[str, list] = {}
    top: list = []
    theme_guid: dict[int, str] = {}
    for row in themes.itertuples(index=False):
        code_guid = guid("theme", f"{row.theme}:{row.label}")
        theme_guid[int(row.theme)] = code_guid
        description = "Trefwoorden: " + ", ".join(row.keywords) if len(row.keywords) else ""
        node = (row.label, code_guid, [], description)
        level = _level_of(codebook, row.code)
        if level:
            by_level.setdefault(level, []).append(node)
        else:
            top.append(node)
    grouped = [(f"niveau {level}", guid("level", level), by_level[level], "") for level in LEVELS if level in by_level]
    grouped += [(f"niveau {lv}", guid("level", lv), nodes, "") for lv, nodes in by_level.items() if lv not in LEVELS]
    return grouped + top, theme_guid


def _codes_element(parent, tree, ns: str) -> None:
    codes = etree.SubElement(parent, f"{{{ns}}}Codes")

    def add(into, node, codable: bool) -> None:
        name, code_guid, children, description = node
        code = etree.SubElement(into, f"{{{ns}}}Code", guid=code_guid, name=name, isCodable="true" if codable else "false")
        if description:
            etree.SubElement(code, f"{{{ns}}}Description").text = description
        for child in children:
            add(code, child, True)

    for node in tree:
        add(codes, node, not node[2])


def build_project(store, *, run_id: int | None = None, purpose: str = "onderzoek") -> tuple[bytes, dict[str, str]]:
    """The ``project.qde`` XML and the source texts (file name → text) of a ``.qdpx``."""
    from narratief.privacy.gate import shareable_stories
    from narratief.themes.storage import load_themes

    if purpose != "onderzoek":
        raise ResearchOnly(f"qdpx export asked for purpose {purpose!r}")
    stories = shareable_stories(store, purpose)
    run = load_themes(store, run_id)
    codebook = _run_codebook(run)
    assignments = run.assignments.set_index("story_id")
    keywords = run.themes.set_index("theme")["keywords"].to_dict()
    editors = sorted({e.editor for e in run.edits})
    human_of: dict[str, str] = {}
    for edit in run.edits:
        touched = set(edit.params.get("story", "").split()) if isinstance(edit.params.get("story"), str) else set()
        for ids in edit.members.values():
            touched |= set(ids)
        for group in edit.params.get("groups", []):
            touched |= set(group)
        for story_id in touched:
            human_of[story_id] = edit.editor
    now = _now()
    machine_guid = guid("user", MACHINE_USER)
    root = etree.Element(f"{{{PROJECT_NS}}}Project", nsmap={None: PROJECT_NS}, name="narratief-thema's",
                         origin=f"narratief {__version__}", creatingUserGUID=machine_guid, creationDateTime=now)
    users = etree.SubElement(root, f"{{{PROJECT_NS}}}Users")
    etree.SubElement(users, f"{{{PROJECT_NS}}}User", guid=machine_guid, name=MACHINE_USER, id="machine")
    for editor in editors:
        etree.SubElement(users, f"{{{PROJECT_NS}}}User", guid=guid("user", editor), name=editor, id=f"mens:{editor}")
    tree, theme_guid = _code_tree(run.themes, codebook)
    if tree:
        _codes_element(etree.SubElement(root, f"{{{PROJECT_NS}}}CodeBook"), tree, PROJECT_NS)
    variables = etree.SubElement(root, f"{{{PROJECT_NS}}}Variables")
    for name, _ in VARIABLES:
        etree.SubElement(variables, f"{{{PROJECT_NS}}}Variable", guid=guid("variable", name), name=name,
                         typeOfVariable="Text")
    files: dict[str, str] = {}
    sources_el = etree.Element(f"{{{PROJECT_NS}}}Sources")
    cases: dict[str, list[str]] = {}
    case_values: dict[str, dict[str, set[str]]] = {}
    for row in stories.itertuples(index=False):
        source_guid = guid("story", row.id)
        text = stored_text(row.text)
        files[f"{source_guid}.txt"] = text
        source = etree.SubElement(sources_el, f"{{{PROJECT_NS}}}TextSource", guid=source_guid, name=row.id,
                                  plainTextPath=f"internal://{source_guid}.txt", creatingUser=machine_guid,
                                  creationDateTime=now)
        if row.id in assignments.index:
            theme = int(assignments.loc[row.id, "theme"])
            if theme in theme_guid:
                begin, end = evidence_span(text, keywords.get(theme, []))
                coder = guid("user", human_of[row.id]) if assignments.loc[row.id, "coding"] == "mens" and row.id in human_of else machine_guid
                selection = etree.SubElement(source, f"{{{PROJECT_NS}}}PlainTextSelection",
                                             guid=guid("selection", f"{row.id}:{theme}"), name=f"{row.id} {begin}-{end}",
                                             startPosition=str(begin), endPosition=str(end), creatingUser=coder,
                                             creationDateTime=now)
                coding = etree.SubElement(selection, f"{{{PROJECT_NS}}}Coding", guid=guid("coding", f"{row.id}:{theme}"),
                                          creatingUser=coder, creationDateTime=now)
                etree.SubElement(coding, f"{{{PROJECT_NS}}}CodeRef", targetGUID=theme_guid[theme])
        for name, column in VARIABLES:
            value = getattr(row, column) or ""
            if value:
                holder = etree.SubElement(source, f"{{{PROJECT_NS}}}VariableValue")
                etree.SubElement(holder, f"{{{PROJECT_NS}}}VariableRef", targetGUID=guid("variable", name))
                etree.SubElement(holder, f"{{{PROJECT_NS}}}TextValue").text = str(value)
        cases.setdefault(row.participant, []).append(source_guid)
        for name, column in VARIABLES:
            value = getattr(row, column) or ""
            if value:
                case_values.setdefault(row.participant, {}).setdefault(name, set()).add(str(value))
    if cases:
        cases_el = etree.SubElement(root, f"{{{PROJECT_NS}}}Cases")
        for participant, source_guids in sorted(cases.items()):
            case = etree.SubElement(cases_el, f"{{{PROJECT_NS}}}Case", guid=guid("case", participant), name=participant)
            for name, values in case_values.get(participant, {}).items():  # a teller's values over their stories
                holder = etree.SubElement(case, f"{{{PROJECT_NS}}}VariableValue")
                etree.SubElement(holder, f"{{{PROJECT_NS}}}VariableRef", targetGUID=guid("variable", name))
                etree.SubElement(holder, f"{{{PROJECT_NS}}}TextValue").text = "; ".join(sorted(values))
            for source_guid in source_guids:
                etree.SubElement(case, f"{{{PROJECT_NS}}}SourceRef", targetGUID=source_guid)
    if len(sources_el):
        root.append(sources_el)
    etree.SubElement(root, f"{{{PROJECT_NS}}}Description").text = (
        f"Thema's uit narratief (run {run.run_id}); alleen geanonimiseerde verhalen met toestemming voor onderzoek."
    )
    xml = etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True)
    return xml, files


def write_qdpx(store, path: str | os.PathLike, *, run_id: int | None = None, purpose: str = "onderzoek") -> int:
    """Write a REFI-QDA project (``.qdpx``); returns the number of sources. Written aside, then renamed."""
    xml, files = build_project(store, run_id=run_id, purpose=purpose)
    path = Path(path)
    partial = path.with_name(path.name + ".partial")
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("project.qde", xml)
        for name, text in files.items():
            archive.writestr(f"Sources/{name}", text.encode("utf-8"))
    os.replace(partial, path)
    store.record("export.qdpx", None, f"sources={len(files)}")
    return len(files)


def codebook_from_run(store, run_id: int | None = None) -> Codebook:
    """The themes of a stored run as a codebook (label as name, keywords as seed words, level from the codebook
    the run used)."""
    from narratief.themes.storage import load_themes

    run = load_themes(store, run_id)
    source = _run_codebook(run)
    records = []
    for row in run.themes.itertuples(index=False):
        level = _level_of(source, row.code)
        records.append({"id": f"thema-{row.theme}", "naam": row.label, "zoekwoorden": list(row.keywords),
                        "niveau": level})
    return codebook_from_records(records, id=f"narratief-run-{run.run_id}", name=f"narratief run {run.run_id}")


def write_qdc(codebook: Codebook, path: str | os.PathLike) -> None:
    """Write ``codebook`` as a REFI-QDA codebook (``.qdc``); themes grouped under their level."""
    root = etree.Element(f"{{{CODEBOOK_NS}}}CodeBook", nsmap={None: CODEBOOK_NS}, origin=f"narratief {__version__}")
    groups: dict[str, list] = {}
    for theme in codebook.themes:
        lines = [theme.description] if theme.description else []
        if theme.seed_words:
            lines.append(SEED_PREFIX + ", ".join(theme.seed_words))
        node = (theme.name, guid("code", f"{codebook.id}:{theme.id}"), [], "\n".join(lines))
        groups.setdefault(theme.level or "", []).append(node)
    tree = [(f"niveau {level}", guid("level", f"{codebook.id}:{level}"), nodes, "") for level, nodes in groups.items() if level]
    tree += groups.get("", [])
    _codes_element(root, tree, CODEBOOK_NS)
    Path(path).write_bytes(etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True))


def read_qdc(path: str | os.PathLike) -> Codebook:
    """Read a REFI-QDA codebook (``.qdc``) as a guided codebook: codable codes become themes; a parent named
    ``niveau micro|meso|macro`` (or just ``micro``…) gives their level; ``Zoekwoorden:`` lines give seed words."""
    path = Path(path)
    try:
        root = etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True)).getroot()
    except etree.XMLSyntaxError:
        raise InvalidCodebook("not XML", pad=path.name, reden="geen geldig XML-bestand") from None
    records = []

    def walk(element, level: str | None) -> None:
        for code in element:
            if etree.QName(code).localname != "Code":
                continue
            name = code.get("name", "")
            lower = name.lower().removeprefix("niveau ").strip()
            child_level = lower if lower in LEVELS else level
            description_el = next((c for c in code if etree.QName(c).localname == "Description"), None)
            description = description_el.text or "" if description_el is not None else ""
            seeds = ""
            kept = []
            for line in description.splitlines():
                if line.startswith(SEED_PREFIX):
                    seeds = line[len(SEED_PREFIX):]
                else:
                    kept.append(line)
            if code.get("isCodable", "true") == "true" and lower not in LEVELS:
                records.append({"naam": name, "beschrijving": "\n".join(kept).strip(), "zoekwoorden": seeds,
                                "niveau": child_level})
            walk(code, child_level)

    for codes in root.iter():
        if etree.QName(codes).localname == "Codes":
            walk(codes, None)
            break
    return codebook_from_records(records, id=path.stem, name=root.get("name") or path.stem)


__all__ = ["build_project", "codebook_from_run", "write_qdpx", "write_qdc", "read_qdc", "guid", "CodebookTheme"]
