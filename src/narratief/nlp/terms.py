"""Theme terms: the ``narratief_terms`` component turns anonymised Dutch text into the words themes are made of.

For every token it sets ``token._.terms`` (possibly empty) and for the document ``doc._.terms``:

- placeholders such as ``[PERSOON-1]`` and masks (``*****``) are never terms;
- spoken Flemish and chat forms are normalised (``ge`` → ``je``, ``da`` → ``dat``, ``'k`` → ``ik``) before the
  stop-word check, so register does not create themes of its own;
- the lookup lemma, then the Snowball stem of the lemma: this is the fallback for forms the lookup table misses
  (``kinderen`` → ``kinder``, ``kind`` stays ``kind`` but ``gezien`` → ``zien``);
- a Dutch compound also yields its parts (``wachtlijst`` → ``wachtlijst``, ``wacht``, ``lijst``;
  ``schuldhulpverlening`` → ``schuld``, ``hulpverlen``...), split where both sides are frequent Dutch words
  according to ``wordfreq``, so ``wachtlijst``, ``wachttijd`` and ``wachten`` meet.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from functools import lru_cache

from spacy.lang.nl.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc, Token

from narratief.spoken import SPOKEN_FORMS

#: Placeholders and masks written by the anonymiser; removed before tokenising.
PLACEHOLDER = re.compile(r"\[[A-ZÀ-Ý]+(?:-[0-9A-Z]+)?\]|\*{2,}")

#: Words that carry no theme in a story: Dutch stop words, the spoken forms above and a few narrative fillers.
STOP_TERMS = frozenset(STOP_WORDS) | frozenset(SPOKEN_FORMS) | frozenset(SPOKEN_FORMS.values()) | {
    "allee", "amai", "awel", "echt", "gewoon", "eigenlijk", "toen", "daarna", "gaan", "komen", "zeggen", "zei",
    "krijgen", "kreeg", "maken", "staan", "zitten", "zat", "weten", "weet", "denken", "dacht", "jaar", "dag", "keer",
    "week", "maand", "eerst", "ooit", "nog", "al", "wel", "heel", "beetje", "soms", "altijd", "nooit", "iemand",
    "niemand", "iets", "niets", "mens", "ding", "moment", "echt", "zelfs", "vaak", "lang", "goed", "groot", "klein",
    "nieuw", "oud", "eerste", "laatste", "even", "tijd", "ja", "nee", "oké", "ok",
}

def _calendar_words() -> frozenset[str]:
    """Dutch weekday and month names (from Babel's locale data): dates are not themes."""
    from babel import Locale

    locale = Locale("nl")
    words = set()
    for width in ("wide", "abbreviated"):
        words |= {d.lower().rstrip(".") for d in locale.days["format"][width].values()}
        words |= {m.lower().rstrip(".") for m in locale.months["format"][width].values()}
    return frozenset(words)


STOP_TERMS = STOP_TERMS | _calendar_words() | {
    "één", "twee", "drie", "vier", "vijf", "zes", "tien", "honderd", "uur", "minuut", "ochtend", "middag", "avond",
    "nacht", "vandaag", "gisteren", "morgen", "daardoor", "dagen", "maanden", "weken", "jaren", "eens", "plots",
    # irregular past forms the lookup table leaves alone
    "kwam", "kwamen", "stond", "stonden", "ging", "gingen", "zag", "zagen", "kreeg", "kregen", "bleef", "bleven",
    "liep", "liepen", "vond", "vonden", "nam", "namen", "gaf", "gaven", "wist", "wisten", "zat", "zaten",
}

#: A side of a compound counts when wordfreq gives it at least this Zipf frequency in Dutch.
COMPOUND_ZIPF = 3.3
#: Words at least this frequent are lexicalised and kept whole (``ziekenhuis``, ``achteraf``, ``uitkering``).
LEXICALISED_ZIPF = 4.0
_LINKS = ("", "s", "e", "en")


def _stemmer():
    import snowballstemmer

    return snowballstemmer.stemmer("dutch")


@lru_cache(maxsize=1)
def _dutch_stemmer():
    return _stemmer()


@lru_cache(maxsize=200_000)
def _zipf(word: str) -> float:
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "nl")


@lru_cache(maxsize=200_000)
def split_compound(word: str, min_left: int = 3, min_right: int = 4) -> tuple[str, ...]:
    """The parts of a Dutch compound (``("wacht", "lijst")``), or ``()`` when ``word`` does not split.

    Both sides must be frequent Dutch words; the head is split again (``schuldhulpverlening`` → ``schuld``,
    ``hulp``, ``verlening``). Among candidate split points the one whose rarer side is most frequent wins.
    """
    if len(word) < min_left + min_right or _zipf(word) >= LEXICALISED_ZIPF:
        return ()
    best: tuple[float, str, str] | None = None
    for cut in range(min_left, len(word) - min_right + 1):
        head = word[cut:]
        left = word[:cut]
        for link in _LINKS:
            if link and not left.endswith(link):
                continue
            stem = left[: len(left) - len(link)] if link else left
            if len(stem) < min_left:
                continue
            score = min(_zipf(stem), _zipf(head))
            if score >= COMPOUND_ZIPF and (best is None or score > best[0]):
                best = (score, stem, head)
    if best is None:
        return ()
    _, left, head = best
    return (left, *(split_compound(head, min_left, min_right) or (head,)))


#: Prefix of concept terms (``#geld``): words of one concept of the domain vocabulary meet there.
CONCEPT_PREFIX = "#"


@lru_cache(maxsize=4)
def concept_index(name: str = "concepten") -> dict[str, tuple[str, ...]]:
    """Stem → concept ids, from the domain vocabulary ``data/lexicons/<name>.yaml`` (empty when absent)."""
    import yaml

    from narratief.resources import data_dir

    path = data_dir() / "lexicons" / f"{name}.yaml"
    if not path.exists():
        return {}
    stem = _dutch_stemmer().stemWord
    index: dict[str, list[str]] = defaultdict(list)
    for concept in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("concepten", []):
        for word in concept.get("woorden", []):
            key = stem(str(word).lower())
            if concept["id"] not in index[key]:
                index[key].append(concept["id"])
    return {key: tuple(ids) for key, ids in index.items()}


class TermMaker:
    """Maps a token's lower-case form and lookup lemma to its theme terms (cached per form)."""

    def __init__(self, compounds: bool = True, min_length: int = 3, concepts: str | None = "concepten") -> None:
        self.compounds = compounds
        self.min_length = min_length
        self.concepts = concept_index(concepts) if concepts else {}
        self._cache: dict[tuple[str, str], tuple[str, ...]] = {}
        self._words: dict[tuple[str, str], tuple[str, ...]] = {}
        self._stem = _dutch_stemmer().stemWord

    def words(self, lower: str, lemma: str) -> tuple[str, ...]:
        """The readable words behind ``self(lower, lemma)``: the lemma, then the compound's parts."""
        return self._words.get((lower, lemma), ())

    def __call__(self, lower: str, lemma: str) -> tuple[str, ...]:
        key = (lower, lemma)
        found = self._cache.get(key)
        if found is None:
            pairs = self._make(lower, lemma)
            found = self._cache[key] = tuple(term for term, _ in pairs)
            self._words[key] = tuple(word for _, word in pairs)
        return found

    def _make(self, lower: str, lemma: str) -> list[tuple[str, str]]:
        lower = SPOKEN_FORMS.get(lower, lower)
        lemma = (lemma or lower).lower()
        if lower in STOP_TERMS or lemma in STOP_TERMS or len(lower) < self.min_length:
            return []
        if not lower.replace("-", "").isalpha():
            return []
        if lemma == lower and lower.endswith("eren") and _zipf(lower[:-4]) >= 3.5:
            lemma = lower[:-4]  # plurals the lookup table misses: kinderen → kind, eieren → ei
        pairs = [(self._stem(lemma), lemma)]
        if self.compounds and len(lemma) >= 8:
            for part in split_compound(lemma):
                stem = self._stem(part)
                if part not in STOP_TERMS and all(stem != term for term, _ in pairs):
                    pairs.append((stem, part))
        if self.concepts:
            found = self.concepts.get(pairs[0][0])
            if found is None:  # a compound belongs to the concept of its head (schuldeiser → eiser? no: schuld)
                found = tuple(c for term, _ in pairs[1:] for c in self.concepts.get(term, ()))
            for concept in dict.fromkeys(found):
                pairs.append((CONCEPT_PREFIX + concept, CONCEPT_PREFIX + concept))
        return pairs


if not Token.has_extension("terms"):
    Token.set_extension("terms", default=())
if not Doc.has_extension("terms"):
    Doc.set_extension("terms", getter=lambda doc: [term for token in doc for term in token._.terms])


@Language.factory("narratief_terms", default_config={"compounds": True, "min_length": 3, "concepts": "concepten"})
def make_terms(nlp: Language, name: str, compounds: bool, min_length: int, concepts: str | None) -> TermComponent:
    return TermComponent(compounds=compounds, min_length=min_length, concepts=concepts)


class TermComponent:
    """Sets ``token._.terms``; runs after the lemmatizer (lemmas are used when present).

    ``display`` counts, per term, the words it came from, so keywords can be shown as words (``wachtlijst``)
    rather than stems (``wachtlijst``, ``ervaringsdeskund``).
    """

    def __init__(self, compounds: bool = True, min_length: int = 3, concepts: str | None = "concepten") -> None:
        self.maker = TermMaker(compounds=compounds, min_length=min_length, concepts=concepts)
        self.display: dict[str, Counter] = defaultdict(Counter)

    def __call__(self, doc: Doc) -> Doc:
        make, display = self.maker, self.display
        for token in doc:
            if token.is_alpha or "'" in token.text or "-" in token.text:
                terms = make(token.lower_, token.lemma_)
                if terms:
                    token._.terms = terms
                    words = self.maker.words(token.lower_, token.lemma_)
                    for term, word in zip(terms, words):
                        display[term][word] += 1
        return doc

    def display_word(self, term: str) -> str:
        """The word most often behind ``term`` (the term itself when unseen)."""
        seen = self.display.get(term)
        return seen.most_common(1)[0][0] if seen else term


def clean_for_terms(text: str) -> str:
    """``text`` with placeholders and masks replaced by spaces (offsets are not kept)."""
    return PLACEHOLDER.sub(" ", text)
