"""Kill a store writer with SIGKILL at random moments; report confirmed saves lost.

    python bench/durability.py [--trials 100] [--seed 0]

Ends with the line ``trials=N lost=M``. Also runs two writers at once and reports lost writes and errors.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from narratief.store.crashtest import concurrent_writers, kill_trials


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--trials", type=int, default=100)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--count", type=int, default=500, help="stories per concurrent writer")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        stored, errors = concurrent_writers(Path(folder) / "concurrent.db", writers=2, count=args.count)
        print(f"concurrent writers=2 expected={2 * args.count} stored={stored} errors={len(errors)} "
              f"seconds={time.perf_counter() - started:.1f}")
        for error in errors:
            print(f"writer error: {error}")
        started = time.perf_counter()
        report = kill_trials(Path(folder) / "crash.db", args.trials, seed=args.seed)
        print(f"confirmed_saves={report.confirmed} integrity={report.integrity} seconds={time.perf_counter() - started:.1f}")
        print(f"trials={report.trials} lost={report.lost}")


if __name__ == "__main__":
    main()
