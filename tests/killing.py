"""Run a script that prints a running count, and kill it with SIGKILL once it has printed ``at_least``."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time


def kill_after(script: str, at_least: int, *, timeout: float = 60) -> int:
    """Start ``python -c script``; SIGKILL it after it printed a count ≥ ``at_least``; return the last count."""
    process = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    last = 0
    deadline = time.monotonic() + timeout
    while last < at_least and time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            break
        last = int(line.split()[0])
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    return last
