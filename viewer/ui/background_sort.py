"""Sorting the Events table off the GUI thread: at millions of rows a sort by title is seconds
(ranking the texts, then a stable sort of every event), so it runs on a pool thread while the
table stays usable in its old order; the newest request wins, and a result for a table or
request that has since changed is dropped by the model."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from contextlib import suppress

import numpy as np
import numpy.typing as npt
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

IntArray = npt.NDArray[np.int64]
Keys = list[IntArray]


def sorted_events(build_keys: Callable[[], Keys], descending: bool) -> tuple[Keys, IntArray]:
    """The sort keys over every event, and the events in their order (stable: ties keep the
    table's order). Pure: it runs on a worker thread."""
    keys = build_keys()
    ordered = [-key for key in keys] if descending else keys
    if len(ordered) == 1:  # few distinct keys sort by radix in 16 bits (a lane, a star)
        order = np.argsort(narrowed(ordered[0]), kind="stable")
    else:
        order = np.lexsort(ordered[::-1])
    return keys, order.astype(np.int64)


def narrowed(key: IntArray) -> npt.NDArray[np.integer]:
    if len(key) and key.min() >= 0 and key.max() < 2**16:
        return key.astype(np.uint16)
    return key


class _Signals(QObject):
    done = Signal(int, object, object)  # ticket, what the request was for, (keys, order)


class _SortTask(QRunnable):
    def __init__(self, ticket: int, context: object, work: Callable[[], object],
                 signals: _Signals) -> None:  # fmt: skip
        super().__init__()
        self._ticket, self._context, self._work, self._signals = ticket, context, work, signals

    def run(self) -> None:
        try:
            result = self._work()
        except Exception:
            self._tell(None)  # not waited on forever
            raise  # to the excepthook, which reports it
        self._tell(result)

    def _tell(self, result: object) -> None:
        # The table may have closed meanwhile (its signals object went with it): nobody waits.
        with suppress(RuntimeError):
            self._signals.done.emit(self._ticket, self._context, result)


class BackgroundSort(QObject):
    """``run(context, work)``: ``done(context, result)`` comes back on the GUI thread for the
    newest request only (``result`` None if the work failed)."""

    done = Signal(object, object)

    def __init__(self, parent: QObject | None = None, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self._pool = pool or QThreadPool.globalInstance()
        self._tickets = itertools.count(1)
        self._wanted = 0
        self._signals = _Signals(self)  # a child: destroyed on the GUI thread with this
        self._signals.done.connect(self._on_task_done)

    def run(self, context: object, work: Callable[[], object]) -> None:
        self._wanted = next(self._tickets)
        self._pool.start(_SortTask(self._wanted, context, work, self._signals))

    def drop(self) -> None:
        """Whatever is under way is not wanted any more."""
        self._wanted = 0  # tickets start at 1: no result is taken

    def _on_task_done(self, ticket: int, context: object, result: object) -> None:
        if ticket == self._wanted:
            self._wanted = 0
            self.done.emit(context, result)
