"""Names of people, and other proper nouns that identify (places not in the lists, neighbourhoods).

A capitalised word in the middle of a Dutch sentence is a proper noun unless it is a country, language, month or
other generic word; at the start of a sentence it needs the name and place lists or a following verb of speech.
Narrative cues ("mijn broer", "juf", "meneer", "Dr.", "heette") make the next word a name, lowercase included.
Particles join surnames: "Lotte de Vries", "Van den Broeck". In a text written all in lowercase, capitals say
nothing, so lowercase words are judged by the name and place lists instead.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from narratief.privacy.findings import Finding
from narratief.privacy.lexicons import Lexicons
from narratief.privacy.recognizers.base import Recognizer, TextView, Token
from narratief.privacy.recognizers.numbers import value
from narratief.privacy.recognizers.streets import FRENCH_STREET_WORDS
from narratief.privacy.recognizers.text_forms import (
    after_closing,
    is_recurring_speaker,
    is_signature,
    plain_case_speakers,
    opens_line,
    other_speakers,
    place_fields,
    speaks_often,
)
from narratief.spoken import SPOKEN_FORMS

_DETERMINERS = {"mijn", "m'n", "onze", "ons", "jouw", "je", "uw", "haar", "zijn", "z'n", "hun", "de", "het", "een",
                "die", "dat", "deze", "dieje", "diene", "ne", "nen", "'n", "den", "d'n", "oude", "nieuwe", "toenmalige",
                "vroegere", "huidige", "vaste", "eigen", "lieve", "beste", "jongste", "oudste", "kleine", "grote", ","}
#: Particles that join the parts of one name ("Lotte de Vries", "Jan van der Meer"); not "in", "op", "uit".
_JOINERS = {"van", "de", "der", "den", "ter", "ten", "'t", "von", "vander", "vanden", "vande", "le", "la", "du", "da",
            "di", "el", "al", "del", "dos", "het", "d'", "bin", "ben"}
#: Word sequences that join the parts of an organisation's name: "Agentschap Integratie en Inburgering".
#: Longest first, so "voor de" is tried before "voor" (a set would try them in an order that changes between runs).
_ORG_SEQUENCES = sorted({("en",), ("&",), ("voor",), ("van",), ("van", "de"), ("van", "het"), ("voor", "de"), ("met", "een"),
                         ("des",), ("der",), ("de",), ("tegen", "de"), ("voor", "personen", "met", "een")}, key=lambda s: (-len(s), s))
_ORG_FIRST = {sequence[0] for sequence in _ORG_SEQUENCES}
_ORG_JOINERS = {word for sequence in _ORG_SEQUENCES for word in sequence}
_ORG_ONLY = _ORG_JOINERS - _JOINERS  # "en", "voor", "&": join an organisation's name, not a person's
_ADJECTIVES = ("aanse", "aans", "iaanse", "ische", "isch", "landse", "ijnse", "itse", "lees", "nees", "gees", "tees", "mees", "ese", "amse")
#: Words before an organisation in lowercase writing: "bij aquafin", "met mondriaan", "van pluryn".
_ORG_PREPOSITIONS = {"bij", "met", "van", "naar", "via", "door", "voor"}
_QUOTES = {"'", "’", '"', "”"}
_CLOSING = {",", "!", "."} | _QUOTES
_OPENERS = {"'", "‘", '"', "“", ":", "-", "–", "•", "*"}
#: "ik ben tom, ...": a self-introduction makes a lowercase first name a name.
_INTRODUCTION = re.compile(r"(?i)\b(?:ik ben|ik heet|mijn naam is|k ben|'k ben)\s+\Z")
#: Street endings that leave a name to the street recognizer (listed surnames such as "Verlaan" are kept as names).
_STREET_ENDINGS = ("straat", "steenweg", "laan", "dreef", "kaai", "gracht", "plein", "singel", "lei")
_INITIALS_AND_NAME = re.compile(
    r"(?<![\w.])(?:[A-Z]\.\s?){1,3}\s*\([A-Z][\w-]+\)\s+(?:(?:van|de|der|den|ter|ten|te|'t|von)\s+){0,3}[A-Z][\w'’-]+"
)
_INITIALS = re.compile(r"(?<![\w.])(?:[A-Z]\.\s?){1,3}(?:(?:van|de|der|den|ter|ten|te|'t|in 't|op de|el|al|ben|bin|da|dos|di)\s)*$")  # "R. de Haan"
#: Endings of compounds that name an activity or a service, not an organisation, in lowercase writing.
_ACTIVITIES = ("hulp", "kunde", "hereniging", "werk", "zorg", "begeleiding", "verlening", "training", "therapie")
#: Verbs after a subject: in lowercase writing, an unknown word opening a sentence before one is a name ("dewayne zegt").
_SUBJECT_VERBS = {"is", "was", "zegt", "zei", "heeft", "had", "zit", "zat", "komt", "kwam", "gaat", "ging", "wil", "kan",
                  "moet", "woont", "werkt", "belt", "belde", "vraagt", "vroeg", "huilt", "slaapt", "mag", "doet", "wordt"}
_STOP = {"ik", "je", "jij", "hij", "zij", "ze", "we", "wij", "u", "het", "de", "een", "en", "of", "maar", "want",
         "dus", "toen", "nu", "dan", "daar", "hier", "er", "die", "dat", "wat", "wie", "waar", "hoe", "ook", "nog", "al",
         "niet", "geen", "wel", "zo", "ja", "nee", "oké", "ok", "euh", "eh", "hè", "nou", "ge", "gij", "da", "'k"}


class NameRecognizer(Recognizer):
    name = "names"
    labels = ("PERSOON", "LOCATIE", "ORGANISATIE")

    def __init__(self) -> None:
        self._cues_of: Lexicons | None = None

    def _read_cues(self, lex: Lexicons) -> None:
        """The cue word sets of ``lex``, read once per lexicons (not per story)."""
        self._kin = lex.word_set("person_cues", "kin")
        self._titles = lex.word_set("person_cues", "titles")
        self._person_cues = self._kin | self._titles | lex.word_set("person_cues", "roles") | lex.word_set("person_cues", "naming")
        self._salutations = lex.word_set("salutations")
        self._speech = lex.word_set("person_cues", "speech_verbs")
        self._strong = lex.word_set("person_cues", "strong_speech")
        self._place_cues = lex.word_set("place_cues")
        self._kin_and_titles = self._kin | self._titles
        self._cues_of = lex

    def find(self, view: TextView) -> Iterator[Finding]:
        lex = view.lexicons
        if lex is not self._cues_of:
            self._read_cues(lex)
        lowercase = view.lowercase
        tokens = view.tokens
        # a lowercase word can only be judged a detail when it is listed, or when the whole text is lowercase
        listed = lex.places.__contains__, lex.first_names.__contains__, lex.surnames.__contains__
        i = 0
        while i < len(tokens):
            token = tokens[i]
            chunk = self._chunk(tokens, i, lex) if token.is_cap else None
            if not chunk:
                if token.is_word and (lowercase or listed[0](token.lower) or listed[1](token.lower) or listed[2](token.lower)) and token.text.islower():
                    finding = self._judge_lowercase(view, token)
                    if finding is not None:
                        yield finding
                elif token.shouted and self._shouted_place(view, token):
                    yield Finding("LOCATIE", token.start, token.end, 0.6, self.name, "place after a place word, in capitals")
                i += 1
                continue
            i = chunk[-1].i + 1
            finding = self._judge(view, chunk)
            if finding is not None:
                yield self._with_quote(view, finding)
        if ":" in view.text:
            yield from self._surname_first(view)
            yield from plain_case_speakers(view, self._person_cues, self.name)
            yield from place_fields(view, self.name)
        if "(" in view.text or ", [" in view.text:
            yield from other_speakers(view, self._person_cues, self.name)
        if ".) " in view.text or ". (" in view.text:
            for match in _INITIALS_AND_NAME.finditer(view.text):  # "J.P. (Jan-Peter) van den Heuvel"
                yield Finding("PERSOON", match.start(), match.end(), 0.8, self.name, "initials, first name in brackets, surname")

    def _surname_first(self, view: TextView) -> Iterator[Finding]:
        """A form field with the surname first: "Patiënt: DE WITTE, Stien", "Betreft: Claes, Wim" (the first name
        ends the line)."""
        tokens, text, lex = view.tokens, view.text, view.lexicons
        for colon in (t for t in tokens if t.text == ":"):
            i = colon.i + 1
            j = i
            while j < len(tokens) and j - i < 4 and tokens[j].text[:1].isupper() and tokens[j].is_word:  # also "DE WITTE"
                j += 1
            if j == i or j + 1 >= len(tokens) or tokens[j].text != "," or text.find("\n", colon.end, tokens[j + 1].start) >= 0:
                continue
            first = tokens[j + 1]
            after = tokens[j + 2] if j + 2 < len(tokens) else None
            if first.is_cap and first.lower in lex.first_names and (
                after is None or after.text == "(" or text.find("\n", first.end, after.start) >= 0
            ):
                yield Finding("PERSOON", tokens[i].start, first.end, 0.8, self.name, "surname, first name in a form")

    @staticmethod
    def _with_quote(view: TextView, finding: Finding) -> Finding:
        """Include the apostrophe of "'s-Hertogenbosch" that spaCy splits off, and initials before a name."""
        if finding.start > 0 and view.text[finding.start - 1] in "'’" and view.text[finding.start: finding.start + 2].lower() in ("s-", "t-"):
            return finding.moved(finding.start - 1, finding.end)
        if finding.label == "PERSOON":
            initials = _INITIALS.search(view.text, max(0, finding.start - 20), finding.start)
            if initials:
                return finding.moved(initials.start(), finding.end)  # "J. Peeters", "A.M. de Wit"
        return finding

    # -- chunking -----------------------------------------------------------------------------------------
    @staticmethod
    def _is_name_word(token: Token, lex) -> bool:
        if not (token.is_cap and token.is_word and len(token.text) > 1):
            return False
        if token.is_upper and len(token.text) > 1:
            listed = token.lower in lex.first_names or token.lower in lex.surnames or token.lower in lex.places
            if len(token.text) <= 6 and not listed:
                return False  # acronyms: OCMW, GGZ, PTSS, BSN (but SOFIE, GENT in a text written in capitals)
            if not listed and (token.lower in lex.vocabulary or token.lower in lex.never):
                return False  # ordinary words in a line written in capitals: WOONT, OPGENOMEN
        if "-" in token.text and token.text.rsplit("-", 1)[1][:1].islower():
            return False  # FACT-team, WIA-keuring, NA-groep
        if token.lower.endswith(_ADJECTIVES) and not (token.lower in lex.first_names or token.lower in lex.surnames):
            return False  # Marokkaanse, Antilliaanse, Belgische: adjectives of origin
        return True

    def _chunk(self, tokens: list[Token], i: int, lex) -> list[Token]:
        """The longest run of name words (with particles, acronyms and joiners between) starting at ``i``."""
        if not self._is_name_word(tokens[i], lex):
            return []
        chunk = [tokens[i]]
        j = i + 1
        while j < len(tokens) and not tokens[j].sent_start:
            token = tokens[j]
            if self._is_name_word(token, lex):
                chunk.append(token)
                j += 1
                continue
            if token.is_upper and token.is_word and len(token.text) <= 4:  # "Erasmus MC"
                chunk.append(token)
                j += 1
                continue
            k = j
            while k < len(tokens) and tokens[k].lower in _JOINERS and not tokens[k].sent_start and k - j < 3:
                k += 1
            if k == j and token.lower in _ORG_FIRST and chunk[0].lower not in lex.first_names:
                for sequence in _ORG_SEQUENCES:
                    if tuple(t.lower for t in tokens[j: j + len(sequence)]) == sequence:
                        k = j + len(sequence)
                        break
            if k > j and k < len(tokens) and self._is_name_word(tokens[k], lex) and not tokens[k].sent_start:
                if tokens[j].lower in _ORG_ONLY and (
                    tokens[k].lower in lex.first_names or tokens[k].lower in lex.places or tokens[k].lower in lex.never
                ):
                    break  # "Lotte en Jan" are two people, "Luik en Hasselt" two places, "Turkije en Griekenland"
                if k == j + 1 and tokens[j].lower == "van" and tokens[k].lower in lex.first_names and (
                    tokens[k].lower not in lex.surnames
                ):
                    break  # "juf Marieke van Luca": Luca's teacher, not a surname
                chunk.extend(tokens[j:k + 1])
                j = k + 1
                continue
            break
        return chunk

    # -- judging ------------------------------------------------------------------------------------------
    def _title_before(self, view: TextView, token: Token) -> int | None:
        """Start of the surname (its particles included) when a title comes before it, else ``None``."""
        before = view.before(token, 4)
        start = token.start
        while before and before[-1].lower in _JOINERS:
            start = before.pop().start
        if before and before[-1].lower.rstrip(".") in self._titles:
            return start
        return None

    def _cue_before(self, view: TextView, token: Token) -> bool:
        return self._cue_word(view, token) is not None

    def _cue_word(self, view: TextView, token: Token, *, across_commas: bool = True) -> str | None:
        """The person cue before ``token`` ("broer", "juf", "meneer", "begeleider"), or ``None``."""
        before = view.before(token, 4)
        if not before and token.i >= 2 and view.tokens[token.i - 1].text == ":":
            before = [view.tokens[token.i - 2]]  # a form field: "Cliënt: Hofstede", "Onthaalwerker: Bram"
        while before and before[-1].lower in _DETERMINERS and (across_commas or before[-1].lower != ","):
            before.pop()
        if not before:
            return None
        cue = before[-1].lower.rstrip(".:")
        return cue if cue in self._person_cues or cue.endswith(("werker", "begeleider", "consulent", "coach")) else None

    def _judge_lowercase(self, view: TextView, token: Token) -> Finding | None:
        lex = view.lexicons
        word = token.lower
        if len(word) < 3 or word in lex.never or word in _STOP or word in _JOINERS:
            return None
        if word in lex.surnames and word not in lex.frequent:
            title = self._title_before(view, token)  # "mevrouw van gorp", "meneer peeters"
            if title is not None:
                return Finding("PERSOON", title, token.end, 0.7, self.name, "lowercase surname after a title")
        prev = view.before(token, 2)
        place_cue = bool(prev) and (prev[-1].lower in self._place_cues or prev[-1].lower in ("van", "uit"))
        if word in lex.places and place_cue and (word not in lex.vocabulary or view.lowercase) and not (
            word in lex.frequent and word in lex.vocabulary
        ):
            return Finding("LOCATIE", token.start, token.end, 0.6, self.name, "lowercase place after a place word")
        if word in lex.first_names and after_closing(view.text, token.start):
            return Finding("PERSOON", token.start, token.end, 0.7, self.name, "lowercase first name after a greeting")
        nxt = view.tokens[token.i + 1].lower if token.i + 1 < len(view.tokens) else "."
        if word in lex.first_names and nxt in (",", ".", "en", "uit", "van", "!") and _INTRODUCTION.search(
            view.text, max(0, token.start - 20), token.start
        ):
            return Finding("PERSOON", token.start, token.end, 0.65, self.name, "lowercase first name introducing oneself")
        if word not in lex.vocabulary and word not in lex.never and word.isalpha() and len(word) >= 3 and _INTRODUCTION.search(
            view.text, max(0, token.start - 20), token.start
        ):
            return Finding("PERSOON", token.start, token.end, 0.6, self.name, "unknown lowercase word introducing oneself")  # "mijn naam is yonas"
        if self._greeted(lex, word, prev):
            return Finding("PERSOON", token.start, token.end, 0.6, self.name, "lowercase first name after a greeting")  # "hoi sanne"
        if word in lex.frequent:
            return None
        cued = self._cue_before(view, token)
        if cued and word not in lex.vocabulary and word not in lex.never and not lex.is_compound(word) and len(word) >= 3 and word.isalpha() and (
            word not in lex.places and self._cue_word(view, token) in self._kin_and_titles
        ):
            return Finding("PERSOON", token.start, token.end, 0.6, self.name, "unknown lowercase word after a person cue")  # "mijn broer filmon"
        if word in lex.first_names and (cued or view.lowercase and word not in SPOKEN_FORMS or word not in lex.vocabulary and word not in lex.places):
            end = token.end
            # "bram de smet": a surname after joiners
            j = token.i + 1
            while j < len(view.tokens) and view.tokens[j].lower in _JOINERS:
                j += 1
            if j < len(view.tokens) and j > token.i + 1 and view.tokens[j].lower in lex.surnames and view.tokens[j].text.islower():
                end = view.tokens[j].end
            return Finding("PERSOON", token.start, end, 0.75 if cued else 0.5, self.name, "lowercase first name")
        if view.lowercase:
            if word in lex.places and word not in lex.vocabulary:
                return Finding("LOCATIE", token.start, token.end, 0.6, self.name, "place in a lowercase text")
            unknown = word not in lex.vocabulary and not lex.is_compound(word)
            if place_cue and prev[-1].lower != "van" and unknown and word not in lex.first_names and len(word) >= 4:
                return Finding("LOCATIE", token.start, token.end, 0.5, self.name, "unknown word after 'in'/'uit' in a lowercase text")
            words_before = [t.lower for t in prev]
            nxt = view.tokens[token.i + 1] if token.i + 1 < len(view.tokens) else None
            heads = lex.context["organisation_suffixes"] + lex.context["organisation_heads"]
            if word not in lex.vocabulary and nxt is not None and nxt.lower in heads and len(nxt.lower) > 4:
                return Finding("ORGANISATIE", token.start, nxt.end, 0.55, self.name, "name and institution word, lowercase")
            if word not in lex.vocabulary and len(word) >= 3 and words_before and not word.endswith(".") and not (
                lex.is_compound(word) and word.endswith(_ACTIVITIES)  # "naar schuldhulp", "met verpleegkunde": what, not where
            ) and (  # organisations are often compounds; "door mr. S. el Amrani": a title is none
                words_before[-1] in _ORG_PREPOSITIONS or words_before[-2:-1] and words_before[-2] in _ORG_PREPOSITIONS and words_before[-1] in ("de", "het")
            ):
                return Finding("ORGANISATIE", token.start, token.end, 0.5, self.name, "unknown word after 'bij'/'met' in a lowercase text")
            if word in lex.first_names and not token.sent_start and word not in SPOKEN_FORMS:
                return Finding("PERSOON", token.start, token.end, 0.5, self.name, "first name in a lowercase text")
            if unknown and nxt is not None and nxt.lower in _SUBJECT_VERBS and word.isalpha() and word not in SPOKEN_FORMS and (
                word not in lex.places
            ) and (
                not words_before or words_before[-1] in _CLOSING or words_before[-1] in ("?", ":")
                or view.text.find("\n", prev[-1].end, token.start) >= 0
            ):
                return Finding("PERSOON", token.start, token.end, 0.5, self.name, "unknown word before a verb opening a sentence, lowercase")  # "abeba is ziek"
        return None

    def _judge(self, view: TextView, chunk: list[Token]) -> Finding | None:
        if len(chunk) == 1 and chunk[0].sent_start and chunk[0].lower in _STOP:
            return None  # "Ik", "Toen", "Maar" opening a sentence: the most common capitalised words
        lex = view.lexicons
        tokens = view.tokens
        # A line that is only a name, after a greeting or at the end: "Dank je, voor alles.\nFrank Hoekstra".
        if chunk[0].sent_start and chunk[0].lower in lex.first_names and len(chunk) <= 4 and is_signature(view.text, chunk[0].start, chunk[-1].end):
            return Finding("PERSOON", chunk[0].start, chunk[-1].end, 0.7, self.name, "a name signing a letter or message")
        # Drop a capitalised common word that only starts the sentence ("Toen Lotte belde" -> "Lotte"), but not the
        # first name of a speaker label ("Griet CAW: ...").
        label = chunk[-1].i + 1 < len(tokens) and tokens[chunk[-1].i + 1].text == ":" and chunk[0].lower in lex.first_names
        while len(chunk) > 1 and chunk[0].sent_start and not label and lex.is_common(chunk[0].lower) and not self._known_name(chunk[0], lex) and not (
            chunk[0].lower in _JOINERS and chunk[1].lower in lex.surnames and chunk[1].lower not in lex.first_names
        ) and not (  # "De Groot zei", "Van Dijk heeft" keep the particle; "De Jens" (Flemish "de" before a first name) not
            chunk[0].lower in lex.first_names and chunk[1].lower in _JOINERS and (chunk[1].is_cap or len(chunk) > 2 and chunk[2].lower in lex.surnames)
        ):  # "Lies Van Gorp", "Roos De Smet", "Roos van Dijk"
            chunk = chunk[1:]
            while chunk and not chunk[0].is_cap:
                chunk = chunk[1:]
        # A greeting is no part of the name: "Lieve Marieke,", "Goeiemorgen Kevin!"
        while len(chunk) > 1 and chunk[0].sent_start and chunk[0].lower in self._salutations:
            chunk = chunk[1:]
        # Titles are cues, not part of the name: "Dr. Vandenberghe" -> "Vandenberghe".
        titles = self._titles
        while len(chunk) > 1 and chunk[0].lower.rstrip(".") in titles:
            chunk = chunk[1:]
        while chunk and not chunk[-1].is_cap:
            chunk = chunk[:-1]
        if not chunk:
            return None
        last = chunk[-1].lower
        if chunk[0].lower in FRENCH_STREET_WORDS or last.endswith(_STREET_ENDINGS) and last not in lex.surnames and (
            len(last) >= 7 and last not in lex.first_names
        ):
            return None  # "Théodore Verhaegenstraat", "Chaussée de Mons": a street, for the street recognizer
        phrase = " ".join(t.lower for t in chunk)
        if phrase in lex.never and not self._kin_before(view, chunk[0]) and not label:
            return None  # "Veilig Thuis", "België", "Frans": generic on their own (but "nonkel Frans")
        # Extend to the left with lowercase particles after a title: "meneer de Vries", "mevrouw van der Meer".
        start_token = chunk[0]
        before = view.before(start_token, 3)
        particles = []
        while before and before[-1].lower in _JOINERS and not before[-1].is_cap:
            particles.insert(0, before.pop())
        cue_word = self._cue_word(view, particles[0] if particles else start_token)
        cue = cue_word is not None
        # particles belong to the name after a title or kin ("meneer de Vries", "tante van Dijk"), not after a role
        # ("psycholoog van X"), nor "van" before a first name after kin ("moeder van Jaylen": Jaylen's mother)
        if particles and (cue_word in titles or cue_word in self._kin and not (
            particles[-1].lower == "van" and chunk[0].lower in lex.first_names and chunk[0].lower not in lex.surnames
        )):
            start_token = particles[0]
        words = [t for t in chunk if t.is_cap and t.lower not in _JOINERS]
        lowered = [t.lower for t in words] or [t.lower for t in chunk]
        named = [w for w in lowered if w in lex.first_names or w in lex.surnames]
        place = all(w in lex.places for w in lowered)
        common = all(lex.is_common(w) or w in lex.never for w in lowered)
        frequent = any(w in lex.frequent for w in lowered)
        inner_joiner = any(t.lower in _ORG_ONLY for t in chunk)
        at_start = chunk[0].sent_start
        nxt = tokens[chunk[-1].i + 1].lower if chunk[-1].i + 1 < len(tokens) else ""
        prev = [t.lower for t in view.before(start_token, 2)]
        place_cue = bool(prev) and prev[-1] in self._place_cues
        start, end = start_token.start, chunk[-1].end

        heads = lex.context["organisation_heads"]
        head_before = view.before(chunk[0], 2)
        if head_before and head_before[-1].lower.rstrip(".") in titles:
            head_before = head_before[:-1]
        if head_before and head_before[-1].lower in heads and not head_before[-1].text.islower():
            return Finding("ORGANISATIE", start, end, 0.85, self.name, "name after an organisation word")  # "PC Dr. Guislain"
        if cue and at_start and len(lowered) == 1 and chunk[0].i >= 1 and tokens[chunk[0].i - 1].text == ":" and (
            lowered[0] in self._salutations or common and not named
        ):
            return None  # a speaker's first word: "Begeleider: Goeiemiddag iedereen", "Begeleider: Goed om te weten"
        if cue:
            return Finding("PERSOON", start, end, 0.9, self.name, "name after a person cue")
        if nxt == ":" and at_start and opens_line(view.text, start) and (
            lowered[0] not in lex.function_words or lowered[0] in lex.first_names and speaks_often(view.text, chunk[0].text)
        ) and (
            lowered[0] in lex.first_names or len(words) == 1 and is_recurring_speaker(view, chunk[0])
        ):
            return Finding("PERSOON", start, end, 0.65, self.name, "a speaker's name opening a line")  # "Mohammed: ik kom"
        if len(lowered) == 1 and lowered[0] in lex.never:
            return None
        field = not place and not any(w in lex.first_names for w in lowered)  # "Tel:" (a surname too), but "Jonas:"
        if len(words) == 1 and nxt == ":" and field and not (prev and prev[-1] in _ORG_PREPOSITIONS):
            return None  # a form field: "Geboortedatum:", "Rijksregisternr:" (but "de familiegroep van Similes:")
        if place and (place_cue or not named):
            if not at_start or not (common or frequent):
                return Finding("LOCATIE", start, end, 0.85 if not common else 0.7, self.name, "place list")
        if inner_joiner and len(words) >= 2:
            return Finding("ORGANISATIE", start, end, 0.7, self.name, "capitalised words joined by 'en'/'voor'")
        if len(words) >= 2 and named and not (at_start and common and chunk[0].lower not in _JOINERS):
            return Finding("PERSOON", start, end, 0.85, self.name, "name with surname")
        if not at_start:
            if named:
                return Finding("PERSOON", start, end, 0.8, self.name, "name list")
            if place:
                return Finding("LOCATIE", start, end, 0.75, self.name, "place list")
            label = "LOCATIE" if place_cue else "PERSOON"
            if not common:
                return Finding(label, start, end, 0.65, self.name, "unknown capitalised word mid-sentence")
            return Finding(label, start, end, 0.45, self.name, "capitalised word mid-sentence")
        # After a colon a capital is optional in Dutch: an unknown word written with one is a name ("uitsprak:
        # Oluwaseun.", "Verwezen door: Mondriaan").
        after_colon = chunk[0].i > 0 and tokens[chunk[0].i - 1].text == ":"
        if after_colon and not common and not frequent and nxt != ":" and not lex.is_common(lowered[0].rstrip(".")):
            return Finding("PERSOON" if named or not place else "LOCATIE", start, end, 0.6, self.name, "capitalised word after a colon")
        # A first name opening direct speech or a list item: "Jij zei: 'Frank, je ...'", "- Ferry, oud-collega".
        opener = chunk[0].i > 0 and tokens[chunk[0].i - 1].text in _OPENERS
        if at_start and opener and lowered[0] in lex.first_names and nxt in _CLOSING and (
            lowered[0] not in self._person_cues or nxt in _QUOTES  # not "Broer, ..." but "alleen 'Peter'"
        ):
            return Finding("PERSOON", start, end, 0.65, self.name, "first name opening speech or a list item")
        # A place opening the date line of a letter: "Haarlem, 15 november 2022".
        if at_start and place and re.match(r",\s*\d", view.text[end: end + 4]):
            return Finding("LOCATIE", start, end, 0.7, self.name, "place before the date of a letter")
        # A first name opening a sentence with a verb right after it: a common noun would need an article
        # ("Peter heeft aangegeven", not "De peter heeft"); function words ("Dan heeft hij") excluded.
        if at_start and len(words) == 1 and lowered[0] in lex.first_names and nxt in self._speech and lowered[0] not in lex.function_words:
            return Finding("PERSOON", start, end, 0.6, self.name, "first name before a verb at sentence start")
        # At the start of a sentence a capital says nothing; the lists and the next word must.
        if named and nxt in self._strong:
            return Finding("PERSOON", start, end, 0.7, self.name, "name before a verb of speech")
        if frequent:
            return None
        if named and not common:
            return Finding("PERSOON", start, end, 0.7, self.name, "name list at sentence start")
        if place and not common:
            return Finding("LOCATIE", start, end, 0.7, self.name, "place list at sentence start")
        if named and nxt in self._speech:
            return Finding("PERSOON", start, end, 0.6, self.name, "name before a verb")
        if len(words) >= 2 and not all(lex.is_common(w) for w in lowered[1:]):
            return Finding("PERSOON", start, end, 0.55, self.name, "capitalised words")
        if len(words) == 1 and not lex.is_common(lowered[0]) and nxt in self._speech and "-" not in lowered[0] and (
            lowered[0] not in self._person_cues and lowered[0].rstrip(".") not in self._person_cues
        ):  # not a note's "Cliënte heeft", "Dhr. zegt"
            return Finding("PERSOON", start, end, 0.55, self.name, "unknown word before a verb at sentence start")
        return None

    def _greeted(self, lex, word: str, prev: list[Token]) -> bool:
        """A listed first name after a greeting that opens its sentence ("hoi sanne", "dank u griet"); not a function
        word, a kin word or a number ("dag aan", "dank je broer")."""
        if word not in lex.first_names or word in SPOKEN_FORMS or not prev or not prev[-1].text.islower():
            return False
        if prev[-1].lower in self._salutations or prev[-1].lower in ("he", "hé", "hey", "hee"):
            greeting = prev[-1]
        elif [t.lower for t in prev] in (["dank", "u"], ["dank", "je"]):
            greeting = prev[0]
        else:
            return False
        return greeting.sent_start and word not in lex.function_words and word not in self._person_cues and (
            word not in self._kin and value(word) is None and not (lex.is_common(word) and word in lex.frequent)
        )

    def _shouted_place(self, view: TextView, token: Token) -> bool:
        """A listed place written in capitals after a place word: "IN GENT", "UIT UTRECHT" (not "IN EEN", a village)."""
        lex, word = view.lexicons, token.lower
        previous = view.tokens[token.i - 1].lower if token.i > 0 else ""
        return token.is_word and word in lex.places and word not in lex.function_words and value(word) is None and (
            previous in self._place_cues or previous in ("van", "uit", ",")
        )

    def _kin_before(self, view: TextView, token: Token) -> bool:
        """"nonkel Frans", not "mijn vrouw, God hebbe haar ziel" (a comma ends the cue)."""
        return self._cue_word(view, token, across_commas=False) in self._kin

    @staticmethod
    def _known_name(token: Token, lex) -> bool:
        word = token.lower
        return (word in lex.first_names or word in lex.surnames or word in lex.places) and not lex.is_common(word)
