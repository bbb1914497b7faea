"""Peak memory of ``inspect`` and ``export`` on big JSONL, JSON and CSV files.

For each shape and size this writes a file (into ``--data-dir``, reused when it is already
there), runs ``python -m viewer inspect FILE``, ``export FILE -o x.csv`` and ``export FILE -o
x.png`` each in a fresh interpreter (through ``bench_load``'s runner, so the peak RSS is the
command's own ``ru_maxrss``), and prints the peak RSS in bytes and as a multiple of the file's
size, with the exit status and the last line of stderr (a refusal names its reason there).

Shapes:
  rows   many small records (date, title, lane, a 100-character excerpt)
  string one record whose excerpt is a single string value of the whole size

``--limit-gb`` caps each command's address space (RLIMIT_AS; default 10 GB) so a run that
would need more than the machine has fails in that process instead of starting the OOM killer.

Usage::

    python tests/benchmarks/bench_memory.py [--sizes 100 1000] [--kinds jsonl json csv]
        [--shapes rows string] [--commands inspect csv png] [--json]

Not a pytest module (pytest only collects ``test_*.py``).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

from bench_load import REPO_ROOT, run_measured

_EXCERPT = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incid"
_EXCERPT = (_EXCERPT + " café 東京")[:100]
_CHUNK_ROWS = 50_000
# Sets the address-space limit, then becomes the measured command (ru_maxrss carries over).
_LIMITED = (
    "import os, resource, sys; n = int(sys.argv[1]); "
    "resource.setrlimit(resource.RLIMIT_AS, (n, n)); os.execv(sys.argv[2], sys.argv[2:])"
)


def _row(kind: str, i: int) -> str:
    date = f"2024-{i % 12 + 1:02d}-{i % 28 + 1:02d}T{i % 24:02d}:{i % 60:02d}:00Z"
    if kind == "csv":
        return f'{date},event {i},lane {i % 5},"{_EXCERPT}"\n'
    record = {"date": date, "title": f"event {i}", "lane": f"lane {i % 5}", "excerpt": _EXCERPT}
    return json.dumps(record, ensure_ascii=False)


def write_rows(path: Path, kind: str, size: int) -> None:
    with path.open("w", encoding="utf-8", newline="") as out:
        written, i = 0, 0
        if kind == "csv":
            written += out.write("date,title,lane,excerpt\n")
        elif kind == "json":
            written += out.write("[\n")
        separator = ",\n" if kind == "json" else "\n"
        while written < size:
            rows = [_row(kind, n) for n in range(i, i + _CHUNK_ROWS)]
            i += _CHUNK_ROWS
            text = "".join(rows) if kind == "csv" else separator.join(rows)
            if kind != "csv" and written > 2:
                text = separator + text
            written += len(text.encode())
            out.write(text)
        if kind == "json":
            out.write("\n]\n")
        elif kind == "jsonl":
            out.write("\n")


def write_string(path: Path, kind: str, size: int) -> None:
    """One record whose excerpt is one string value of ``size`` bytes (plus a normal record)."""
    with path.open("w", encoding="utf-8", newline="") as out:
        if kind == "csv":
            out.write("date,title,excerpt\n2024-01-01,first,short\n2024-01-02,huge,")
        else:
            if kind == "json":
                out.write("[")
            out.write('{"date": "2024-01-01", "title": "first", "excerpt": "short"}')
            out.write(",\n" if kind == "json" else "\n")
            out.write('{"date": "2024-01-02", "title": "huge", "excerpt": "')
        block = ("x" * 1023 + " ") * 1024
        for _ in range(size // len(block)):
            out.write(block)
        out.write("\n" if kind == "csv" else '"}\n')
        if kind == "json":
            out.write("]\n")


def data_file(folder: Path, kind: str, shape: str, megabytes: int) -> Path:
    path = folder / f"memory_{shape}_{megabytes}mb.{kind}"
    if not path.exists():
        print(f"  writing {path.name} ...", flush=True)
        partial = path.with_suffix(".partial")
        (write_rows if shape == "rows" else write_string)(partial, kind, megabytes * 1_000_000)
        partial.rename(path)
    return path


def command(name: str, path: Path, out_dir: Path) -> list[str]:
    viewer = [sys.executable, "-m", "viewer"]
    if name == "inspect":
        return [*viewer, "inspect", str(path)]
    return [*viewer, "export", str(path), "-o", str(out_dir / f"out.{name}")]


def measure(argv: list[str], limit: int, timeout: float) -> dict[str, object]:
    limited = [sys.executable, "-S", "-c", _LIMITED, str(limit), *argv]
    run = run_measured(limited, timeout)
    last = run.stderr.strip().splitlines()[-1:] or [""]
    return {"peak_rss": run.max_rss, "status": run.returncode, "stderr": last[0][:160]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000], help="MB")
    parser.add_argument("--kinds", nargs="+", default=["jsonl", "json", "csv"])
    parser.add_argument("--shapes", nargs="+", default=["rows", "string"])
    parser.add_argument("--commands", nargs="+", default=["inspect", "csv", "png"])
    parser.add_argument("--data-dir", type=Path, default=REPO_ROOT / "bench-data")
    parser.add_argument("--limit-gb", type=float, default=10.0)
    parser.add_argument("--timeout", type=float, default=900.0)
    parser.add_argument("--json", action="store_true", help="a JSON list as the last line")
    args = parser.parse_args()
    args.data_dir.mkdir(parents=True, exist_ok=True)
    limit = int(args.limit_gb * 1e9)
    results = []
    with tempfile.TemporaryDirectory(prefix="bench_memory_") as tmp:
        for megabytes in args.sizes:
            for kind in args.kinds:
                for shape in args.shapes:
                    path = data_file(args.data_dir, kind, shape, megabytes)
                    size = path.stat().st_size
                    for name in args.commands:
                        result = measure(command(name, path, Path(tmp)), limit, args.timeout)
                        result |= {"file": path.name, "size": size, "command": name}
                        result["ratio"] = round(int(result["peak_rss"]) / size, 2)  # type: ignore[call-overload]
                        results.append(result)
                        print(
                            f"{path.name:28s} {name:8s} peak {result['peak_rss']:>14,} B"
                            f"  {result['ratio']:6.2f}x file  exit {result['status']}"
                            f"  {result['stderr']}",
                            flush=True,
                        )
    if args.json:
        print(json.dumps(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
