"""A file of very many columns: load time against its width (issue 14, item 4: 16 s at 10,000
columns while the header was made unique per column, well under a second since).

    .venv/bin/python tests/benchmarks/bench_wide_files.py [--widths 10000 20000 40000] [--runs 3]

Each width: a header of ``c0, c1, ...`` and 5 rows of a date and ``x`` cells, loaded with
``load_file`` in this process (median of ``--runs``). The time should grow with the width, not
with its square; target ≤ 1.5 s at 10,000 columns (2 cores).

Not a pytest module (pytest only collects ``test_*.py``).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from viewer.io.load_options import LoadOptions
from viewer.io.loading import load_file


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--widths", type=int, nargs="+", default=[10_000, 20_000, 40_000])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="bench_wide_"))
    for width in args.widths:
        header = ",".join(f"c{i}" for i in range(width))
        row = ",".join(["2020-01-01"] + ["x"] * (width - 1))
        path = folder / f"wide_{width}.csv"
        path.write_text(header + "\n" + "\n".join([row] * 5) + "\n", encoding="utf-8")
        times = []
        for _ in range(args.runs):
            began = time.perf_counter()
            result = load_file(path, LoadOptions())
            times.append(time.perf_counter() - began)
            assert len(result.events) == 5, result.report.error
        median = statistics.median(times)
        print(f"{width:>7,} columns: {median:.3f} s ({min(times):.3f}-{max(times):.3f});"
              f" {median / width * 1e6:.1f} µs a column")  # fmt: skip


if __name__ == "__main__":
    main()
