"""``anonymise(text)`` and ``Anonymiser``: detection followed by replacement, for one text or a collection."""

from __future__ import annotations

import os
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
        n_process: int = 1,
    ) -> Iterator[Anonymised]:
        """Anonymise many texts, in order; shows a progress bar in notebooks (``progress=None``) or when asked.

        ``n_process > 1`` spreads batches of ``batch_size`` texts over that many worker processes (``-1``: one per
        core), as spaCy's ``nlp.pipe``; worth it from a few thousand stories on.
        """
        texts = list(texts)
        show = _in_notebook() if progress is None else progress
        bar = None
        if show and len(texts) > 1:
            from tqdm.auto import tqdm

            bar = tqdm(total=len(texts), desc="Anonimiseren", unit="verhaal")
        own = [list(decisions[i]) if decisions is not None else [] for i in range(len(texts))]
        n_process = (os.cpu_count() or 1) if n_process == -1 else n_process
        try:
            if n_process > 1 and len(texts) > batch_size:
                for results in self._pipe_processes(texts, own, batch_size, n_process):
                    yield from results
                    if bar is not None:
                        bar.update(len(results))
                return
            for text, decided in zip(texts, own):
                findings = self.detector.detect(text, allow=self.allow, deny=self.deny, decisions=decided)
                yield self._replace(text, findings, None)
                if bar is not None:
                    bar.update(1)
        finally:
            if bar is not None:
                bar.close()

    def _pipe_processes(self, texts: list[str], decisions: list[list[Decision]], batch_size: int, n_process: int):
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        # fork shares the lexicons already loaded in this process; elsewhere workers load them from the cache
        method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
        batches = [
            (texts[i: i + batch_size], decisions[i: i + batch_size]) for i in range(0, len(texts), batch_size)
        ]
        with ProcessPoolExecutor(n_process, mp_context=multiprocessing.get_context(method)) as pool:
            yield from pool.map(_anonymise_batch, [self] * len(batches), batches)


def _anonymise_batch(anonymiser: Anonymiser, batch: tuple[list[str], list[list[Decision]]]) -> list[Anonymised]:
    texts, decisions = batch
    return list(anonymiser.pipe(texts, decisions=decisions, progress=False))


def anonymise(text: str, *, mode: str | Mapping[str, str] = "placeholder", **options) -> Anonymised:
    """Anonymise one text: ``anonymise("Mijn zus Ilse ...").text`` → ``"Mijn zus [PERSOON-1] ..."``."""
    return Anonymiser(mode, **options)(text)
