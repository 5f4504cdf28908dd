from __future__ import annotations

import re
import zipfile

import pytest
from lxml import etree

from narratief.errors import ResearchOnly
from narratief.example import create_demo_store
from tests.leaks import raw_details
from narratief.refiqda import PROJECT_NS, codebook_from_run, read_qdc, write_qdc, write_qdpx
from narratief.store import StoryStore
from narratief.themes.codebook import load_codebook
from narratief.themes.storage import themes_from_store

XSD = "/work/shared/refi-qda/Project.xsd"
NS = {"q": PROJECT_NS}


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """The example collection with a theme run from the shipped codebook and two human edits."""
    path = tmp_path_factory.mktemp("qda") / "demo.db"
    create_demo_store(path)
    store = StoryStore(path)
    result, stories, _ = themes_from_store(store, codebook="drempels-hefbomen", n_themes=24)
    used = [t for t in result.theme_ids() if result.members(t)]
    result.merge(used[:2], editor="An")
    result.rename(used[0], "Samengevoegd thema", editor="Bo")
    from narratief.themes.storage import save_themes

    save_themes(store, result, params={"codebook": "drempels-hefbomen", "min_participants": 3, "seed": 0})
    out = path.parent / "project.qdpx"
    write_qdpx(store, out)
    yield store, result, stories, out
    store.close()


def _project(path):
    with zipfile.ZipFile(path) as archive:
        root = etree.fromstring(archive.read("project.qde"))
        sources = {n: archive.read(n).decode("utf-8") for n in archive.namelist() if n.startswith("Sources/")}
    return root, sources


def test_project_validates_against_the_refi_qda_schema(demo):
    _, _, _, out = demo
    schema = etree.XMLSchema(etree.parse(XSD))
    root, sources = _project(out)
    assert schema.validate(root), schema.error_log.last_error
    assert sources and all("\r" not in text for text in sources.values())
    guids = [e.get("guid") for e in root.iter() if e.get("guid")]
    assert all(re.fullmatch(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", g) for g in guids)


def test_round_trip_keeps_themes_cases_variables_and_offsets(demo):
    store, result, stories, out = demo
    root, sources = _project(out)
    code_names = {c.get("guid"): c.get("name") for c in root.iterfind(".//q:Code", NS) if c.get("isCodable") == "true"}
    assert set(code_names.values()) == set(result.themes["label"])
    assert {c.get("name") for c in root.iterfind(".//q:Code", NS) if c.get("isCodable") == "false"} <= {
        "niveau micro", "niveau meso", "niveau macro"}
    assert {c.get("name") for c in root.iterfind(".//q:Case", NS)} == set(stories["participant"])
    for case in root.iterfind(".//q:Case", NS):
        mine = stories[stories["participant"] == case.get("name")]
        values = {v.find("q:VariableRef", NS).get("targetGUID"): v.findtext("q:TextValue", namespaces=NS)
                  for v in case.iterfind("q:VariableValue", NS)}
        sessions = values.get(next(v.get("guid") for v in root.iterfind(".//q:Variable", NS) if v.get("name") == "sessie"))
        assert sessions == "; ".join(sorted(set(mine["session"].dropna())))
        assert len(case.findall("q:SourceRef", NS)) == len(mine)
    assert [v.get("name") for v in root.iterfind(".//q:Variable", NS)] == ["sessie", "niveau", "perspectief", "soort"]
    labels = result.themes.set_index("theme")["label"]
    by_id = dict(zip(result.story_ids, result.assignments))
    texts = dict(zip(stories["id"], stories["text"]))
    coded = 0
    for source in root.iterfind(".//q:TextSource", NS):
        story_id = source.get("name")
        text = sources["Sources/" + source.get("plainTextPath").removeprefix("internal://")]
        assert text == texts[story_id].replace("\r\n", "\n")
        for selection in source.iterfind("q:PlainTextSelection", NS):
            start, end = int(selection.get("startPosition")), int(selection.get("endPosition"))
            passage = text[start:end]
            assert passage.strip() == passage and passage  # a whole sentence, trimmed
            assert start == 0 or text[start - 1] in " \n"
            code = selection.find("q:Coding/q:CodeRef", NS).get("targetGUID")
            assert code_names[code] == labels[by_id[story_id]]
            coded += 1
        values = {v.find("q:VariableRef", NS).get("targetGUID"): v.findtext("q:TextValue", namespaces=NS)
                  for v in source.iterfind("q:VariableValue", NS)}
        assert len(values) >= 1
    assert coded == sum(1 for t in result.assignments if t != -1)
    users = {u.get("name") for u in root.iterfind(".//q:User", NS)}
    assert users == {"narratief (machine)", "An", "Bo"}


def test_only_consented_anonymised_stories_leave(demo):
    store, _, stories, out = demo
    root, sources = _project(out)
    names = {s.get("name") for s in root.iterfind(".//q:TextSource", NS)}
    assert names == set(store.story_ids(purpose="onderzoek"))
    blob = etree.tostring(root, encoding="unicode") + "\n".join(sources.values())
    own = {i: t for i, t in zip(stories["id"], stories["text"])}
    assert raw_details(blob, own) == []


def test_qdpx_is_for_research_only(demo):
    store, _, _, out = demo
    with pytest.raises(ResearchOnly) as caught:
        write_qdpx(store, out.with_name("groep.qdpx"), purpose="groep")
    assert "onderzoek" in caught.value.message


def test_codebook_qdc_round_trip_and_guided_use(tmp_path, demo):
    codebook = load_codebook("drempels-hefbomen")
    write_qdc(codebook, tmp_path / "c.qdc")
    back = read_qdc(tmp_path / "c.qdc")
    assert [t.name for t in back.themes] == [t.name for t in codebook.themes]
    assert [t.level for t in back.themes] == [t.level for t in codebook.themes]
    assert [t.seed_words for t in back.themes] == [t.seed_words for t in codebook.themes]
    assert load_codebook(tmp_path / "c.qdc").themes == back.themes
    store = demo[0]
    from_run = codebook_from_run(store)
    assert "Samengevoegd thema" in [t.name for t in from_run.themes]
