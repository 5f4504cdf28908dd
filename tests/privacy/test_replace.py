"""Replacement on hand-made findings: no spaCy involved."""

import subprocess
import sys

import pytest

from narratief.errors import InvalidPolicy
from narratief.privacy.findings import Finding
from narratief.privacy.replace import replace

TEXT = "Lotte Vermeulen belde. Later zei Lotte dat mevrouw Vermeulen moe was, en lotte sliep. Jan kwam ook."


def f(text, needle, label="PERSOON", nth=0):
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return Finding(label, start, start + len(needle), 0.9, "test")


FINDINGS = [
    f(TEXT, "Lotte Vermeulen"), f(TEXT, "Lotte", nth=1), f(TEXT, "Vermeulen", nth=1), f(TEXT, "lotte"), f(TEXT, "Jan"),
]


def test_one_person_one_placeholder():
    result = replace(TEXT, FINDINGS)
    assert result.text == (
        "[PERSOON-1] belde. Later zei [PERSOON-1] dat mevrouw [PERSOON-1] moe was, en [PERSOON-1] sliep. [PERSOON-2] kwam ook."
    )
    assert [s.text for s in result.spans] == ["Lotte Vermeulen", "Lotte", "Vermeulen", "lotte", "Jan"]
    assert all(TEXT[s.start:s.end] == s.text for s in result.spans)


def test_numbers_follow_first_appearance_per_label():
    text = "Gent en Zelzate, daarna Gent."
    findings = [f(text, "Gent", "LOCATIE"), f(text, "Zelzate", "LOCATIE"), f(text, "Gent", "LOCATIE", nth=1)]
    assert replace(text, findings).text == "[LOCATIE-1] en [LOCATIE-2], daarna [LOCATIE-1]."


def test_surrogates_are_consistent_and_change_the_name():
    result = replace(TEXT, FINDINGS, mode="surrogate", variant="nl-BE")
    full, first, last, lower = (s.replacement for s in result.spans[:4])
    assert full.split()[0] == first and full.split()[-1] == last
    assert lower == first.lower()
    assert "Lotte" not in result.text and "Vermeulen" not in result.text
    assert replace(TEXT, FINDINGS, mode="surrogate", variant="nl-BE").text == result.text  # reproducible


def test_mask_keeps_length_and_spaces():
    result = replace(TEXT, FINDINGS[:1], mode="mask")
    assert result.text.startswith("***** ********* belde.")


def test_policy_per_label():
    text = "Lotte woont in Gent."
    findings = [f(text, "Lotte"), f(text, "Gent", "LOCATIE")]
    assert replace(text, findings, mode={"PERSOON": "placeholder", "LOCATIE": "keep"}).text == "[PERSOON-1] woont in Gent."


def test_keyed_codes_are_the_same_across_stories_and_depend_on_the_key():
    one, two = "Lotte Vermeulen belde.", "Gisteren zag ik Lotte Vermeulen."
    key = b"k" * 32
    a = replace(one, [f(one, "Lotte Vermeulen")], key=key).spans[0].replacement
    b = replace(two, [f(two, "Lotte Vermeulen")], key=key).spans[0].replacement
    c = replace(two, [f(two, "Lotte Vermeulen")], key=b"x" * 32).spans[0].replacement
    assert a == b and a != c and a.startswith("[PERSOON-")


def test_unknown_mode_is_refused():
    with pytest.raises(InvalidPolicy):
        replace(TEXT, FINDINGS, mode="shred")


def test_reprs_never_show_the_original():
    result = replace(TEXT, FINDINGS)
    assert "Lotte" not in repr(result.spans)


def test_replacement_does_not_import_spacy():
    code = "import sys; import narratief.privacy.replace; print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "False"
