"""Crash and concurrency checks for the store, shared by the test suite and ``bench/durability.py``.

A writer process saves stories in a loop and prints each id only after ``add_story``/``update_story`` returned.
The checker kills it with SIGKILL at a random moment and verifies that every printed save is in the store.
Run a writer by hand with ``python -m narratief.store.crashtest --db FILE --prefix p [--count N]``.
"""

from __future__ import annotations

import argparse
import random
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from narratief.store.story_store import StoryStore

_WORDS = "ik wacht hulp steun dag week team brief geld huis school werk vriend hoop rust".split()


def _text(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(_WORDS) for _ in range(n)) + "."


def write_loop(db: str | Path, prefix: str, count: int | None = None, seed: int = 0) -> int:
    """Save stories (and every third time a new version) until ``count`` or until killed; print each save."""
    rng = random.Random(seed)
    out = sys.stdout
    with StoryStore(db) as store:
        print("ready", file=out, flush=True)
        n = 0
        while count is None or n < count:
            story = store.add_story(_text(rng, 60), f"{prefix}-deelnemer", id=f"{prefix}-{n}", consent=["eigen"])
            print(f"add {story.id}", file=out, flush=True)
            if n % 3 == 2:
                updated = store.update_story(story.id, text=_text(rng, 80))
                print(f"update {updated.id} {updated.version}", file=out, flush=True)
            n += 1
    return n


@dataclass
class CrashReport:
    trials: int
    confirmed: int
    lost: int
    integrity: str


def _spawn_writer(db: Path, prefix: str, count: int | None = None) -> subprocess.Popen:
    command = [sys.executable, "-m", "narratief.store.crashtest", "--db", str(db), "--prefix", prefix]
    if count is not None:
        command += ["--count", str(count)]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def kill_trials(db: str | Path, trials: int = 100, *, seed: int = 0, max_delay: float = 0.5) -> CrashReport:
    """Kill a writer ``trials`` times at random moments; count confirmed saves missing afterwards."""
    rng = random.Random(seed)
    db = Path(db)
    confirmed_adds: set[str] = set()
    confirmed_versions: dict[str, int] = {}
    for trial in range(trials):
        writer = _spawn_writer(db, f"t{trial}")
        assert writer.stdout is not None
        if writer.stdout.readline().strip() != "ready":
            writer.kill()
            raise RuntimeError(f"writer did not start: {writer.stderr.read() if writer.stderr else ''}")
        time.sleep(rng.uniform(0.0, max_delay))
        writer.send_signal(signal.SIGKILL)
        output, _ = writer.communicate()
        for line in output.splitlines():
            parts = line.split()
            if len(parts) == 2 and parts[0] == "add":
                confirmed_adds.add(parts[1])
            elif len(parts) == 3 and parts[0] == "update":
                confirmed_versions[parts[1]] = int(parts[2])
    lost = 0
    with StoryStore(db) as store:
        integrity = store.connection.execute("PRAGMA integrity_check").fetchone()[0]
        for story_id in confirmed_adds:
            if not store.exists(story_id):
                lost += 1
            elif store.get_story(story_id).version < confirmed_versions.get(story_id, 1):
                lost += 1
    return CrashReport(trials=trials, confirmed=len(confirmed_adds) + len(confirmed_versions), lost=lost, integrity=integrity)


def concurrent_writers(db: str | Path, writers: int = 2, count: int = 200) -> tuple[int, list[str]]:
    """Run ``writers`` processes that each save ``count`` stories at once; return (stored, error lines)."""
    processes = [_spawn_writer(Path(db), f"w{i}", count) for i in range(writers)]
    errors = []
    for process in processes:
        _, stderr = process.communicate(timeout=600)
        if process.returncode != 0:
            errors.append(stderr.strip().splitlines()[-1] if stderr.strip() else f"exit {process.returncode}")
    with StoryStore(db) as store:
        stored = len(store.story_ids())
    return stored, errors


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", required=True)
    parser.add_argument("--prefix", required=True)
    parser.add_argument("--count", type=int)
    args = parser.parse_args(argv)
    write_loop(args.db, args.prefix, args.count)


if __name__ == "__main__":
    main()
