"""The whole window at many events: the GUI thread's work when a loaded table is handed over,
when a lane is hidden and shown again, and from selecting an event to its details.

Generated events (``bench_timeline.make_events``: over two years, in 5 lanes) are laid out
(as a load does on its own thread) and handed to the real main window (offscreen, 1600x900)
through the session, as a finished load is; each
step is timed to the next frame of the timeline drawn (``grab()``), medians of ``--repeat``;
the steps are a lane hidden and shown, an event selected, and the Dates filter set to a month
and cleared.
Targets (issue 16, at 10M): lane toggle <= 150 ms, select -> details <= 50 ms.

Usage::

    python tests/benchmarks/bench_window.py [--events 10000000] [--repeat 3] [--profile OUT]

Not a pytest module (pytest only collects ``test_*.py``).
"""

from __future__ import annotations

import argparse
import cProfile
import statistics
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtWidgets import QApplication

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_timeline import LANES, make_events

from viewer import settings
from viewer.app import build_application
from viewer.io.load_report import LoadReport
from viewer.state.session import Source


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--profile", help="write a cProfile of the toggles and selections here")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    events = make_events(args.events, 1_700_000_000, 1_763_000_000, "second")
    ini = str(Path(tempfile.mkdtemp(prefix="bench_window_")) / "s.ini")
    built = build_application([], settings.open_settings(ini))
    window, session = built.window, built.session
    window.resize(1600, 900)
    window.show()
    app.processEvents()

    def settle() -> None:
        app.processEvents()
        window.timeline.plot.grab()

    def timed(step: object) -> float:
        began = time.perf_counter()
        step()  # type: ignore[operator]
        settle()
        return (time.perf_counter() - began) * 1000

    source = Source("/tmp/generated.csv", LoadReport(path="/tmp/generated.csv"), events)
    began = time.perf_counter()
    events.lane_layout()  # as a load does on its thread (or the events cache gives it)
    layout_ms = (time.perf_counter() - began) * 1000
    hand_over = timed(lambda: session.replace_all([source]))
    profile = cProfile.Profile() if args.profile else None
    hide, show, select, narrow, widen = [], [], [], [], []
    month = (1_730_000_000.0, 1_732_600_000.0)  # a month of the two years
    for i in range(args.repeat):
        if profile:
            profile.enable()
        hide.append(timed(lambda: session.set_lane_visible(LANES[0], False)))
        show.append(timed(lambda: session.set_lane_visible(LANES[0], True)))
        select.append(timed(lambda i=i: session.select(args.events // 3 + i * 1_000)))
        narrow.append(timed(lambda: session.set_date_range(*month)))
        widen.append(timed(lambda: session.set_date_range(None, None)))
        if profile:
            profile.disable()
    if profile:
        profile.dump_stats(args.profile)

    def spread(values: list[float]) -> str:
        return f"{statistics.median(values):.0f} ms ({min(values):.0f}-{max(values):.0f})"

    print(
        f"{args.events:,} events: lane layout (the loading thread's) {layout_ms:.0f} ms;"
        f" hand-over {hand_over:.0f} ms; hide a lane {spread(hide)};"
        f" dates to a month {spread(narrow)}; all dates again {spread(widen)};"
        f" show it {spread(show)}; select -> details {spread(select)}"
    )
    built.shutdown()


if __name__ == "__main__":
    main()
