"""One recognizer per family of identifying details; :func:`default_recognizers` lists them in order."""

from __future__ import annotations

from narratief.privacy.recognizers.ages import AgeRecognizer
from narratief.privacy.recognizers.base import Pattern, PatternRecognizer, Recognizer, TextView, Token
from narratief.privacy.recognizers.be_rrn import BE_RRN
from narratief.privacy.recognizers.contact import EMAIL, HANDLE, URL
from narratief.privacy.recognizers.dates import DateRecognizer
from narratief.privacy.recognizers.dossier import DossierRecognizer
from narratief.privacy.recognizers.gazetteer import GazetteerRecognizer
from narratief.privacy.recognizers.iban import IBAN
from narratief.privacy.recognizers.names import NameRecognizer
from narratief.privacy.recognizers.nl_bsn import NL_BSN
from narratief.privacy.recognizers.organisations import OrganisationRecognizer
from narratief.privacy.recognizers.phone import PhoneRecognizer
from narratief.privacy.recognizers.plates import PLATES
from narratief.privacy.recognizers.postcodes import PostcodeRecognizer
from narratief.privacy.recognizers.streets import StreetRecognizer


def default_recognizers() -> list[Recognizer]:
    return [
        EMAIL, URL, HANDLE, PhoneRecognizer(), IBAN, BE_RRN, NL_BSN, PLATES, DossierRecognizer(), DateRecognizer(),
        AgeRecognizer(), PostcodeRecognizer(), StreetRecognizer(), GazetteerRecognizer(), OrganisationRecognizer(),
        NameRecognizer(),
    ]


__all__ = ["Pattern", "PatternRecognizer", "Recognizer", "TextView", "Token", "default_recognizers"]
