"""Building the word index of a big table (``word_index``) on a thread of its own, once the
table is shown: at ten million events it takes seconds, and each part it adds speeds up the
searches from then on (then the events' last seconds, which a search by date reads, are worked
out too). A newer table stops the build of the one before (between two parts)."""

from __future__ import annotations

import os
import threading
from contextlib import suppress

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from viewer.model.event_table import EventTable
from viewer.model.word_index import build_word_index

BACKGROUND_NICENESS = 10  # the build yields the cores to the window and to searches


class _Signals(QObject):
    done = Signal(object, bool)  # the table, whether its index is complete


class _IndexTask(QRunnable):
    def __init__(self, events: EventTable, stop: threading.Event, signals: _Signals) -> None:
        super().__init__()
        self._events, self._stop, self._signals = events, stop, signals

    def run(self) -> None:
        _lower_thread_priority()
        events = self._events
        try:
            complete = build_word_index(events.word_index, events.text_values, self._stop.is_set)
            if complete:
                events.last_seconds()  # what a search by date reads: worked out while idle
        except Exception:
            self._tell(False)
            raise  # to the excepthook, which reports it; searches read the texts meanwhile
        self._tell(complete)

    def _tell(self, complete: bool) -> None:
        with suppress(RuntimeError):  # the indexer closed meanwhile: nobody waits
            self._signals.done.emit(self._events, complete)


class WordIndexer(QObject):
    """``index(events)`` builds that table's index (unless it has one) and stops the build
    for the table before; ``indexed`` tells when a table's index is complete."""

    indexed = Signal(object)  # EventTable

    def __init__(self, parent: QObject | None = None, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        # One thread: a stopped build ends its part before the next build (of maybe the same
        # table) goes on from where it left off.
        self._pool = pool or QThreadPool(self, maxThreadCount=1)
        self._stop = threading.Event()
        self._signals = _Signals(self)  # a child: destroyed on the GUI thread with this
        self._signals.done.connect(self._on_task_done)

    def index(self, events: EventTable | None) -> None:
        """None: no table needs one (a small table is searched at once)."""
        self._stop.set()  # the table before is no longer searched
        self._stop = threading.Event()
        if events is not None and not events.word_index.complete:
            self._pool.start(_IndexTask(events, self._stop, self._signals))

    def stop(self, msecs: int = 30_000) -> None:
        """Stop the build in flight and wait for it (before the app quits)."""
        self._stop.set()
        self._pool.waitForDone(msecs)

    def wait(self, msecs: int = 60_000) -> None:
        """Block until the builds asked for have ended (tests, benchmarks)."""
        self._pool.waitForDone(msecs)

    def _on_task_done(self, events: EventTable, complete: bool) -> None:
        if complete:
            self.indexed.emit(events)


def _lower_thread_priority() -> None:
    """Let the GUI and search threads go first (Linux sets it per thread; elsewhere no-op)."""
    with suppress(AttributeError, OSError):
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), BACKGROUND_NICENESS)
