"""``anonymise(text)`` and ``Anonymiser``: detection followed by replacement, for one text or a collection."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from narratief.privacy.consistency import Decision
from narratief.privacy.detect import Detector, guess_variant
from narratief.privacy.replace import ReplacedSpan, replace


@dataclass(frozen=True)
class Anonymised:
    """The anonymised ``text`` and its ``spans`` (offsets into the original, label, original text, replacement)."""

    text: str
    spans: tuple[ReplacedSpan, ...]

    def __repr__(self) -> str:
        return f"Anonymised(chars={len(self.text)}, spans={len(self.spans)})"


def _in_notebook() -> bool:
    try:
        from IPython import get_ipython

        shell = get_ipython()
        return shell is not None and "IPKernelApp" in getattr(shell, "config", {})
    except ImportError:
        return False


class Anonymiser:
    """Anonymise texts the same way every time.

    ``mode``: ``placeholder`` (``[PERSOON-1]``), ``surrogate`` (invented names and places of the same country,
    consistent) or ``mask``; or a mapping label → mode. ``key``: bytes from the key store that give a person the
    same pseudonym in every story. ``allow`` terms are never redacted, ``deny`` terms always.
    """

    def __init__(
        self,
        mode: str | Mapping[str, str] = "placeholder",
        *,
        variant: str = "auto",
        key: bytes | None = None,
        allow: Iterable[str] = (),
        deny: Mapping[str, str] | Iterable[str] = (),
        model: str | None = None,
    ) -> None:
        self.mode = mode
        self.variant = variant
        self.key = key
        self.allow = list(allow)
        self.deny = dict(deny) if isinstance(deny, Mapping) else {term: "PERSOON" for term in deny}
        self.detector = Detector(model=model)

    def _replace(self, text: str, findings, variant: str | None) -> Anonymised:
        chosen = variant or self.variant
        if chosen == "auto":
            chosen = guess_variant(text)
        replaced = replace(text, findings, mode=self.mode, key=self.key, variant=chosen)
        return Anonymised(replaced.text, replaced.spans)

    def __call__(self, text: str, *, decisions: Iterable[Decision] = (), variant: str | None = None) -> Anonymised:
        findings = self.detector.detect(text, allow=self.allow, deny=self.deny, decisions=decisions)
        return self._replace(text, findings, variant)

    anonymise = __call__

    def pipe(
        self,
        texts: Iterable[str],
        *,
        batch_size: int = 32,
        progress: bool | None = None,
        decisions: Sequence[Iterable[Decision]] | None = None,
    ) -> Iterator[Anonymised]:
        """Anonymise many texts; shows a progress bar in notebooks (``progress=None``) or when asked."""
        texts = list(texts)
        show = _in_notebook() if progress is None else progress
        bar = None
        if show and len(texts) > 1:
            from tqdm.auto import tqdm

            bar = tqdm(total=len(texts), desc="Anonimiseren", unit="verhaal")
        try:
            for index, text in enumerate(texts):
                own = decisions[index] if decisions is not None else ()
                findings = self.detector.detect(text, allow=self.allow, deny=self.deny, decisions=own)
                yield self._replace(text, findings, None)
                if bar is not None:
                    bar.update(1)
        finally:
            if bar is not None:
                bar.close()


def anonymise(text: str, *, mode: str | Mapping[str, str] = "placeholder", **options) -> Anonymised:
    """Anonymise one text: ``anonymise("Mijn zus Ilse ...").text`` → ``"Mijn zus [PERSOON-1] ..."``."""
    return Anonymiser(mode, **options)(text)
