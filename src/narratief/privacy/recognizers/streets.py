"""Street addresses: a street name with a Flemish or Dutch street-type ending, or a known Dutch street, and its number."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from narratief.privacy.findings import Finding
from narratief.privacy.recognizers.base import Recognizer, TextView, regex

_NUMBER = regex(r"[^\S\n]*(?:nr\.?\s*)?\d{1,4}(?:\s?[a-zA-Z](?![\w]))?(?:\s*(?:(?i:bus)|/|-)\s*\d{1,4}[a-zA-Z]?|-(?:I{1,3}|IV|hoog|huis|bis|[A-H])\b)?(?![\d\w])")
_PREFIXES = {"sint", "lange", "korte", "oude", "nieuwe", "grote", "kleine", "hoge", "lage", "noord", "zuid", "oost",
             "west", "onze-lieve-vrouw", "kerk", "heilige", "dr.", "burgemeester", "koning", "koningin", "prins", "graaf",
             "van", "de", "den", "der", "'t"}


@lru_cache(maxsize=4)
def _suffixes(extra: tuple[str, ...]) -> tuple[str, ...]:
    import importlib

    found = set(extra)
    for module in ("faker.providers.address.nl_BE", "faker.providers.address.nl_NL"):
        try:
            found.update(s.lower() for s in importlib.import_module(module).Provider.street_suffixes)
        except (ModuleNotFoundError, AttributeError):
            pass
    return tuple(sorted(found, key=len, reverse=True))


#: A postcode and place right after a house number, or right before a street: "…10, 8000 Brugge", "2440 Geel, Pas 118".
_POSTCODE_AFTER = regex(r"[a-zA-Z]?,?[ \t]+(?:B-)?[1-9]\d{3}(?:[ \t]?[A-Z]{2})?[ \t]+[A-Z]")
_POSTCODE_BEFORE = regex(r"(?<![\w.,/-])(?:B-)?[1-9]\d{3}(?:[ \t]?[A-Z]{2})?[ \t]+[A-Z][\w'-]+(?:[ \t][A-Z][\w'-]+)?,[ \t]*\Z")
_BARE_NUMBER = regex(r"[^\S\n](\d{1,4}[a-zA-Z]?(?:-(?:\d{1,4}|I{1,3}|IV|hoog|huis|bis))?)(?=\s*(?:[,.;)\n]|(?i:bus)\b|$|\d{4}\b))")


#: French street names in Brussels and Wallonia: "rue de Ribaucourt", "chaussée de Gand 112", "gare du Midi".
_FRENCH = regex(
    r"(?i:\b(?:rue|avenue|av\.|boulevard|bd\.?|chaussée|place|quai|square|allée|impasse|gare)\s+"
    r"(?:de\s+la\s+|de\s+l['’]|du\s+|des\s+|de\s+|d['’])?)[A-ZÉÈ][\w'’-]+(?:\s+[A-ZÉÈ][\w'’-]+)?(?:\s+\d{1,4}[a-zA-Z]?)?"
)
#: The words that open a French street name (the names recognizer leaves such names to this one).
FRENCH_STREET_WORDS = frozenset({"rue", "avenue", "av", "boulevard", "bd", "chaussée", "place", "quai", "square", "allée",
                                 "impasse", "gare"})
#: An unknown name and its house number after "aan de", "in de", "op de": "aan de Wolphaertsbocht 212C".
_AFTER_ARTICLE = regex(r"(?i:\b(?:aan|in|op|naar|uit)\s+(?:de|het)\s+)([A-Z][a-zà-ÿ]{3,}(?:-[A-Z][a-zà-ÿ]+)?\s+\d{1,4}[a-zA-Z]?)(?![\w/.,-]\d)")


#: A post office box, and the Flemish "Steenweg op Gierle 88", "Weg naar As 190" (a road named after where it leads).
_POSTBOX = regex(r"\b(?:Postbus|Antwoordnummer|Postbox|postbus)\s+\d{1,6}\b")
_ROAD_TO = regex(r"\b(?:Steenweg|Baan|Weg)\s+(?:op|naar)\s+[A-Z][\w'’-]+(?:\s+\d{1,4}[a-zA-Z]?(?:\s+(?i:bus)\s+\d{1,4})?\b)?")


#: Ordinary words that Dutch streets and squares are named by on their own ("aan de Brink 14").
_SQUARES = {"brink", "wal", "dam", "haven", "kade", "markt", "singel", "vest", "dijk", "laan", "ring", "plein", "kaai"}


class StreetRecognizer(Recognizer):
    name = "streets"
    labels = ("ADRES",)

    def find(self, view: TextView) -> Iterator[Finding]:
        if any(t.lower in FRENCH_STREET_WORDS for t in view.tokens):
            for match in _FRENCH.finditer(view.text):
                numbered = match.group()[-1:].isdigit()
                yield Finding("ADRES", match.start(), match.end(), 0.9 if numbered else 0.7, self.name, "French street name")
        for match in view.finditer_digits(_POSTBOX) if "ostb" in view.text or "ntwoordnummer" in view.text else ():
            yield Finding("ADRES", match.start(), match.end(), 0.85, self.name, "post office box")
        if "eg op " in view.text or "aan op " in view.text or "eg naar " in view.text:  # "Steenweg op", "Baan op", "Weg naar"
            for match in _ROAD_TO.finditer(view.text):
                numbered = match.group()[-1:].isdigit()
                yield Finding("ADRES", match.start(), match.end(), 0.9 if numbered else 0.6, self.name, "'Steenweg op' and place")
        for match in view.finditer_digits(_AFTER_ARTICLE):
            word = match.group(1).split()[0].lower()
            if not view.lexicons.is_common(word) or word in _SQUARES:  # "aan de Brink 14", "op de Wal 3"
                yield Finding("ADRES", match.start(1), match.end(1), 0.65, self.name, "name and house number after 'aan de'")
        suffixes = view.lexicons.context.get("_street_suffixes")
        if suffixes is None:
            suffixes = _suffixes(tuple(view.context("street_suffixes")))
            view.lexicons.context["_street_suffixes"] = suffixes
        tokens = view.tokens
        for index, token in enumerate(tokens):
            word = token.lower
            has_suffix = word.endswith(suffixes)
            if not (has_suffix or token.is_cap):
                continue  # most words: no street ending and no capital
            number = _NUMBER.match(view.text, token.end)
            suffix = next((s for s in suffixes if word.endswith(s) and len(word) >= len(s) + 3), None) if has_suffix else None
            if suffix is None and number and token.is_cap and word in suffixes:
                suffix = word  # "Markt 12", "Kaai 4"
            after_colon = index > 0 and tokens[index - 1].text == ":"  # a form field: "Adres: Westzijde 150"
            address_field = after_colon and index > 1 and tokens[index - 2].lower.endswith("adres")  # "Adres: Sluis 14"
            if suffix is None and token.is_word and token.is_cap and number is not None:
                # beside a postcode and place: "Ruddershove 10, 8000 Brugge", "wonende te 2440 Geel, Pas 118,"
                address_field = address_field or _POSTCODE_AFTER.match(view.text, number.end()) is not None or (
                    _POSTCODE_BEFORE.search(view.text, max(0, token.start - 40), token.start) is not None
                )
            if suffix is None and token.is_word and token.is_cap and (not view.lexicons.is_common(word) or address_field):
                bare = _BARE_NUMBER.match(view.text, token.end)
                alone = bare is not None and view.text[bare.end(): bare.end() + 1] in ("\n", "")  # "Wolphaertsbocht 212B" on its own line
                if bare and (not token.sent_start or after_colon or alone or address_field) and not (len(bare.group(1)) == 4 and bare.group(1)[:2] in ("19", "20")):
                    # an unknown name with a house number: "Wolphaertsbocht 220,"
                    yield Finding("ADRES", token.start, bare.end(1), 0.85 if address_field else 0.6, self.name, "unknown name with a house number")
                continue
            if suffix is None or not token.is_word:
                continue
            if not token.is_cap and (
                not number and not (view.lowercase and not view.lexicons.is_common(word) and _after_article(tokens, index))
                or number and view.lexicons.is_common(word) and not view.lowercase
            ):
                continue  # "aflevering 12" is no street; in a text without capitals "kerkstraat 12" and "op de bredabaan" may be
            if token.is_cap and not number and (view.lexicons.is_common(word) and not _after_article(tokens, index) or token.sent_start):
                continue  # but "op de Stationsstraat": a street that is also a word, named
            start = token.start
            j = index - 1
            taken = 0
            # preceding words of the street name: "Lange Lozanastraat", "Lodewijk De Meesterstraat", "Plantin en Moretuslei"
            while j >= 0 and not tokens[j + 1].sent_start and taken < 4:
                previous = tokens[j]
                if previous.is_cap and previous.is_word and previous.lower not in view.lexicons.never:
                    start = previous.start
                elif previous.lower in {"en", "de", "van", "der", "den", "ter", "'t"} and j > 0 and tokens[j - 1].is_cap and not previous.sent_start:
                    pass
                else:
                    break
                j -= 1
                taken += 1
            end = number.end() if number else token.end
            score = 0.9 if number else 0.65
            yield Finding("ADRES", start, end, score, self.name, f"street ending -{suffix}" + (" with number" if number else ""))


def _after_article(tokens, index: int) -> bool:
    """The token comes after "op de", "in de", "aan de": "op de bredabaan", "in de diezerstraat"."""
    return index >= 2 and tokens[index - 1].lower in ("de", "den", "het") and tokens[index - 2].lower in ("op", "in", "aan", "naar", "uit", "van", "bij")
