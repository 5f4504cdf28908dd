"""IBAN account numbers, checked with python-stdnum."""

from __future__ import annotations

from narratief.privacy.recognizers.base import Pattern, PatternRecognizer, regex, stdnum_check


IBAN = PatternRecognizer(
    "iban",
    "ID",
    [
        Pattern(regex(r"\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,3})?\b"), 0.75, "IBAN-shaped number"),
        Pattern(regex(r"\b(?:be|nl)\d{2}(?:[ ]?[a-z0-9]{4}){2,7}(?:[ ]?[a-z0-9]{1,3})?\b"), 0.6, "IBAN in lowercase"),
    ],
    context=["iban", "rekening", "rekeningnummer", "bankrekening", "rekeningnr"],
    validate=stdnum_check("stdnum.iban"),
    kind="iban",
    needs="digit",
)
