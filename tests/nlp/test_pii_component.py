"""The narratief_pii component on a blank Dutch pipeline, as spaCy components are tested."""

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Span

import narratief.nlp.pii  # noqa: F401  (registers the factory)
from narratief.nlp.pii import findings_from_doc

TEXT = "Mijn zus Ilse woont in Borgerhout en belt met 0478 12 34 56."


@pytest.fixture(scope="module")
def nlp():
    pipeline = spacy.blank("nl")
    pipeline.add_pipe("sentencizer")
    pipeline.add_pipe("narratief_pii")
    pipeline.initialize()
    return pipeline


def test_spans_labels_and_scores(nlp):
    doc = nlp(TEXT)
    group = doc.spans["pii"]
    assert [(s.text, s.label_) for s in group] == [("Ilse", "PERSOON"), ("Borgerhout", "LOCATIE"), ("0478 12 34 56", "TELEFOON")]
    assert len(group.attrs["scores"]) == 3 and all(0.4 <= s <= 1 for s in group.attrs["scores"])
    assert doc._.has_pii
    assert doc.text == TEXT and len(doc.ents) == 0


def test_full_narratief_pipeline_has_the_lemmatizer(nlp):
    from narratief.nlp import build_pipeline

    full = build_pipeline()
    assert full.pipe_names == ["lemmatizer", "sentencizer", "narratief_pii"]
    doc = full("Ik woonde in Gentbrugge.")
    assert [t.lemma_ for t in doc][:2] == ["ik", "wonen"]
    assert doc._.has_pii


def test_factory_records_what_it_assigns():
    meta = Language.get_factory_meta("narratief_pii")
    assert "doc.spans" in meta.assigns
    assert meta.default_config["spans_key"] == "pii"


def test_pipe_equals_call(nlp):
    texts = [TEXT, "Niets bijzonders vandaag.", "Op 12 maart 2019 belde Dr. Vandenberghe."]
    piped = [findings_from_doc(d) for d in nlp.pipe(texts, batch_size=2)]
    called = [findings_from_doc(nlp(t)) for t in texts]
    assert piped == called


def test_lists_round_trip_to_disk(nlp, tmp_path):
    component = nlp.get_pipe("narratief_pii")
    component.allow, component.deny = ["Borgerhout"], {"Zorro": "PERSOON"}
    try:
        nlp.to_disk(tmp_path / "pipeline")
        loaded = spacy.load(tmp_path / "pipeline")
        restored = loaded.get_pipe("narratief_pii")
        assert restored.allow == ["Borgerhout"] and restored.deny == {"Zorro": "PERSOON"}
        doc = loaded(TEXT + " Zorro was er ook.")
        texts = [s.text for s in doc.spans["pii"]]
        assert "Borgerhout" not in texts and "Zorro" in texts
    finally:
        component.allow, component.deny = [], {}


def test_entities_of_a_trained_pipeline_are_one_more_source():
    @Language.component("fake_ner")
    def fake_ner(doc):
        start = [t.i for t in doc if t.text == "Zonnewende"][0]
        doc.ents = [Span(doc, start, start + 1, label="ORG")]
        return doc

    pipeline = spacy.blank("nl")
    pipeline.add_pipe("fake_ner")
    pipeline.add_pipe("narratief_pii")
    pipeline.initialize()
    text = "Zonnewende betaalde slecht."
    assert pipeline.get_pipe("narratief_pii").find(spacy.blank("nl")(text)) == []  # the rules alone miss it
    doc = pipeline(text)
    assert [(s.text, s.label_) for s in doc.spans["pii"]] == [("Zonnewende", "ORGANISATIE")]
    assert [e.text for e in doc.ents] == ["Zonnewende"]  # the component does not touch doc.ents


def test_component_in_a_pipeline_finds_what_anonymise_finds():
    """The component tokenises on its own, so spaCy's pipeline and the Doc-free path agree on every story."""
    from narratief.example import example_records
    from narratief.nlp import build_pipeline
    from narratief.privacy.detect import Detector

    pipeline, detector = build_pipeline(), Detector()
    texts = [record["tekst"] for record in example_records()]
    assert [findings_from_doc(doc) for doc in pipeline.pipe(texts)] == [detector.detect(text) for text in texts]


@pytest.mark.parametrize(
    "text, tokens",
    [
        ("Ik woon in 's-Hertogenbosch.", ["Ik", "woon", "in", "'", "s-Hertogenbosch", "."]),
        ("Dr. Peeters (ca. 40) zei: 'k weet het.", ["Dr.", "Peeters", "(", "ca.", "40", ")", "zei", ":", "'", "k", "weet", "het", "."]),
        ("Bel +32 478/12.34.56 of mail a.b@c.be.", ["Bel", "+32", "478/12.34.56", "of", "mail", "a.b@c.be", "."]),
        ("Op m'n 17de, in Sint-Gillis-Waas, 't was 14u.", ["Op", "m'n", "17de", ",", "in", "Sint-Gillis-Waas", ",", "'t", "was", "14u", "."]),
        ("H. Zwart, @lotte_gent", ["H.", "Zwart", ",", "@lotte_gent"]),
    ],
)
def test_word_spans(text, tokens):
    from narratief.privacy.lexicons import get_lexicons
    from narratief.privacy.tokenize import word_spans

    lexicons = get_lexicons()
    assert [text[s:e] for s, e in word_spans(text, lexicons.abbreviations, lexicons.is_plain)] == tokens
