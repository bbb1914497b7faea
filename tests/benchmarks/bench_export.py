"""Picture export speed and size: `timeline-viewer export` of the 1,000,000-event CSV to a
3840x2160 PNG against `timeline-viewer inspect` of the same file (target: at most 2x), and the
size of the SVG (target: at most 20 MB). Whole processes, interleaved, medians.

``import_floor_s`` times a process that only imports what a picture export needs (the loader,
pandas, Qt and pyqtgraph) and does nothing: no export can be faster than that.

    python tests/benchmarks/bench_export.py [--runs N] [--json]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(Path(__file__).parent))

from make_bench_csv import ensure_bench_files  # noqa: E402
from user_python import as_users_python  # noqa: E402

IMPORT_FLOOR = "import viewer.commands.export_command, viewer.timeline.image_export"


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    as_users_python()
    source = ensure_bench_files(verbose=False)["events_1m_iso.csv"]
    python = sys.executable
    with tempfile.TemporaryDirectory() as folder:
        png, svg = Path(folder) / "big.png", Path(folder) / "big.svg"
        inspect_runs, export_runs, floor_runs = [], [], []
        for _ in range(args.runs):
            inspect_runs.append(timed([python, "-m", "viewer", "inspect", str(source)]))
            floor_runs.append(timed([python, "-c", IMPORT_FLOOR]))
            export_runs.append(timed([python, "-m", "viewer", "export", str(source), "-o", str(png),
                                      "--width", "3840", "--height", "2160"]))  # fmt: skip
        subprocess.run(
            [python, "-m", "viewer", "export", str(source), "-o", str(svg)],
            cwd=ROOT,
            check=True,
            capture_output=True,
        )
        result = {
            "inspect_s": statistics.median(inspect_runs),
            "export_png_s": statistics.median(export_runs),
            "import_floor_s": statistics.median(floor_runs),
            "svg_mb": svg.stat().st_size / 1e6,
            "png_bytes": png.stat().st_size,
        }
    result["ratio"] = result["export_png_s"] / result["inspect_s"]
    result["import_floor_ratio"] = result["import_floor_s"] / result["inspect_s"]
    result["ratio_pass"] = result["ratio"] <= 2.0
    result["svg_pass"] = result["svg_mb"] <= 20.0
    for key, value in result.items():
        print(f"{key}: {value}")
    if args.json:
        print(json.dumps(result))


if __name__ == "__main__":
    main()
