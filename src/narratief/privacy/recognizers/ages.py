"""Ages said with the words around a number: "toen ik 17 was", "mijn zoon van 14", "zeventien jaar oud", "ben ik
zesenvijftig". The fixed written forms ("de zestienjarige", "in de veertig", "(8)") are in :mod:`age_patterns`."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from narratief.privacy.findings import Finding
from narratief.privacy.recognizers.age_patterns import AFTER_DURATION
from narratief.privacy.recognizers.age_patterns import IS_VERBS as _IS
from narratief.privacy.recognizers.age_patterns import patterned_ages
from narratief.privacy.recognizers.base import Recognizer, TextView
from narratief.privacy.recognizers.numbers import dialect_number_words, number_words, value
from narratief.spoken import SPOKEN_FORMS

#: Clitics and abbreviations read as words ("'k" = "ik"); spoken and dialect spellings come from ``narratief.spoken``.
_SPOKEN = {"'k": "ik", "k": "ik", "vóór": "voor", "zn": "zijn", "z'n": "zijn", "mn": "mijn", "m'n": "mijn", "ca.": "ca", "ong.": "ongeveer",
           "men": "mijn", "heur": "haar", "ip": "op", "oep": "op"}  # "op men twaalf", "op heur zestien", "ip myn vyfendertigste"
#: A preposition and a possessive before a number make it an age: "rond zijn twintigste", "tussen mijn 25ste en ...".
_AGE_PREPOSITIONS = {"op", "sinds", "vanaf", "tot", "rond", "voor", "na", "tegen", "tussen", "met", "omtrent", "rondom"}
_POSSESSIVES = {"mijn", "zijn", "haar", "hun"}  # not "tot je eenentwintigste": a rule for anyone
_FILLERS = {"'", "±", "+-", "...", "…", "zelf", "geen", "intussen", "inmiddels", "euh", "eh", "ja", "dan", "nu", "al", "eigenlijk", "ook", "pas", "nog", "maar", "amper", "nauwelijks", "ongeveer", "rond", "bijna", "net", "toen", "al", "zo'n", "circa", "ca",
            "misschien", "hooguit", "zeker", "waarschijnlijk", "nou", "ooit", "soms"}
#: "moeder van twee" counts children, not years.
_PARENTS = {"moeder", "vader", "mama", "papa", "ouders", "oma", "opa", "grootmoeder", "grootvader", "pleegmoeder", "pleegvader"}
_CORRECTIONS = {",", "euh", "eh", "nee", "wacht", "of", "zo", "ofzo", "nou", "ja", "eigenlijk", "sorry", "...", "…", "-",
                ".", "?", "!", "dus", "even", "allez", "neen", "ah", "oh", "niet", "pas", "bijna", "amper"}  # "68, niet 88"
_HESITATIONS = {",", "wacht", "even", "nou", "hè", "allez", "zeg", "weet", "je", "ge", "het", "nie", "niet", "...", "…"}
#: "is vijf geworden", "dat Noor zes werd": the number someone became.
_BECAME = {"geworden", "werd", "wordt", "word", "worden", "gewaore", "gewore", "gewörre", "gewist", "gewest"}
_DID = {"heb", "had", "ging", "kwam", "moest", "mocht", "kreeg", "begon", "stond", "woonde", "liep", "zat", "ben", "ik"}
_PAUSES = _FILLERS | _HESITATIONS
_DIGIT_CHARS = frozenset("0123456789")
_CLOSERS = {".", ",", ";", "!", "?", ")", ":", "–"}
#: "het is negen", "'t was twee": the time, not an age.
_CLOCK_SUBJECTS = [["het"], ["'t"], ["t"], ["dat"], ["da"], ["'s"]]
_SUBJECTS = {"ik", "hij", "zij", "ze", "je", "jij", "u", "gij", "ge", "we", "wij", "jullie"}
_IS_OR_DID = _IS | _DID
_SPEAKER = re.compile(r"^(?:[A-Z]|[A-Z][a-z]+|Interviewer|Respondent)$")
#: Words after "ze wordt 18" that name when: "ze wordt 18 zaterdag", "hij werd 40 vorige week".
_WHEN = {"maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag", "morgen", "overmorgen",
         "volgende", "vorige", "volgend", "vorig", "deze", "dit", "binnenkort", "straks", "inmiddels", "intussen", "vandaag", "gisteren"}
#: What may follow "ze was N": an end of sentence, a when, "en", "jaar".
_AFTER_AGE = _CLOSERS | _WHEN | {"en", "of", "toen", "jaar", "geworden", "he", "hè", "hé", "hoor", "eh", "lol", "haha", "hahaha",
                                  "maar", "hij", "zij", "ik", "die"}  # a chat without full stops: "noah is negen hij zit in een pleeggezin"
_INVERTED = [["toen", "we"], ["toen", "jullie"], ["ze", "waren"], ["we", "waren"], ["zij", "waren"], ["ze", "zijn"],
             ["waren", "ze"], ["waren", "we"], ["is", "nu"], ["was", "nu"], ["ben", "ik"], ["was", "ik"], ["werd", "ik"], ["is", "hij"], ["is", "ze"], ["is", "zij"], ["was", "hij"],
             ["was", "ze"], ["was", "zij"], ["werd", "hij"], ["werd", "ze"], ["werd", "zij"], ["word", "ik"], ["zijn", "ik"],
             ["word", "je"], ["werd", "je"], ["wordt", "hij"], ["wordt", "ze"], ["wordt", "zij"], ["zijn", "ze"], ["zijn", "zij"]]
_UNITS = {"dagen", "dag", "weken", "week", "maanden", "maand", "uur", "uren", "minuten", "euro", "keer", "kilo", "kg",
          "procent", "%", "km", "meter", "jaren", "nachten", "nacht", "stuks", "kinderen", "pillen", "glazen"}


@lru_cache(maxsize=1)
def _spoken() -> dict[str, str]:
    return {**SPOKEN_FORMS, **_SPOKEN}


@lru_cache(maxsize=4)
def _cue_tuples(cues: tuple[str, ...]) -> dict[str, list[tuple[str, ...]]]:
    """Age cues as word tuples, by their last word (the word just before the number)."""
    by_last: dict[str, list[tuple[str, ...]]] = {}
    for cue in cues:
        words = tuple(cue.split())
        by_last.setdefault(words[-1], []).append(words)
    return by_last


class AgeRecognizer(Recognizer):
    name = "ages"
    labels = ("LEEFTIJD",)

    def find(self, view: TextView) -> Iterator[Finding]:
        cues = view.lexicons.context["age_cues"]
        before = _cue_tuples(tuple(cues["before"]))
        persons = view.lexicons.word_set("age_cues", "persons")
        words = number_words()
        tokens = view.tokens
        spoken = _spoken()
        lex = view.lexicons
        yield from patterned_ages(view, self.name)
        aged: set[int] = set()
        dialect = dialect_number_words()
        candidates = [t.i for t in tokens if t.lower in words or t.lower[0] in _DIGIT_CHARS or t.lower in dialect and not lex.is_common(t.lower)]
        answers = _answer_zone(tokens, candidates) if candidates and "?" in view.text else set()
        for index in candidates:
            token = tokens[index]
            number = value(token.lower)
            if number is None or not 0 < number <= 110 or (token.lower.isdigit() and len(token.lower) > 3):
                continue
            if token.lower in ("een", "één") and [t.lower for t in tokens[index + 1: index + 3]] != ["jaar", "oud"]:
                continue  # "een" is an article far more often than an age
            is_ordinal = not token.lower.isdigit() and token.lower.endswith(("de", "ste", "e")) and token.lower not in ("twee", "drie", "één", "een") and (
                token.lower not in dialect  # "zestiene", "zesse": spoken cardinals
            )
            raw_previous = tokens[max(0, index - 6): index]
            previous = [spoken.get(t.lower, t.lower) for t in raw_previous if t.lower != "'"]
            fillers = []
            while previous and (previous[-1] in _FILLERS or previous[-1] == "." and previous[-2:-1] in (["ca"], ["ong"])):
                fillers.append(previous.pop())  # "ca. 16": spaCy splits the abbreviation's full stop off
            following = [spoken.get(t.lower, t.lower) for t in tokens[index + 1: index + 3]]
            if following and "\n" in view.text[token.end: tokens[index + 1].start]:
                following = ["."]  # the line ends here: "[14:41] sterre: jij bent 16\n[14:43] ..."
            elif len(following) == 2 and "\n" in view.text[tokens[index + 1].end: tokens[index + 2].start]:
                following[1] = "."  # "ik was 15 jaar\n14/11/2023 21:07 - Nadia: ..."
            kept = [t for t in raw_previous if spoken.get(t.lower, t.lower) not in _FILLERS]
            # "toen was ik, wacht, dertig?", "Ik ben, euh, vierenveertig": hesitations between cue and number
            hesitant = [spoken.get(t.lower, t.lower) for t in tokens[max(0, index - 9): index]]
            while hesitant and hesitant[-1] in _PAUSES:
                hesitant.pop()
            name_before = len(kept) >= 2 and kept[-2].is_word and (kept[-2].lower in persons or (
                (kept[-2].is_cap and not kept[-2].sent_start)
                or kept[-2].lower in lex.first_names or kept[-2].lower in lex.surnames or kept[-2].lower in lex.places
            ) and (kept[-2].lower not in lex.frequent or len(kept) >= 3 and kept[-3].lower in lex.first_names and kept[-2].is_cap)
            )  # "Jordy, 19," and "jongen, ca. 16,"; "Chantal Bos, 22," (a surname that is also a word)
            if not is_ordinal and _in_brackets(raw_previous, following, persons, lex):
                aged.add(index)  # "mijn zoon Robbe (acht)", "Zofia (vier jaar)", "Devika (twaalf toen)"
                yield Finding("LEEFTIJD", token.start, _age_end(tokens, index), 0.75, self.name, "age in words in brackets")
                continue
            if not is_ordinal and not (following[:1] and following[0] in _UNITS) and (
                following[:1] and following[0] in _BECAME  # "is hier vijf geworden", "de dag dat Noor zes werd"
                or previous[-1:] == ["met"] and raw_previous[-1].sent_start and following[:1] and following[0] in _IS_OR_DID
                or token.sent_start and following[:1] and following[0] in {".", "!", "jaar"} and _introduced(tokens, index, spoken)
            ):
                end = _age_end(tokens, index)
                aged.add(index)  # "Met zestien ben ik weggelopen"; "Ik ben Aylin Demir. Achtendertig."
                yield Finding("LEEFTIJD", token.start, end, 0.7, self.name, "N geworden / met N / age after a name")
                continue
            if index in answers and not is_ordinal and not (following[:1] and following[0] in _UNITS):
                # "Hoe oud waart ge toen?" - "Dertien, veertien?"; "U bent 67?" - "Bijna achtenzestig."
                end = _age_end(tokens, index)
                aged.add(index)
                yield Finding("LEEFTIJD", token.start, end, 0.7, self.name, "answer to a question about age")
                continue
            if is_ordinal and _own_ordinal(previous, following, aged, index, lex):
                aged.add(index)
                yield Finding("LEEFTIJD", token.start, token.end, 0.75, self.name, "a possessive and an ordinal")
                continue
            if not (self._cued(previous, before, persons, number) or self._cued(hesitant, before, persons, number)):
                if is_ordinal or following[:1] and following[0] in _UNITS and not (
                    following[0] in _BABY_UNITS and previous[-1:] == ["van"] and len(kept) >= 2 and kept[-2].lower in lex.first_names
                ):
                    continue  # but "de kleine Adam van acht maanden" (not "een achterstand bij Woonbedrijf van twee maanden")
                recent = [j for j in aged if 0 < index - j <= 12]
                if recent and all(t.lower in _CORRECTIONS for t in tokens[max(recent) + 1: index]):
                    # "ik ben zesenzestig, euh, zevenenzestig": a correction of an age just given
                    aged.add(index)
                    end = _age_end(tokens, index)  # "nee, zeventien jaar"
                    yield Finding("LEEFTIJD", token.start, end, 0.7, self.name, "corrected age")
                    continue
                if kept and kept[-1].lower in lex.first_names and kept[-1].lower not in lex.frequent and (
                    following[:1] and following[0] in {"uit", "van", "jaar", ",", ".", "en"}
                ):
                    aged.add(index)
                    yield Finding("LEEFTIJD", token.start, token.end, 0.6, self.name, "name N")  # "sandra 43 uit kerkrade"
                    continue
                if previous[-1:] and previous[-1] in persons and previous[-1] not in _PARENTS and number <= 25 and (
                    not following or following[0] in _CLOSERS
                ) and not is_ordinal:
                    aged.add(index)  # "oudste 12.", "zoon 8, dochter 5"
                    yield Finding("LEEFTIJD", token.start, token.end, 0.6, self.name, "person word N")
                    continue
                if previous[-1:] == [","] and name_before and (
                    not following or following[0] in _CLOSERS or following[0] == "en" and kept[-2].lower in persons
                ):  # "Haar moeder, zestig en net met pensioen"
                    # "Jordy, 19, die ..." / "mevrouw Hendriks, 71."
                    yield Finding("LEEFTIJD", token.start, token.end, 0.7, self.name, "name, N,")
                    continue
                appositive = len(kept) >= 5 and kept[-2].text == kept[-4].text == "," and kept[-3].is_cap and not kept[-3].sent_start and (
                    kept[-5].lower in persons and kept[-5].lower not in _PARENTS
                )  # "haar zoontje, Milan, van drie"
                if previous[-1:] == ["van"] and (name_before and kept[-2].lower not in _PARENTS or appositive):  # not "mama van twee"
                    # "zoon Emre van 14", "mevrouw Jansen van 95"
                    end = _age_end(tokens, index)
                    yield Finding("LEEFTIJD", token.start, end, 0.7, self.name, "name van N")
                    continue
                recent_age = any(0 < index - j <= 6 for j in aged)
                if _said_as_age(previous, hesitant, following, fillers, persons, recent_age, lex.month_words):
                    end = _age_end(tokens, index)
                    aged.add(index)
                    yield Finding("LEEFTIJD", token.start, end, 0.75, self.name, "ben ik N / die N was / zoon is N")
                    continue
                if following[:2] == ["jaar", "oud"] and not is_ordinal:
                    yield Finding("LEEFTIJD", token.start, tokens[index + 2].end, 0.85, self.name, "N jaar oud")
                elif following[:1] == ["jaar"] and previous[-1:] == [","] and following[1:2] and following[1] in {",", ")", "."}:
                    yield Finding("LEEFTIJD", token.start, tokens[index + 1].end, 0.7, self.name, "name, N jaar,")
                elif previous[-1:] and previous[-1] in _IS and not (following[1:2] and following[1] in AFTER_DURATION) and previous[-2:-1] not in _CLOCK_SUBJECTS and (
                    not following or following[0] in _AFTER_AGE
                    or following[0] == "op" and tokens[index + 2: index + 3] and tokens[index + 2].text[:1].isdigit()
                ) and not is_ordinal and number <= 110:
                    end = _age_end(tokens, index)  # "was toen drie jaar en"
                    aged.add(index)  # "waren toen zes en drie": the next number is an age too
                    yield Finding("LEEFTIJD", token.start, end, 0.6, self.name, "was N.")
                elif previous[-1:] and previous[-1] in _SUBJECTS and following[:1] and following[0] in _IS and not is_ordinal:
                    yield Finding("LEEFTIJD", token.start, token.end, 0.6, self.name, "dat ik N ben")
                elif previous[-1:] in (["ouder"], ["jonger"]) and "dan" in fillers and not is_ordinal and not (following[:1] and following[0] in _UNITS | {"jaar"}):
                    yield Finding("LEEFTIJD", token.start, token.end, 0.6, self.name, "ouder dan N")  # "niet ouder dan dertig"
                elif following[:2] in (["te", "zijn"], ["te", "worden"]) and not is_ordinal:
                    yield Finding("LEEFTIJD", token.start, token.end, 0.6, self.name, "zegt N te zijn / om N te worden")
                elif previous[-1:] == [","] and "toen" in fillers and following[:1] and following[0] in {")", ".", ";"} and not is_ordinal:
                    yield Finding("LEEFTIJD", token.start, token.end, 0.6, self.name, "a note ', toen N)'")
                continue
            if is_ordinal and (previous[-1:] not in (["mijn"], ["zijn"], ["haar"], ["hun"], ["je"]) or number < 4):
                continue
            # "ik ben al vijf jaar droog", "ik was twee jaar ziek", "ik ben twee dagen": a duration, not an age
            baby = following[:1] and following[0] in _BABY_UNITS and (
                previous[-1:] == ["van"] or following[1:2] and following[1] in {"oud", "was", "is", ".", ",", "toen"}
            )  # "een baby van zeven maanden", "toen ze elf maanden was"
            if ("al" in fillers and following[:1] and following[0] in _UNITS | {"jaar", "jaren"}) or (
                following[:1] and following[0] in _UNITS and not baby
            ):
                continue
            if following[:1] == ["jaar"] and following[1:2] and following[1] not in {"oud", ".", ",", ";", "!", "?", "toen", "en", "als", "was", "werd", ")", "...", "…", "maar", "nu"} and not (
                previous[-1:] == ["van"] and following[1] in {"die", "dat", "uit"}  # "een jongen van negentien jaar die ..."
            ):
                continue
            end = _age_end(tokens, index)
            if following[:2] == ["jaar", "oud"]:
                end = tokens[index + 2].end
            aged.add(index)
            yield Finding("LEEFTIJD", token.start, end, 0.85, self.name, "age cue before")

    @staticmethod
    def _cued(previous: list[str], before: dict[str, list[tuple[str, ...]]], persons: set[str], number: int = 0) -> bool:
        for cue in before.get(previous[-1], ()) if previous else ():
            if tuple(previous[-len(cue):]) == cue:
                return True
        if len(previous) >= 2 and previous[-1] in _POSSESSIVES and previous[-2] in _AGE_PREPOSITIONS and number >= 11:
            return True  # "rond zijn twintigste", "met mijn 23" (not "met mijn twee dochters")
        # "mijn zoon van 14", "een meisje van zestien", "pleegzoon van elf"; "moeder van 72" (not "van twee")
        if len(previous) < 2 or previous[-1] != "van" or (previous[-2] in _PARENTS and number < 13):
            return False
        person = previous[-2]
        singular = person[:-1] if person.endswith("s") else person[:-2] if person.endswith("en") else person
        # "meisjes van veertien", "een vrijwilliger van vierentwintig" (a role word: -er, -ster, -ing)
        return any(w in persons or any(w.endswith(p) for p in persons if len(p) >= 4) for w in (person, singular)) or (
            number >= 13 and person.endswith(("iger", "ster", "leider", "werker", "ling", "man", "vrouw"))
        )


#: Possessives before an age said as an ordinal, Flemish ones too: "op uw zeventiende", "vanaf ons 12de".
_OWN = {"mijn", "m'n", "zijn", "z'n", "haar", "hun", "ons", "onze", "uw", "uwen"}
#: What stands before the possessive: "bij mijn zevende", "verder dan mijn twaalfde", "tussen mijn 22ste en mijn 29ste".
_BEFORE_OWN = _AGE_PREPOSITIONS | {"bij", "aan", "dan", "vanop", "tegen"}
#: Verbs that may follow the age ("op uw 23ste haalt ge", "op zijn derde ging hij"), where a noun would make the
#: ordinal a rank ("mijn derde kind", "bij mijn tweede opname").
_AFTER_OWN = {"haalt", "haalde", "ging", "gaat", "gaan", "kwam", "komt", "begon", "begint", "kreeg", "krijgt", "had", "heb",
              "hebt", "heeft", "moest", "moet", "werd", "wordt", "zat", "zit", "stond", "liep", "verhuisde", "stopte", "trouwde"}


def _own_ordinal(previous: list[str], following: list[str], aged: set[int], index: int, lex) -> bool:
    """An ordinal after a preposition and a possessive that ends its phrase is an age: "bij mijn zevende, toen papa",
    "Op zijn derde is hij", "op uw 23ste haalt ge", and the second of "tussen mijn 22ste en mijn 29ste"."""
    if len(previous) < 2 or previous[-1] not in _OWN:
        return False
    paired = previous[-2] in ("en", "tot", "t/m") and any(0 < index - j <= 5 for j in aged)
    if previous[-2] not in _BEFORE_OWN and not paired:
        return False
    nxt = following[0] if following else "."
    return nxt in _CLOSERS or nxt in lex.function_words or nxt in _AFTER_OWN or nxt in _IS


def _age_end(tokens, index: int) -> int:
    """End of the age at ``index``, with "jaar" when it follows ("zeventien jaar"), and a baby's months or weeks ("een
    baby van zeven maanden", "zes weken oud")."""
    if index + 1 >= len(tokens):
        return tokens[index].end
    unit = tokens[index + 1].lower
    if unit in ("jaar", "jaor"):
        return tokens[index + 1].end
    if unit in _BABY_UNITS:
        return tokens[index + 2].end if index + 2 < len(tokens) and tokens[index + 2].lower == "oud" else tokens[index + 1].end
    return tokens[index].end


_BABY_UNITS = {"maanden", "maand", "weken", "week", "mnd"}


def _answer_zone(tokens, candidates: list[int]) -> set[int]:
    """Number tokens in the answer to a question about age: the first words after the "?" of a sentence with
    "hoe oud" or with "bent/ben/is N?" (speaker labels such as "R:" skipped)."""
    zone: set[int] = set()
    for i, token in enumerate(tokens):
        if token.text != "?":
            continue
        question = [t.lower for t in tokens[max(0, i - 12): i]]
        asked = any(a == "hoe" and b == "oud" for a, b in zip(question, question[1:])) or (
            len(question) >= 2 and question[-2] in _IS and question[-1][:1].isdigit()
        )
        if not asked:
            continue
        j, taken = i + 1, 0
        while j < len(tokens) and taken < 6:
            if tokens[j].text in (":",) or (j + 1 < len(tokens) and tokens[j + 1].text == ":" and _SPEAKER.match(tokens[j].text)):
                j += 1
                continue
            if tokens[j].text in (".", "!") or tokens[j].text == "?" and taken > 2:
                break
            zone.add(j)
            j += 1
            taken += 1
    return zone & set(candidates)


def _introduced(tokens, index: int, spoken: dict[str, str]) -> bool:
    """The sentence before says who is speaking ("Ik ben Aylin Demir.", "Ik zijn Roger.", "uit Enschede, zeg ik")."""
    before = [spoken.get(t.lower, t.lower) for t in tokens[max(0, index - 14): index]]
    pairs = set(zip(before, before[1:]))
    return bool(pairs & {("ik", "ben"), ("ik", "heet"), ("ik", "zijn"), ("mijn", "naam"), ("zeg", "ik"), ("'k", "ben")})


def _in_brackets(previous, following: list[str], persons, lex) -> bool:
    """A number word in brackets after a name or person word: "Robbe (acht)", "Zofia (vier jaar)", "(twaalf toen)"."""
    if len(previous) < 2 or previous[-1].text != "(" or not (
        following[:1] == [")"] or following[:2] in (["jaar", ")"], ["toen", ")"], ["nu", ")"], ["jaar", "oud"])
    ):
        return False
    named = previous[-2]
    return named.is_word and (
        named.is_cap and (not named.sent_start or named.lower in lex.first_names) or named.lower in persons and not named.lower.endswith("en")
    )


#: Words after which "N was ze" is a time, not an age: "om twee was ze thuis".
_TIME_WORDS = {"om", "rond", "tegen", "voor", "na", "tot", "vanaf"}
_INVERTED_AFTER = [["was", "ie"], ["was", "hij"], ["was", "ze"], ["was", "zij"], ["werd", "ie"], ["werd", "hij"]]


def _said_as_age(
    previous: list[str], hesitant: list[str], following: list[str], fillers: list[str], persons, recent_age: bool, months
) -> bool:
    """The words around a number say it is someone's age: "ben ik N", "die N was", "zoon is N", "zesenvijftig was
    ie", "zij was zeventien en ik negentien", "toen ons Lotte drie was", "ik wil gewoon zestien zijn"."""
    if previous[-2:] in _INVERTED or hesitant[-2:] in _INVERTED:
        return True
    if following[:1] and following[0] in {"was", "is", "werd", "zijn", "waren", "worden", "wordt"} and (
        previous[-1:] == ["die"] or previous[-1:] == ["dat"] and previous[-2:-1] and previous[-2] in persons
    ):
        return True  # "die 14 was", "een meisje dat amper negentien is"
    if len(previous) >= 3 and previous[-3] in _IS and previous[-2] in _OWN and previous[-1] in persons and (
        not following or following[0] in _CLOSERS or following[0] == "en"
    ):
        return True  # "toen de mijnen dichtgingen, was mijn vader achtendertig en ik pas twee"
    if recent_age and len(previous) >= 3 and previous[-3] == "," and previous[-2] in _OWN and previous[-1] in persons and (
        not following or following[0] in _CLOSERS
    ):
        return True  # "Nu is hij 73, mijn moeder 70."
    if previous[-1:] == ["en"] and following[:1] and following[0] in {"is", "was"} and following[1:2] and following[1] in _CLOSERS:
        return True  # "zijn dochter, die in Barendrecht woont en 22 is."
    if len(previous) >= 2 and previous[-1] in {"is", "was", "zijn", "waren", "werd", "wordt"} and (
        previous[-2] in persons or previous[-2] == "," and previous[-3:-2] and previous[-3] in persons  # "Emir, de jongste, is negen"
    ):
        return True
    if recent_age and (previous[-1:] in (["en"], ["tot"]) or previous[-2:-1] in (["en"], [","]) and previous[-1] in _SUBJECTS):
        return True  # "zij was zeventien en ik negentien", "Gij was tien, ik zeven", "meisjes van twaalf tot achttien"
    if following[:1] == ["zijn"] and (following[1:2] == [] or following[1] in _CLOSERS) and ("zal" in previous[-5:] or "zou" in previous[-5:]):
        return True  # "hij zal nu ook al 40 zijn"
    if _became_later(previous, months) and (not following or following[0] in _AFTER_AGE):
        return True  # "mijn moeder werd vorig jaar tachtig", "ik word volgend jaar dertig"
    if following[:2] in _INVERTED_AFTER and not (previous[-1:] and previous[-1] in _TIME_WORDS):
        return True
    if (following[:1] and following[0] in {"was", "werd", "waren"} or following[:2] in (["jaar", "was"], ["jaar", "werd"])) and (
        "toen" in previous[-4:] or "toen" in fillers
    ):
        return True  # "drie toen ik binnenging", "die toen nog maar twee jaar was"
    return bool(
        following[:2] and following[0] == "zijn" and following[1:2] and following[1] in _CLOSERS
        and previous[-1:] and previous[-1] in {"gewoon", "weer", "nog", "eens", "echt", "terug"}
    )


_LATER = {"vorig", "vorige", "volgend", "volgende", "jaar", "maand", "week", "in", "deze", "dit", "straks", "binnenkort",
          "vandaag", "morgen", "gisteren", "zondag", "zaterdag"}


def _became_later(previous: list[str], months) -> bool:
    """"werd" or "word" and a when before the number: "werd vorig jaar", "word volgend jaar", "werd in mei 2023"."""
    for back in range(1, 5):
        if len(previous) <= back:
            return False
        if previous[-back - 1] in _BECAME and all(w in _LATER or w.isdigit() or w in months for w in previous[-back:]):
            return True
    return False
