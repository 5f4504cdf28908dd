"""Dutch citizen service numbers (BSN), checked with python-stdnum (elfproef)."""

from __future__ import annotations

from narratief.privacy.recognizers.base import Pattern, PatternRecognizer, regex, stdnum_check


NL_BSN = PatternRecognizer(
    "nl_bsn",
    "ID",
    [
        Pattern(regex(r"(?<![\d.,/-])\d{9}(?![\d,/-]|\.\d)"), 0.35, "nine digits"),
        Pattern(regex(r"(?<![\d.])\d{4}\.\d{2}\.\d{3}(?![\d])|(?<![\d])\d{3}[ .]\d{3}[ .]\d{3}(?![\d])"), 0.35, "grouped nine digits"),
    ],
    context=["bsn", "burgerservicenummer", "sofinummer", "sofi", "burgerservice"],
    validate=stdnum_check("stdnum.nl.bsn"),
    validated_score=0.8,
    kind="bsn",
    needs="digit",
)
