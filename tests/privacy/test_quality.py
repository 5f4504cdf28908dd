"""Recall and precision on the annotated development set (invented stories) must stay at their targets.

The figures with the anchor (deduce) side by side come from ``bench/anonymise.py``; this test guards against
regressions. ``data/dev/pii-holdout-2.jsonl`` is not used here: it is scored only by the bench, never tuned on
(``pii-holdout.jsonl`` was held out until session 3, where its misses were studied; it is a development set now).
"""

import json

import pytest

from narratief.privacy.detect import Detector
from narratief.privacy.evaluation import Score, gold_from_record, score_story
from narratief.resources import data_dir


def scores(path):
    detector = Detector()
    by_variant = {"nl-BE": Score(), "nl-NL": Score()}
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        found = detector.detect(record["tekst"])
        by_variant[record["taal"]].add(
            score_story(record["id"], record["tekst"], gold_from_record(record), [(f.start, f.end, f.label) for f in found])
        )
    return by_variant


@pytest.mark.parametrize(
    "name,min_recall",
    [
        ("dev/pii-dev.jsonl", 0.97),  # the target
        ("voorbeeld/verhalen.jsonl", 0.97),
        ("dev/pii-dev-messy.jsonl", 0.96),  # notes, transcripts, capitals, lowercase
        ("dev/pii-dev-2.jsonl", 0.97),  # letters, chats, diaries, interviews, forms (written in session 3)
        ("dev/pii-dev-3.jsonl", 0.97),  # narratives, mostly Flemish, many organisations (written in session 3)
        ("dev/pii-holdout.jsonl", 0.97),  # the first held-out set: its misses were studied in session 3
        ("dev/pii-dev-4.jsonl", 0.96),  # spoken hesitations, spelled dates, many origins (written in session 3)
        ("dev/pii-dev-5.jsonl", 0.97),  # Flemish only: tussentaal, forms of address, local services (session 3)
        ("dev/pii-dev-6.jsonl", 0.97),  # dialects (Limburgs, Antwerps), Brussels, letters, chats (session 4)
        ("dev/pii-dev-7.jsonl", 0.96),  # group transcripts, voice messages, forms, code-switching (session 5)
        ("dev/pii-dev-8.jsonl", 0.95),  # dialect monologues, lowercase chats, transcripts (session 5)
        ("dev/pii-holdout-4.jsonl", 0.95),  # held out until its score was taken in session 5, then studied
        ("dev/pii-dev-9.jsonl", 0.96),  # organisations and ages in narrative prose (session 5)
        ("dev/pii-dev-10.jsonl", 0.93),  # organisations and ages in every genre, lowercase chats, capitals (session 6)
        ("dev/pii-dev-11.jsonl", 0.93),  # lowercase chats, capitals, dialect, notes, CVs, letters (session 6)
    ],
)
def test_recall_and_precision_per_variant(name, min_recall):
    measured = {variant: score for variant, score in scores(data_dir() / name).items() if score.details}
    assert measured
    for variant, score in measured.items():
        assert score.details > 100, variant
        assert score.recall >= min_recall, (variant, score.recall)
        assert score.precision >= 0.90, (variant, score.precision)


def test_findings_do_not_depend_on_the_hash_seed():
    """Sets of strings iterate in an order that changes with ``PYTHONHASHSEED``; no finding may depend on it."""
    import os
    import subprocess
    import sys

    code = (
        "import json, sys\n"
        "from narratief.privacy.detect import Detector\n"
        "from narratief.resources import data_dir\n"
        "d = Detector()\n"
        "lines = (data_dir() / 'dev/pii-dev-3.jsonl').read_text(encoding='utf-8').splitlines()\n"
        "found = [[(f.start, f.end, f.label) for f in d.detect(json.loads(line)['tekst'])] for line in lines]\n"
        "print(json.dumps(found))\n"
    )
    runs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
        runs.append(json.loads(result.stdout))
    assert sum(len(story) for story in runs[0]) > 500
    assert runs[0] == runs[1]
