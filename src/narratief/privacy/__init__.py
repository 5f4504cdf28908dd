"""Privacy: detecting identifying details, replacing them, and the gate every shared or exported story passes."""

from narratief.privacy.anonymiser import Anonymised, Anonymiser, anonymise
from narratief.privacy.gate import shareable_stories, shareable_text

__all__ = ["Anonymised", "Anonymiser", "anonymise", "shareable_stories", "shareable_text"]
