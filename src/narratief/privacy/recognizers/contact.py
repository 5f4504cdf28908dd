"""E-mail addresses, URLs and social-media handles."""

from __future__ import annotations

from narratief.privacy.recognizers.base import Pattern, PatternRecognizer, regex

_TRAIL = r"(?<![.,;:!?)\]'\"])"

EMAIL = PatternRecognizer(
    "email",
    "EMAIL",
    [Pattern(regex(r"[\w.+%-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}"), 0.95, "e-mail address")],
    needs="@",
)

URL = PatternRecognizer(
    "url",
    "URL",
    [
        Pattern(regex(r"\b(?:https?://|www\.|HTTPS?://|WWW\.)[^\s<>\"']+" + _TRAIL), 0.9, "web address"),  # "WWW.…" in capitals too
        Pattern(
            regex(r"(?<![@\w.])[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:be|nl|com|org|net|eu|info|io|vlaanderen|brussels|gent|amsterdam)"
                  r"(?:/[^\s<>\"']*)?" + _TRAIL + r"(?![\w@])", ),
            0.75,
            "domain name",
        ),
    ],
)

HANDLE = PatternRecognizer(
    "handle",
    "ID",
    [
        Pattern(regex(r"(?<![\w@.])@[A-Za-z0-9_](?:[A-Za-z0-9_.]*[A-Za-z0-9_])?"), 0.85, "social-media handle"),
        Pattern(
            regex(r"(?i:\b(?:insta|instagram|tiktok|facebook|fb|twitter|snap|snapchat|x|telegram|signal)(?:\s*(?::|-|op|is)\s*|\s+(?=[a-z][a-z0-9_]*[._\d])))"
                  r"(@?[a-z0-9_][a-z0-9_.]{2,}[a-z0-9_])"),
            0.8,
            "handle after a platform name",
            group=1,
        ),
        # a user name with an underscore, as forums and games show them: "kempenaar_88", "lotte_gent" (no Dutch word has one)
        Pattern(regex(r"(?<![\w@./:-])[A-Za-z][A-Za-z0-9]*_[A-Za-z0-9_]*[A-Za-z0-9](?![\w@]|\.[A-Za-z])"), 0.7, "user name with an underscore",
                needs="_"),
    ],
    kind="handle",
)
