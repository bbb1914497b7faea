"""Start-up timestamps for ``tests/benchmarks/bench_open.py``, off unless the environment asks.

With ``TIMELINE_VIEWER_TIMING`` set the app prints, on stdout, ``window_shown <epoch s>`` once
the event loop runs with the window up, and ``events_painted <epoch s>`` after the first
frame of the timeline drawn with events; with the value ``quit`` it then quits."""

from __future__ import annotations

import os
import sys
import time

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer

from viewer.state.session import Session
from viewer.ui.main_window import MainWindow

TIMING_ENV = "TIMELINE_VIEWER_TIMING"


class StartTiming(QObject):
    def __init__(self, window: MainWindow, session: Session, quit_after: bool) -> None:
        super().__init__(window)
        self._session, self._quit_after = session, quit_after
        self._viewport = window.timeline.plot.viewport()
        self._viewport.installEventFilter(self)
        QTimer.singleShot(0, lambda: _print("window_shown"))  # the first turn of the event loop

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and len(self._session.events):
            self._viewport.removeEventFilter(self)
            QTimer.singleShot(0, self._on_painted)  # runs once this paint is done
        return False

    def _on_painted(self) -> None:
        _print("events_painted")
        if self._quit_after:
            QCoreApplication.quit()


def _print(what: str) -> None:
    sys.stdout.write(f"{what} {time.time():.6f}\n")
    sys.stdout.flush()


def start_timing_if_asked(window: MainWindow, session: Session) -> StartTiming | None:
    value = os.environ.get(TIMING_ENV)
    return StartTiming(window, session, value == "quit") if value else None
