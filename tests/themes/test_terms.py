from __future__ import annotations

import numpy as np

from narratief.nlp.terms import split_compound
from narratief.themes.features import LexicalVectorizer, analyse


def test_placeholders_and_masks_never_become_terms():
    terms = analyse(["[PERSOON-1] belde [ORGANISATIE-2] en [LOCATIE-A3F9B2] over ***** de schuld."])[0]
    assert "schuld" in terms
    for word in ("persoon", "organisatie", "locatie", "a3f9b2", "*****"):
        assert not any(word in term for term in terms)


def test_lookup_misses_fall_back_to_the_same_term():
    kinderen, kind, scholen, school, gezien, zien = analyse(["kinderen", "kind", "scholen", "school", "gezien", "zien"])
    assert kinderen == kind and scholen == school and gezien == zien


def test_compounds_meet_their_parts():
    assert split_compound("wachtlijst") == ("wacht", "lijst")
    assert split_compound("schuldhulpverlening")[0] == "schuld"
    assert split_compound("ziekenhuis") == ()  # lexicalised: a hospital is not about houses
    wachtlijst, wachttijd, wachten = analyse(["wachtlijst", "wachttijd", "wachten"])
    assert set(wachtlijst) & set(wachttijd) & set(wachten)


def test_spoken_flemish_function_words_are_not_terms():
    assert analyse(["'k zat daar, ge weet da nie, allee, ne keer"]) == [[]]


def test_vectorizer_rows_are_normalised_and_vocabulary_excludes_stop_words():
    matrix = LexicalVectorizer(min_df=1, max_df=1.0).fit_transform(["Ik wacht op de wachtlijst.", "De schuld groeit."])
    assert matrix.shape[0] == 2
    norms = np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel()
    assert np.allclose(norms, 1.0, atol=1e-5)
    assert "de" not in set(LexicalVectorizer(min_df=1, max_df=1.0).fit(["de wachtlijst", "de schuld"]).vocabulary_)


def test_words_of_one_concept_meet_in_a_concept_term():
    deurwaarder, aanmaning, wachtlijst = analyse(["deurwaarder", "aanmaning", "wachtlijst"])
    shared = set(deurwaarder) & set(aanmaning)
    assert shared and all(term.startswith("#") for term in shared)
    assert not shared & set(wachtlijst)
    assert analyse(["deurwaarder"], concepts=None) == [[t for t in deurwaarder if not t.startswith("#")]]


def test_concept_terms_are_never_shown_as_keywords(small_stories):
    from narratief import find_themes

    result = find_themes(small_stories, n_themes=3, anonymise=False)
    assert not any(word.startswith("#") for words in result.themes.keywords for word in words)
