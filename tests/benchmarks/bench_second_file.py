"""Opening a second big file beside one already open: how long the window stops answering
(numbers printed).

    .venv/bin/python tests/benchmarks/bench_second_file.py [--file bench-data/events_1m_iso.csv]
        [--runs 3] [--merge-on-gui-thread] [--json]

The whole app (offscreen) opens ``--file``; once it is shown, a copy of the file under another
name is opened beside it, as a drop does. Timed per run, with a 1 ms heartbeat timer on the GUI
thread: the worst stall of the event loop from the open until both files are shown (both in
the session, every event of both in the session's table, which the timeline and the Events table
then hold), and that time itself. The load of the
second file runs in the background either way; ``--merge-on-gui-thread`` merges the two tables
on the GUI thread as before the merge moved off it (the figure to compare with). The cache is a
fresh temporary folder per run, so both files are read as on a first open. Make the file with
``make_bench_csv.py``. Target: no stall over 100 ms (the window answers while files join)."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_FILE = REPO_ROOT / "bench-data" / "events_1m_iso.csv"
TARGET_STALL_MS = 100.0


def run(first: Path, second: Path, on_gui: bool) -> dict[str, float]:
    from bench_search import Heartbeat, pump_for, turn_event_loop  # scripts beside this one

    from viewer import settings
    from viewer.app import build_application
    from viewer.ui import source_merger

    source_merger.MERGE_IN_BACKGROUND_FROM = sys.maxsize if on_gui else 300_000
    folder = Path(tempfile.mkdtemp(prefix="bench-second-file-"))
    try:
        app = build_application([str(first)], settings.open_settings(str(folder / "settings.ini")))
        app.window.resize(1400, 860)
        app.window.show()
        deadline = time.perf_counter() + 300
        while not (app.session.sources and app.loader.busy == 0) and time.perf_counter() < deadline:
            turn_event_loop()
        pump_for(1.0)  # the first file laid out and painted
        expected = 2 * len(app.session.events)
        beat = Heartbeat()
        beat.start()
        began = time.perf_counter()
        app.open_paths([str(second)])
        while time.perf_counter() < deadline:
            turn_event_loop()
            # The views take the session's table as it changes: then the timeline has them.
            if not app.files.merger.merging and len(app.session.events) == expected:
                break
        shown_s = time.perf_counter() - began
        pump_for(0.1)  # the heartbeat's next tick: a stall in the last turn counts too
        stall_ms = beat.longest_ms
        app.shutdown()
        app.window.close()
        return {"worst_stall_ms": round(stall_ms, 1), "open_to_shown_s": round(shown_s, 2)}
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--file", type=Path, default=DEFAULT_FILE)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--merge-on-gui-thread", action="store_true")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if not args.file.is_file():
        sys.exit(f"{args.file} is missing: run tests/benchmarks/make_bench_csv.py first")
    cache = tempfile.mkdtemp(prefix="bench-second-file-cache-")
    os.environ["XDG_CACHE_HOME"] = cache  # before the app reads it: no entry from earlier runs
    from viewer.app import create_app

    _app = create_app([])
    copy = Path(cache) / f"copy-of-{args.file.name}"
    shutil.copyfile(args.file, copy)
    results = []
    for _ in range(args.runs):
        for entry in Path(cache).iterdir():  # each run reads both files afresh
            if entry != copy:
                shutil.rmtree(entry, ignore_errors=True) if entry.is_dir() else entry.unlink()
        results.append(run(args.file, copy, args.merge_on_gui_thread))
    shutil.rmtree(cache, ignore_errors=True)
    if args.json:
        print(json.dumps(results))
        return
    where = "on the GUI thread" if args.merge_on_gui_thread else "off the GUI thread"
    print(f"a second {args.file.name} opened beside the first, merged {where}, {args.runs} runs")
    for key, unit in (("worst_stall_ms", "ms"), ("open_to_shown_s", "s")):
        values = [r[key] for r in results]
        print(f"  {key}: median {statistics.median(values):.2f} {unit} "
              f"(range {min(values):.2f}–{max(values):.2f})")  # fmt: skip
    print(f"  target: worst stall ≤ {TARGET_STALL_MS:g} ms")


if __name__ == "__main__":
    main()
