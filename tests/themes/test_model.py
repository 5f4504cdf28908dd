from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from sklearn.base import clone
from sklearn.metrics import adjusted_rand_score

from narratief import ThemeModel, find_themes
from narratief.errors import ThemeInputProblem
from tests.themes.conftest import make_stories


def test_estimator_contract(small_stories):
    model = ThemeModel(3, random_state=1)
    assert clone(model).get_params() == model.get_params()
    labels = model.fit_predict(small_stories)
    assert np.array_equal(labels, model.labels_)
    assert model.n_themes_ == 3 and model.centroids_.shape[0] == 3
    weights = model.transform(small_stories)
    assert weights.shape == (len(small_stories), 3)
    assert np.array_equal(weights.argmax(axis=1), model.predict(small_stories))


def test_finds_the_invented_themes_and_keeps_a_single_teller_theme(small_stories):
    result = find_themes(small_stories, n_themes=3, anonymise=False)
    assert adjusted_rand_score(small_stories.theme_truth, result.assignments) == 1.0
    scopes = result.themes.set_index("theme")["scope"]
    school = result.assignments[small_stories.theme_truth == "school"].iloc[0]
    assert scopes[school] == "individueel"
    assert (scopes.drop(school) == "collectief").all()
    shares = result.themes.set_index("theme")["top_share"]
    for theme, tellers in small_stories.groupby(result.assignments.to_numpy())["participant"]:
        assert shares[theme] == pytest.approx(tellers.value_counts().iloc[0] / len(tellers), abs=1e-3)
    assert shares[school] == 1.0


def test_same_themes_whatever_the_row_order(small_stories):
    first = find_themes(small_stories, anonymise=False)
    shuffled = small_stories.sample(frac=1, random_state=7)
    second = find_themes(shuffled, anonymise=False)
    by_id_first = dict(zip(small_stories.id, first.assignments))
    by_id_second = dict(zip(shuffled.id, second.assignments))
    assert by_id_first == by_id_second
    assert first.themes["label"].tolist() == second.themes["label"].tolist()


def test_placeholders_never_become_keywords(small_stories):
    stories = small_stories.assign(text=small_stories.text + " [PERSOON-1] zei het aan [PERSOON-2] in [LOCATIE-1].")
    result = find_themes(stories, n_themes=3, anonymise=False)
    words = " ".join(w for keywords in result.themes.keywords for w in keywords)
    assert "persoon" not in words and "locatie" not in words


def test_raw_text_is_anonymised_before_themes():
    stories = make_stories(seed_text=" Lotte Vermeulen woont in Gentbrugge.")
    result = find_themes(stories, n_themes=3)
    words = " ".join(w for keywords in result.themes.keywords for w in keywords).lower()
    quotes = " ".join(q for quotes in result.themes.quotes for q in quotes)
    assert "vermeulen" not in words and "gentbrugge" not in words
    assert "Vermeulen" not in quotes and "Gentbrugge" not in quotes


@pytest.mark.parametrize(
    "texts",
    [
        ["Ik wachtte maanden op hulp."],
        ["Ik wachtte maanden op hulp.", "De deurwaarder kwam voor mijn schulden."],
        ["Ik wachtte maanden op hulp bij het wijkteam."] * 6,
        ["hulp duurt lang", "geld is op", "school was zwaar", "wachten op hulp"],
        ["", "   ", "Ik wachtte."],
    ],
)
def test_small_and_odd_collections_give_a_clear_result(texts):
    result = find_themes(pd.DataFrame({"text": texts, "participant": ["Eik"] * len(texts)}), anonymise=False)
    assert len(result.assignments) == len(texts)
    assert set(result.assignments) <= set(result.theme_ids()) | {-1}
    assert result.themes["n_stories"].sum() == (result.assignments != -1).sum()


def test_one_participant_only_means_every_theme_is_individual(small_stories):
    result = find_themes(small_stories.assign(participant="Eik"), n_themes=3, anonymise=False)
    assert set(result.themes.scope) == {"individueel"}


def test_a_very_long_story_is_handled():
    long_story = " ".join(["Ik wachtte maanden op een plaats bij de psycholoog en niemand belde terug."] * 7000)
    stories = make_stories()
    stories.loc[len(stories)] = {"id": "lang", "participant": "Es", "text": long_story, "theme_truth": "wachten"}
    result = find_themes(stories, n_themes=3, anonymise=False)
    wachten = result.assignments[stories.theme_truth == "wachten"]
    assert wachten.nunique() == 1


def test_bad_input_gives_an_error_with_a_dutch_message():
    with pytest.raises(ThemeInputProblem) as caught:
        find_themes(pd.DataFrame({"verhaal": ["x"]}))
    assert "tekstkolom" in caught.value.message
    with pytest.raises(ThemeInputProblem):
        ThemeModel(0).fit(["een verhaal"])


def test_beats_the_anchor_on_the_development_set(dev_stories):
    """Quality floor: with the true number of themes narratief must beat NMF on lemma TF-IDF (bench/themes.py)."""
    from bench.themes import anchor_labels

    k = dev_stories.truth.nunique()
    ours = adjusted_rand_score(dev_stories.truth, find_themes(dev_stories, n_themes=k, anonymise=False).assignments)
    anchor = adjusted_rand_score(dev_stories.truth, anchor_labels(dev_stories.text.tolist(), k))
    assert ours >= 0.25 and ours > anchor


def test_progress_is_reported_while_the_number_of_themes_is_searched(small_stories):
    calls = []
    ThemeModel(progress=lambda done, total: calls.append((done, total))).fit(pd.concat([small_stories] * 2))
    assert calls and all(0 < done <= total for done, total in calls)
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)


def test_automatic_k_takes_a_plateau_of_low_pac_not_an_isolated_dip(monkeypatch):
    """PAC per k: a dip at k=3 (a few broad components agreeing by chance), a plateau from k=6 on."""
    pac = {3: 0.05, 4: 0.20, 5: 0.09, 6: 0.07, 7: 0.06, 8: 0.05, 9: 0.05, 10: 0.06}
    model = ThemeModel(max_themes=10)
    monkeypatch.setattr(model, "_consensus_labels", lambda features, k, runs, pac_only=False: (np.empty(0), pac[k]))
    chosen, scores = model._choose_k(np.zeros((36, 4)))  # 36 stories: candidates 3..10
    assert scores == pac
    assert chosen == 6  # 3 is within 1.5x the lowest PAC, but 4 is not: a dip


def test_automatic_k_does_not_let_a_dip_set_the_bar(monkeypatch):
    """The lowest PAC is a dip at k=3: measured against it, no plateau qualifies (the themes-holdout set chose the
    largest k, 30, this way); measured against the best plateau, k=6 does."""
    pac = {3: 0.02, 4: 0.15, 5: 0.12, 6: 0.06, 7: 0.055, 8: 0.05, 9: 0.05, 10: 0.045}
    model = ThemeModel(max_themes=10)
    monkeypatch.setattr(model, "_consensus_labels", lambda features, k, runs, pac_only=False: (np.empty(0), pac[k]))
    assert model._choose_k(np.zeros((36, 4)))[0] == 6


def test_theme_scope_counts_different_tellers():
    from narratief.themes.model import theme_scope

    assert theme_scope(["Ans", "Ans", "Ans", "Bo", "Cas"]) == "collectief"
    assert theme_scope(["Ans", "Ans", "Bo"]) == "individueel"
    assert theme_scope(["Ans", "Bo", "Cas", "Dirk"], min_participants=5) == "individueel"


def test_keywords_show_a_compound_instead_of_its_parts():
    from narratief.themes.result import _whole_words

    assert _whole_words(["wacht", "lijst", "wachtlijst", "aanmelding", "melding", "brief"], 8) == [
        "wachtlijst", "aanmelding", "brief"]
    assert _whole_words(["lot", "lotgenoot", "genoot", "advies"], 2) == ["lotgenoot", "advies"]
    assert _whole_words(["recht", "rechter"], 8) == ["recht", "rechter"]  # "er" is no word: not a compound


def test_no_keyword_of_a_theme_is_a_part_of_another(dev_stories):
    from narratief.themes.result import _part_of

    result = find_themes(dev_stories, n_themes=8, anonymise=False)
    for words in result.themes["keywords"]:
        assert not [(a, b) for a in words for b in words if _part_of(a, b)], words
