"""Dates in the forms people write them: 12 maart 2019, 12/03/2019, maart 2019, zomer van 2017, in 2016."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from narratief.privacy.findings import Finding
from narratief.privacy.recognizers.base import Recognizer, TextView, regex, stretches
from narratief.privacy.recognizers.numbers import cardinal, ordinal

_YEAR = r"(?:19[4-9]\d|20[0-4]\d)"
#: Days of the month as ordinals ("derde", "tweeëntwintigste"), the words that start a date like "den derde van den elfde".
_DAY_ORDINALS = frozenset(ordinal(n) for n in range(1, 32))
_ORDINAL_ENDINGS = ("de", "ste", "den", "sten")
_YEAR_HALVES = regex(r"twint[ie]g|negentien")
_SHORT_YEAR = r"'\d{2}"
#: The value of an e-mail's date header, a date with its time: "Datum: di 18 april 2023 23:12", "Verzonden: 15/11/2023 07:03".
_HEADER = regex(r"(?im)^[ \t>]*(?:datum|verzonden|verstuurd|ontvangen|date|sent)[ \t]*:[ \t]*(?=[^\n]*\d)([^\n]{6,45}?)[ \t]*$")
_PERIODS = (
    r"(?:zomer|winter|lente|herfst|voorjaar|najaar|zomervakantie|kerstvakantie|paasvakantie|krokusvakantie|"
    r"herfstvakantie|begin|eind|einde|midden|half|halverwege|kerst|kerstmis|pasen|nieuwjaar|oudjaar|oudejaarsavond|"
    r"schooljaar|jaar|jaren|maand|week|koningsdag|koninginnedag|sinterklaas|carnaval|moederdag|vaderdag|pinksteren|"
    r"hemelvaart|allerheiligen|kerstavond|ramadan|suikerfeest|offerfeest|valentijn|zomerkamp|examens)"
)


class _Date:
    """A date pattern written as a ``core`` that starts at a digit (fast to search) and an optional or required
    ``prefix`` of words before it (``woensdag``, ``de zomer van``), checked backwards from the core's start and part of
    the date unless ``keep_prefix`` is false (``in`` before ``1937`` only says it is a year)."""

    def __init__(
        self, core: str, score: float, reason: str, prefix: str | None = None, required: bool = False, keep_prefix: bool = True
    ) -> None:
        self.core = regex(core)
        self.prefix = regex(rf"(?:{prefix})\Z") if prefix else None
        self.required, self.keep_prefix = required, keep_prefix
        self.score, self.reason = score, reason

    def spans(self, view: TextView) -> Iterator[tuple[int, int]]:
        text = view.text
        for match in view.finditer_digits(self.core):  # every date has a digit
            start = match.start()
            if self.prefix is not None:
                before = self.prefix.search(text, max(0, start - 40), start)
                if before is not None:
                    start = before.start() if self.keep_prefix else start
                elif self.required:
                    continue
            yield start, match.end()


@lru_cache(maxsize=4)
def _patterns(months: tuple[str, ...], weekdays: tuple[str, ...]) -> list[_Date]:
    month_names = sorted(set(months) | {m[:3] for m in months[:12]} | {"sept", "okt", "mrt"}, key=len, reverse=True)
    month = r"(?i:" + "|".join(month_names) + r")\.?"
    weekday = r"(?i:(?:" + "|".join(weekdays) + r")(?:avond|middag|morgen|ochtend|nacht)?|ma|di|wo|woe|do|vr|vrij|za|zat|zo|zon)\.?"
    day = r"(?:[12]\d|3[01]|0?[1-9])(?:ste|de|e)?"
    year = rf"(?:{_YEAR}|{_SHORT_YEAR})"
    return [
        # "3 maart 2019", and the article of an ordinal day in a letter: "Mechelen, den 3de december 2023"
        _Date(rf"(?<!\w)(?:(?i:den?)\s+(?=\d{{1,2}}(?:ste|de|e)\s))?{day}\s+{month}(?:\s+{year})?(?!\w)", 0.9, "day and month",
              rf"\b{weekday}\s+"),
        _Date(rf"(?:{_YEAR}|{_SHORT_YEAR})(?!\w)", 0.85, "month and year",
              rf"\b(?:{month}\s+(?:t/m|tot(?:\s+en\s+met)?|-|–)\s+)?{month}\s+", required=True),  # "januari t/m juni 2024"
        _Date(rf"(?<![\d/.-])(?:{day})[/.-](?:1[0-2]|0?[1-9])[/.-](?:{_YEAR}|'?\d{{2}})(?![\d/-])", 0.9, "numeric date",
              rf"\b{weekday}\s+"),
        _Date(r"(?<=\s)(?:[12]\d|3[01]|0?[1-9])[/-](?:1[0-2]|0?[1-9])(?![\d/-])", 0.85, "weekday and day/month",
              rf"\b{weekday}\s+", required=True),
        _Date(r"(?<![\d/.,:-])(?:[12]\d|3[01]|0?[1-9])[/-](?:1[0-2]|0?[1-9])(?![\d/-]|[.,]\d|\s?(?:uur|u\b|h\b|%|euro|kg))", 0.5, "day/month"),
        _Date(rf"(?<![\d/.-])(?:1[0-2]|0?[1-9])[/-]{_YEAR}(?![\d/-])", 0.8, "numeric month/year"),
        _Date(rf"(?:{_YEAR}|{_SHORT_YEAR})(?!\w)", 0.85, "period and year", rf"(?i:\b(?:(?:de|het|den)\s+)?{_PERIODS}[^\S\n]+(?:van\s+|in\s+)?)",
              required=True),
        _Date(rf"(?<=\s)\d{{1,2}}\s+{month}", 0.9, "weekday and date", rf"\b{weekday}\s+", required=True),
        _Date(rf"(?<![\w.,/-]){_YEAR}(?![\w/-]|[.,]\d)", 0.55, "year"),
        _Date(r"(?<![\w.,/-])19[0-3]\d(?![\w/-]|[.,]\d)", 0.6, "early year",  # "geboren in Deventer, in 1937"
              r"(?i:\b(?:in|sinds|vanaf|tot|geboren|rond|van|uit|anno)\s)", required=True, keep_prefix=False),
        _Date(rf"(?<![\w.,/-]){_YEAR}-(?:0?[1-9]|1[0-2])-(?:[12]\d|3[01]|0?[1-9])(?![\w/-])", 0.9, "ISO date"),
        _Date(rf"(?<![\w.,/-]){_YEAR}(?:\s?[-–/]\s?{_YEAR}|[-–/]\d{{2}})(?![\w/-])", 0.8, "years from-to"),  # not "mei 2021 – 18 geworden"
        _Date(rf"(?<![\w.,/-]){_YEAR}(?=\s?[-–]\s?(?i:heden|nu|now|vandaag)\b)", 0.8, "year to now"),  # a CV: "2016-heden"
        _Date(rf"(?<![\w.,/-]){day}\s+(?:tot(?:\s+en\s+met)?|t/m|-|–|en|op)\s+{day}\s+{month}(?:\s+{year})?(?!\w)", 0.9,
              "days from-to"),
        _Date(r"(?<![\w'’])['’](?:[4-9]\d|[0-2]\d)(?![\w'’])", 0.6, "year written '91"),
        _Date(r"(?<=\s)'?[1-9]0(?!\w)", 0.5, "decade", r"(?i:\bjaren\s+)", required=True),
    ]


@lru_cache(maxsize=4)
def _spelled(months: tuple[str, ...], weekday_names: tuple[str, ...]):
    """Dates written in words: "derde januari van 2019", "drieëntwintig april tweeduizend tweeëntwintig",
    "negentienhonderdvijfenzestig", "eind jaren tachtig". Number words come from the rules in ``numbers``."""
    days = sorted({cardinal(n) for n in range(1, 32)} | {ordinal(n) for n in range(1, 32)} | {"één"}, key=len, reverse=True)
    units = sorted({cardinal(n) for n in range(1, 100)}, key=len, reverse=True)
    month = "(?:" + "|".join(sorted(months, key=len, reverse=True)) + ")"
    weekdays = "|".join(weekday_names)
    tens_and_up = "|".join(sorted({cardinal(n) for n in range(10, 100)}, key=len, reverse=True))
    spelled_year = (
        rf"(?:negentienhonderd(?:{'|'.join(units)})|negentien(?:{tens_and_up})"  # "negentienachtenzestig": spoken, one word
        rf"|tweeduizend(?:[\s-]?(?:en[\s-])?(?:{'|'.join(units)}))?(?!\s+euro))"
    )
    decades = "twintig|dertig|veertig|vijftig|zestig|zeventig|tachtig|negentig"
    day_ordinals = "|".join(sorted(_DAY_ORDINALS, key=len, reverse=True))
    month_ordinals = "|".join(sorted({ordinal(n) for n in range(1, 13)} | {"twoalfde"}, key=len, reverse=True))
    two_digits = "|".join(units)
    return [
        (regex(rf"(?i)\b(?:{'|'.join(days)})\s+{month}(?:\s+(?:van\s+)?(?:{_YEAR}|{spelled_year}))?(?!\w)"), 0.85,
         "date in words"),
        (regex(rf"(?i)\b{spelled_year}(?!\w)"), 0.7, "year in words"),
        # "de eerste zondag van mei 2023" (without a year, a habit: "elke eerste zondag van de maand")
        (regex(rf"(?i)\b(?:de\s+)?(?:eerste|tweede|derde|vierde|laatste)\s+(?:{weekdays})\s+van\s+{month}\s+{_YEAR}(?!\w)"),
         0.8, "weekday of a month"),
        (regex(rf"(?i)\b(?:(?:begin|eind|midden|half)\s+)?(?:de\s+)?(?:jaren|joaren|jaoren)\s+(?:{decades})(?!\w)"), 0.6, "decade in words"),
        # spoken Flemish: "den derde van den elfde (van zevenenvijftig)", "de elfde van de elfde"
        (regex(rf"(?i)\b(?:(?:den|de)\s+)?(?:{day_ordinals}|(?:[12]\d|3[01]|0?[1-9])(?:ste|de|e))n?\s+van\s+(?:den|de)\s+"
               rf"(?:{month_ordinals}|{month}|(?:1[0-2]|0?[1-9])(?:ste|de|e))"
               rf"(?:\s+(?:van\s+)?(?:{_YEAR}|'\d{{2}}|{two_digits}))?(?!\w)"), 0.8, "day and month as ordinals"),
        # a year said as two numbers: "in twintig-zestien", "sinds negentien negentig", "in twinteg achttien"
        (regex(rf"(?i)(?:(?<=\bin\s)|(?<=\bsinds\s)|(?<=\btot\s)|(?<=\bvan\s)|(?<=\bna\s)|(?<=\bvoor\s))"
               rf"(?:negentien|twintig|twinteg)(?:-|\s)(?:{two_digits})(?![\w-])(?!\s+(?:jaar|jaren|minuten|uur|euro|dagen|keer))"),
         0.7, "year as two numbers"),
    ]


class DateRecognizer(Recognizer):
    name = "dates"
    labels = ("DATUM",)

    def find(self, view: TextView) -> Iterator[Finding]:
        lex = view.lexicons
        months = lex.months + lex.foreign_months
        for pattern in _patterns(months, lex.weekdays):
            for start, end in pattern.spans(view):
                yield Finding("DATUM", start, end, pattern.score, self.name, pattern.reason)
        lower = view.text.lower()
        in_words, year_in_words, weekday_of_month, decade_in_words, ordinal_date, two_numbers = _spelled(months, lex.weekdays)
        month_words = lex.month_words
        tokens = view.tokens
        month_tokens = [t for t in tokens if t.lower in month_words]
        month_spans = [(t.start, t.end) for t in month_tokens]
        ordinal_spans = [  # "derde van den elfde", "3de van de 11de": an ordinal, "van" and an article
            (t.start, t.end) for t in tokens[:-2]
            if t.lower.endswith(_ORDINAL_ENDINGS) and tokens[t.i + 1].lower == "van" and tokens[t.i + 2].lower in ("de", "den")
            and (t.lower.rstrip("n") in _DAY_ORDINALS or t.lower[:1].isdigit())
        ]
        searches = [
            (in_words, stretches(view.text, month_spans, 40)),  # a day in words is near its month
            (weekday_of_month, stretches(view.text, month_spans, 40)),
            (year_in_words, [(0, len(view.text))] if "honderd" in lower or "duizend" in lower or "negentien" in lower else []),
            (decade_in_words, [(0, len(view.text))] if "jaren" in lower or "joaren" in lower or "jaoren" in lower else []),
            (ordinal_date, stretches(view.text, ordinal_spans, 60)),
            (two_numbers, stretches(view.text, (m.span() for m in _YEAR_HALVES.finditer(lower)), 30)),
        ]
        yield from self._bare_months(view, month_tokens)
        if ":" in view.text:
            for match in _HEADER.finditer(view.text):
                yield Finding("DATUM", match.start(1), match.end(1), 0.8, self.name, "date header of an e-mail")
        for (pattern, score, reason), windows in searches:
            for start, end in windows:
                for match in pattern.finditer(view.text, start, end):
                    yield Finding("DATUM", match.start(), match.end(), score, self.name, reason)

    def _bare_months(self, view: TextView, month_tokens: list) -> Iterator[Finding]:
        """A month without a day or year that dates something: "in juni word ik 16", "sinds april", "vanaf januari",
        "brieven van juli en augustus" (not a habit: "elk jaar in juni")."""
        months = view.lexicons.months
        tokens = view.tokens
        for token in month_tokens:
            if token.lower not in months or token.i == 0:
                continue
            before = tokens[token.i - 1].lower
            if before in ("en", "of", "tot", "-", "–", "t/m") and token.i >= 2 and tokens[token.i - 2].lower in months:
                before = "in"  # the second month of "juli en augustus", "mei tot augustus"
            if before not in _MONTH_CUES or any(t.lower in _HABITS for t in view.before(token, 4)):
                continue
            yield Finding("DATUM", token.start, token.end, 0.6, self.name, "month after a preposition")


#: Words before a month alone that make it a date ("in juni", "sinds april", "eind maart").
_MONTH_CUES = frozenset({"in", "sinds", "vanaf", "tot", "van", "begin", "eind", "einde", "half", "midden", "medio", "na",
                         "voor", "tegen", "rond", "per", "vóór", "vanaf", "sedert"})
_HABITS = frozenset({"elk", "elke", "ieder", "iedere", "altijd", "telkens", "jaarlijks"})
