"""Saving and opening a project with many annotations over a million events (numbers printed).

    .venv/bin/python tests/benchmarks/bench_project.py [--events 1000000] [--annotations 10000]
        [--runs 5] [--json]

A session holds ``--events`` events of one file (times to the second over three years, as in
bench_search.py); ``--annotations`` of them, spread over the table, are tagged and a tenth of
those starred and noted. Timed, median of ``--runs``:
- annotate_ms: tagging all of them in one call (what tagging the selected table rows does);
- save_ms: the project gathered from the session and written (what File → Save Project does);
- open_ms: the file read back and every annotation found again among the events (what opening
  a project does once its file is loaded).
Target (issue 17): save ≤ 1000 ms with 10,000 annotations."""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from pathlib import Path

import numpy as np

from viewer.io.load_report import LoadReport
from viewer.io.project_file import Project, read_project, source_on_disk, write_project
from viewer.model.event_table import EventTable
from viewer.state.session import Session, Source

TARGETS = {"save_ms": 1000.0}
WORDS = ("court", "ruling", "market", "launch", "merger", "appeal", "verdict", "model", "cloud")


def events(n: int, path: str) -> EventTable:
    rng = np.random.default_rng(0)
    words = np.array(WORDS)[rng.integers(0, len(WORDS), (n, 8))]
    return EventTable.from_columns(
        start=np.sort(rng.integers(0, 3 * 365 * 86_400, n)) + 1_700_000_000,
        title=[" ".join(w[:3]) for w in words], excerpt=[" ".join(w) for w in words],
        lane=[f"Lane {i % 7}" for i in range(n)], source=Path(path).name,
    )  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--annotations", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="bench-project-"))
    data = folder / "big.csv"
    data.write_text("stands in for the loaded file\n", encoding="utf-8")
    table = events(args.events, str(data))
    chosen = np.linspace(0, args.events - 1, args.annotations).astype(np.int64).tolist()
    timings: dict[str, list[float]] = {"annotate_ms": [], "save_ms": [], "open_ms": []}
    for _run in range(args.runs):
        session = Session()
        session.add_source(Source(str(data), LoadReport(str(data)), table))
        began = time.perf_counter()
        session.add_tag(chosen, "evidence")
        timings["annotate_ms"].append((time.perf_counter() - began) * 1000)
        session.set_starred(chosen[::10], True)
        session.set_note(chosen[::10], "Seen in the court filing, page 12")
        began = time.perf_counter()
        project = Project(
            sources=[source_on_disk(str(data))],
            lane_order=[lane for lane, _n in session.lane_counts()],
            lane_colours=dict(session.lane_colours),
            annotations=session.annotations,
        )
        write_project(folder / "big.tvproj", project, "bench")
        timings["save_ms"].append((time.perf_counter() - began) * 1000)
        began = time.perf_counter()
        back, _problems = read_project(folder / "big.tvproj")
        marks, orphans = back.annotations.resolve(table, [(str(data), len(table))])
        timings["open_ms"].append((time.perf_counter() - began) * 1000)
        if len(marks.tags) != len(set(chosen)) or orphans:
            raise SystemExit("annotations were lost")
    size = (folder / "big.tvproj").stat().st_size
    medians = {name: round(statistics.median(values), 1) for name, values in timings.items()}
    spread = {name: [round(min(v), 1), round(max(v), 1)] for name, v in timings.items()}
    for name, value in medians.items():
        target = TARGETS.get(name)
        mark = (
            ""
            if target is None
            else f"  (target ≤ {target:.0f}: {'ok' if value <= target else 'MISSED'})"
        )
        print(f"{name}: {value} ms (min {spread[name][0]}, max {spread[name][1]}){mark}")
    print(f"project file: {size / 1e6:.2f} MB for {args.annotations:,} annotations")
    if args.json:
        print(json.dumps({**medians, "spread": spread, "project_bytes": size}))


if __name__ == "__main__":
    main()
