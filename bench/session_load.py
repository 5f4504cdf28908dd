"""Load on one shared SQLite store: P participants in separate processes submit to one group session.

Each participant joins with the session code and submits contributions as fast as a busy table would (a pause of
``--pause`` seconds between submissions) for ``--seconds`` (or ``--count`` each). Ends with the line

    sent=N stored=N lost=N p50_ms=X p95_ms=Y

(``lost`` = acknowledged submissions that are not in the store). Target: 0 lost, p95 <= 200 ms.

    .venv/bin/python bench/session_load.py --participants 8 --seconds 300
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import statistics
import tempfile
import time
from pathlib import Path

TEXTS = [
    "Ik moest maanden wachten op een eerste gesprek.",
    "De begeleider nam echt de tijd om te luisteren.",
    "Formulieren in vakjargon hielden me tegen.",
    "Een ervaringsdeskundige in het team maakte het verschil.",
]


def participant(db: str, code: str, number: int, seconds: float, count: int, pause: float, out) -> None:
    from narratief.groups import session as gs
    from narratief.store import StoryStore

    store = StoryStore(db)
    me = gs.join(store, code, f"deelnemer-{number}")
    latencies, acknowledged = [], []
    end = time.monotonic() + seconds
    i = 0
    while (count and i < count) or (not count and time.monotonic() < end):
        i += 1
        start = time.perf_counter()
        story_id = gs.submit(me, f"{TEXTS[i % len(TEXTS)]} ({number}-{i})", level=("micro", "meso", "macro")[i % 3],
                             perspective="gebruiker", kind="drempel", consent=True)
        latencies.append((time.perf_counter() - start) * 1000)
        acknowledged.append(story_id)
        time.sleep(pause)
    out.put(json.dumps({"latencies": latencies, "ids": acknowledged}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=300)
    parser.add_argument("--count", type=int, default=0, help="submissions per participant (instead of --seconds)")
    parser.add_argument("--pause", type=float, default=0.2)
    args = parser.parse_args()
    from narratief.groups import session as gs
    from narratief.store import StoryStore

    db = str(Path(tempfile.mkdtemp(prefix="narratief-load-")) / "sessie.db")
    with StoryStore(db) as store:
        new = gs.create_session(store, "Belastingtest")
    queue: mp.Queue = mp.Queue()
    workers = [mp.Process(target=participant, args=(db, new.participant_code, n, args.seconds, args.count, args.pause,
                                                    queue)) for n in range(args.participants)]
    for worker in workers:
        worker.start()
    results = [json.loads(queue.get()) for _ in workers]
    for worker in workers:
        worker.join()
    latencies = sorted(ms for r in results for ms in r["latencies"])
    sent = {i for r in results for i in r["ids"]}
    with StoryStore(db) as store:
        stored = set(store.story_ids(session=new.id))
    p95 = latencies[int(0.95 * (len(latencies) - 1))] if latencies else 0.0
    print(f"sent={len(sent)} stored={len(stored)} lost={len(sent - stored)} "
          f"p50_ms={statistics.median(latencies) if latencies else 0:.1f} p95_ms={p95:.1f}")


if __name__ == "__main__":
    main()
