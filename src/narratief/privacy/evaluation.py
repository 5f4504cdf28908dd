"""Scoring detection against annotated stories: recall by coverage and character precision.

A gold detail counts as found when every non-space character of it is covered by predicted spans. Character
precision is the share of predicted non-space characters that lie inside some gold detail. Labels are not
required to match for either (they are reported separately as label agreement).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Gold:
    start: int
    end: int
    label: str


def gold_from_record(record: dict) -> list[Gold]:
    """Gold details of an annotated record: with ``start`` offsets, or every occurrence of each listed text."""
    text = record["tekst"]
    golds = []
    for detail in record.get("details", []):
        needle, label = detail["tekst"], detail["label"]
        if "start" in detail:
            golds.append(Gold(detail["start"], detail["start"] + len(needle), label))
            continue
        for match in re.finditer(re.escape(needle), text):
            golds.append(Gold(match.start(), match.end(), label))
    return golds


@dataclass
class Score:
    details: int = 0
    found: int = 0
    predicted_chars: int = 0
    correct_chars: int = 0
    label_agree: int = 0
    missed: list[tuple[str, int, int, str]] = field(default_factory=list)  # (story id, start, end, label)
    by_label: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))

    @property
    def recall(self) -> float:
        return self.found / self.details if self.details else 1.0

    @property
    def precision(self) -> float:
        return self.correct_chars / self.predicted_chars if self.predicted_chars else 1.0

    def add(self, other: Score) -> None:
        self.details += other.details
        self.found += other.found
        self.predicted_chars += other.predicted_chars
        self.correct_chars += other.correct_chars
        self.label_agree += other.label_agree
        self.missed.extend(other.missed)
        for label, (n, k) in other.by_label.items():
            self.by_label[label][0] += n
            self.by_label[label][1] += k


def score_story(story_id: str, text: str, gold: Sequence[Gold], predicted: Iterable[tuple[int, int, str]]) -> Score:
    """Score one story; ``predicted`` are (start, end, label) triples."""
    predicted = list(predicted)
    covered = bytearray(len(text) + 1)
    label_at = {}
    for start, end, label in predicted:
        for i in range(max(0, start), min(len(text), end)):
            covered[i] = 1
            label_at[i] = label
    in_gold = bytearray(len(text) + 1)
    for g in gold:
        for i in range(g.start, g.end):
            in_gold[i] = 1
    result = Score()
    for g in gold:
        chars = [i for i in range(g.start, g.end) if not text[i].isspace()]
        found = all(covered[i] for i in chars)
        result.details += 1
        result.by_label[g.label][0] += 1
        if found:
            result.found += 1
            result.by_label[g.label][1] += 1
            if chars and label_at.get(chars[0]) == g.label:
                result.label_agree += 1
        else:
            result.missed.append((story_id, g.start, g.end, g.label))
    for i, flag in enumerate(covered[: len(text)]):
        if flag and not text[i].isspace():
            result.predicted_chars += 1
            result.correct_chars += in_gold[i]
    return result
