"""The orders of one table's events: every index, whether the rows are in file order, the
time order and each event's rank in it. Each is worked out once, by the first thread that asks
(a loading thread does: ``work_out_for_views``), and is read-only, shared by the views."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import numpy as np
import numpy.typing as npt
import pandas as pd

IntArray = npt.NDArray[np.int64]


class EventOrder:
    """Of the table whose columns are ``frame`` (read-only)."""

    def __init__(self, frame: pd.DataFrame) -> None:
        self._frame = frame  # the frame, not its table: no cycle keeps a big table alive
        self._every_index: IntArray | None = None
        self._rows_ascending: bool | None = None
        self._time_order: IntArray | None = None
        self._in_time_order: bool | None = None
        self._time_rank: IntArray | None = None

    def every_index(self) -> IntArray:
        """0 to n - 1, made once per table (read-only): every event shown, as the filters
        give it when they hide none."""
        if self._every_index is None:
            every = np.arange(len(self._frame), dtype=np.int64)
            every.setflags(write=False)
            self._every_index = every
        return self._every_index

    def ascending(self, indices: IntArray) -> bool:
        """Whether ``indices`` only go up (``every_index`` without a pass over it)."""
        return indices is self._every_index or is_ascending(indices)

    def rows_ascending(self) -> bool:
        """Whether the events are in their files' row order (one file as read): then the
        time order is also the Events table's date order."""
        if self._rows_ascending is None:
            self._rows_ascending = is_ascending(self._rows())
        return self._rows_ascending

    def time_order(self) -> IntArray:
        """Indices in time order, to the nanosecond (ties in file order); sorted once per
        table, as the timeline and the Events table both ask (read-only: it is shared)."""
        if self._time_order is None:
            frame = self._frame
            start = frame["start"].to_numpy(dtype=np.int64)
            start_ns = frame["start_ns"].to_numpy(dtype=np.int32)
            self._time_order = time_order_of(start, start_ns, self._rows())
        return self._time_order

    def adopt_time_order(self, order: IntArray) -> None:
        """Take the time order sorted elsewhere (a load sorts it on another core while it
        builds the table): ``time_order_of`` this table's columns."""
        if len(order) != len(self._frame):
            raise ValueError(f"a time order of {len(order)} events for {len(self._frame)}")
        self._time_order = order
        self._time_rank, self._in_time_order = None, None

    def in_time_order(self) -> bool:
        """Whether the events are already in time order (a log, as written)."""
        if self._in_time_order is None:
            self._in_time_order = self.ascending(self.time_order())
        return self._in_time_order

    def time_rank(self) -> IntArray:
        """Each event's place in the time order (read-only): a few events are put in time
        order by their ranks, without a pass over every event."""
        if self._time_rank is None:
            order = self.time_order()
            rank = np.empty(len(order), dtype=np.int64)
            rank[order] = np.arange(len(order), dtype=np.int64)
            rank.setflags(write=False)
            self._time_rank = rank
        return self._time_rank

    def work_out_for_views(self) -> None:
        """Work out now what the window's views ask of a new table, each a pass over it, so
        that a loading thread does it (60 of the 110 ms a 10M-row table's hand-over to the
        window took)."""
        self.every_index()
        self.rows_ascending()
        self.in_time_order()

    def work_out_ranks(self) -> None:
        """The time ranks, where the Events table's date order will want them: a file in row
        order but not in time order (a search's matches put in date order by their ranks,
        18 ms a search at 10M). Not needed for the first frame, so a loading thread makes
        them after its hand-over (0.14 s of a 10M-row file's reopen)."""
        if self.rows_ascending() and not self.in_time_order():
            self.time_rank()

    def _rows(self) -> IntArray:
        return self._frame["row"].to_numpy(dtype=np.int64)


def is_ascending(indices: npt.ArrayLike) -> bool:
    values = np.asarray(indices)
    return bool(np.all(values[1:] > values[:-1]))


def time_order_of(start: IntArray, start_ns: npt.NDArray[np.int32], rows: IntArray) -> IntArray:
    """Indices in time order, to the nanosecond, ties in file order (read-only: shared)."""
    order = _by_packed_keys(start, start_ns, rows)
    if order is None:
        order = np.lexsort((rows, start_ns, start)).astype(np.int64, copy=False)
    order.setflags(write=False)
    return order


def _by_packed_keys(
    start: IntArray, start_ns: npt.NDArray[np.int32], rows: IntArray
) -> IntArray | None:
    """The common case, whole seconds in one file's row order, in one plain sort: each start
    less the first, shifted up, with the event's index in the low bits (so ties keep index
    order, which is row order). numpy sorts int64 with vector instructions: 0.7 s at 10M
    events in random order, against 1.45 s for the three keys' lexsort, and the load waits
    for it. None where it does not apply (sub-seconds, rows out of order, a span too wide)."""
    n = len(start)
    if n < 2 or start_ns.any() or not is_ascending(rows):
        return None
    bits = (n - 1).bit_length()
    first = int(start.min())
    if int(start.max()) - first >= 1 << (63 - bits):
        return None  # (at 10M events, spans of over 17,000 years)
    keys = start - first
    keys <<= bits
    keys |= np.arange(n, dtype=np.int64)
    _sort_unique(keys)
    keys &= (1 << bits) - 1
    return keys


_HALVES_FROM = 1_000_000  # events from which the sort is shared with a second thread


def _sort_unique(keys: IntArray) -> None:
    """Sort ``keys`` (no two alike) in place. A big array's halves are sorted on two threads
    (numpy lets go of the GIL), then merged by a stable sort, which finds the two runs: at
    10M events 0.36 s against 0.64 s, and at the end of a load the other core is idle."""
    if len(keys) < _HALVES_FROM:
        keys.sort()
        return
    half = len(keys) // 2
    with ThreadPoolExecutor(2, "sort-halves") as pool:
        list(pool.map(np.ndarray.sort, [keys[:half], keys[half:]]))
    keys.sort(kind="stable")
