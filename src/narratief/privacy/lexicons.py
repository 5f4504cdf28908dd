"""Word lists the recognizers use, built from installed packages and cached in the user cache directory.

Sources (nothing is typed by hand here, nothing is downloaded):

- first names and surnames: Faker's Belgian, Dutch and other European person providers, deduce's name lists;
- places: Faker's Belgian and Dutch city lists (Belgian ones include deelgemeenten), deduce's residences,
  municipalities and regions; streets and care institutions: deduce's lists (the Netherlands);
- common Dutch words: spaCy's Dutch lemma tables (spacy-lookups-data), deduce's stop and common words;
- countries, languages, months and weekdays in Dutch: Babel (CLDR).

The compiled result is pickled under ``platformdirs.user_cache_dir("narratief")``, keyed by the versions of those
packages, so only the first run builds it.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import logging
import pickle
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import metadata, resources
from pathlib import Path
from typing import Any

import yaml

from narratief.spoken import SPOKEN_FORMS

log = logging.getLogger(__name__)

CACHE_FORMAT = 3
_SOURCES = ("faker", "deduce", "spacy-lookups-data", "babel", "wordfreq", "narratief")
_EXTRA_NAME_LOCALES = ("fr_BE", "fr_FR", "de_DE", "en_GB", "tr_TR", "pl_PL", "it_IT", "es_ES", "pt_PT", "ar_AA")
_NAME_TOKEN = re.compile(r"^[^\W\d_][\w'\-.]*$")


@dataclass
class Lexicons:
    """Everything the recognizers look words up in. Single words are lowercase; phrases are token tuples."""

    first_names: frozenset[str]
    surnames: frozenset[str]
    particles: frozenset[str]
    places: dict[str, str]  # lowercase single-token place -> "nl-BE" | "nl-NL" | "both"
    regions: frozenset[str]
    vocabulary: frozenset[str]  # common Dutch words (lowercase)
    frequent: frozenset[str]  # very frequent Dutch words (zipf >= 4.5): never a name on their own
    never: frozenset[str]  # countries, languages, months, weekdays, generic words: never a detail on their own
    months: tuple[str, ...]
    weekdays: tuple[str, ...]
    phrase_labels: dict[tuple[str, ...], str]  # multi-word places, streets, institutions: tokens -> label
    phrase_lengths: dict[str, tuple[int, ...]]  # first token -> the phrase lengths starting with it, longest first
    context: dict[str, Any] = field(default_factory=dict)
    function_words: frozenset[str] = frozenset()  # spaCy's Dutch stop words
    foreign_months: tuple[str, ...] = ()  # French and English month names (dates in mixed-language stories)
    abbreviations: frozenset[str] = frozenset()  # spaCy's Dutch tokenizer exceptions ending in "." ("Dr.", "ca.")
    _sets: dict[tuple[str, ...], frozenset[str]] = field(default_factory=dict, repr=False, compare=False)

    def word_set(self, *path: str) -> frozenset[str]:
        """A word list of ``context.yaml`` as a set, built once: ``word_set("person_cues", "kin")``."""
        found = self._sets.get(path)
        if found is None:
            value: Any = self.context
            for key in path:
                value = value[key]
            found = self._sets[path] = frozenset(value)
        return found

    @property
    def month_words(self) -> frozenset[str]:
        found = self._sets.get(("months",))
        if found is None:
            found = self._sets[("months",)] = frozenset(m.lower() for m in self.months + self.foreign_months)
        return found

    def is_common(self, lower: str) -> bool:
        return lower in self.vocabulary

    def is_plain(self, lower: str) -> bool:
        """A function word or a first name (``kon``, ``me``, ``dat``, ``tom``), not an abbreviation such as ``dr``."""
        return lower in self.function_words or lower in self.first_names

    def is_compound(self, lower: str) -> bool:
        """Two ordinary words of four letters or more (a linking ``s`` or
        ``e`` allowed): ``installatiebedrijf``, ``gezinshereniging``, ``schuldenregeling`` (a Dutch compound, not a
        name the word lists miss)."""
        vocabulary = self.vocabulary
        for i in range(4, len(lower) - 3):
            if lower[i:] in vocabulary:
                head = lower[:i]
                if head in vocabulary or head[-1] in "se" and head[:-1] in vocabulary:
                    return True
        return False


def _versions() -> str:
    parts = [f"format={CACHE_FORMAT}"]
    for name in _SOURCES:
        try:
            parts.append(f"{name}={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            parts.append(f"{name}=-")
    for package, name in (("narratief.privacy", "context.yaml"), ("narratief.privacy", "lexicons.py"), ("narratief", "spoken.py")):
        source = resources.files(package).joinpath(name).read_bytes()  # the build recipe is part of the key
        parts.append(f"{name}={hashlib.sha256(source).hexdigest()[:12]}")
    return ";".join(parts)


def load_context() -> dict[str, Any]:
    return yaml.safe_load(resources.files("narratief.privacy").joinpath("context.yaml").read_text(encoding="utf-8"))


def _deduce_list(*parts: str) -> list[str]:
    try:
        base = resources.files("deduce").joinpath("data", "lookup", "src", *parts, "items.txt")
        return [line.strip() for line in base.read_text(encoding="utf-8").splitlines() if line.strip()]
    except (ModuleNotFoundError, FileNotFoundError):
        log.warning("deduce's lookup lists are not installed; name and place coverage is smaller")
        return []


def _faker_attr(module: str, attr: str) -> list[str]:
    import importlib

    logging.getLogger("faker").setLevel(logging.WARNING)
    try:
        provider = importlib.import_module(module).Provider
    except ModuleNotFoundError:
        return []
    value = getattr(provider, attr, ())
    return list(value.keys() if isinstance(value, dict) else value)


def _spacy_vocabulary() -> set[str]:
    """Dutch words with inflected forms in spaCy's lemma table (the table's word index lists names too)."""
    import spacy_lookups_data

    folder = Path(spacy_lookups_data.__file__).parent / "data"
    with gzip.open(folder / "nl_lemma_lookup.json.gz", "rt", encoding="utf-8") as handle:
        table = json.load(handle)
    words = set(table) | set(table.values())
    return {w.lower() for w in words if w.isalpha() or "-" in w}


def _frequent_words(names: set[str]) -> tuple[set[str], set[str]]:
    """Frequent Dutch words (wordfreq): (fairly frequent ones that are not names, very frequent ones)."""
    from wordfreq import top_n_list, zipf_frequency

    common, very = set(), set()
    for word in top_n_list("nl", 60_000):
        zipf = zipf_frequency(word, "nl")
        if zipf < 4.0:
            break
        if zipf >= 4.5:
            very.add(word)
        if zipf >= 5.0 or word not in names:
            common.add(word)
    return common, very


def _tokens(phrase: str) -> tuple[str, ...]:
    return tuple(phrase.lower().replace(",", " ").split())


def build_lexicons() -> Lexicons:
    """Compile the lexicons from the installed packages (slow: use :func:`get_lexicons`)."""
    from babel import Locale
    from spacy.lang.nl import Dutch
    from spacy.lang.nl.stop_words import STOP_WORDS

    context = load_context()
    dutch = Locale("nl")

    first = {n.lower() for n in _deduce_list("names", "lst_first_name")}
    surnames = {n.lower() for n in _deduce_list("names", "lst_surname") + _deduce_list("names", "lst_interfix_surname")}
    for locale in ("nl_BE", "nl_NL", *_EXTRA_NAME_LOCALES):
        module = f"faker.providers.person.{locale}"
        for attr in ("first_names", "first_names_male", "first_names_female"):
            first.update(n.lower() for n in _faker_attr(module, attr))
        surnames.update(n.lower() for n in _faker_attr(module, "last_names"))
    first = {n for n in first if _NAME_TOKEN.match(n) and len(n) > 1}
    # Multi-word surnames ("Van den Broeck") are matched part by part; keep their last part as a surname.
    surnames = {n.split()[-1] for n in surnames if n.split() and _NAME_TOKEN.match(n.split()[-1])}
    particles = {p.lower() for p in _deduce_list("names", "lst_interfix")} | set(context["particle_starts"])

    places: dict[str, str] = {}
    phrases: dict[str, list[tuple[tuple[str, ...], str]]] = {}

    def add_phrase(text: str, label: str) -> None:
        tokens = _tokens(text)
        if tokens and all(_NAME_TOKEN.match(t) or t.isdigit() for t in tokens):
            phrases.setdefault(tokens[0], []).append((tokens, label))

    for variant, names in (
        ("nl-BE", _faker_attr("faker.providers.address.nl_BE", "cities")),
        ("nl-NL", _faker_attr("faker.providers.address.nl_NL", "cities")
         + _deduce_list("locations", "lst_placename", "lst_residence")
         + _deduce_list("locations", "lst_placename", "lst_municipality")),
    ):
        for name in names:
            tokens = _tokens(name)
            if len(tokens) == 1:
                for key in {tokens[0], tokens[0].lstrip("'’")}:  # spaCy splits "'s-Hertogenbosch" after the quote
                    places[key] = "both" if places.get(key, variant) != variant else variant
            elif tokens:
                add_phrase(name, "LOCATIE")
    regions = {r.lower() for r in _deduce_list("locations", "lst_placename", "lst_region")}
    regions |= {p.lower() for p in _faker_attr("faker.providers.address.nl_BE", "provinces")}
    regions |= {p.lower() for p in _faker_attr("faker.providers.address.nl_NL", "provinces")}

    vocabulary = _spacy_vocabulary()
    vocabulary |= {w.lower() for w in _deduce_list("whitelist", "lst_stop_word") + _deduce_list("whitelist", "lst_common_word")}
    common, frequent = _frequent_words(first | surnames | set(places))
    vocabulary |= common | set(SPOKEN_FORMS)  # "mie", "noe", "gene": ordinary words, spoken

    never_words = {name.lower() for name in dutch.territories.values()} | set(context["generic"])
    street_endings = tuple(context["street_suffixes"])
    for organisation in context["named_organisations"]:  # first: a curated name wins over a street of that name
        add_phrase(organisation, "ORGANISATIE")
    for street in _deduce_list("locations", "lst_street"):
        tokens = _tokens(street)
        if len(tokens) == 1 and (tokens[0] in never_words or tokens[0].endswith(street_endings)):
            continue  # single-word streets with a street ending are found by the street recognizer
        # A street that is one common word ("Markt", "Dorpsstraat") is found by its suffix or number instead.
        if len(tokens) > 1 or (tokens and tokens[0] not in vocabulary):
            add_phrase(street, "ADRES")
    for abbreviation in _deduce_list("institutions", "lst_hospital_abbr"):
        if abbreviation.isupper() and len(abbreviation) >= 3:
            add_phrase(abbreviation, "ORGANISATIE")
    for institution in _deduce_list("institutions", "lst_hospital") + _deduce_list("institutions", "lst_healthcare_institution"):
        tokens = _tokens(institution)
        if len(tokens) > 1 or (tokens and tokens[0] not in vocabulary and tokens[0] not in places):
            add_phrase(institution, "ORGANISATIE")
    phrase_labels: dict[tuple[str, ...], str] = {}
    for entries in phrases.values():
        for tokens, label in entries:
            phrase_labels.setdefault(tokens, label)
    phrase_lengths = {first: tuple(sorted({len(t) for t, _ in entries}, reverse=True)) for first, entries in phrases.items()}

    languages = {name.lower() for name in dutch.languages.values()}
    # adjectives of origin made from language names: Pools -> Poolse, Turks -> Turkse, Frans -> Franse
    never = never_words | languages | {name + "e" for name in languages if name.endswith("s") and " " not in name}
    months = tuple(dutch.months["format"]["wide"][i] for i in range(1, 13))
    weekdays = tuple(dutch.days["format"]["wide"][i] for i in range(7))
    never |= set(months) | set(weekdays) | set(context["english_function_words"])
    # A country name is never a place detail, even when a village shares its name.
    for country in list(places):
        if country in never:
            del places[country]

    return Lexicons(
        first_names=frozenset(first),
        surnames=frozenset(surnames),
        particles=frozenset(particles),
        places=places,
        regions=frozenset(regions),
        vocabulary=frozenset(vocabulary),
        frequent=frozenset(frequent),
        never=frozenset(never),
        months=months,
        weekdays=weekdays,
        phrase_labels=phrase_labels,
        phrase_lengths=phrase_lengths,
        context=context,
        function_words=frozenset(STOP_WORDS),
        foreign_months=tuple(
            name for code in ("fr", "en") for name in Locale(code).months["format"]["wide"].values() if name.lower() not in
            {m.lower() for m in months}
        ),
        abbreviations=frozenset(key for key in Dutch.Defaults.tokenizer_exceptions if key.endswith(".") and len(key) > 1),
    )


def cache_dir() -> Path:
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("narratief", appauthor=False))


@lru_cache(maxsize=1)
def get_lexicons() -> Lexicons:
    """The lexicons, from the user cache when it matches the installed packages, else built and cached."""
    key = hashlib.sha256(_versions().encode()).hexdigest()[:16]
    path = cache_dir() / f"lexicons-{key}.pickle"
    try:
        with open(path, "rb") as handle:
            return pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
        pass
    lexicons = build_lexicons()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(".tmp")
        with open(temporary, "wb") as handle:
            pickle.dump(lexicons, handle, protocol=pickle.HIGHEST_PROTOCOL)
        temporary.replace(path)
        for old in path.parent.glob("lexicons-*.pickle"):
            if old != path:
                old.unlink(missing_ok=True)
    except OSError as err:  # a read-only home still works, only slower
        log.warning("could not write the lexicon cache: %s", type(err).__name__)
    return lexicons
