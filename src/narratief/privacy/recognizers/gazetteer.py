"""Multi-word places, streets and institutions from the lexicons ("Den Haag", "Leger des Heils", "GGZ Centraal")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from narratief.privacy.findings import Finding
from narratief.privacy.recognizers.base import Recognizer, TextView
from narratief.privacy.recognizers.organisations import BEFORE_ARTICLE

_HOUSE_NUMBER = re.compile(r"\s*\d")


class GazetteerRecognizer(Recognizer):
    """Multi-word places, streets and institutions from the lexicons ("Den Haag", "Leger des Heils", "GGZ Centraal")."""

    name = "gazetteer"
    labels = ("LOCATIE", "ADRES", "ORGANISATIE")

    def find(self, view: TextView) -> Iterator[Finding]:
        lex = view.lexicons
        tokens = view.tokens
        lowered = [t.lower for t in tokens]
        lowercase = view.lowercase  # in a text typed without capitals, listed phrases count in lowercase ("ter apel")
        for index, token in enumerate(tokens):
            if not token.is_cap and not (token.lower in ("'s", "'t") and index + 1 < len(tokens) and tokens[index + 1].is_cap) and not (
                (lowercase or token.shouted or token.is_upper or not lex.is_common(token.lower)) and token.lower in lex.phrase_lengths
                and (token.lower not in lex.never or token.shouted or token.is_upper or lowercase)  # "LEGER DES HEILS", "leger des heils"
            ):
                continue
            for size in lex.phrase_lengths.get(token.lower, ()):
                if index + size > len(tokens):
                    continue
                label = lex.phrase_labels.get(tuple(lowered[index: index + size]))
                if label is None:
                    continue
                if size == 1 and token.lower in lex.never:
                    continue  # "UWV", "JEUGDZORG" in capitals are still generic
                caps = sum(1 for t in tokens[index: index + size] if t.is_cap or t.is_upper or t.shouted)
                score = 0.8
                if label == "ADRES" and not _HOUSE_NUMBER.match(view.text, tokens[index + size - 1].end):
                    score = 0.55  # a street name without a house number may be something else ("De Wissel")
                if size == 1 and ((lex.is_common(token.lower) and not token.is_upper) or token.sent_start and label != "ORGANISATIE") and not (
                    label == "ORGANISATIE" and lowercase and _placed(tokens, index)  # "ik werk bij de jumbo", "in de carrefour"
                ):
                    continue
                shouted_place = token.shouted and label == "LOCATIE" and token.lower not in ("de", "het", "'t") and index > 0 and (
                    tokens[index - 1].lower in lex.word_set("place_cues")
                )  # "IN DEN HELDER" (not "IN DE WIJK")
                if not token.is_cap and not shouted_place and not (size == 1 and label == "ORGANISATIE" and _placed(tokens, index)) and (
                    (size == 1 and (label != "ORGANISATIE" or len(token.lower) < 5))
                    or all(lex.is_common(t) for t in lowered[index: index + size]) and not _listed_in_capitals(tokens, index, size, lex)
                ):
                    continue  # lowercase: phrases of several words, not all ordinary, and organisations ("altrecht")
                if caps < 2 and token.sent_start and not (label == "ORGANISATIE" and size == 1):
                    continue  # "De huisarts" at the start of a sentence is no name; "Jellinek" is
                if any(t.sent_start for t in tokens[index + 1: index + size]):
                    continue
                yield Finding(label, token.start, tokens[index + size - 1].end, score, self.name, f"{label.lower()} list")
                break


def _placed(tokens, index: int) -> bool:
    """The word follows "bij", "in", "naar", "via", "aan", "van" (and "de"/"het"): where someone works or goes."""
    before = [t.lower for t in tokens[max(0, index - 2): index]]
    if before[-1:] and before[-1] in ("de", "het"):
        before = before[:-1]
    return bool(before) and before[-1] in BEFORE_ARTICLE


def _listed_in_capitals(tokens, index: int, size: int, lex) -> bool:
    """A listed phrase of ordinary words written in capitals: "LEGER DES HEILS", "DEN HAAG" (a place), not one that
    opens with an article ("DE WIJK", "HET PLEIN": in capitals, an article and a word are just words)."""
    token = tokens[index]
    if size < 2 or not (token.is_upper or token.shouted):
        return False
    return token.lower not in ("de", "het", "'t", "den") or " ".join(t.lower for t in tokens[index: index + size]) in lex.places
