"""Errors and warnings of narratief.

Every error has a stable ``code``, a Dutch ``message`` for the person using the tool (from
:mod:`narratief.teksten`) and an English ``detail`` for developers. ``str(err)`` is ``"[N001] detail"`` and is what
logs record. Neither ever contains story text or a detected identifying value: only ids, labels, column names,
counts and offsets.
"""

from __future__ import annotations

from typing import Any

from narratief import teksten


class NarratiefError(Exception):
    """Root of every error narratief raises on purpose."""

    code = "N000"

    def __init__(self, detail: str = "", **fields: Any) -> None:
        self.fields = fields
        self.message = teksten.FOUTEN[self.code].format(**fields)
        self.detail = detail or self.message
        super().__init__(str(self))

    def __str__(self) -> str:
        return f"[{self.code}] {self.detail}"


class ConsentMissing(NarratiefError):
    """The story has no consent for the purpose asked."""

    code = "N001"


class StoryNotFound(NarratiefError, KeyError):
    """No story with this id."""

    code = "N002"


class InvalidPurpose(NarratiefError, ValueError):
    """A consent purpose that narratief does not know."""

    code = "N003"


class MigrationFailed(NarratiefError):
    """A schema migration failed; it was rolled back."""

    code = "N004"


class ParticipantNotFound(NarratiefError, KeyError):
    """No participant with this pseudonym."""

    code = "N005"


class NotAStore(NarratiefError):
    """The file is not a narratief database."""

    code = "N006"


class ImportProblem(NarratiefError, ValueError):
    """Base class of the errors an import can raise; nothing is stored when one is raised."""

    code = "N018"


class EmptyImport(ImportProblem):
    code = "N010"


class NoTextColumn(ImportProblem):
    code = "N011"


class UndecodableFile(ImportProblem):
    code = "N012"


class DuplicateIds(ImportProblem):
    code = "N013"


class InvalidValue(ImportProblem):
    code = "N014"


class UnsupportedFormat(ImportProblem):
    code = "N015"


class NoParticipantColumn(ImportProblem):
    code = "N016"


class UnknownColumn(ImportProblem):
    code = "N017"


class SharingRefused(NarratiefError, PermissionError):
    """The privacy gate will not release this story for this purpose."""

    code = "N020"


class NotTheTeller(SharingRefused):
    """Purpose ``eigen`` is only for the teller."""

    code = "N021"


class ViewerRequired(SharingRefused):
    """Purpose ``eigen`` needs the participant whose own stories are asked for."""

    code = "N022"


class InvalidPolicy(NarratiefError, ValueError):
    """A replacement mode or policy that narratief does not know."""

    code = "N031"


class InvalidFormat(NarratiefError, ValueError):
    code = "N030"


class ThemeInputProblem(NarratiefError, ValueError):
    """Stories given to the theme model in a form it cannot use."""

    code = "N040"


class InvalidCodebook(NarratiefError, ValueError):
    """A codebook file that cannot be read or lacks required fields."""

    code = "N041"


class ThemeNotFound(NarratiefError, KeyError):
    """A theme id that is not (or no longer) in the result."""

    code = "N042"


class StoryNotInThemes(NarratiefError, KeyError):
    """A story id that is not part of the theme result."""

    code = "N043"


class InvalidThemeEdit(NarratiefError, ValueError):
    """An edit that cannot be applied (e.g. merging a theme with itself)."""

    code = "N044"


class NoThemesStored(NarratiefError, LookupError):
    """The store holds no theme run yet."""

    code = "N045"


class ResearchOnly(NarratiefError, ValueError):
    """An export that is only allowed for the purpose ``onderzoek``."""

    code = "N046"


class NotOneWord(NarratiefError, ValueError):
    """A listening-round answer that is not one word."""

    code = "N047"


class NarratiefWarning(UserWarning):
    """Base of warnings about problems that do not stop the work."""

    code = "W000"

    def __init__(self, **fields: Any) -> None:
        self.fields = fields
        self.message = teksten.WAARSCHUWINGEN[self.code].format(**fields)
        super().__init__(f"[{self.code}] {self.message}")


class EncodingFallback(NarratiefWarning):
    """A file was not UTF-8 and was read as Windows-1252."""

    code = "W001"


class EmptyStoriesSkipped(NarratiefWarning):
    code = "W002"


class CleanupIncomplete(NarratiefWarning):
    """The WAL file could not be truncated after an erase because another connection holds it."""

    code = "W003"
