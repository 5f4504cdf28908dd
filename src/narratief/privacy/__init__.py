"""Privacy: the gate every shared or exported story passes through."""

from narratief.privacy.gate import shareable_stories, shareable_text

__all__ = ["shareable_stories", "shareable_text"]
