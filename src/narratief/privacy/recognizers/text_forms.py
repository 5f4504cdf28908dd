"""Where a text's form puts a detail: a chat's or transcript's speaker labels, a letter's closing and signature, a form's
place field, a debt overview's creditors.

Used by the names and organisations recognizers: "Zjoske: ..." opening two lines is a speaker, a first name on the line
after "Groetjes," is the writer, "4. Vodafone (abonnement) – € 890" names a creditor.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from narratief.privacy.findings import Finding
from narratief.privacy.recognizers.base import TextView, Token

#: How letters and messages close, before the writer's name: "Groetjes,\nKim", "greetz tom".
CLOSINGS = ("groetjes", "groeten", "groet", "greetz", "grtz", "mvg", "gr", "liefs", "hoogachtend", "dank je", "dank u",
            "bedankt", "merci", "tot ooit", "tot snel", "tot later", "xx", "xxx", "kus", "kusjes", "veel liefs",
            "met vriendelijke groet", "vriendelijke groeten", "alvast bedankt", "alvast merci", "je vriend", "je vriendin",
            "uw", "hartelijke groet", "dikke kus", "dag", "doei", "ciao", "voor alles")
_AFTER_CLOSING = re.compile(r"(?i)(?:^|\n)\s*(?:" + "|".join(re.escape(c) for c in CLOSINGS) + r")\s*,?\s*\Z")
#: What may stand before a speaker's name on its line: nothing, or a chat's time stamp: "[21:19]",
#: "[14/11/23, 21:04]", "14/11/23, 21:04 - " (a WhatsApp export), "(00:01:02)" (a transcript's time code).
_STAMP = r"(?:\[[\d:./,\s-]+\]|\(\d{1,2}:\d{2}(?::\d{2})?\)|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4},?\s+\d{1,2}:\d{2}(?::\d{2})?\s*[-–—])"
_LINE_OPENING = re.compile(rf"\s*(?:{_STAMP}\s*)?\Z")
#: A one-word speaker label opening a line, after a chat's time stamp or not: "[21/09/23 19:02] mo: ...", "Zjoske: ...".
_SPEAKER_LABEL = re.compile(rf"(?m)^[ \t]*({_STAMP})?[ \t]*([^\W\d_][\w'’.-]{{1,20}})[ \t]?:")


#: Speaker lines that the one-word label above misses: "Griet (CAW): ..." and a Telegram export's "Bas Tactus, [12.06.22 14:05]".
_ROLE_LABEL = re.compile(rf"(?m)^[ \t]*(?:{_STAMP})?[ \t]*([^\W\d_][\w'’-]{{1,20}})[ \t]\([^()\n]{{1,25}}\)[ \t]?:")
_TELEGRAM = re.compile(r"(?m)^([^\W\d_][\w'’-]{1,20})(?:[ \t][^\W\d_][\w'’-]{1,20})?,[ \t]\[\d{1,2}[./]\d{1,2}[./]\d{2,4}[ \t]\d{1,2}:\d{2}(?::\d{2})?\][ \t]*$")


@lru_cache(maxsize=4)
def speaker_labels(text: str) -> dict[str, list[tuple[tuple[int, int], bool]]]:
    """The one-word labels that open lines of ``text``, with where each stands and whether a time stamp precedes it
    (read once per text, for both speaker rules)."""
    labels: dict[str, list[tuple[tuple[int, int], bool]]] = {}
    for match in _SPEAKER_LABEL.finditer(text):
        labels.setdefault(match.group(2), []).append((match.span(2), match.group(1) is not None))
    return labels


def opens_line(text: str, start: int) -> bool:
    """Only white space or a chat's time stamp stands before ``start`` on its line."""
    return _LINE_OPENING.match(text, text.rfind("\n", 0, start) + 1, start) is not None


def after_closing(text: str, start: int) -> bool:
    """A letter's or message's closing ("Groetjes,", "mvg") stands just before ``start``."""
    return _AFTER_CLOSING.search(text, max(0, start - 30), start) is not None


def is_signature(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` is a whole line after a closing or thanks, or the last line of the text."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end == -1 else line_end
    if line_start == 0 or text[line_start: start].strip() or text[end: line_end].strip(" ,.!"):
        return False
    previous_line = text[text.rfind("\n", 0, line_start - 1) + 1: line_start].strip().lower()
    return line_end == len(text) or previous_line.rstrip(",!. ").endswith(CLOSINGS)


#: Labels of an e-mail's header: "Van:" opens a line in every forwarded message.
_HEADER_LABELS = {"van", "aan", "cc", "bcc", "onderwerp", "datum", "verzonden", "betreft", "from", "to", "subject", "date"}


def speaks_often(text: str, label: str) -> bool:
    """``label`` opens two or more lines of ``text`` as a speaker ("Elke: ..." twice is a person, not "every"; "Van:"
    in e-mail headers is no speaker)."""
    return label.lower() not in _HEADER_LABELS and len(speaker_labels(text).get(label, ())) >= 2


def is_recurring_speaker(view: TextView, token: Token) -> bool:
    """An unknown word that opens two or more lines as "Zjoske: ..." in a chat or transcript (a form's labels are
    ordinary words: "Naam:", "Adres:", "Onthaalwerker:")."""
    lex, word = view.lexicons, token.lower
    if word in lex.vocabulary or word in lex.never or lex.is_common(word) or lex.is_compound(word) or len(word) < 2:
        return False
    return speaks_often(view.text, token.text)


def _ordinary_label(word: str, lex, person_cues: set[str], *, generic: bool = True) -> bool:
    """A speaker label that names no one: a role ("begeleider"), a function word, an ordinary word that is no first name,
    and with ``generic`` a generic word of the lexicons (a lowercase chat's "zaza" is a speaker, though also a language)."""
    return word in person_cues or word in lex.function_words or generic and word in lex.never or (
        word in lex.vocabulary and word not in lex.first_names
    )


def plain_case_speakers(view: TextView, person_cues: set[str], source: str) -> Iterator[Finding]:
    """Speakers whose label's case says nothing of a name: a chat typed in lowercase ("[21/09/23 19:02] mo: ...",
    after a time stamp, or in a dialogue of such labels) and a transcript in capitals ("IOANA: ...", four letters or
    more), two lines or more each; not a role such as "begeleider" or "MODERATOR"."""
    lex = view.lexicons
    labels = speaker_labels(view.text)
    # a dialogue without time stamps: two lowercase labels or more, each opening two lines or more ("mo: ...", "ayla: ...")
    dialogue = sum(1 for label, openings in labels.items() if label[0].islower() and len(openings) >= 2) >= 2
    for label, openings in labels.items():
        if label[0].islower():
            spans = [span for span, stamped in openings if stamped or dialogue]
            generic, reason = False, "a chat speaker in lowercase"
        elif label.isupper() and len(label) >= 4:
            spans, generic, reason = [span for span, _ in openings], True, "a speaker in capitals"
        else:
            continue
        if len(spans) < 2 or _ordinary_label(label.lower(), lex, person_cues, generic=generic):
            continue
        for start, end in spans:
            yield Finding("PERSOON", start, end, 0.7, source, reason)


def other_speakers(view: TextView, person_cues: set[str], source: str) -> Iterator[Finding]:
    """Speakers named in a role label ("Griet (CAW): ...") or a Telegram export ("Bas Tactus, [12.06.22 14:05]"), when
    the same name speaks twice or more and is no role word ("Begeleider (CAW):")."""
    lex = view.lexicons
    for pattern in (_ROLE_LABEL, _TELEGRAM) if "(" in view.text or "[" in view.text else ():
        spans: dict[str, list[tuple[int, int]]] = {}
        for match in pattern.finditer(view.text):
            spans.setdefault(match.group(1), []).append(match.span(1))
        for label, where in spans.items():
            if len(where) < 2 or _ordinary_label(label.lower(), lex, person_cues):
                continue
            for start, end in where:
                yield Finding("PERSOON", start, end, 0.7, source, "a speaker's name in a chat or transcript")


#: A form field whose value is a place: "Geboorteplaats: Kampen", "Woonplaats: Den Bosch".
_PLACE_FIELD = re.compile(
    r"(?im)^[ \t]*(?:geboorteplaats|woonplaats|verblijfplaats|plaats|plaats van herkomst|herkomst|geboren te)[ \t]*:[ \t]*"
    r"([^\W\d_][^\n,;:()]{1,38}?)[ \t]*$"
)
_UNKNOWN = {"onbekend", "n.v.t.", "nvt", "geen", "idem", "zie boven", "-", "?"}


def place_fields(view: TextView, source: str) -> Iterator[Finding]:
    """The value of a form field that asks for a place ("Geboorteplaats: Kampen"), not "onbekend"."""
    for match in _PLACE_FIELD.finditer(view.text):
        value = match.group(1)
        if value.lower() not in _UNKNOWN and len(value.split()) <= 4:
            yield Finding("LOCATIE", match.start(1), match.end(1), 0.75, source, "place in a form field")


#: A line of a debt overview: a creditor's name opens it, an amount follows ("4. Vodafone (abonnement) – € 890",
#: "- energie Luminus: 1.890 euro").
_CREDITOR_LINE = re.compile(
    r"(?m)^[ \t]*(?:[-•*–]|\d{1,2}[.)])[ \t]+(?:[a-z]+[ \t]+)?([A-Z][\w&'’+-]*(?:[ \t]+[A-Z][\w&'’+-]*){0,3})(?=[ \t]*[(:,–-])[^\n]*?(?:€|\beuro\b)"
)


def creditors(view: TextView, source: str) -> Iterator[Finding]:
    """The creditors of a debt overview: the capitalised name that opens a listed line with an amount (not an ordinary
    word: "Huurachterstand", "Lening van een vriend")."""
    lex = view.lexicons

    def ordinary(word: str) -> bool:  # "Boete", "Gsm-abonnement", "OCMW"
        return all(lex.is_common(part) or part in lex.never for part in word.lower().split("-"))

    for match in _CREDITOR_LINE.finditer(view.text) if ("€" in view.text or "euro" in view.text) else ():
        for word in re.finditer(r"\S+", match.group(1)):
            if not ordinary(word.group()):  # "Boete NMBS" → "NMBS"
                yield Finding("ORGANISATIE", match.start(1) + word.start(), match.end(1), 0.6, source, "creditor in a debt overview")
                break
