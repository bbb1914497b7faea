"""The events cache alone: ``load_file`` through ``viewer/io/cache``, read from the file (and
the entry written) against read from the entry, each in a fresh interpreter.

For each file (``bench_open.py``'s ISO files: 1M rows, with ``--big`` also 10M) this runs a
first load into an empty cache folder (the file read, then the entry written, on this thread:
``write`` is that part), then ``--runs`` loads from the entry, and reports, as each process
measures itself, the seconds of ``load_file`` (imports excluded), the peak RSS, and the RSS
after a step that touches a whole column (the lane names counted: what the timeline does
first). The first load then builds the word index and keeps it beside the entry (``build``,
``keep``); each load from the entry must have it back (``adopted``), and each run times a first
search ("council report", titles and excerpts) on the table it got. Where ``bench_open.py``
shows what a user waits for, this shows the cache's own part.

Usage::

    python tests/benchmarks/bench_cache.py [--runs 3] [--big] [--data-dir bench-data]

Not a pytest module (pytest only collects ``test_*.py``).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from bench_open import REPO_ROOT, SIZES, bench_file  # a script beside this one

CHILD = """
import json, resource, sys, time
from pathlib import Path
from viewer.io.cache import event_cache
from viewer.io.cache.event_cache import EventCache
from viewer.io.loading import load_file
from viewer.model.word_index import build_word_index

def rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

written = []
write = event_cache._write_entry
def timed_write(*args):
    start = time.perf_counter()
    write(*args)
    written.append(time.perf_counter() - start)
event_cache._write_entry = timed_write

cache = EventCache(Path(sys.argv[2]), 10**12)
start = time.perf_counter()
result = load_file(sys.argv[1], cache=cache)
seconds = time.perf_counter() - start
peak = rss_mb()
events = result.events
events.lane_codes()
rss_lanes = rss_mb()
index = events.word_index
adopted, built, kept = index.complete, 0.0, 0.0
if not adopted:  # the first load: the index built (as the app does, after the load), and kept
    start = time.perf_counter()
    build_word_index(index, events.text_values)
    built = time.perf_counter() - start
    start = time.perf_counter()
    cache.keep_word_index(events)
    kept = time.perf_counter() - start
start = time.perf_counter()
matches = int(events.containing("council report").sum())
search = time.perf_counter() - start
print(json.dumps({"load": seconds, "write": sum(written), "rss": peak, "rss_lanes": rss_lanes,
                  "events": len(events), "adopted": adopted, "build": built, "keep": kept,
                  "search": search, "matches": matches}))
"""


def run(path: Path, folder: Path) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(path), str(folder)],
        capture_output=True, text=True, check=True, cwd=REPO_ROOT,
        env=dict(os.environ, PYTHONPATH=str(REPO_ROOT)),
    )  # fmt: skip
    return json.loads(out.stdout.splitlines()[-1])  # type: ignore[no-any-return]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--big", action="store_true", help="also the 10M-row file (1.9 GB)")
    ap.add_argument("--data-dir", type=Path, default=REPO_ROOT / "bench-data")
    args = ap.parse_args(argv)
    for label in ["1m", "10m"] if args.big else ["1m"]:
        path = bench_file(SIZES[label], args.data_dir.resolve())
        folder = Path(tempfile.mkdtemp(prefix="bench_cache_"))
        try:
            first = run(path, folder)
            entry_mb = sum(p.stat().st_size for p in folder.glob("*.arrow")) / 1e6
            index_mb = sum(p.stat().st_size for p in folder.glob("*.words.arrow")) / 1e6
            again = [run(path, folder) for _ in range(args.runs)]
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        loads = sorted(a["load"] for a in again)
        if not all(a["adopted"] and a["matches"] == first["matches"] for a in again):
            print(f"{label}: a load from the entry lacked the kept word index", file=sys.stderr)
            return 1
        print(
            f"{label} ({path.stat().st_size / 1e6:.0f} MB, entry {entry_mb:.0f} MB"
            f" of which word index {index_mb:.0f} MB):"
            f" first load {first['load'] - first['write']:.2f} s + write {first['write']:.2f} s,"
            f" peak RSS {first['rss']:.0f} MB;"
            f" from the cache {statistics.median(loads):.3f} s (runs {loads[0]:.3f}-{loads[-1]:.3f}),"
            f" peak RSS {max(a['rss'] for a in again):.0f} MB,"
            f" {max(a['rss_lanes'] for a in again):.0f} MB once the lanes are counted;"
            f" word index built {first['build']:.2f} s, kept {first['keep']:.2f} s;"
            f" first search {first['search'] * 1000:.0f} ms after the build,"
            f" {statistics.median(a['search'] for a in again) * 1000:.0f} ms from the cache"
            f" ({first['matches']} matches)",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
