"""The Events table at a million rows: set, sort by title, and show a half (numbers printed).

    .venv/bin/python tests/benchmarks/bench_table.py [--runs 3] [--json]

Targets: set ≤ 1 s, sort by title ≤ 2 s, set_shown(500,000) ≤ 1 s (medians, 2 cores)."""

from __future__ import annotations

import argparse
import json
import os
import statistics
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from viewer.model.event_table import EventTable
from viewer.ui.event_table_panel import EventTablePanel

TITLE = 1
TARGETS = {"set_s": 1.0, "sort_title_s": 2.0, "set_shown_half_s": 1.0}


def one_run(events: EventTable) -> dict[str, float]:
    panel = EventTablePanel()
    panel.show()
    QApplication.processEvents()
    n = len(events)
    began = time.perf_counter()
    panel.set_events(events, np.arange(n))
    set_s = time.perf_counter() - began
    began = time.perf_counter()
    panel.table.sortByColumn(TITLE, Qt.SortOrder.AscendingOrder)
    sort_s = time.perf_counter() - began
    began = time.perf_counter()
    panel.set_shown(np.arange(0, n, 2))
    half_s = time.perf_counter() - began
    panel.close()
    panel.deleteLater()
    QApplication.processEvents()
    return {"set_s": set_s, "sort_title_s": sort_s, "set_shown_half_s": half_s}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    _app = QApplication.instance() or QApplication([])
    n = 1_000_000
    order = np.random.default_rng(0).permutation(n)
    events = EventTable.from_columns(
        start=np.arange(n) * 86_400,
        title=[f"Event {i}" for i in order],
        lane=[f"Lane {i % 7}" for i in range(n)],
    )
    runs = [one_run(events) for _ in range(args.runs)]
    medians = {key: statistics.median(r[key] for r in runs) for key in TARGETS}
    for key, value in medians.items():
        verdict = "ok" if value <= TARGETS[key] else "OVER"
        print(f"{key:18} {value:6.3f} s  (target ≤ {TARGETS[key]} s) {verdict}")
    if args.json:
        print(json.dumps({k: round(v, 3) for k, v in medians.items()}))


if __name__ == "__main__":
    main()
