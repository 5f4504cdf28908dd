"""Ages in fixed written forms: a decade of life ("in de veertig", "dertigers"), "de zestienjarige", an age in brackets
or a profile ("Robbe (8)", "m/29"), in a note ("lft. 24"), in French or English ("24 ans"), "een jaar of zestien",
"12 jr". The ages said with words around a number ("toen ik 17 was") are :mod:`ages`' work."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from narratief.privacy.findings import Finding
from narratief.privacy.recognizers.base import TextView, regex, stretches
from narratief.privacy.recognizers.numbers import english_words, french_words, number_words, value

#: The verbs of being and becoming before an age: "ik was 17", "ze werd zestig".
IS_VERBS = {"was", "werd", "is", "ben", "bent", "wordt", "word", "waart", "zijt", "waren", "zijn"}

_DECADES = "twintig|dertig|veertig|vijftig|zestig|zeventig|tachtig|negentig"
_DECADE_WORDS = frozenset(_DECADES.split("|"))
#: The exact age after a decade of life: "al over de zeventig, 73 om precies te zijn", "een vijftiger nu, 54".
_EXACT_AFTER_DECADE = regex(
    rf"(?i)\b(?:(?:in|over|rond|voorbij|boven)\s+de\s+(?:{_DECADES})|een\s+(?:{_DECADES.replace('|', 'er|')}er))(?:\s+nu)?,\s+(\d{{2}})\b"
)
_DECADE = regex(
    rf"(?i)\b(?:(?:midden|begin|eind|half|achter|ergens|diep)\s+)?in\s+(?:de|haar|zijn|mijn|hun)\s+(?:{_DECADES}|[2-9]0)(?:\s+jaar)?\b"
    rf"|\b(?:midden|begin|eind|half|rond|ergens\s+rond|boven|onder|over|voorbij)\s+(?:de\s+)?(?:{_DECADES}|[2-9]0)(?![\w-])"
    rf"|\b(?:twintiger|dertiger|veertiger|vijftiger|zestiger|zeventiger|tachtiger|negentiger)s?\b"
    rf"|\b(?:\d{{2}}|{_DECADES})[+-]plusser(?:s)?\b|\b\d{{2}}\+(?=[\s,.)])"
)
#: Ages written by other languages' rules inside Dutch text, and in notes: "24 ans", "24 years old", "lft. 24".
_OTHER = regex(r"(?i)\b(\d{1,3})\s?(?:ans|years?\s+old|yo|y/o|jaar\s+jong|jarig)\b|\b(?:lft|leeftijd|age|âge)\.?\s*:?\s*(\d{1,3})\b"
               r"|\b(?:i'm|i\s+am|je\s+suis|j'ai|ik\s+ben)\s+(\d{1,2})\b"
               r"(?!\s*(?:dagen|dag|weken|week|maanden|maand|uur|uren|keer|kilo|kg|euro|procent|minuten|nachten|nacht)\b)")
#: "een jaar of zestien": roughly an age.
_ROUGHLY = regex(r"(?i)\b(?:een\s+)?jaar\s+of\s+(?:\d{1,2}|[a-zëé]+)\b")  # the number is checked by value()
_BEFORE_DURATION = {"na", "al", "sinds", "over", "voor", "nog", "ruim", "bijna", "zo'n", "pas"}
#: Words after "N jaar" that make it a duration: "twee jaar samen", "vijf jaar clean".
AFTER_DURATION = {"clean", "geleden", "later", "lang", "droog", "nuchter", "getrouwd", "samen", "gewacht", "gewerkt"}
_JARIG = regex(r"(?i)\b(?:\d{1,3}-?|[a-zë]+)jarige?n?\b")
_ABBREVIATED = regex(r"(?<![\w.,/-])\d{1,3}\s?(?:jr|j)\.?(?![\w])")
#: The age after a date of birth: "°19/06/2006, 16 jaar", "geboren 03-02-1990 (34)".
_AFTER_BIRTH = regex(r"(?i)(?:°|\bgeb(?:oren|\.)(?:\s+op)?:?|\bgeboortedatum:?)\s*\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})"
                     r"\s*[,(;–-]\s*(\d{1,3}(?:\s?(?:jaar\b|jr\b\.?|j\b\.?))?)")
#: An age said as a feeling or a look: "ik voel me soms vijftig", "hij ziet eruit als zestig", "lijkt hij weer tien".
_FELT = regex(r"(?i)\b(?:voel(?:de|t)?\s+(?:ik\s+)?(?:me|mij|mezelf|zich)|eruit\s+als|(?:lijk(?:t|en)|leek|leken)\s+(?:hij|ze|zij|ik)\b|lijk(?:t|en)\s+(?:wel|weer))"
              r"(?:\s+(?:soms|wel|weer|al|echt|nog|pas|eerder|eigenlijk|een|als))*\s+([a-zë]+|\d{1,3})\b"
              r"(?!\s*(?:%|euro|kilo|kg|procent|keer|dagen|weken|maanden|jaar|jaren|uur|minuten|meter|km)\b)")
#: English words that show a text switches to English somewhere (the English age pattern runs only then).
_ENGLISH_CUES = (" i ", "i'm", " you ", " she", " he ", "he's", " old", " years", "easily", " turned")
_FELT_CUES = ("voel me", "voel mij", "voel ik", "voelde me", "voelde mij", "voelt zich", "eruit als", "lijkt ", "lijken ", "leek ")
_PAIR = regex(r"\((\d{1,2})\s*(?:,|en|&|/)\s*(\d{1,2})(?:\s*(?:,|en|&|/)\s*(\d{1,2}))?\s*(?:jaar|jr|j)?\)")
_BRACKET = regex(
    r"\((?:(?:[mvxMVX]|man|vrouw|jongen|meisje|zoon|dochter)\s?[,/]\s?)?(?:(?:ca|ong|circa)\.?\s?|±\s?|(?:bijna|net|pas|ruim)\s)?(\d{1,3}(?:\s?(?:jaar|jr|j|mnd|maanden|md)\b\.?)?)(?:\s?[,/;][^()]{0,30})?!?\)"
    r"|,\s?(\d{1,2})\s?(?:jr|j)\.?(?=[\s,.)])"
    r"|\((?i:nu)\s+(\d{1,2})\s?!?\)"  # "Shauni (nu 24!)", "TIM (NU 14)"
    r"|\((?:de|het|mijn|zijn|haar)\s+[a-zë]+,\s?(\d{1,2})\)"  # "Sandra (de moeder, 41)"
    r"|(?<![\w/])[mvMV]\s?/\s?(\d{2})(?![\w/])"  # a profile: "m/29", "v/16"
)


@lru_cache(maxsize=1)
def _english_ages():
    """Ages in English, as people who switch languages say them: "I was thirty-one", "she's eight", "two years old"."""
    words = "|".join(sorted((w for w in english_words() if w not in ("one", "zero")), key=len, reverse=True))
    return regex(
        rf"(?i)\b(?:i\s+was|i\s+am|i'm|you\s+are|you're|he\s+is|she\s+is|he's|she's|he\s+was|she\s+was|they\s+are|"
        rf"is|was|turned|turns|easily|almost|nearly|only)\s+((?:{words})(?:\s+years?\s+old)?)\b(?!-)(?!\s+(?:times|days|weeks|months|hours|minutes|euro|kids|children|people))"
        rf"|\b((?:{words}|one)\s+years?\s+old)\b"
    )


@lru_cache(maxsize=1)
def _french_ages():
    words = sorted(french_words(), key=len, reverse=True)
    return regex(r"(?i)\b(?:" + "|".join(re.escape(w) for w in words) + r")\s+ans\b")


def patterned_ages(view: TextView, source: str) -> Iterator[Finding]:
    """The ages of ``view`` written in one of the fixed forms above."""
    words = number_words()
    yield from _decades(view, source)
    lower = view.text.lower()
    for match in _JARIG.finditer(view.text) if "jarig" in lower else ():
        stem = re.sub(r"(?i)-?jarige?n?$", "", match.group())
        if stem.isdigit() or stem.lower() in words:
            yield Finding("LEEFTIJD", match.start(), match.end(), 0.9, source, "N-jarige")
    for match in view.finditer_digits(_BRACKET):
        group = next(g for g in (1, 2, 3, 4, 5) if match.group(g))
        digits = re.match(r"\d+", match.group(group))
        if digits and 0 < int(digits.group()) <= 110:
            yield Finding("LEEFTIJD", match.start(group), match.end(group), 0.75, source, "age after a name")
    for match in _english_ages().finditer(view.text) if any(word in lower for word in _ENGLISH_CUES) else ():
        group = 1 if match.group(1) else 2
        yield Finding("LEEFTIJD", match.start(group), match.end(group), 0.75, source, "age in English")
    for match in _french_ages().finditer(view.text) if " ans" in lower else ():
        yield Finding("LEEFTIJD", match.start(), match.end(), 0.8, source, "French age (N ans)")
    for match in view.finditer_digits(_AFTER_BIRTH):
        if 0 < int(re.match(r"\d+", match.group(1)).group()) <= 110:
            yield Finding("LEEFTIJD", match.start(1), match.end(1), 0.8, source, "age after a date of birth")
    for match in view.finditer_digits(_PAIR):
        for group in (1, 2, 3):
            if match.group(group):
                yield Finding("LEEFTIJD", match.start(group), match.end(group), 0.6, source, "ages in brackets")
    for match in view.finditer_digits(_OTHER):
        group = next(g for g in (1, 2, 3) if match.group(g))
        if 0 < int(match.group(group)) <= 110:
            yield Finding("LEEFTIJD", match.start(group), match.end(group) if group != 1 else match.end(), 0.75, source, "age in a note")
    yield from _roughly(view, source)
    for match in _FELT.finditer(view.text) if any(cue in lower for cue in _FELT_CUES) else ():
        number = value(match.group(1))
        if number is not None and 5 <= number <= 110:
            yield Finding("LEEFTIJD", match.start(1), match.end(1), 0.7, source, "an age felt or looked")
    for match in view.finditer_digits(_ABBREVIATED):
        yield Finding("LEEFTIJD", match.start(), match.end(), 0.75, source, "N j / N jr")


def _decades(view: TextView, source: str) -> Iterator[Finding]:
    """"in de veertig", "eind twintig", "dertigers", "50-plusser": searched only near a decade word."""
    decades = [(t.start, t.end) for t in view.tokens if t.lower in _DECADE_WORDS or "tiger" in t.lower
               or "plusser" in t.lower or t.lower[:2].isdigit() and len(t.lower) <= 3]
    for window_start, window_end in stretches(view.text, decades, 30):
        for match in _DECADE.finditer(view.text, window_start, window_end):
            start = match.start() + (len(match.group()) - len(match.group().lstrip()))
            yield Finding("LEEFTIJD", start, match.end(), 0.85, source, "decade of life")
        for match in _EXACT_AFTER_DECADE.finditer(view.text, window_start, window_end):
            yield Finding("LEEFTIJD", match.start(1), match.end(1), 0.8, source, "the exact age after a decade")


def _roughly(view: TextView, source: str) -> Iterator[Finding]:
    """"een jaar of zestien", "ik was een jaar of acht toen"; not the duration "na een jaar of twee"."""
    tokens = view.tokens
    roughly = [(t.start, tokens[t.i + 1].end) for t in tokens[:-1] if t.lower == "jaar" and tokens[t.i + 1].lower == "of"]
    for window_start, window_end in stretches(view.text, roughly, 20):
        for match in _ROUGHLY.finditer(view.text, window_start, window_end):
            number = value(match.group().split()[-1])
            if number is None or not 0 < number <= 110:
                continue
            first, last = view.index_after(match.start()), view.index_after(match.end())
            word_before = tokens[first - 1].lower if first > 0 else ""
            word_after = tokens[last].lower if last < len(tokens) else ""
            if word_before in _BEFORE_DURATION or word_after in AFTER_DURATION:
                continue
            if number > 12 or word_before in IS_VERBS or word_before == "van" or word_after in {"toen", "oud", "was", "werd"}:
                yield Finding("LEEFTIJD", match.start(), match.end(), 0.75, source, "roughly an age")
