"""narratief's anonymiser against deduce (the anchor) on the same invented, annotated stories, in one run.

    python bench/anonymise.py [--sets dev,holdout,voorbeeld] [--no-startup]

Prints, per set and per variant (nl-BE / nl-NL), recall (a detail counts as found when every non-space
character is covered) and character precision for both tools, then words/s for both and their ratio (each story
seen once, one process), then words/s of ``Anonymiser.pipe`` (detection and replacement, the stories four times)
in one process and in two (``n_process=2``), then
start-up times (``import`` + first anonymise) in fresh processes: warm cache and cold cache (empty cache dir).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from narratief.privacy.evaluation import Score, gold_from_record, score_story
from narratief.resources import data_dir

SETS = {
    "dev": "dev/pii-dev.jsonl",
    "messy": "dev/pii-dev-messy.jsonl",
    "dev2": "dev/pii-dev-2.jsonl",
    "dev3": "dev/pii-dev-3.jsonl",
    "dev4": "dev/pii-dev-4.jsonl",
    "dev5": "dev/pii-dev-5.jsonl",
    "dev6": "dev/pii-dev-6.jsonl",
    "dev7": "dev/pii-dev-7.jsonl",
    "dev8": "dev/pii-dev-8.jsonl",
    "dev9": "dev/pii-dev-9.jsonl",
    "dev10": "dev/pii-dev-10.jsonl",
    "dev11": "dev/pii-dev-11.jsonl",
    "dev12": "dev/pii-dev-12.jsonl",  # scored unseen, then studied (session 7)
    "dev13": "dev/pii-dev-13.jsonl",  # ages in every form; scored unseen, then studied (session 7)
    "dev14": "dev/pii-dev-14.jsonl",  # organisations in every shape; scored unseen, then studied (session 7)
    "holdout": "dev/pii-holdout.jsonl",
    "holdout2": "dev/pii-holdout-2.jsonl",
    "holdout3": "dev/pii-holdout-3.jsonl",
    "holdout4": "dev/pii-holdout-4.jsonl",  # scored unseen, then studied (session 5)
    "holdout5": "dev/pii-holdout-5.jsonl",  # never read: only scored
    "holdout6": "dev/pii-holdout-6.jsonl",  # never read: only scored (session 6)
    "holdout7": "dev/pii-holdout-7.jsonl",  # never read: only scored (session 6)
    "holdout8": "dev/pii-holdout-8.jsonl",  # never read: only scored (session 7)
    "voorbeeld": "voorbeeld/verhalen.jsonl",
}
PROBE = "Mijn zus Ilse woont in Gent en belt met 0478 12 34 56."


def load(name: str) -> list[dict]:
    path = data_dir() / SETS[name]
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def narratief_tool():
    from narratief.privacy.detect import Detector

    detector = Detector()
    detector.detect(PROBE)
    return lambda text: [(f.start, f.end, f.label) for f in detector.detect(text)]


def deduce_tool(cache: Path):
    from deduce import Deduce

    cache.mkdir(parents=True, exist_ok=True)
    model = Deduce(cache_path=cache)
    model.deidentify(PROBE)
    return lambda text: [(a.start_char, a.end_char, a.tag) for a in model.deidentify(text).annotations]


def evaluate(tool, records) -> tuple[dict[str, Score], float]:
    scores = {"nl-BE": Score(), "nl-NL": Score()}
    started = time.perf_counter()
    for record in records:
        predicted = tool(record["tekst"])
        scores[record["taal"]].add(score_story(record["id"], record["tekst"], gold_from_record(record), predicted))
    return scores, time.perf_counter() - started


def startup(code: str, env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], env=env, check=True, capture_output=True)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sets", default="dev,messy,dev2,dev3,dev4,dev5,dev6,dev7,dev8,dev9,dev10,dev11,dev12,dev13,dev14,holdout,holdout2,holdout3,holdout4,holdout5,holdout6,holdout7,holdout8,voorbeeld")
    parser.add_argument("--no-startup", action="store_true")
    args = parser.parse_args()
    from platformdirs import user_cache_dir

    deduce_cache = Path(user_cache_dir("narratief", appauthor=False)) / "bench-deduce"
    print("loading tools (deduce builds its lookup structures on first use: 1-2 minutes)", flush=True)
    tools = {"narratief": narratief_tool(), "deduce": deduce_tool(deduce_cache)}
    # Both tools live in this process: move what they loaded out of the garbage collector's sight, so neither
    # pays for scanning the other's lookup structures (deduce's hold millions of objects).
    gc.collect()
    gc.freeze()
    speed = {name: [0, 0.0] for name in tools}
    for set_name in args.sets.split(","):
        records = load(set_name)
        words = sum(len(r["tekst"].split()) for r in records)
        for name, tool in tools.items():
            scores, seconds = evaluate(tool, records)
            speed[name][0] += words
            speed[name][1] += seconds
            for variant, score in scores.items():
                print(f"set={set_name} tool={name} variant={variant} details={score.details} "
                      f"recall={score.recall:.3f} precision={score.precision:.3f}")
    rates = {name: words / seconds for name, (words, seconds) in speed.items()}
    for name, rate in rates.items():
        print(f"tool={name} words_per_s={rate:.0f}")
    print(f"speed_ratio narratief/deduce={rates['narratief'] / rates['deduce']:.2f}")
    # the same stories through Anonymiser.pipe (detection + replacement), in one process and spread over two
    from narratief.privacy.anonymiser import Anonymiser

    texts = [r["tekst"] for set_name in args.sets.split(",") for r in load(set_name)] * 4
    words = sum(len(t.split()) for t in texts)
    for n_process in (1, 2):
        anonymiser = Anonymiser()
        anonymiser(PROBE)
        started = time.perf_counter()
        for _ in anonymiser.pipe(texts, n_process=n_process, progress=False):
            pass
        rate = words / (time.perf_counter() - started)
        print(f"tool=narratief.pipe n_process={n_process} words_per_s={rate:.0f} ratio_to_deduce={rate / rates['deduce']:.2f}")
    if args.no_startup:
        return
    code = f"import narratief; narratief.anonymise({PROBE!r})"
    warm = min(startup(code, dict(os.environ)) for _ in range(3))
    with tempfile.TemporaryDirectory() as empty:
        cold = startup(code, {**os.environ, "XDG_CACHE_HOME": empty})
    deduce_code = f"from deduce import Deduce; Deduce(cache_path={str(deduce_cache)!r}).deidentify({PROBE!r})"
    deduce_warm = min(startup(deduce_code, dict(os.environ)) for _ in range(2))
    print(f"startup narratief_warm_s={warm:.1f} narratief_cold_cache_s={cold:.1f} deduce_warm_s={deduce_warm:.1f}")


if __name__ == "__main__":
    main()
