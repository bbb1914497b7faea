"""Opening a file named on the command line: the real app, launch to window and to events.

For each file (``make_bench_csv.py``'s ISO shape, made in ``bench-data/`` when missing: 1M rows,
and with ``--big`` also 10M rows, 1.7 GB) this runs, interleaved, ``--runs`` times each:

a. baseline: ``python -c "import pandas; pandas.read_csv(FILE)"``;
b. the app:  ``python -m viewer FILE`` with ``QT_QPA_PLATFORM=offscreen`` and
   ``TIMELINE_VIEWER_TIMING=quit`` (``viewer/ui/start_timing.py``), which prints when the
   window is up and when the first frame with events is painted, then quits. Its events
   cache (``XDG_CACHE_HOME``) is a new, empty folder: the file is read, and kept in the
   cache after it is shown (the process waits for that write before it exits);
c. the reopen: the same app run again on that cache folder: the events come from the entry
   b wrote (``viewer/io/cache``). ``--no-reopen`` leaves this out.

Reported: launch -> window, launch -> first frame with events (the app, first open and
reopen), launch -> exit (the baseline), and peak RSS of each process (``ru_maxrss`` from
``os.wait4``). This script imports only the standard library, so a spawned child starts from a
small address space.

Usage::

    python tests/benchmarks/bench_open.py [--runs 3] [--big] [--no-reopen] [--data-dir bench-data]

Not a pytest module (pytest only collects ``test_*.py``).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from user_python import as_users_python

REPO_ROOT = Path(__file__).resolve().parents[2]
SIZES = {"1m": 1_000_000, "10m": 10_000_000}
BASELINE = "import pandas; pandas.read_csv({path!r})"


def bench_file(rows: int, data_dir: Path) -> Path:
    """The ISO file of ``rows`` rows, made (by a separate interpreter) when missing."""
    path = data_dir / f"events_{rows // 1_000_000}m_iso.csv"
    if not path.exists():
        maker = (
            "import sys; from pathlib import Path; sys.path.insert(0, 'tests/benchmarks');"
            f"import make_bench_csv as m; m.make_iso(Path({str(path)!r}), {rows})"
        )
        data_dir.mkdir(parents=True, exist_ok=True)
        subprocess.run([sys.executable, "-c", maker], cwd=REPO_ROOT, check=True)
    return path


def measure(argv: list[str], env: dict[str, str], timeout: float) -> dict[str, float]:
    """Seconds from launch to each ``name <epoch>`` line the process prints, to its exit, and
    its peak RSS in MB."""
    start = time.time()
    process = subprocess.Popen(
        argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=REPO_ROOT
    )
    try:
        out, err = process.communicate(timeout=timeout)  # reaps; rusage via wait4 is then gone
    except subprocess.TimeoutExpired:
        process.kill()  # not left running (and holding gigabytes) after the script ends
        process.communicate()
        raise
    end = time.time()
    if process.returncode != 0:
        raise RuntimeError(f"{argv[:3]} failed ({process.returncode}):\n{err[-2000:]}")
    marks = {"exit": end - start}
    for line in out.splitlines():
        name, _, stamp = line.partition(" ")
        if name in ("window_shown", "events_painted"):
            marks[name] = float(stamp) - start
    return marks


def peak_rss_mb(argv: list[str], env: dict[str, str]) -> float:
    """Peak RSS of one more run (wait4 needs the child unreaped by communicate())."""
    pid = os.posix_spawn(argv[0], argv, env, file_actions=_quiet())
    _, _, usage = os.wait4(pid, 0)
    return usage.ru_maxrss / 1024  # KiB on Linux


def _quiet() -> list[tuple[object, ...]]:
    return [
        (os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0),
        (os.POSIX_SPAWN_OPEN, 2, os.devnull, os.O_WRONLY, 0),
    ]


def cache_env(env: dict[str, str], folder: Path) -> dict[str, str]:
    """``env`` with the app's events cache in ``folder`` (emptied first)."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    return dict(env, XDG_CACHE_HOME=str(folder))


def cache_entry_mb(folder: Path) -> float:
    """The size of the entries the app wrote in the cache ``folder`` (0: none)."""
    return sum(p.stat().st_size for p in folder.rglob("*.arrow")) / 1e6


def _at(marks: dict[str, float], name: str) -> str:
    return f"{marks.get(name, float('nan')):.2f}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--big", action="store_true", help="also the 10M-row file (1.7 GB)")
    ap.add_argument("--only-big", action="store_true", help="the 10M-row file alone")
    ap.add_argument("--no-reopen", action="store_true", help="leave out the reopen (cache)")
    ap.add_argument("--data-dir", type=Path, default=REPO_ROOT / "bench-data")
    ap.add_argument("--timeout", type=float, default=300.0)
    args = ap.parse_args(argv)
    as_users_python()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", TIMELINE_VIEWER_TIMING="quit")
    env["PYTHONPATH"] = str(REPO_ROOT)
    # Settings and cache of its own: the runs neither read nor change the user's recent files,
    # session or events cache.
    scratch = Path(tempfile.mkdtemp(prefix="bench_open_"))
    env["XDG_CONFIG_HOME"] = str(scratch / "config")
    cache = scratch / "cache"
    labels = ["10m"] if args.only_big else ["1m", "10m"] if args.big else ["1m"]
    for label in labels:
        path = bench_file(SIZES[label], args.data_dir.resolve())
        app = [sys.executable, "-m", "viewer", str(path)]
        base = [sys.executable, "-c", BASELINE.format(path=str(path))]
        apps, bases, reopens, entry_mb = [], [], [], 0.0
        for i in range(args.runs):
            bases.append(measure(base, env, args.timeout))
            apps.append(measure(app, cache_env(env, cache), args.timeout))  # writes the entry
            line = f"{label} run {i + 1}: pandas {bases[-1]['exit']:.2f} s;"
            line += f" app window {_at(apps[-1], 'window_shown')} s,"
            line += f" events {_at(apps[-1], 'events_painted')} s"
            entry_mb = cache_entry_mb(cache)
            if not args.no_reopen and entry_mb:
                reopens.append(measure(app, dict(env, XDG_CACHE_HOME=str(cache)), args.timeout))
                line += f"; reopen window {_at(reopens[-1], 'window_shown')} s,"
                line += f" events {_at(reopens[-1], 'events_painted')} s"
            elif not args.no_reopen:
                line += "; no cache entry was written (limit or disk space?)"
            print(line, flush=True)
        rss_app = peak_rss_mb(app, cache_env(env, cache))
        rss_reopen = peak_rss_mb(app, dict(env, XDG_CACHE_HOME=str(cache))) if reopens else 0
        rss_base = peak_rss_mb(base, env)
        shutil.rmtree(cache, ignore_errors=True)
        size_mb = path.stat().st_size / 1e6
        median = statistics.median
        pandas_s = median(b["exit"] for b in bases)
        events_s = median(a["events_painted"] for a in apps)
        print(
            f"{label} ({size_mb:.0f} MB): launch->window {median(a['window_shown'] for a in apps):.2f} s,"
            f" launch->events {events_s:.2f} s ({events_s / pandas_s:.1f}x pandas {pandas_s:.2f} s);"
            f" peak RSS app {rss_app:.0f} MB ({rss_app / size_mb:.1f}x file),"
            f" pandas {rss_base:.0f} MB"
        )
        if reopens:
            window_s = median(r["window_shown"] for r in reopens)
            again_s = median(r["events_painted"] for r in reopens)
            shown_s = median(r["events_painted"] - r["window_shown"] for r in reopens)
            print(
                f"{label} reopen through the cache (entry {entry_mb:.0f} MB):"
                f" launch->window {window_s:.2f} s, launch->events {again_s:.2f} s"
                f" ({again_s / pandas_s:.1f}x pandas), window->events {shown_s:.2f} s;"
                f" peak RSS {rss_reopen:.0f} MB ({rss_reopen / size_mb:.1f}x file)"
            )
    shutil.rmtree(scratch, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
