"""Saves that returned survive a SIGKILL; two processes writing at once lose nothing."""

from narratief.store.crashtest import concurrent_writers, kill_trials


def test_every_returned_save_survives_sigkill(tmp_path):
    report = kill_trials(tmp_path / "crash.db", trials=20, seed=7, max_delay=0.4)
    assert report.trials == 20
    assert report.confirmed > 20  # the writer really wrote before it was killed
    assert report.integrity == "ok"
    assert report.lost == 0


def test_two_processes_writing_at_once_lose_nothing(tmp_path):
    stored, errors = concurrent_writers(tmp_path / "shared.db", writers=2, count=150)
    assert errors == []
    assert stored == 300


def test_many_processes_opening_a_fresh_store_at_once(tmp_path):
    """Switching a new file to WAL from several processes at once used to fail with 'database is locked'."""
    for attempt in range(5):
        stored, errors = concurrent_writers(tmp_path / f"fresh-{attempt}.db", writers=4, count=10)
        assert errors == []
        assert stored == 40
