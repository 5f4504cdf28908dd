"""Licence plates of Belgium (1-ABC-234) and the Netherlands (the sidecodes, e.g. XT-482-B)."""

from __future__ import annotations

from narratief.privacy.recognizers.base import Pattern, PatternRecognizer, regex

_NL_SIDECODES = "|".join(
    [
        r"[A-Z]{2}-\d{2}-\d{2}", r"\d{2}-\d{2}-[A-Z]{2}", r"\d{2}-[A-Z]{2}-\d{2}", r"[A-Z]{2}-\d{2}-[A-Z]{2}",
        r"[A-Z]{2}-[A-Z]{2}-\d{2}", r"\d{2}-[A-Z]{2}-[A-Z]{2}", r"\d{2}-[A-Z]{3}-\d", r"\d-[A-Z]{3}-\d{2}",
        r"[A-Z]{2}-\d{3}-[A-Z]", r"[A-Z]-\d{3}-[A-Z]{2}", r"[A-Z]{3}-\d{2}-[A-Z]", r"\d-[A-Z]{2}-\d{3}",
        r"[A-Z]-\d{2}-[A-Z]{3}", r"\d{3}-[A-Z]{2}-\d",
    ]
)

PLATES = PatternRecognizer(
    "plates",
    "ID",
    [
        Pattern(regex(r"(?<![\w-])[1-9]-[A-Z]{3}-\d{3}(?![\w-])"), 0.85, "Belgian plate"),
        Pattern(regex(r"(?<![\w-])(?:" + _NL_SIDECODES + r")(?![\w-])"), 0.8, "Dutch plate sidecode"),
    ],
    context=["nummerplaat", "kenteken", "kentekenplaat", "auto", "wagen", "plaat"],
    kind="nummerplaat",
    needs="digit",
)
