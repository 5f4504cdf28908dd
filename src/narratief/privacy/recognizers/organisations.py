"""Organisations that identify where someone was: "CAW Oost-Vlaanderen", "OCMW Aalst", "PC Dr. Guislain",
"basisschool De Regenboog", "Sint-Jozefcollege", "in De Wissel". Generic mentions ("het OCMW") stay. Listed names
("Leger des Heils") are :mod:`gazetteer`'s work."""

from __future__ import annotations

import re
from collections.abc import Iterator

from narratief.privacy.findings import Finding
from narratief.privacy.recognizers.base import Recognizer, TextView
from narratief.privacy.recognizers.text_forms import creditors

_INNER = {"de", "des", "der", "den", "van", "voor", "en", "&", "the", "of", "al", "el", "'t", "dr.", "dr", "sint", "st.", "o.l.v.", "olv", "aan", "op"}


#: Words before the name of a place where someone works, studies or gets help.
_PLACES_OF_WORK = {"bij", "aan", "naar", "via"}
BEFORE_ARTICLE = _PLACES_OF_WORK | {"in", "van", "op", "uit"}
_LEGAL_FORMS = {"vzw", "bv", "nv", "bvba", "vof", "cv", "asbl", "bv.", "nv."}
#: Words that follow an organisation's name: "Kidane Mehret kerk", "Van Leeuwen & Bosch Gerechtsdeurwaarders".
_TRAILING_HEADS = {"kerk", "moskee", "tempel", "synagoge", "gerechtsdeurwaarders", "advocaten", "notarissen", "advocatenkantoor",
                   "college", "lyceum", "atheneum", "academie"}  # "Sintermeerten College", "Enik Recovery College"
#: Firms named after their partners: a surname that is also a word may come before these ("Van Leeuwen & Bosch Advocaten").
_FIRMS = {"gerechtsdeurwaarders", "advocaten", "notarissen", "advocatenkantoor"}
_PARTICLES = {"van", "de", "der", "den", "ter", "ten", "te", "'t"}
#: What follows "&" in a firm's name: "Lemmens & Co", "Claeys & Partners", "Vanneste & Zonen".
_PARTNERS = {"co", "cie", "partners", "zonen", "zoon", "zn", "associés", "associates"}
#: Short organisation words that end compounds: "verpleeghuis De Linde", "schaakclub De Toren", "weverij Deconinck".
_COMPOUND_HEADS = ("huis", "club", "erij", "verblijf", "maatschappij", "zaak", "plaats")
#: Sports clubs' abbreviations: never ordinary words, also in lowercase ("vv De Reeshof Boys", "kfc zonhoven").
_CLUBS = {"vv", "fc", "kfc", "vc", "sk", "sv", "hc", "rfc", "kvc", "kv", "svv", "afc", "sc", "rksv", "rkvv", "ksv", "kvv"}
#: A department's name in capitals is no organisation of its own ("AFDELING SCHULDHULP", "DIENST HERSTELLINGEN").
_DEPARTMENTS = {"afdeling", "dienst", "team"}
#: Heads named with an article in lowercase writing: "basisschool de horizon", "college ter leie", "vc de sterre".
_NAMED_WITH_ARTICLE = {"school", "basisschool", "atheneum", "college", "lyceum", "instituut", "leefgroep", "vc", "vv", "fc",
                       "kfc", "sk", "moskee", "kerk", "inloophuis", "jeugdhuis", "buurthuis", "dagcentrum", "voorziening"}
#: An acronym joined to a name, anywhere: "HVO-Querido", "GGZ-Delfland" (not "FACT-team", "Noord-Holland").
_ACRONYM_AND_NAME = re.compile(r"[A-Z]{2,6}-[A-Z][a-zà-ÿ]{2,}")
#: Heads of those that also go with an article and an ordinary word ("op school de hele dag"): the name after them
#: must be an unusual word.
_GENERIC_NAMED = {"school", "voorziening", "instituut", "leefgroep"}
#: A name with a telephone area code, as some welfare organisations call themselves: "Stadsring51", "Indebuurt033".
_NAME_AND_CODE = re.compile(r"[A-Z][a-z]{3,}\d{2,3}")
#: Endings of capitalised adjectives that open an institution's name: "Algemeen Ziekenhuis", "Technische School".
_ADJECTIVE_ENDINGS = ("isch", "ische", "sche", "air", "aire", "aal", "ale", "een", "ene")
#: "Vredegerecht van het derde kanton Antwerpen", "Arbeidsrechtbank Gent, afdeling Kortrijk": the district belongs to
#: the name ("GGZ Drenthe, locatie Beilen" stays an organisation and a place).
_DISTRICTS = {"kanton", "arrondissement", "afdeling"}


class OrganisationRecognizer(Recognizer):
    name = "organisations"
    labels = ("ORGANISATIE",)

    def find(self, view: TextView) -> Iterator[Finding]:
        lex = view.lexicons
        heads = lex.word_set("organisation_heads")
        suffixes = tuple(sorted(lex.word_set("organisation_suffixes")))
        long_heads = tuple(sorted(h for h in heads if len(h) >= 6))
        id_cues = lex.word_set("id_cues")
        place_words = lex.word_set("place_cues")
        tokens = view.tokens
        head_endings = long_heads + _COMPOUND_HEADS
        for index, token in enumerate(tokens):
            word = token.lower
            if not token.is_cap and word not in heads and "-" not in word and word != "'t" and word != "&" and not word.endswith(head_endings):
                continue  # most words: no capital, no organisation word, none of the shapes below
            compound_head = word.endswith(_COMPOUND_HEADS) and len(word) >= 7 and token.is_word
            # 1. a head word followed by a name: "CAW Oost-Vlaanderen", "basisschool De Regenboog",
            #    also as the end of a compound: "schoonmaakbedrijf Glansrijk"
            acronym = token.is_upper and 2 <= len(token.text) <= 5 and token.is_word and word not in id_cues and not (
                len(token.text) == 2 and token.text[1] == "."
            )  # an initial ("J. Roelofs") is no acronym
            institution = token.is_cap and token.is_word and word.endswith(suffixes) and any(
                word.endswith(s) and len(word) > len(s) + 2 for s in suffixes
            )
            # a short head that is also a word needs its capitals: "MEE", "PC" (not "mee", "op mijn pc")
            head = word in heads and not (
                token.text.islower() and len(word) <= 3 and lex.is_common(word) and not view.lowercase and word not in _CLUBS
            ) or (
                token.is_cap and not token.sent_start and token.is_word and word.endswith(long_heads)
                and any(word.endswith(h) and len(word) >= len(h) + 4 for h in long_heads)
            ) or (
                "-" in word and word.split("-", 1)[0] in heads and token.text.split("-", 1)[0].isupper()
            )  # "Advocatenkantoor Lybaert & Co", "Bouwbedrijf Peeters & Co", "Distributiecentrum Kuehne + Nagel", "FACT-team Noord"
            compound = (token.text.islower() or token.shouted) and (word.endswith(long_heads) or compound_head)  # "meubelfabriek", "verpleeghuis"
            if head or acronym or institution or compound:
                end_index = self._name_end(view, index, acronym, heads, long_heads)
                if end_index > index:
                    named_by_head = word in heads or acronym or institution
                    finding = self._head_and_name(view, index, end_index, named_by_head, compound_head and not head, place_words)
                    if finding is not None:
                        yield finding
                    continue
            # 1b. a name followed by its legal form: "Kompas vzw", "JES vzw", "Bakkerij Peeters bv"
            following = tokens[index + 1].lower if index + 1 < len(tokens) else ""
            trailing = following in _TRAILING_HEADS and (
                not lex.is_common(word) or following in _FIRMS and word in lex.surnames
            ) and not word.endswith(("se", "sche", "xe"))  # "de Congolese kerk", "Eritrees-orthodoxe kerk": not a name
            if index + 1 < len(tokens) and (tokens[index + 1].lower in _LEGAL_FORMS or trailing) and token.is_cap and token.is_word and (
                word not in lex.never and not token.sent_start or not lex.is_common(word)
            ):
                start = index
                while start > 0 and not tokens[start].sent_start and (
                    tokens[start - 1].is_cap and tokens[start - 1].is_word
                    or tokens[start - 1].text == "&" and start > 1 and tokens[start - 2].is_cap  # "Van Leeuwen & Bosch"
                    or following in _FIRMS and tokens[start - 1].lower in _PARTICLES and start > 1 and (
                        tokens[start - 2].lower in _PARTICLES  # "Van der Linden Gerechtsdeurwaarders"
                    )
                ):
                    start -= 1
                yield Finding("ORGANISATIE", tokens[start].start, tokens[index + 1].end, 0.85, self.name,
                              "name and what it is" if trailing else "name and legal form")
                continue
            # 1c. a firm named after its partners: "Lemmens & Co", "claeys & partners", "Vanneste & Zonen"
            if token.text == "&" and index > 0 and index + 1 < len(tokens) and tokens[index + 1].lower.rstrip(".") in _PARTNERS:
                start = index - 1
                while start > 0 and not tokens[start].sent_start and tokens[start - 1].is_word and (
                    tokens[start - 1].is_cap or view.lowercase and tokens[start - 1].lower not in lex.function_words
                    and not lex.is_common(tokens[start - 1].lower)
                ) and index - start < 3:
                    start -= 1
                if tokens[start].is_word and (tokens[start].is_cap or view.lowercase) and tokens[start].lower not in lex.function_words:
                    yield Finding("ORGANISATIE", tokens[start].start, tokens[index + 1].end, 0.8, self.name, "name & Co")
                continue
            # 2. a capitalised word ending in an institution type: "Sint-Jozefcollege", "Arteveldehogeschool"; in lowercase
            #    writing, one joined by hyphens: "sint-guido-instituut"
            first_part = word.split("-", 1)[0]
            hyphened = view.lowercase and word.count("-") >= 2 and (first_part in ("sint", "heilig") or first_part in lex.first_names)
            if (token.is_cap or hyphened) and token.is_word and not lex.is_common(word) and not (
                token.is_upper and "-" in token.text
            ):
                suffix = next((s for s in suffixes if word.endswith(s) and len(word) > len(s) + 2), None)
                if suffix and word not in heads:
                    yield Finding("ORGANISATIE", token.start, token.end, 0.75, self.name, f"name ending -{suffix}")
                    continue
            # 3. an unknown acronym where one goes: "studeer aan PXL", "verwezen naar i-psy", "via HVO-Querido"
            before = tokens[index - 1].lower if index > 0 else ""
            placed = before in _PLACES_OF_WORK or (  # "bij PXL", "bij de RET", "in het ZOL"
                index > 1 and before in ("de", "het") and tokens[index - 2].lower in BEFORE_ARTICLE
            )
            shaped = token.is_word and (
                (token.is_upper and 2 <= len(token.text) <= 6)
                or ("-" in token.text and token.text.rsplit("-", 1)[1][:1].isupper() and word.rsplit("-", 1)[1] not in lex.never)
                or (token.text.islower() and "-" in token.text and len(token.text) >= 5)
            )  # "PXL", "HVO-Querido", "i-psy"; not "basis-GGZ"
            after_van = before == "van" and token.is_upper and token.is_word and 2 <= len(token.text) <= 5 and not lex.is_common(word)
            acronym_and_name = _ACRONYM_AND_NAME.fullmatch(token.text) is not None and word not in lex.places  # "HVO-Querido"
            if (placed or before == "van") and _NAME_AND_CODE.fullmatch(token.text):
                yield Finding("ORGANISATIE", token.start, token.end, 0.6, self.name, "name with an area code")
                continue
            if (placed and shaped or after_van or acronym_and_name) and word not in lex.never and word not in id_cues and (
                token.is_upper or not lex.is_common(word)
            ):  # "distributiecentrum van DHL"
                yield Finding("ORGANISATIE", token.start, token.end, 0.6, self.name, "acronym after 'bij'/'aan'/'naar'")
                continue
            # 4. a capitalised article in mid-sentence starting a name: "in De Wissel", "bij Het Anker"
            if token.text in {"De", "Het", "'t", "Den", "Ter"} and not token.sent_start and index + 1 < len(tokens):
                nxt = tokens[index + 1]
                if nxt.is_cap and nxt.is_word and not nxt.sent_start:
                    end = nxt.end
                    j = index + 2
                    while j < len(tokens) and tokens[j].is_cap and tokens[j].is_word and not tokens[j].sent_start:
                        end = tokens[j].end
                        j += 1
                    yield Finding("ORGANISATIE", token.start, end, 0.7, self.name, "capitalised article and name")
        yield from creditors(view, self.name)

    @staticmethod
    def _name_end(view: TextView, index: int, acronym: bool, heads: set[str], long_heads: tuple[str, ...]) -> int:
        """The last token of the name after the organisation word at ``index`` (``index`` when none follows)."""
        lex, tokens, word = view.lexicons, view.tokens, view.tokens[index].lower
        end_index = index
        j = index + 1
        while j < len(tokens) and not tokens[j].sent_start and j - index <= 5:
            nxt = tokens[j]
            shouting = nxt.is_upper and len(nxt.text) > 2 and not (
                nxt.lower in lex.places or nxt.lower in lex.first_names or nxt.lower in lex.surnames
            ) and (lex.is_common(nxt.lower) or nxt.lower in lex.never)  # in capitals, an ordinary word ends a name
            if nxt.is_cap and not shouting and sum(c.isalpha() for c in nxt.text) >= 3 and not (
                nxt.shouted and len(nxt.text) < 6 and not (nxt.lower in lex.places or nxt.lower in lex.surnames)  # "SCHULDHULP BELT": a verb
            ) or nxt.text in {"Dr.", "St.", "dr.", "st.", "Co", "Co.", "Cie"}:
                end_index = j
            elif nxt.is_upper and nxt.is_word and 2 <= len(nxt.text) <= 4 and nxt.lower not in lex.never and (acronym or word in heads):
                end_index = j  # "UPC KU Leuven"
            elif nxt.text.islower() and nxt.is_word and (word in heads or word.endswith(long_heads)) and len(nxt.text) > 2 and nxt.lower not in lex.never and (
                nxt.lower not in lex.vocabulary and not lex.is_compound(nxt.lower)
                or nxt.lower in lex.places and nxt.lower not in lex.vocabulary
            ) and (nxt.lower not in lex.frequent or acronym or word in _CLUBS or len(word) <= 4 and word in heads):
                end_index = j  # lowercase writing: "pc dr. guislain", "umc utrecht", "caw limburg"
            elif j == index + 1 and nxt.lower in _COMPASS and nxt.is_word and not nxt.sent_start and (tokens[index].is_cap or view.lowercase):
                end_index = j  # "Jeugdbescherming west", "GGZ noord"
            elif _connects(tokens, j, lex):
                pass  # "Leger des Heils", "Netwerk tegen Armoede"
            elif nxt.shouted and nxt.is_word and len(nxt.text) > 2 and nxt.lower not in lex.function_words and (
                nxt.lower in lex.places or nxt.lower not in lex.vocabulary and word not in _DEPARTMENTS and len(nxt.text) >= 6
            ):
                end_index = j  # a text in capitals: "GGZ DELFLAND", "SCHEEPSWERF NOORDKUST", "WOONHAVEN ANTWERPEN"
            elif view.lowercase and nxt.is_word and nxt.lower in lex.places and nxt.lower not in lex.function_words:
                end_index = j  # lowercase writing: "caw limburg", "uz gent"
            elif j == index + 1 and (
                view.lowercase and word in _NAMED_WITH_ARTICLE and nxt.lower in ("de", "het", "ter", "'t", "den", "al", "el")
                and (j + 1 >= len(tokens) or tokens[j + 1].lower not in lex.frequent or word not in _GENERIC_NAMED)
                or nxt.shouted and tokens[index].shouted and nxt.lower in ("de", "het", "'t", "den", "ter")
            ) and (named_end := _words_after_article(tokens, j, index, lex)) is not None:
                # "basisschool de horizon", "atheneum de kleine prins", "moskee al nour" in lowercase writing;
                # "VOEDSELBANK DE BOTERHAM" in capitals
                end_index = j = named_end
            elif (district := _district(tokens, j)) is not None:
                return district  # "Vredegerecht van het kanton Mechelen", "…, afdeling Kortrijk"
            else:
                break
            j += 1
        return end_index

    def _head_and_name(
        self, view: TextView, index: int, end_index: int, named_by_head: bool, compound_head: bool, place_words: set[str]
    ) -> Finding | None:
        """The organisation from the word at ``index`` to ``end_index``: with the head word when it is part of the
        name ("basisschool De Regenboog", "schoonmaakbedrijf Proper Plus"), without it when a joiner stands between
        ("opvangcentrum van Fedasil" → "Fedasil"); ``None`` for a generic name or a place."""
        lex, tokens = view.lexicons, view.tokens
        token, word = tokens[index], tokens[index].lower
        tail = [t.lower for t in tokens[index + 1: end_index + 1] if t.is_cap]
        if tail and all(t in lex.never and not t.startswith("sint-") for t in tail):
            return None  # "GGZ Nederland" is generic; "AZ Sint-Maarten" is not
        first = index + 1
        while first < end_index and tokens[first].lower in _INNER and not tokens[first].text[:1].isupper():
            first += 1
        # "schoonmaakbedrijf Proper Plus", "verpleeghuis De Lindehof"; not "opvangcentrum van Fedasil"
        named_directly = all(t.text in ("De", "Het", "'t", "Den", "Al", "El") or t.shouted for t in tokens[index + 1: first])
        if compound_head and not named_directly or word in place_words and not named_by_head:
            return None  # "het stadhuis van Oudenaarde", "deelgemeente Koersel": a place
        start = token.start if named_by_head or named_directly else tokens[first].start
        if view.text[max(0, start - 4): start] == "GO! ":
            start -= 4  # the Flemish community's schools: "GO! Basisschool De Wingerd"
        k = index - 1
        while (named_by_head or token.shouted) and start <= token.start and k >= 0 and (tokens[k].is_cap or tokens[k].shouted) and (
            tokens[k].is_word and not tokens[k + 1].sent_start
        ) and (
            (lex.is_common(tokens[k].lower) or tokens[k].lower.endswith(("ische", "isch"))) and tokens[k].lower.endswith(_ADJECTIVE_ENDINGS)
        ):
            start = tokens[k].start  # "Psychiatrisch Ziekenhuis Sint-Amandus", "Universitair Psychiatrisch Centrum"
            k -= 1
        return Finding("ORGANISATIE", start, tokens[end_index].end, 0.85, self.name, f"organisation word '{word}' and name")


#: Directions that name a region of an organisation: "Jeugdbescherming west", "ggz noord".
_COMPASS = {"noord", "oost", "zuid", "west", "midden", "noordoost", "noordwest", "zuidoost", "zuidwest"}
#: Lowercase words inside an organisation's name before a capitalised word, or an article and one: "Netwerk tegen
#: Armoede", "Artsen zonder Grenzen", "Vrienden met Visie" (not "in", "aan", "op": "nachtopvang aan de Dampoort").
_CONNECTING = {"tegen", "zonder", "met", "over"}
_ARTICLES = {"de", "het", "'t", "den"}


def _connects(tokens, j: int, lex) -> bool:
    """Token ``j`` joins an organisation's name to the capitalised word after it ("Leger des Heils"), or to the
    article and capitalised word after it ("Netwerk tegen de Armoede")."""
    word = tokens[j].lower
    if word in _INNER:
        return j + 1 < len(tokens) and tokens[j + 1].is_cap
    if word not in _CONNECTING:
        return False
    k = j + 2 if j + 1 < len(tokens) and tokens[j + 1].lower in _ARTICLES else j + 1
    if k >= len(tokens):
        return False
    target = tokens[k]
    return target.is_cap and target.is_word and not target.sent_start and not (
        target.lower in lex.places or target.lower in lex.first_names
    )


def _words_after_article(tokens, j: int, index: int, lex) -> int | None:
    """The last of up to three name words after the article at ``j`` (written like it: lowercase or in capitals; no
    function word or place), or ``None`` when none follows: "atheneum de kleine prins", "VOEDSELBANK DE BOTERHAM"."""
    shouted = tokens[j].shouted
    end = None
    k = j + 1
    while k < len(tokens) and k - index <= 4 and not tokens[k].sent_start and (
        tokens[k].shouted if shouted else tokens[k].is_word
    ) and tokens[k].lower not in lex.function_words and tokens[k].lower not in lex.places:
        end = k
        k += 1
    return end


def _district(tokens, j: int) -> int | None:
    """The last token of a district after an organisation's name ("van het derde kanton Antwerpen", ", afdeling
    Kortrijk"), or ``None``."""
    k = j
    if tokens[k].text == ",":
        k += 1
    elif tokens[k].lower == "van" and k + 1 < len(tokens) and tokens[k + 1].lower in ("het", "de"):
        k += 2
    else:
        return None
    if k < len(tokens) and tokens[k].lower.endswith(("de", "ste")) and not tokens[k].is_cap:
        k += 1  # "het derde kanton"
    if k + 1 < len(tokens) and tokens[k].lower in _DISTRICTS and tokens[k + 1].is_cap and not tokens[k + 1].sent_start:
        return k + 1
    return None
