"""Dates in the forms people write them: 12 maart 2019, 12/03/2019, maart 2019, zomer van 2017, in 2016."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from narratief.privacy.findings import Finding
from narratief.privacy.recognizers.base import Recognizer, TextView, regex

_YEAR = r"(?:19[4-9]\d|20[0-4]\d)"
_SHORT_YEAR = r"'\d{2}"
_PERIODS = (
    r"(?:de\s+)?(?:zomer|winter|lente|herfst|voorjaar|najaar|zomervakantie|kerstvakantie|paasvakantie|krokusvakantie|"
    r"herfstvakantie|begin|eind|einde|midden|half|halverwege|kerst|kerstmis|pasen|nieuwjaar|oudjaar|oudejaarsavond|"
    r"schooljaar|jaar|jaren|maand|week)"
)


@lru_cache(maxsize=4)
def _patterns(months: tuple[str, ...], weekdays: tuple[str, ...]):
    month_names = sorted(set(months) | {m[:3] for m in months} | {"sept", "okt", "mrt"}, key=len, reverse=True)
    month = r"(?:" + "|".join(month_names) + r")\.?"
    weekday = r"(?:" + "|".join(weekdays) + r"|ma|di|wo|woe|do|vr|vrij|za|zat|zo|zon)\.?"
    day = r"(?:[12]\d|3[01]|0?[1-9])(?:ste|de|e)?"
    return [
        (regex(rf"(?i)\b(?:{weekday}\s+)?{day}\s+{month}(?:\s+(?:{_YEAR}|{_SHORT_YEAR}))?(?!\w)"), 0.9, "day and month"),
        (regex(rf"(?i)\b{month}\s+(?:{_YEAR}|{_SHORT_YEAR})(?!\w)"), 0.85, "month and year"),
        (regex(rf"(?i)(?<![\d/.-])(?:{weekday}\s+)?(?:{day})[/.-](?:1[0-2]|0?[1-9])[/.-](?:{_YEAR}|'?\d{{2}})(?![\d/-])"), 0.9, "numeric date"),
        (regex(rf"(?i)\b{weekday}\s+(?:[12]\d|3[01]|0?[1-9])[/-](?:1[0-2]|0?[1-9])(?![\d/-])"), 0.85, "weekday and day/month"),
        (regex(r"(?<![\d/.,:-])(?:[12]\d|3[01]|0?[1-9])[/-](?:1[0-2]|0?[1-9])(?![\d/-]|[.,]\d|\s?(?:uur|u\b|h\b|%|euro|kg))"), 0.5, "day/month"),
        (regex(rf"(?<![\d/.-])(?:1[0-2]|0?[1-9])[/-]{_YEAR}(?![\d/-])"), 0.8, "numeric month/year"),
        (regex(rf"(?i)\b{_PERIODS}\s+(?:van\s+|in\s+)?(?:{_YEAR}|{_SHORT_YEAR})(?!\w)"), 0.85, "period and year"),
        (regex(rf"(?i)\b(?:{weekday})\s+\d{{1,2}}\s+{month}"), 0.9, "weekday and date"),
        (regex(rf"(?<![\w.,/-]){_YEAR}(?![\w/-]|[.,]\d)"), 0.55, "year"),
        (regex(r"(?i)\bjaren\s+'?[1-9]0(?!\w)"), 0.5, "decade"),
    ]


class DateRecognizer(Recognizer):
    name = "dates"
    labels = ("DATUM",)

    def find(self, view: TextView) -> Iterator[Finding]:
        for pattern, score, reason in _patterns(view.lexicons.months, view.lexicons.weekdays):
            for match in pattern.finditer(view.text):
                yield Finding("DATUM", match.start(), match.end(), score, self.name, reason)
