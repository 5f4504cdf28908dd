"""Guided storytelling for trainees: formats (data), feedback, drafts with autosave and versions, listening round."""

from __future__ import annotations


def feedback(text, format: str = "drie-lagen"):
    """See :func:`narratief.storytelling.feedback.feedback`."""
    from narratief.storytelling.feedback import feedback as run

    return run(text, format=format)


__all__ = ["feedback"]
