"""Feedback on invented stories: each gets the feedback it should."""

from __future__ import annotations

import pytest

from narratief.errors import InvalidFormat
from narratief.storytelling import feedback
from narratief.storytelling.formats import format_ids, load_format

COMPLETE = {
    "drie-lagen": {
        "gebeurtenis": "Op de dag van mijn intake zat ik twee uur in de wachtzaal. Niemand zei waarom het zo lang "
                       "duurde. Toen ik eindelijk binnenkwam, keek de arts niet op van zijn scherm en stelde hij "
                       "vragen die ik al drie keer had beantwoord.",
        "betekenis": "Achteraf besef ik dat ik me toen onzichtbaar voelde, zoals vroeger thuis. Nu weet ik dat dat "
                     "gevoel niet over mij ging, maar over hoe de dienst georganiseerd was.",
        "les": "Aan hulpverleners wil ik meegeven: zeg gewoon waarom iemand moet wachten. Een korte uitleg maakt "
               "een wereld van verschil.",
    },
    "herstelverhaal": {
        "voor": "Vroeger werkte ik in een bakkerij en speelde ik elke week voetbal met vrienden. Dat vaste ritme gaf "
                "me houvast, ook als het thuis onrustig was.",
        "ontdekken": "Ik merkte dat ik niet meer sliep en alles uitstelde. Ik schaamde me en zei tegen niemand iets, "
                     "want ik dacht dat het vanzelf over zou gaan.",
        "zorg": "De eerste psycholoog luisterde niet en gaf meteen een folder. De tweede vroeg wat ik zelf wilde, en "
                "dat hielp echt. Een vaste contactpersoon had me eerder kunnen helpen.",
        "daarna": "Nu werk ik deeltijds en help ik lotgenoten in een praatgroep. Ik weet nu dat vallen bij herstel "
                  "hoort, en ik kijk met hoop naar wat nog komt.",
    },
    "msc": {
        "periode": "Ik kijk terug op het afgelopen jaar, op mijn contact met de hulpverlening.",
        "verandering": "In de lente kreeg ik een vaste begeleider die me niet meer doorverwees. Voor het eerst bleef "
                       "iemand, ook toen ik een afspraak vergat en me weken niet meldde.",
        "waarom": "Dit is voor mij het belangrijkste omdat ik sindsdien durf te vertrouwen. Dat is de basis voor "
                  "alles wat daarna kwam.",
    },
}


def test_formats_are_data_and_listed():
    assert set(format_ids()) >= {"herstelverhaal", "drie-lagen", "msc"}
    assert load_format("drie-lagen").step_ids() == ["gebeurtenis", "betekenis", "les"]
    with pytest.raises(InvalidFormat):
        load_format("bestaat-niet")


@pytest.mark.parametrize("format_id", sorted(COMPLETE))
def test_a_story_with_every_step_has_every_step_present(format_id):
    result = feedback(COMPLETE[format_id], format=format_id)
    assert set(result.steps) == set(load_format(format_id).step_ids())
    assert set(result.steps.values()) == {"aanwezig"}
    assert not any("ontbreekt" in m for m in result.messages)


@pytest.mark.parametrize("format_id", sorted(COMPLETE))
def test_a_single_text_is_split_into_steps_by_its_cues(format_id):
    whole = " ".join(COMPLETE[format_id].values())
    result = feedback(whole, format=format_id)
    assert "ontbreekt" not in result.steps.values()


def test_missing_reflection_is_named_with_a_question_not_a_verdict():
    story = ("Ik stond acht maanden op de wachtlijst. Toen ik eindelijk binnen mocht, zat ik twee uur in de "
             "wachtzaal. Niemand zei iets. Ik ging naar huis en belde niemand meer.")
    result = feedback(story, format="drie-lagen")
    assert result.steps["betekenis"] == "ontbreekt" and result.steps["les"] == "ontbreekt"
    assert any("Betekenis voor mij" in m and "?" in m for m in result.messages)
    assert any("achteraf" in m for m in result.messages)
    text = " ".join(result.messages).lower()
    for judging in ("slecht", "fout", "onvoldoende", "score", "/10"):
        assert judging not in text


def test_jargon_gets_a_plain_language_suggestion():
    story = ("Het multidisciplinair overleg besliste over mijn zorgtraject zonder mij. De casemanager sprak over "
             "psycho-educatie en over mijn draagkracht.")
    result = feedback(story, format="drie-lagen")
    terms = {term for term, _ in result.jargon}
    assert {"multidisciplinair overleg", "casemanager", "psycho-educatie", "draagkracht"} <= terms
    assert any("Eenvoudiger gezegd" in m for m in result.messages)


def test_third_parties_and_identifying_details_are_flagged_before_sharing():
    story = ("Mijn moeder belde de psychiater, dokter Vandenberghe in Gentbrugge, op 12 maart 2019. Mijn broer "
             "Dries bracht me naar de opname.")
    result = feedback(story, format="drie-lagen")
    assert "mijn moeder" in result.third_parties and "de psychiater" in result.third_parties
    assert result.details.get("PERSOON") and result.details.get("DATUM")
    assert result.warnings and "Let op voor je deelt" in result.warnings[0]


def test_spoken_flemish_counts_as_reflection_and_first_person():
    story = ("'k Zat daar nie goed, ge weet da. Ik wachtte en wachtte. Achteraf gezien was da de eerste keer da "
             "'k hulp vroeg. Nu weet ik da ge nie alleen zijt.")
    result = feedback(story, format="drie-lagen")
    assert result.steps["betekenis"] != "ontbreekt"
    assert result.perspective["ik"] >= 2
    assert not any("achteraf besef ik" in m for m in result.messages)


def test_we_perspective_is_recognised_as_the_move_to_collective():
    result = feedback(COMPLETE["drie-lagen"]["les"] + " Wij herkennen dit allemaal.", format="drie-lagen")
    assert result.perspective["wij"] >= 1
    assert any("van 'ik' naar 'wij'" in m for m in result.messages)


def test_readability_describes_the_text():
    short = feedback("Ik wachtte. Ik belde. Niemand nam op.", format="drie-lagen").readability
    long = feedback("Omdat de organisatorische afstemming tussen de verschillende betrokken voorzieningen "
                    "onvoldoende gecoördineerd verliep, werden de noodzakelijke beslissingen aanhoudend uitgesteld "
                    "zonder dat iemand daarvoor verantwoordelijkheid opnam.", format="drie-lagen").readability
    assert short["flesch_douma"] > long["flesch_douma"]
    assert long["woorden_per_zin"] > 20


def test_recovery_story_asks_what_helped_hindered_or_could_have_helped_when_absent():
    phases_only = {k: v for k, v in COMPLETE["herstelverhaal"].items()}
    complete = feedback(phases_only, format="herstelverhaal")
    assert not any("Wat hielp je?" in m for m in complete.messages)
    bare = feedback({"voor": "Vroeger werkte ik in een bakkerij.", "daarna": "Nu woon ik alleen."},
                    format="herstelverhaal")
    asked = " ".join(bare.messages)
    assert "Wat hielp je?" in asked and "Wat had je kunnen helpen?" in asked
