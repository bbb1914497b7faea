"""Timeline speed: frame times at three zooms, handing over 1M events, a click's hit test,
and starring one event of the million (the session's work until the timeline has it, and that
plus the frame that shows it).

Offscreen, 1600x900. Case 1: 1,000,000 events (``--events``) over two years in 5 lanes; then
500 events over a month in 5 lanes, every one drawn with its title (a frame, and a pan); case 2:
100,000 events over 5,000 years (BCE to CE). The same frames are drawn by a plain pyqtgraph
ScatterPlotItem holding all points, for comparison.

    python tests/benchmarks/bench_timeline.py [--json] [--repeat N] [--events 10000000]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np
import pyqtgraph as pg
from loaded_shape import as_loaded  # a script beside this one
from PySide6.QtWidgets import QApplication

from viewer.io.load_report import LoadReport
from viewer.model.event_table import EventTable
from viewer.model.instants import seconds_at
from viewer.state.session import Session, Source
from viewer.timeline.timeline_widget import TimelineWidget
from viewer.ui.timeline_binding import TimelineBinding

WIDTH, HEIGHT = 1600, 900
LANES = ["Politics", "Economy", "Science", "Culture", "Sport"]


def make_events(n: int, first: int, last: int, precision: str, seed: int = 1) -> EventTable:
    rng = np.random.default_rng(seed)
    start = np.sort(rng.integers(first, last, n))
    lanes = np.array(LANES)[rng.integers(0, len(LANES), n)]
    titles = np.char.add("Event ", np.arange(n).astype(str))
    return as_loaded(
        EventTable.from_columns(start=start, precision=precision, lane=lanes, title=titles)
    )


def frame_ms(widget: TimelineWidget, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        widget.events_item.update()
        t = time.perf_counter()
        widget.plot.grab()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def scatter_frame_ms(events: EventTable, span: tuple[float, float], repeat: int) -> float:
    plot = pg.PlotWidget()
    plot.resize(WIDTH, HEIGHT - 80)
    lanes = {name: i for i, name in enumerate(LANES)}
    x = events.frame["start"].to_numpy(np.float64) - span[0]
    y = np.array([lanes[name] for name in events.frame["lane"].to_numpy()], dtype=np.float64) + 0.5
    plot.addItem(pg.ScatterPlotItem(x=x, y=y, size=8))
    plot.setXRange(0, span[1] - span[0], padding=0)
    plot.show()
    QApplication.processEvents()
    return frame_ms_plot(plot, repeat)


def frame_ms_plot(plot: pg.PlotWidget, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        plot.getPlotItem().vb.update()
        t = time.perf_counter()
        plot.grab()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def star_ms(
    widget: TimelineWidget, events: EventTable, drawn: np.ndarray, repeat: int
) -> dict[str, float]:
    """Starring (then unstarring) a drawn event through the session: the work until the
    timeline holds the change (``star_update_ms``), and with the frame that shows it."""
    session = Session()
    TimelineBinding(widget, session)
    session.add_source(Source("/bench/events.csv", LoadReport("/bench/events.csv"), events))
    view = widget.time_range()
    widget.set_time_range(*view)
    QApplication.processEvents()
    updates, frames = [], []
    for k in range(repeat):
        event = int(drawn[k % len(drawn)])
        for on in (True, False):
            t = time.perf_counter()
            session.set_starred([event], on)
            updated = time.perf_counter()
            widget.plot.grab()
            done = time.perf_counter()
            assert (event in widget.events_item.starred) == on
            updates.append((updated - t) * 1000)
            frames.append((done - t) * 1000)
    return {
        "star_update_ms": statistics.median(updates),
        "star_update_max_ms": max(updates),
        "star_with_frame_ms": statistics.median(frames),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--repeat", type=int, default=9)
    parser.add_argument("--events", type=int, default=1_000_000, help="e.g. 10000000")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    results: dict[str, object] = {"frame_ms": {}}
    frames: dict[str, float] = {}

    first, last = seconds_at(2024, 1, 1), seconds_at(2026, 1, 1)
    events = make_events(args.events, first, last, "time")
    widget = TimelineWidget()
    widget.resize(WIDTH, HEIGHT)
    widget.show()
    app.processEvents()
    t = time.perf_counter()
    widget.set_events(events)
    results["set_events_ms"] = (time.perf_counter() - t) * 1000
    app.processEvents()
    frames["full"] = frame_ms(widget, args.repeat)
    month = seconds_at(2025, 3, 1), seconds_at(2025, 4, 1)
    widget.set_time_range(*month)
    frames["month"] = frame_ms(widget, args.repeat)
    hour = seconds_at(2025, 3, 14, 10), seconds_at(2025, 3, 14, 11)
    widget.set_time_range(*hour)
    frames["hour"] = frame_ms(widget, args.repeat)
    # A click's hit test at the pixel of a drawn event.
    left, right, y, index = widget.events_item.layout.marks()
    hits = []
    for k in range(min(len(index), 50)):
        from PySide6.QtCore import QPointF

        point = QPointF((left[k] + right[k]) / 2, y[k])
        t = time.perf_counter()
        widget.events_item.event_at(point)
        hits.append((time.perf_counter() - t) * 1000)
    results["hit_test_ms"] = statistics.median(hits) if hits else None
    results.update(star_ms(widget, events, index, args.repeat))
    # A lane unticked in the Lanes panel: the timeline gets the events still shown.
    shown = np.flatnonzero(events.frame["lane"].to_numpy() != LANES[0])
    t = time.perf_counter()
    widget.set_events(events, shown, keep_view=True)
    widget.plot.grab()
    results["lane_toggle_ms"] = (time.perf_counter() - t) * 1000

    # Hundreds in view, every one drawn with its title: a frame, and a pan (laid out again).
    month_of = make_events(500, seconds_at(2026, 4, 1), seconds_at(2026, 5, 1), "time", seed=3)
    widget.set_events(month_of)
    app.processEvents()
    frames["titled_500"] = frame_ms(widget, args.repeat)
    pans = []
    for _ in range(args.repeat):
        x0, x1 = widget.time_range()
        t = time.perf_counter()
        widget.set_time_range(x0 + (x1 - x0) / 100, x1 + (x1 - x0) / 100)
        widget.plot.grab()
        pans.append((time.perf_counter() - t) * 1000)
    results["titled_500_pan_ms"] = statistics.median(pans)

    bce = make_events(100_000, seconds_at(-2999), seconds_at(2001), "year", seed=2)
    widget.set_events(bce)
    app.processEvents()
    frames["bce_full"] = frame_ms(widget, args.repeat)
    results["frame_ms"] = frames

    widget.set_events(events)
    scatter = scatter_frame_ms(events, (first, last), max(3, args.repeat // 3))
    results["scatter_frame_ms"] = scatter
    results["ratio"] = max(frames["full"], frames["month"], frames["hour"]) / scatter
    widget.close()
    for key, value in results.items():
        print(f"{key}: {value}")
    if args.json:
        print(json.dumps(results))


if __name__ == "__main__":
    main()
