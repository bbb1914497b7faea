"""Where every event goes on the timeline, worked out once per table: the lanes in order of
first appearance, each lane's events in time order, with the x of their start and of the end of
their drawn extent.

This is the costly part of showing a file (a sort of every event and a gather of five columns
by it: about 4 s at 10M on this machine), so it is built on the loading thread and kept in the
events cache beside the table; the timeline then only slices it. A layout read from the cache
is checked before it is used (``checked``): a damaged one is a cache miss, never an index
error or a wrong picture.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import TypeVar

import numpy as np
import numpy.typing as npt

from viewer.model.periods import period_end

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]
CodeArray = npt.NDArray[np.signedinteger]  # lane numbers: the narrowest type that holds them
_SLICE = 1 << 20  # events compared at a time by ``checked`` (8 MB of starts)
# Events from which the gathers are shared with a second thread (numpy lets go of the GIL
# while it gathers): at 10M events the lanes' passes take 0.2 s instead of 0.5 s, the x 0.07
# instead of 0.3 s. Below, a thread costs more than it saves.
_TWO_THREADS_FROM = 1_000_000

# Columns of one value per event, as the cache keeps them (the others are in ``scalars``).
ARRAY_FIELDS = (
    "index", "start", "extent_end", "has_span", "approximate", "time_order", "codes",
)  # fmt: skip


class DamagedLayout(ValueError):
    """A layout that cannot be its table's (read from a damaged cache entry)."""


@dataclass(frozen=True, eq=False)
class LaneLayout:
    """Lane ``k``'s events are ``index[offsets[k]:offsets[k + 1]]``, in time order; ``start``,
    ``extent_end``, ``has_span`` and ``approximate`` are theirs, position for position. x
    values are float64 seconds after ``origin`` (a whole second near the middle of the data,
    so float precision stays fine there)."""

    names: tuple[str, ...]
    offsets: IntArray  # len(names) + 1
    index: IntArray
    start: FloatArray
    extent_end: FloatArray
    has_span: BoolArray
    approximate: BoolArray
    max_extent: FloatArray  # per lane: the longest extent (how far back one reaches into view)
    last_end: FloatArray  # per lane: the latest extent end
    origin: int
    time_order: IntArray  # every event by time (ties in file order)
    codes: CodeArray  # per event, in table order: its lane's number (-1: no lane)

    def __len__(self) -> int:
        return len(self.index)

    def lane(self, k: int) -> slice:
        return slice(int(self.offsets[k]), int(self.offsets[k + 1]))

    def scalars(self) -> dict[str, object]:
        """What is not one value per event, as plain JSON values."""
        return {
            "names": list(self.names),
            "offsets": self.offsets.tolist(),
            "max_extent": self.max_extent.tolist(),
            "last_end": self.last_end.tolist(),
            "origin": self.origin,
        }

    @classmethod
    def from_parts(cls, scalars: dict[str, object], arrays: dict[str, np.ndarray]) -> LaneLayout:
        """The inverse of ``scalars`` and ``ARRAY_FIELDS`` (unchecked: see ``checked``)."""
        names = scalars["names"]
        if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
            raise ValueError("lane names are not text")
        origin = scalars["origin"]
        if not isinstance(origin, int):
            raise ValueError("the origin is not a whole second")
        return cls(
            names=tuple(names),
            offsets=np.asarray(scalars["offsets"], dtype=np.int64),
            max_extent=np.asarray(scalars["max_extent"], dtype=np.float64),
            last_end=np.asarray(scalars["last_end"], dtype=np.float64),
            origin=origin,
            **{name: arrays[name] for name in ARRAY_FIELDS},
        )

    def checked(self, n: int) -> LaneLayout:
        """Itself, when it can be the layout of a table of ``n`` events (sizes, ranges, order);
        else DamagedLayout. Reads each array once, a few tens of ms at 10M."""
        lanes = len(self.names)
        sizes = {name: len(getattr(self, name)) for name in ARRAY_FIELDS}
        if set(sizes.values()) != {n}:
            raise DamagedLayout(f"layout arrays of lengths {sizes} for {n} events")
        if len(self.offsets) != lanes + 1 or len(self.max_extent) != lanes:
            raise DamagedLayout("lane bounds do not match the lanes")
        if len(self.last_end) != lanes or (n and self.offsets[0] != 0) or self.offsets[-1] != n:
            raise DamagedLayout("lane bounds do not cover the events")
        if np.any(np.diff(self.offsets) < 0):
            raise DamagedLayout("lane bounds out of order")
        for name in ("index", "time_order"):
            values = getattr(self, name)
            if n and (values.min() < 0 or values.max() >= n):
                raise DamagedLayout(f"{name} points outside the table")
        if n and (self.codes.min() < -1 or self.codes.max() >= lanes):
            raise DamagedLayout("a lane number names no lane")
        if _steps_back(self.start, self.offsets):
            raise DamagedLayout("a lane's events are not in time order")
        return self


def _steps_back(values: FloatArray, offsets: IntArray) -> bool:
    """Whether values go down anywhere within a lane (``offsets`` bound the lanes). Read a
    slice at a time: a diff of the whole array is a fresh 80 MB at 10M, and first touching
    fresh memory made it 0.25 s of a 0.4 s load from the cache."""
    for low, high in zip(offsets[:-1].tolist(), offsets[1:].tolist(), strict=True):
        for first in range(low, high - 1, _SLICE):
            part = values[first : min(first + _SLICE + 1, high)]
            if np.any(part[1:] < part[:-1]):
                return True
    return False


def build_lane_layout(
    *,
    start: IntArray,
    start_ns: npt.NDArray[np.int32],
    end_or_start: IntArray,
    end_or_start_ns: npt.NDArray[np.int32],
    precision: npt.NDArray[np.int8],
    has_span: BoolArray,
    approximate: BoolArray,
    time_order: IntArray,
    codes: CodeArray,
    names: list[str],
) -> LaneLayout:
    """The layout of a table's events given its columns (``end_or_start``: each event's end,
    or its start, in whole seconds and nanoseconds; a drawn extent ends where the period its
    ``precision`` names does), its ``time_order`` and its lane ``codes`` (-1: no lane; such
    events are not drawn). A table builds it from its own columns (``EventTable.lane_layout``),
    a load from the columns it read (on another core, while the table is assembled)."""
    extent_end, extent_end_ns = period_end(end_or_start, precision), end_or_start_ns
    lane_of = np.take(codes, time_order)  # each event's lane, in time order
    if len(names) <= 8:  # a pass per lane beats a sort of every event
        counts = np.bincount(lane_of[lane_of >= 0], minlength=len(names)).astype(np.int64)
        index = _by_lane(time_order, lane_of, counts)
    else:  # stable: each lane keeps its time order
        by_lane = np.argsort(lane_of, kind="stable")
        index = np.take(time_order, by_lane[np.take(lane_of, by_lane) >= 0])
        counts = np.bincount(lane_of[lane_of >= 0], minlength=len(names)).astype(np.int64)
    del lane_of
    offsets = np.concatenate([[0], np.cumsum(counts)]).astype(np.int64)
    origin = _median(start, time_order)
    x_start = _x_at(start, start_ns, index, origin)
    # Points in time (a log's events) end where they start: their x once, not twice.
    points = np.array_equal(extent_end, start) and np.array_equal(extent_end_ns, start_ns)
    x_end = x_start if points else _x_at(extent_end, extent_end_ns, index, origin)
    max_extent, last_end = _lane_extremes(x_start, x_end, offsets)
    return LaneLayout(
        names=tuple(names),
        offsets=offsets,
        index=index.astype(np.int64, copy=False),
        start=x_start,
        extent_end=x_end,
        has_span=_flags_at(has_span, index),
        approximate=_flags_at(approximate, index),
        max_extent=max_extent,
        last_end=last_end,
        origin=origin,
        time_order=time_order,
        codes=codes,
    )


def _median(start: IntArray, time_order: IntArray) -> int:
    """The median start (as ``int(np.median(start))``) read off the time order: np.median
    sorts a copy, 0.3 s at 10M events. x is float64 seconds from it, exact to the microsecond
    for thousands of years around."""
    n = len(start)
    if n == 0:
        return 0
    lower, upper = int(start[time_order[(n - 1) // 2]]), int(start[time_order[n // 2]])
    return int((lower + upper) / 2)


def narrow_codes(codes: npt.NDArray[np.integer], lanes: int) -> CodeArray:
    """Lane numbers in the narrowest signed type that holds them (-1 included): a tenth of
    the memory of int64 at a few lanes, and faster to gather."""
    for dtype in (np.int8, np.int16, np.int32):
        if lanes < np.iinfo(dtype).max:
            return codes.astype(dtype, copy=False)
    return codes.astype(np.int64, copy=False)


def _by_lane(time_order: IntArray, lane_of: CodeArray, counts: IntArray) -> IntArray:
    """The events of lane 0 in time order, then lane 1's...: a pass per lane, each writing
    its own stretch of the result."""
    index = np.empty(int(counts.sum()), np.int64)
    bounds = np.concatenate([[0], np.cumsum(counts)])

    def lane(k: int) -> None:
        np.compress(lane_of == k, time_order, out=index[bounds[k] : bounds[k + 1]])

    _on_two_threads(lane, range(len(counts)), len(time_order))
    return index


def _x_at(
    seconds: IntArray, nanos: npt.NDArray[np.int32], index: IntArray, origin: int
) -> FloatArray:
    """x of the events at ``index``. Whole seconds first, so the difference is exact int64
    and the sub-seconds add on; a gather is skipped where every value is 0 (each one is a
    pass over memory at random, the costly part at millions)."""
    x = np.empty(len(index), np.float64)
    with_nanos = bool(nanos.any())

    def fill(part: slice) -> None:
        whole = np.take(seconds, index[part])
        np.subtract(whole, origin, out=whole)
        x[part] = whole
        if with_nanos:
            x[part] += np.take(nanos, index[part]) * 1e-9

    half = len(index) // 2
    _on_two_threads(fill, [slice(0, half), slice(half, None)], len(index))
    return x


_Piece = TypeVar("_Piece")


def _on_two_threads(work: Callable[[_Piece], None], pieces: Sequence[_Piece], events: int) -> None:
    """``work(piece)`` for each of ``pieces`` (which write apart), shared with a second
    thread for a big table."""
    if events < _TWO_THREADS_FROM:
        for piece in pieces:
            work(piece)
        return
    with ThreadPoolExecutor(2, "lane-layout") as pool:
        list(pool.map(work, pieces))


def _flags_at(flags: BoolArray, index: IntArray) -> BoolArray:
    return np.take(flags, index) if flags.any() else np.zeros(len(index), dtype=bool)


def _lane_extremes(
    x_start: FloatArray, x_end: FloatArray, offsets: IntArray
) -> tuple[FloatArray, FloatArray]:
    lanes = len(offsets) - 1
    max_extent = np.zeros(lanes, dtype=np.float64)
    last_end = np.full(lanes, -np.inf)
    filled = np.flatnonzero(np.diff(offsets) > 0)
    if len(filled):
        firsts = offsets[filled]
        max_extent[filled] = np.maximum.reduceat(x_end - x_start, firsts)
        last_end[filled] = np.maximum.reduceat(x_end, firsts)
    return max_extent, last_end
