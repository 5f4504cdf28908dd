"""``Doc`` extensions, registered once at import."""

from __future__ import annotations

from spacy.tokens import Doc

PII_KEY = "pii"


def _has_pii(doc: Doc) -> bool:
    return PII_KEY in doc.spans and len(doc.spans[PII_KEY]) > 0


if not Doc.has_extension("has_pii"):
    Doc.set_extension("has_pii", getter=_has_pii)
