"""Invented replacements of the same country (Faker's nl_BE / nl_NL), the same for every mention of an entity."""

from __future__ import annotations

import hashlib
import logging
import re

from narratief.privacy.findings import Finding  # noqa: F401  (documentation link)

_PARTICLE_RE = re.compile(r"^(?:[Vv]an(?: de[nr]?| 't| het)?|[Dd]e|[Tt]e[rn]|'t)\s+")


class Surrogates:
    """Stable invented names, places and numbers. ``key`` makes them stable across a collection."""

    def __init__(self, variant: str = "nl-BE", key: bytes | None = None) -> None:
        logging.getLogger("faker").setLevel(logging.WARNING)
        from faker import Faker

        self.locale = "nl_NL" if variant == "nl-NL" else "nl_BE"
        self.faker = Faker(self.locale)
        self.key = key or b"narratief"
        self._people: dict[str, tuple[str, str]] = {}
        self._other: dict[tuple[str, str], str] = {}

    def _seed(self, label: str, canonical: str) -> None:
        digest = hashlib.sha256(self.key + f"{label}:{canonical.casefold()}".encode()).digest()
        self.faker.seed_instance(int.from_bytes(digest[:8], "big"))

    def replacement(self, label: str, surface: str, canonical: str, kind: str | None = None) -> str:
        if label == "PERSOON":
            return self._person(surface, canonical)
        cache_key = (label, canonical.casefold())
        if cache_key not in self._other:
            self._seed(label, canonical)
            self._other[cache_key] = self._invent(label, surface, kind)
        return self._other[cache_key]

    def _person(self, surface: str, canonical: str) -> str:
        person = self._people.get(canonical.casefold())
        if person is None:
            self._seed("PERSOON", canonical)
            person = (self.faker.first_name(), self.faker.last_name())
            self._people[canonical.casefold()] = person
        first, last = person
        words = [w for w in _PARTICLE_RE.sub("", surface).split() if w]
        canonical_words = _PARTICLE_RE.sub("", canonical).split()
        if len(words) >= 2 or len(canonical_words) < 2:
            out = f"{first} {last}" if len(words) >= 2 else first
        else:
            # one word of a longer name: the first name if it was the first word, else the surname
            out = first if canonical_words and words and words[0].casefold() == canonical_words[0].casefold() else last
        return out.lower() if surface.islower() else out

    def _invent(self, label: str, surface: str, kind: str | None) -> str:
        f = self.faker
        if label == "LOCATIE":
            return f.city()
        if label == "ADRES":
            return f.street_address() if any(c.isalpha() for c in surface.split()[0]) else f"{f.postcode()} {f.city()}"
        if label == "ORGANISATIE":
            return f"{f.last_name()} {f.random_element(['Centrum', 'Huis', 'Zorg', 'Groep'])}"
        if label == "DATUM":
            return f.date(pattern="%d-%m-%Y") if any(c.isdigit() for c in surface) else f.month_name()
        if label == "LEEFTIJD":
            digits = re.sub(r"\D", "", surface)
            return str(max(1, int(digits) + f.random_int(-3, 3))) if digits else surface
        if label == "TELEFOON":
            return f.phone_number()
        if label == "EMAIL":
            return f.email()
        if label == "URL":
            return f.url()
        if kind == "iban":
            return f.iban()
        return f.bothify("??-####").upper()
