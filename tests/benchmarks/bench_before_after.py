"""Before/after benchmark: ``inspect`` and the app's load (``load_file``) of bench_load.py's
files, by two source trees, interleaved so machine noise hits both equally.

Each run is a fresh interpreter, started by a tiny runner (as in bench_load.py, so the peak RSS
is the command's own) that reports its wall time, CPU time (user + system, all threads) and
peak RSS. The two trees take turns, ``--runs`` times each per file and command. Prints medians,
min-max spread and the after/before ratios of the medians. On a shared, loaded machine the CPU
time is the steadier figure: waiting for a core counts in the wall time only.

Usage::

    git archive BASE | tar -x -C /tmp/before      # the tree to compare with
    python tests/benchmarks/bench_before_after.py --before /tmp/before [--after .] [--runs 5]
        [--files iso natural] [--data-dir bench-data]

Not a pytest module.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

from bench_load import FILES, REPO_ROOT
from make_bench_csv import ensure_bench_files

RUNNER = """
import json, os, sys, time
argv = sys.argv[1:]
t0 = time.perf_counter()
pid = os.posix_spawnp(argv[0], argv, os.environ,
                      file_actions=[(os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0)])
_, status, usage = os.wait4(pid, 0)
print(json.dumps({"wall": time.perf_counter() - t0, "cpu": usage.ru_utime + usage.ru_stime,
                  "rss_mb": usage.ru_maxrss / 1024, "status": os.waitstatus_to_exitcode(status)}))
"""

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
            runs: dict[str, list[dict[str, float]]] = {label: [] for label in trees}
            for _ in range(args.runs):
                for label, tree in trees.items():
                    code = COMMANDS[command].format(tree=str(tree), path=str(path))
                    done = subprocess.run(
                        [sys.executable, "-S", "-c", RUNNER, sys.executable, "-c", code],
                        capture_output=True,
                        text=True,
                        check=False,
                    )
                    report = json.loads(done.stdout or "{}")
                    if done.returncode or report.get("status"):
                        print(f"{label} {command} {name} failed:\n{done.stderr}")
                        return 2
                    runs[label].append(report)
            print(_line(f"{name:8} {command:8}", runs), flush=True)
    return 0


def _line(head: str, runs: dict[str, list[dict[str, float]]]) -> str:
    parts = [head]
    medians: dict[str, dict[str, float]] = {}
    for label, reports in runs.items():
        medians[label] = {}
        text = [label]
        for key, unit in (("wall", "s"), ("cpu", "s")):
            values = [r[key] for r in reports]
            medians[label][key] = statistics.median(values)
            text.append(
                f"{key} {medians[label][key]:.2f} {unit} ({min(values):.2f}-{max(values):.2f})"
            )
        text.append(f"peak {max(r['rss_mb'] for r in reports):.0f} MB")
        parts.append(" ".join(text))
    before, after = medians["before"], medians["after"]
    ratios = " ".join(f"{key} {after[key] / before[key]:.3f}" for key in ("wall", "cpu"))
    return " | ".join(parts) + f" | after/before {ratios}"


if __name__ == "__main__":
    sys.exit(main())
