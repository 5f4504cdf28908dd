"""Belgian national register numbers (rijksregisternummer, INSZ), checked with python-stdnum (mod 97)."""

from __future__ import annotations

from narratief.privacy.recognizers.base import Pattern, PatternRecognizer, regex, stdnum_check


BE_RRN = PatternRecognizer(
    "be_rrn",
    "ID",
    [
        Pattern(regex(r"(?<![\d.])\d{2}\.\d{2}\.\d{2}[-.\s]\d{3}[.\s-]?\d{2}(?![\d])"), 0.8, "national-number layout"),
        Pattern(regex(r"(?<![\d.])\d{6}[\s-]\d{3}[\s-]?\d{2}(?![\d])"), 0.6, "national-number digits"),
        Pattern(regex(r"(?<![\d.])\d{11}(?![\d])"), 0.3, "eleven digits"),
    ],
    context=["rijksregisternummer", "rijksregister", "insz", "nationaal", "rrn", "identiteitskaart"],
    validate=stdnum_check("stdnum.be.nn"),
    kind="rijksregisternummer",
    needs="digit",
)
