"""Before/after benchmark: ``inspect`` and the app's load (``load_file``) of bench_load.py's
files, by two source trees, interleaved so machine noise hits both equally.

Each run is a fresh interpreter (wall time and peak RSS through bench_load's runner); the two
trees take turns, ``--runs`` times each per file and command. Prints medians, min-max spread
and the after/before ratio of the medians.

Usage::

    git archive BASE | tar -x -C /tmp/before      # the tree to compare with
    python tests/benchmarks/bench_before_after.py --before /tmp/before [--after .] [--runs 5]
        [--files iso natural] [--data-dir bench-data]

Not a pytest module.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

from bench_load import FILES, REPO_ROOT, run_measured
from make_bench_csv import ensure_bench_files

COMMANDS = {
    "inspect": (
        "import runpy, sys; sys.path.insert(0, {tree!r}); "
        "sys.argv = ['timeline-viewer', 'inspect', {path!r}]; "
        "runpy.run_module('viewer', run_name='__main__')"
    ),
    "load": (
        "import sys; sys.path.insert(0, {tree!r}); "
        "from viewer.io.loading import load_file; load_file({path!r})"
    ),
}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--before", type=Path, required=True)
    ap.add_argument("--after", type=Path, default=REPO_ROOT)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--files", nargs="+", choices=list(FILES), default=list(FILES))
    ap.add_argument("--commands", nargs="+", choices=list(COMMANDS), default=list(COMMANDS))
    ap.add_argument("--data-dir", type=Path, default=REPO_ROOT / "bench-data")
    args = ap.parse_args()
    paths = ensure_bench_files(args.data_dir.resolve())
    trees = {"before": args.before.resolve(), "after": args.after.resolve()}
    for name in args.files:
        path = paths[FILES[name][0]]
        for command in args.commands:
            times: dict[str, list[float]] = {label: [] for label in trees}
            rss: dict[str, list[int]] = {label: [] for label in trees}
            for _ in range(args.runs):
                for label, tree in trees.items():
                    code = COMMANDS[command].format(tree=str(tree), path=str(path))
                    run = run_measured([sys.executable, "-c", code], timeout=600)
                    if run.returncode != 0:
                        print(f"{label} {command} {name} failed:\n{run.stderr}")
                        return 2
                    times[label].append(run.seconds)
                    rss[label].append(run.max_rss)
            line = [f"{name:8} {command:8}"]
            for label in trees:
                t = times[label]
                line.append(
                    f"{label} {statistics.median(t):6.2f} s ({min(t):.2f}-{max(t):.2f}), "
                    f"peak {max(rss[label]) / 2**20:5.0f} MB"
                )
            ratio = statistics.median(times["after"]) / statistics.median(times["before"])
            print(" | ".join(line) + f" | after/before {ratio:.3f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
