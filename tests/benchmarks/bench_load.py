"""Loader speed benchmark: whole-process wall time and peak memory vs. ``pandas.read_csv``.

For each benchmark file (made by ``make_bench_csv.py`` if missing) this runs, interleaved so
that machine noise hits both equally, ``--runs`` times each:

a. baseline: ``python -c "import pandas as pd; pd.read_csv(PATH)"`` (C engine, defaults);
b. ours:     ``python -m viewer inspect PATH`` (stdout discarded), or ``--ours-cmd``.

Every run is a fresh interpreter, started from the repository root, so the times include
interpreter start-up and imports. The word ``python`` in a command means the interpreter
running this script (use the project venv). Each command is started by a tiny runner
interpreter (``posix_spawn`` + ``os.wait4``) that reports the command's wall time (spawn to
exit, the runner's own start-up excluded) and its own ``ru_maxrss`` (peak RSS; if the command
forks workers it is the largest single process, not the sum).

With ``--floors`` two more commands run in the same interleaving, to show what no inspect can
beat on this machine: ``pyarrow floor`` imports pyarrow and reads only the date column,
converted to timestamps by pyarrow itself (no encoding check, no sniffing, no roles, no date
rules of ours, no report); ``+ numpy`` adds ``import numpy``, which our date arithmetic uses.

Targets: iso file ours/baseline <= 0.5; natural file ours/baseline <= 2.0; peak RSS of ours
<= 4x the file size. Exit status is 0 whatever the verdict unless ``--strict`` (then 1 on any
FAIL); it is 2 if a command itself fails (its stderr is printed). ``--json`` prints a JSON
object ``{"iso": {...}, "natural": {...}}`` as the last line.

Usage::

    python tests/benchmarks/bench_load.py [--runs 3] [--files iso natural] [--json] [--strict]
        [--ours-cmd "python -m viewer inspect"] [--data-dir bench-data]

Not a pytest module (pytest only collects ``test_*.py``).
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO_ROOT = HERE.parents[1]
DEFAULT_OURS = "python -m viewer inspect"
BASELINE_CODE = "import pandas as pd; pd.read_csv({path!r})"
FLOOR_CODE = (
    "import pyarrow as pa, pyarrow.csv as c; c.read_csv({path!r}, convert_options="
    "c.ConvertOptions(include_columns=['timestamp'],"
    " column_types={{'timestamp': pa.timestamp('s', tz='UTC')}}))"
)
FLOORS = {"pyarrow floor": FLOOR_CODE, "+ numpy": "import numpy; " + FLOOR_CODE}

# name -> (file name, max ours/baseline time ratio)
FILES = {
    "iso": ("events_1m_iso.csv", 0.5),
    "natural": ("events_1m_natural.csv", 2.0),
}
MAX_RSS_PER_FILE_BYTE = 4.0


@dataclass
class Run:
    seconds: float
    max_rss: int  # bytes
    returncode: int
    stderr: str


class CommandFailed(RuntimeError):
    def __init__(self, label: str, argv: list[str], run: Run) -> None:
        self.label, self.argv, self.run = label, argv, run
        super().__init__(f"{label} failed with status {run.returncode}: {shlex.join(argv)}")


def resolve_argv(cmd: str, path: Path) -> list[str]:
    """Split a command line, map ``python`` to this interpreter, append the file path."""
    argv = shlex.split(cmd)
    if argv and argv[0] == "python":
        argv[0] = sys.executable
    return [*argv, str(path)]


# A tiny runner, started as its own interpreter, that spawns the measured command and reports
# its wall time and peak RSS. Linux carries the high-water RSS of the address space a process
# had before exec() over into its ru_maxrss; posix_spawn (vfork) shares the parent's address
# space until exec, so spawning straight from this script (which has numpy/pyarrow loaded,
# ~80 MB) would put a floor under every measurement. The runner is ~10 MB, below any Python.
RUNNER = """
import json, os, signal, sys, time
timeout, err_path, argv = float(sys.argv[1]), sys.argv[2], sys.argv[3:]
err = os.open(err_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
actions = [
    (os.POSIX_SPAWN_OPEN, 0, os.devnull, os.O_RDONLY, 0),
    (os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0),
    (os.POSIX_SPAWN_DUP2, err, 2),
]
t0 = time.perf_counter()
try:
    pid = os.posix_spawnp(argv[0], argv, os.environ, file_actions=actions)
except OSError as exc:
    os.write(err, f"cannot start {argv[0]!r}: {exc}\\n".encode())
    print(json.dumps({"seconds": 0.0, "maxrss_kib": 0, "status": 127}))
    sys.exit(0)
def on_alarm(signum, frame):
    os.kill(pid, signal.SIGKILL)
    os.write(err, f"killed after {timeout:g} s (timeout)\\n".encode())
signal.signal(signal.SIGALRM, on_alarm)
signal.setitimer(signal.ITIMER_REAL, timeout)
try:
    _, status, usage = os.wait4(pid, 0)
except BaseException:
    os.kill(pid, signal.SIGKILL)
    raise
seconds = time.perf_counter() - t0
code = os.waitstatus_to_exitcode(status)
print(json.dumps({"seconds": seconds, "maxrss_kib": usage.ru_maxrss, "status": code}))
"""


def run_measured(argv: list[str], timeout: float) -> Run:
    """Run argv (stdout to /dev/null) via RUNNER; return wall time, peak RSS, stderr."""
    with tempfile.TemporaryDirectory(prefix="bench_load_") as tmp:
        err_path = Path(tmp) / "stderr"
        runner = [sys.executable, "-S", "-c", RUNNER, str(timeout), str(err_path), *argv]
        proc = subprocess.run(runner, capture_output=True, text=True, timeout=timeout + 60)
        stderr = err_path.read_text(errors="replace") if err_path.exists() else ""
    if proc.returncode != 0:
        return Run(0.0, 0, proc.returncode, f"runner failed:\n{proc.stderr}{stderr}")
    report = json.loads(proc.stdout)
    # ru_maxrss is in KiB on Linux (bytes on macOS).
    scale = 1 if sys.platform == "darwin" else 1024
    return Run(report["seconds"], report["maxrss_kib"] * scale, report["status"], stderr)


def drop_into_page_cache(path: Path) -> None:
    """Read the file once so the first timed run does not pay for the disk alone."""
    with path.open("rb") as f:
        while f.read(1 << 24):
            pass


def bench_file(
    name: str,
    path: Path,
    ours_cmd: str,
    runs: int,
    timeout: float,
    verbose: bool = True,
    floors: bool = False,
) -> dict[str, object]:
    base_argv = [sys.executable, "-c", BASELINE_CODE.format(path=str(path))]
    ours_argv = resolve_argv(ours_cmd, path)
    drop_into_page_cache(path)
    base_runs: list[Run] = []
    ours_runs: list[Run] = []
    floor_runs: dict[str, list[Run]] = {label: [] for label in FLOORS} if floors else {}
    commands = [("baseline", base_argv, base_runs), ("ours", ours_argv, ours_runs)]
    for label, runs_of_floor in floor_runs.items():
        code = FLOORS[label].format(path=str(path))
        commands.append((label, [sys.executable, "-c", code], runs_of_floor))
    for i in range(runs):
        for label, argv, out in commands:
            run = run_measured(argv, timeout)
            if run.returncode != 0:
                raise CommandFailed(f"{name}: {label}", argv, run)
            out.append(run)
            if verbose:
                print(
                    f"  {name} run {i + 1}/{runs} {label:13s} {run.seconds:7.2f} s"
                    f"  peak RSS {run.max_rss / 1e6:7.0f} MB",
                    flush=True,
                )

    file_bytes = path.stat().st_size
    base_s = statistics.median(r.seconds for r in base_runs)
    ours_s = statistics.median(r.seconds for r in ours_runs)
    ours_rss = max(r.max_rss for r in ours_runs)
    ratio = ours_s / base_s
    rss_ratio = ours_rss / file_bytes
    ratio_target = FILES[name][1]
    return {
        "file": str(path),
        "file_mb": round(file_bytes / 1e6, 1),
        "runs": runs,
        "baseline_s": round(base_s, 3),
        "baseline_runs_s": [round(r.seconds, 3) for r in base_runs],
        "baseline_peak_rss_mb": round(max(r.max_rss for r in base_runs) / 1e6, 1),
        "ours_s": round(ours_s, 3),
        "ours_runs_s": [round(r.seconds, 3) for r in ours_runs],
        "ratio": round(ratio, 3),
        "ratio_target": ratio_target,
        "ratio_pass": ratio <= ratio_target,
        "peak_rss_mb": round(ours_rss / 1e6, 1),
        "rss_ratio": round(rss_ratio, 2),
        "rss_target": MAX_RSS_PER_FILE_BYTE,
        "rss_pass": rss_ratio <= MAX_RSS_PER_FILE_BYTE,
        "pass": ratio <= ratio_target and rss_ratio <= MAX_RSS_PER_FILE_BYTE,
        "floors": {
            label: {
                "s": round(statistics.median(r.seconds for r in floor), 3),
                "ratio": round(statistics.median(r.seconds for r in floor) / base_s, 3),
            }
            for label, floor in floor_runs.items()
        },
    }


def _verdict(ok: object) -> str:
    return "PASS" if ok else "FAIL"


def print_report(results: dict[str, dict[str, object]], ours_cmd: str) -> None:
    print()
    print(f"baseline: python -c {BASELINE_CODE.format(path='PATH')!r}")
    print(f"ours:     {ours_cmd} PATH")
    head = (
        f"{'file':8s} {'file MB':>8s} {'base s':>8s} {'ours s':>8s} {'ratio':>7s} {'target':>8s}"
        f"      {'RSS MB':>8s} {'RSS/file':>8s} {'target':>7s}"
    )
    print(head)
    print("-" * len(head))
    for name, r in results.items():
        print(
            f"{name:8s} {r['file_mb']:8.1f} {r['baseline_s']:8.2f} {r['ours_s']:8.2f}"
            f" {r['ratio']:7.2f} {'<= ' + str(r['ratio_target']):>8s} {_verdict(r['ratio_pass'])}"
            f" {r['peak_rss_mb']:8.0f} {r['rss_ratio']:8.2f} {'<= ' + str(r['rss_target']):>7s}"
            f" {_verdict(r['rss_pass'])}"
        )
        for label, floor in r["floors"].items():  # type: ignore[union-attr]
            print(f"  {label:15s} {floor['s']:8.2f} s  ratio {floor['ratio']:5.2f}")
    overall = all(r["pass"] for r in results.values())
    print(f"overall: {_verdict(overall)}  (median of {next(iter(results.values()))['runs']} runs)")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=3, help="runs of each command (median; 3)")
    ap.add_argument(
        "--ours-cmd",
        default=DEFAULT_OURS,
        help=f"command line that loads the file given as last argument ({DEFAULT_OURS!r})",
    )
    ap.add_argument("--files", nargs="+", choices=list(FILES), default=list(FILES))
    ap.add_argument("--data-dir", type=Path, default=REPO_ROOT / "bench-data")
    ap.add_argument("--timeout", type=float, default=600.0, help="seconds per run (600)")
    ap.add_argument("--json", action="store_true", help="print a JSON summary as the last line")
    ap.add_argument("--strict", action="store_true", help="exit 1 if any target FAILs")
    ap.add_argument("-q", "--quiet", action="store_true", help="no per-run lines")
    ap.add_argument(
        "--floors", action="store_true", help="also time the least any inspect could do"
    )
    args = ap.parse_args(argv)
    if args.runs < 1:
        ap.error("--runs must be at least 1")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    data_dir = args.data_dir.resolve()

    sys.path.insert(0, str(HERE))
    from make_bench_csv import ensure_bench_files
    from user_python import as_users_python

    as_users_python()

    paths = ensure_bench_files(data_dir)
    # Run every command from the repository root, so ``-m viewer`` finds the package.
    os.chdir(REPO_ROOT)

    results: dict[str, dict[str, object]] = {}
    for name in args.files:
        path = paths[FILES[name][0]]
        try:
            results[name] = bench_file(
                name,
                path,
                args.ours_cmd,
                args.runs,
                args.timeout,
                verbose=not args.quiet,
                floors=args.floors and name == "iso",
            )
        except CommandFailed as exc:
            print(f"error: {exc}", file=sys.stderr)
            print(exc.run.stderr.rstrip(), file=sys.stderr)
            return 2

    print_report(results, args.ours_cmd)
    if args.json:
        print(json.dumps(results))
    if args.strict and not all(r["pass"] for r in results.values()):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
