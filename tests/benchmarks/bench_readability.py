"""How much of a small timeline a reader sees: marks drawn and titles drawn whole.

Generated news-like timelines of 10, 24, 50 and 100 events in 1, 4, 11 and 20 lanes, over one
week and over one year, shown in the real main window (docks and all) at 1280x800 and
1920x1080, fitted to all events as after opening. For each case:

- ``marks``: the share of events whose mark is drawn (goal 100 % up to 100 events);
- ``seen``: the share drawn within the lanes' visible height, before any scrolling;
- ``whole``: the share whose title is drawn whole, not elided (goal >= 90 % up to 50 events);
- ``rows``: the tallest lane's rows, ``scroll``: how many pixels the lanes scroll.

    python tests/benchmarks/bench_readability.py [--json] [--png DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np
from PySide6.QtWidgets import QApplication

from viewer import settings
from viewer.app import build_application
from viewer.model.event_table import EventTable
from viewer.model.instants import seconds_at

COUNTS = (10, 24, 50, 100)
LANES = (1, 4, 11, 20)
SPANS = {"week": 7, "year": 365}
SIZES = ((1280, 800), (1920, 1080))
WORDS = [
    "jury",
    "selection",
    "opening",
    "statements",
    "Microsoft",
    "OpenAI",
    "contract",
    "AWS",
    "models",
    "court",
    "ruling",
    "appeal",
    "filing",
    "deal",
    "trial",
    "witness",
    "verdict",
    "licence",
    "Azure",
    "revenue",
    "share",
    "cloud",
]


def news(n: int, lanes: int, days: int, seed: int) -> EventTable:
    """Headlines of 3 to 8 words (about 20 to 60 characters), at random times, lanes cycling."""
    rng = np.random.default_rng(seed)
    start = seconds_at(2026, 4, 1) + np.sort(rng.integers(0, days * 86_400, n))
    titles = [" ".join(rng.choice(WORDS, rng.integers(3, 9))).capitalize() for _ in range(n)]
    names = [f"Desk {i % lanes}" for i in range(n)]
    return EventTable.from_columns(start=start, precision="time", lane=names, title=titles)


def measure(window, table: EventTable) -> dict[str, float]:
    timeline = window.timeline
    timeline.set_events(table)
    QApplication.processEvents()
    timeline.plot.grab()
    layout = timeline.events_item.layout
    n = len(table)
    drawn = set(layout.marks()[3].tolist())
    (_, (y0, y1)) = timeline.view_box.viewRange()
    seen = set()
    whole = set()
    for lane in layout.lanes:
        if lane.marks is None:
            continue
        visible = lane.top < y1 and lane.top + lane.height > y0
        if visible:
            seen.update(lane.marks.index.tolist())
        for title in lane.marks.titles:
            if title.text == timeline.data.title(title.index):
                whole.add(title.index)
    return {
        "marks": len(drawn) / n,
        "seen": len(seen) / n,
        "whole": len(whole) / n,
        "rows": max((lane.marks.rows for lane in layout.lanes if lane.marks), default=0),
        "scroll": timeline.lane_scroll_bar.maximum(),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--png", help="save a grab of each case into this folder")
    args = parser.parse_args()
    QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as folder:
        preferences = settings.open_settings(str(Path(folder) / "settings.ini"))
        application = build_application([], preferences, lambda system: ["Noto Sans CJK SC"])
        window = application.window
        window.show()
        results = []
        for width, height in SIZES:
            window.resize(width, height)
            QApplication.processEvents()
            for span, days in SPANS.items():
                for lanes in LANES:
                    for n in COUNTS:
                        if lanes > n:
                            continue
                        table = news(n, lanes, days, seed=n * 100 + lanes + days)
                        row = {"size": f"{width}x{height}", "span": span, "lanes": lanes, "n": n}
                        row.update(measure(window, table))
                        results.append(row)
                        if args.png:
                            name = f"{width}x{height}_{span}_{lanes}l_{n}e.png"
                            window.grab().save(str(Path(args.png) / name))
        application.shutdown()
    if args.json:
        print(json.dumps(results, indent=1))
        return 0
    print(f"{'size':>10} {'span':>5} {'lanes':>5} {'n':>4}  marks   seen  whole  rows scroll")
    for r in results:
        print(
            f"{r['size']:>10} {r['span']:>5} {r['lanes']:>5} {r['n']:>4}  "
            f"{r['marks']:5.0%}  {r['seen']:5.0%}  {r['whole']:5.0%}  {r['rows']:4d} {r['scroll']:6d}"
        )
    small = [r for r in results if r["n"] <= 50]
    print(f"min marks drawn (n<=100): {min(r['marks'] for r in results):.0%}")
    print(f"min titles whole (n<=50): {min(r['whole'] for r in small):.0%}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
