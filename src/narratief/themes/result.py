"""ThemeResult: themes of a collection as pandas tables, with keywords, quotes and human edits.

Every edit (rename, merge, split, move, delete) is recorded as a :class:`ThemeEdit` with its editor; stories
touched by a person are coded ``mens`` in :attr:`ThemeResult.coding`, the rest ``machine``. After a refit,
:meth:`ThemeResult.replay` applies the recorded edits to the new themes where they still fit (a theme is
recognised by its stories: Jaccard overlap ≥ 0.5).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
from scipy import sparse
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.preprocessing import normalize

from narratief.errors import InvalidThemeEdit, StoryNotInThemes, ThemeNotFound
from narratief.nlp.sentences import keyword_hits, sentence_spans
from narratief.nlp.terms import PLACEHOLDER
from narratief.themes.model import NO_THEME, theme_scope

MACHINE, HUMAN = "machine", "mens"
THEME_COLUMNS = [
    "theme", "label", "keywords", "n_stories", "n_participants", "top_share", "scope", "origin", "code", "story_ids",
    "quotes",
]
#: Two themes are the same theme when their stories overlap at least this much (Jaccard).
SAME_THEME = 0.5


@dataclass
class ThemeEdit:
    """One human edit. ``members`` holds the story ids of each theme involved, at the time of the edit."""

    action: str
    params: dict[str, Any]
    editor: str = "onbekend"
    at: str = field(default_factory=lambda: dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"))
    members: dict[str, list[str]] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {"action": self.action, "params": self.params, "editor": self.editor, "at": self.at,
                "members": self.members}


def _identity(terms):
    return terms


class ThemeResult:
    """The outcome of :func:`narratief.find_themes`: assignments, weights, a themes table and the model."""

    def __init__(
        self,
        *,
        index: pd.Index,
        story_ids: Sequence[str],
        participants: Sequence[str],
        texts: Sequence[str],
        terms: Sequence[list[str]],
        features,
        labels: np.ndarray,
        model: Any = None,
        min_participants: int = 3,
        origins: Sequence[str] = (),
        codes: Sequence[str | None] = (),
        code_names: dict[str, str] | None = None,
        display=None,
        random_state: int = 0,
        meta: dict[int, dict[str, Any]] | None = None,
    ) -> None:
        self.model = model
        self.min_participants = min_participants
        self.random_state = random_state
        self._index = index
        self._ids = [str(s) for s in story_ids]
        self._position = {story_id: i for i, story_id in enumerate(self._ids)}
        self._participants = [str(p) for p in participants]
        self._texts = list(texts)
        self._terms = [list(t) for t in terms]
        self._features = normalize(sparse.csr_matrix(features)) if features is not None else None
        self._labels = np.asarray(labels, dtype=int).copy()
        self._coding = np.array([MACHINE] * len(self._ids), dtype=object)
        self._display = display
        theme_ids = sorted(set(self._labels) - {NO_THEME}) if not len(origins) else list(range(len(origins)))
        self._meta: dict[int, dict[str, Any]] = {int(t): dict(m) for t, m in (meta or {}).items()}
        for theme in [] if meta is not None else theme_ids:
            origin = origins[theme] if theme < len(origins) else "automatisch"
            code = codes[theme] if theme < len(codes) else None
            self._meta[theme] = {"origin": origin, "code": code, "label": (code_names or {}).get(code or "", None)}
        self.edits: list[ThemeEdit] = []
        self._refresh()

    # -- public tables -------------------------------------------------------------------------------------
    @property
    def assignments(self) -> pd.Series:
        """One theme id per story (``-1`` = no theme), aligned with the input's index."""
        return pd.Series(self._labels.copy(), index=self._index, name="theme")

    @property
    def weights(self) -> pd.DataFrame:
        """Story × theme weights (cosine between a story and each theme's centre)."""
        return self._weights.copy()

    @property
    def themes(self) -> pd.DataFrame:
        """One row per theme: label, keywords, size, spread over participants, scope, quotes."""
        return self._themes.copy()

    @property
    def coding(self) -> pd.Series:
        """``machine`` or ``mens`` per story: who set the story's current theme."""
        return pd.Series(self._coding.copy(), index=self._index, name="coding")

    @property
    def story_ids(self) -> pd.Series:
        return pd.Series(self._ids, index=self._index, name="story_id")

    @property
    def participants(self) -> pd.Series:
        return pd.Series(self._participants, index=self._index, name="participant")

    def theme_ids(self) -> list[int]:
        return sorted(self._meta)

    def members(self, theme: int) -> list[str]:
        """Story ids of ``theme``."""
        self._check_theme(theme)
        return [self._ids[i] for i in np.flatnonzero(self._labels == theme)]

    def label(self, theme: int) -> str:
        return str(self._themes.set_index("theme").loc[theme, "label"])

    def __repr__(self) -> str:
        return f"ThemeResult({len(self._ids)} stories, {len(self._meta)} themes)"

    def subset(self, keep) -> ThemeResult:
        """A read-only view on the stories where ``keep`` (boolean, in row order) is true, for filtered tables.

        Themes keep their ids and labels; counts and scope are recomputed on the kept stories.
        """
        keep = np.asarray(keep, dtype=bool)
        rows = np.flatnonzero(keep)
        view = object.__new__(ThemeResult)
        view.__dict__.update(self.__dict__)
        view._index = self._index[rows]
        view._ids = [self._ids[r] for r in rows]
        view._position = {story_id: i for i, story_id in enumerate(view._ids)}
        view._participants = [self._participants[r] for r in rows]
        view._texts = [self._texts[r] for r in rows]
        view._terms = [self._terms[r] for r in rows]
        view._features = self._features[rows] if self._features is not None else None
        view._labels = self._labels[rows].copy()
        view._coding = self._coding[rows].copy()
        labels = self._themes.set_index("theme")["label"].to_dict()
        view._meta = {t: {**m, "label": labels.get(t, m["label"])} for t, m in self._meta.items()}
        view.edits = []
        view._refresh()
        return view

    # -- editing -------------------------------------------------------------------------------------------
    def rename(self, theme: int, label: str, *, editor: str = "onbekend") -> None:
        """Give ``theme`` a new label."""
        self._check_theme(theme)
        label = str(label).strip()
        if not label:
            raise InvalidThemeEdit("empty label", reden="een thema heeft een naam nodig")
        self._record("rename", {"theme": theme, "label": label}, editor, [theme])
        self._meta[theme]["label"] = label
        self._refresh()

    def merge(self, themes: Iterable[int], *, label: str | None = None, editor: str = "onbekend") -> int:
        """Merge ``themes`` into the first of them; returns the surviving theme id."""
        themes = list(dict.fromkeys(int(t) for t in themes))
        if len(themes) < 2:
            raise InvalidThemeEdit("merge needs two themes", reden="kies minstens twee verschillende thema's")
        for theme in themes:
            self._check_theme(theme)
        self._record("merge", {"themes": themes, "label": label}, editor, themes)
        into = themes[0]
        for theme in themes[1:]:
            moved = self._labels == theme
            self._labels[moved] = into
            self._coding[moved] = HUMAN
            del self._meta[theme]
        if label:
            self._meta[into]["label"] = str(label).strip()
        self._refresh()
        return into

    def split(self, theme: int, groups: Sequence[Sequence[str]] | None = None, *, editor: str = "onbekend") -> list[int]:
        """Split ``theme`` in two (by its stories' features) or into the given groups of story ids.

        Returns the ids of the resulting themes (the first keeps the old id).
        """
        self._check_theme(theme)
        rows = np.flatnonzero(self._labels == theme)
        if len(rows) < 2:
            raise InvalidThemeEdit("theme has fewer than two stories", reden="een thema met één verhaal kan niet gesplitst worden")
        if groups is None:
            if self._features is None:
                raise InvalidThemeEdit("no features to split by", reden="geef zelf aan welke verhalen bij elkaar horen")
            from sklearn.cluster import KMeans

            parts = KMeans(2, n_init=10, random_state=self.random_state).fit_predict(self._features[rows])
            if len(set(parts)) < 2:
                parts = np.arange(len(rows)) % 2
            groups = [[self._ids[r] for r, p in zip(rows, parts) if p == g] for g in (0, 1)]
        groups = [list(map(str, g)) for g in groups if len(g)]
        member_set = {self._ids[r] for r in rows}
        for group in groups:
            for story in group:
                if story not in member_set:
                    raise StoryNotInThemes(f"story {story} not in theme {theme}", story_id=story)
        self._record("split", {"theme": theme, "groups": groups}, editor, [theme])
        created = [theme]
        for group in groups[1:]:
            new = max(self._meta) + 1
            self._meta[new] = {"origin": "bewerkt", "code": None, "label": None}
            for story in group:
                self._labels[self._position[story]] = new
                self._coding[self._position[story]] = HUMAN
            created.append(new)
        for story in groups[0]:
            self._coding[self._position[story]] = HUMAN
        self._meta[theme]["label"] = None if self._meta[theme]["origin"] != "codeboek" else self._meta[theme]["label"]
        self._refresh()
        return created

    def move(self, story: str, theme: int, *, editor: str = "onbekend") -> None:
        """Put one story in another theme (``-1``: no theme)."""
        story = str(story)
        if story not in self._position:
            raise StoryNotInThemes(f"story {story} not in result", story_id=story)
        if theme != NO_THEME:
            self._check_theme(theme)
        self._record("move", {"story": story, "theme": theme}, editor, [theme] if theme != NO_THEME else [])
        self._labels[self._position[story]] = theme
        self._coding[self._position[story]] = HUMAN
        self._refresh()

    def delete(self, theme: int, *, editor: str = "onbekend") -> None:
        """Remove a theme; its stories get no theme (``-1``)."""
        self._check_theme(theme)
        self._record("delete", {"theme": theme}, editor, [theme])
        moved = self._labels == theme
        self._labels[moved] = NO_THEME
        self._coding[moved] = HUMAN
        del self._meta[theme]
        self._refresh()

    def replay(self, edits: Iterable[ThemeEdit | dict]) -> list[ThemeEdit]:
        """Apply edits recorded on an earlier result; returns those that no longer fit (and were skipped)."""
        skipped = []
        for edit in edits:
            edit = edit if isinstance(edit, ThemeEdit) else ThemeEdit(**edit)
            try:
                self._apply(edit)
            except (InvalidThemeEdit, ThemeNotFound, StoryNotInThemes, KeyError):
                skipped.append(edit)
        return skipped

    def _apply(self, edit: ThemeEdit) -> None:
        find = lambda old: self._match(edit.members.get(str(old), []))  # noqa: E731
        p = edit.params
        if edit.action == "rename":
            self.rename(find(p["theme"]), p["label"], editor=edit.editor)
        elif edit.action == "merge":
            targets = [find(t) for t in p["themes"]]
            self.merge(targets, label=p.get("label"), editor=edit.editor)
        elif edit.action == "split":
            theme = find(p["theme"])
            groups = [[s for s in g if s in self._position and self._labels[self._position[s]] == theme] for g in p["groups"]]
            self.split(theme, [g for g in groups if g], editor=edit.editor)
        elif edit.action == "move":
            target = NO_THEME if p["theme"] == NO_THEME else find(p["theme"])
            self.move(p["story"], target, editor=edit.editor)
        elif edit.action == "delete":
            self.delete(find(p["theme"]), editor=edit.editor)
        else:
            raise InvalidThemeEdit(f"unknown edit {edit.action}", reden=f"onbekende bewerking '{edit.action}'")

    def _match(self, stories: Sequence[str]) -> int:
        wanted = set(stories)
        best, best_score = None, 0.0
        for theme in self._meta:
            have = set(self.members(theme))
            union = wanted | have
            score = len(wanted & have) / len(union) if union else 0.0
            if score > best_score:
                best, best_score = theme, score
        if best is None or best_score < SAME_THEME:
            raise ThemeNotFound("no matching theme after refit", thema="?")
        return best

    def _record(self, action: str, params: dict[str, Any], editor: str, themes: Iterable[int]) -> None:
        members = {str(t): self.members(t) for t in themes}
        self.edits.append(ThemeEdit(action, params, editor, members=members))

    def _check_theme(self, theme: int) -> None:
        if int(theme) not in self._meta:
            raise ThemeNotFound(f"theme {theme} not in result", thema=theme)

    # -- derived tables ------------------------------------------------------------------------------------
    def _refresh(self) -> None:
        themes = sorted(self._meta)
        self._weights = self._theme_weights(themes)
        keywords = self._keywords(themes)
        rows = []
        for theme in themes:
            rows_of = np.flatnonzero(self._labels == theme)
            tellers = [self._participants[r] for r in rows_of]
            people = set(tellers)
            words = keywords.get(theme, [])
            meta = self._meta[theme]
            label = meta["label"] or (", ".join(words[:3]) if words else f"thema {theme}")
            top = self._representative(theme, rows_of)
            rows.append(
                {
                    "theme": theme,
                    "label": label,
                    "keywords": words,
                    "n_stories": len(rows_of),
                    "n_participants": len(people),
                    "top_share": round(max(Counter(tellers).values()) / len(tellers), 3) if tellers else 0.0,
                    "scope": theme_scope(tellers, self.min_participants),
                    "origin": meta["origin"],
                    "code": meta["code"],
                    "story_ids": [self._ids[r] for r in top],
                    "quotes": self._quotes(top, keywords.get(theme, []), theme),
                }
            )
        self._themes = pd.DataFrame(rows, columns=THEME_COLUMNS)

    def _theme_weights(self, themes: list[int]) -> pd.DataFrame:
        if self._features is None or not themes:
            data = np.zeros((len(self._ids), len(themes)))
            for j, theme in enumerate(themes):
                data[self._labels == theme, j] = 1.0
            return pd.DataFrame(data, index=self._index, columns=themes)
        centres = []
        for theme in themes:
            rows = self._labels == theme
            centre = np.asarray(self._features[rows].mean(axis=0)).ravel() if rows.any() else np.zeros(self._features.shape[1])
            norm = np.linalg.norm(centre)
            centres.append(centre / norm if norm else centre)
        weights = np.clip(np.asarray(self._features @ np.vstack(centres).T), 0, None)
        return pd.DataFrame(weights.round(6), index=self._index, columns=themes)

    def _keywords(self, themes: list[int], n: int = 8) -> dict[int, list[str]]:
        """c-TF-IDF (BERTopic's class-based TF-IDF) of each theme's terms, shown as words."""
        if not themes or not any(self._terms):
            return {}
        counter = CountVectorizer(analyzer=_identity)
        try:
            counts = counter.fit_transform(self._terms)
        except ValueError:
            return {}
        names = counter.get_feature_names_out()
        per_theme = sparse.vstack([sparse.csr_matrix(counts[self._labels == t].sum(axis=0)) for t in themes]).tocsr()
        per_theme = per_theme.astype(float)
        totals = np.asarray(per_theme.sum(axis=1)).ravel()
        average = totals.mean() if totals.size else 1.0
        frequency = np.asarray(per_theme.sum(axis=0)).ravel()
        idf = np.log(1 + average / np.maximum(frequency, 1))
        tf = sparse.diags(1 / np.maximum(totals, 1)) @ per_theme
        scores = (tf @ sparse.diags(idf)).toarray()
        out = {}
        for j, theme in enumerate(themes):
            order = np.argsort(-scores[j], kind="stable")
            pool: list[str] = []
            for i in order:
                if scores[j, i] <= 0 or len(pool) >= 3 * n:
                    break
                if names[i].startswith("#"):  # concept terms of the domain vocabulary are not shown as words
                    continue
                word = self._display(names[i]) if self._display else names[i]
                if word not in pool:
                    pool.append(word)
            out[theme] = _whole_words(pool, n)
        return out

    def _representative(self, theme: int, rows: np.ndarray, n: int = 3) -> list[int]:
        if not len(rows):
            return []
        column = self._weights[theme].to_numpy()[rows] if theme in self._weights.columns else np.zeros(len(rows))
        order = sorted(range(len(rows)), key=lambda i: (-column[i], self._ids[rows[i]]))
        return [int(rows[i]) for i in order[:n]]

    def _quotes(self, rows: list[int], keywords: list[str], theme: int, limit: int = 240) -> list[str]:
        """One sentence per representative story: the one sharing most theme keywords (anonymised text)."""
        quotes = []
        for row in rows:
            text = self._texts[row] or ""
            sentences = [text[b:e] for b, e in sentence_spans(text) if e - b > 20]
            if not sentences:
                continue

            def score(sentence: str) -> tuple[float, int]:
                hits = keyword_hits(sentence, keywords)
                return (hits - 0.5 * len(PLACEHOLDER.findall(sentence)), -abs(len(sentence) - 140))

            best = max(sentences, key=score)
            quotes.append(best if len(best) <= limit else best[: limit - 1].rstrip() + "…")
        return quotes


def _whole_words(pool: list[str], n: int) -> list[str]:
    """The first ``n`` keywords of ``pool`` (best first), a compound in place of its parts: "wachtlijst", not
    "wacht, lijst, wachtlijst"; "lotgenoot", not "lot, lotgenoot, genoot"."""
    chosen: list[str] = []
    for word in pool:
        whole = next((c for c in pool if _part_of(word, c)), word)
        if any(whole == c or _part_of(whole, c) for c in chosen):
            continue
        chosen = [c for c in chosen if not _part_of(c, whole)]
        chosen.append(whole)
        if len(chosen) >= n:
            break
    return chosen


def _part_of(part: str, whole: str) -> bool:
    """``part`` begins or ends the compound ``whole``, and so does a rest of three letters or more."""
    return len(part) >= 3 and len(whole) - len(part) >= 3 and (whole.startswith(part) or whole.endswith(part))
