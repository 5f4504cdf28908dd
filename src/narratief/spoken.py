"""Spoken Flemish, dialect and chat spellings of function words, with their standard form.

One table for the theme terms (register must not make themes of its own: ``ge`` → ``je``, ``da`` → ``dat``) and for
the anonymiser (``Ich``, ``Noe`` and ``Mien`` are ordinary words there, not names, and "noe bin ich 46" is an age).
Function words only; content words are left alone. No spaCy is imported here.
"""

from __future__ import annotations

SPOKEN_FORMS: dict[str, str] = {
    # Flemish tussentaal and chat
    "ge": "je", "gij": "jij", "gijle": "jullie", "da": "dat", "nie": "niet", "ni": "niet", "'k": "ik", "k": "ik",
    "ne": "een", "nen": "een", "'n": "een", "'t": "het", "t": "het", "mijne": "mijn", "mijnen": "mijn", "uwe": "jouw",
    "zijne": "zijn", "ier": "hier", "ff": "even", "efkes": "even", "eens": "eens", "wa": "wat", "iets": "iets",
    "ook": "ook", "kheb": "ik", "kzat": "ik", "kwas": "ik", "kweet": "ik", "zo'n": "zo", "allee": "allee",
    "amai": "amai", "awel": "awel", "ja": "ja", "nee": "nee", "neen": "nee", "echt": "echt", "gewoon": "gewoon",
    "gene": "geen", "genen": "geen",
    # Limburgs and other dialects
    "ich": "ik", "mich": "mij", "uch": "u", "mien": "mijn", "mienen": "mijn", "dae": "die", "noe": "nu", "gie": "jij",
    "hae": "hij", "waor": "was", "jaor": "jaar", "zyn": "zijn", "gein": "geen", "neet": "niet", "ouch": "ook",
    "oet": "uit", "bin": "ben", "mie": "meer", "joa": "ja", "jao": "ja", "doar": "daar", "woar": "waar",
    # Gronings and Twents
    "hai": "hij", "zai": "zij", "nait": "niet", "din": "dan", "mit": "met", "gain": "geen",
    # West-Vlaams and Gents
    "wuk": "wat", "ulder": "hun", "zyt": "zijt", "hee": "heeft", "gienk": "ging", "myn": "mijn", "under": "hun", "es": "is",
}
