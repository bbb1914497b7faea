"""Which events the filters let through: lanes not hidden, and within the dates asked for. One
rule for the app's session and for a project drawn or exported on the command line."""

from __future__ import annotations

from collections.abc import Collection

import numpy as np
import numpy.typing as npt

from viewer.model.event_table import EventTable

IndexArray = npt.NDArray[np.int64]


def shown_events(
    events: EventTable, hidden_lanes: Collection[str], date_range: tuple[float, float] | None
) -> IndexArray:
    """The indices of the events outside ``hidden_lanes`` that reach into ``date_range``."""
    return filtered(events, hidden_lanes, date_range)[0]


def filtered(
    events: EventTable, hidden_lanes: Collection[str], date_range: tuple[float, float] | None
) -> tuple[IndexArray, npt.NDArray[np.bool_] | None]:
    """``shown_events`` and ``shown_mask`` at once."""
    keep = shown_mask(events, hidden_lanes, date_range)
    if keep is None:
        return events.order.every_index(), None
    return np.flatnonzero(keep).astype(np.int64, copy=False), keep  # int64 already: no copy


def shown_mask(
    events: EventTable, hidden_lanes: Collection[str], date_range: tuple[float, float] | None
) -> npt.NDArray[np.bool_] | None:
    """The same as a flag per event, or None when every event is shown (views that mask
    sorted arrays take it as it is, rather than each making it again from the indices)."""
    if not hidden_lanes and date_range is None:
        return None
    keep = ~_in_lanes(events, hidden_lanes) if hidden_lanes else None
    if date_range is not None:
        overlapping = events.overlapping(*date_range)
        keep = overlapping if keep is None else keep & overlapping
    return keep


def as_flags(
    indices: IndexArray, n: int, flags: npt.NDArray[np.bool_] | None = None
) -> npt.NDArray[np.bool_]:
    """``indices`` as a flag per event of ``n``: ``flags`` themselves when given for them (the
    filter's own, from ``filtered``), else made."""
    if flags is not None and len(flags) == n:
        return flags
    keep = np.zeros(n, dtype=bool)
    keep[indices] = True
    return keep


def _in_lanes(events: EventTable, lanes: Collection[str]) -> npt.NDArray[np.bool_]:
    """Through the table's lane numbers: no comparing of millions of strings again."""
    codes, names = events.lane_codes()
    wanted = np.array([name in lanes for name in names] + [False], dtype=bool)
    return np.take(wanted, codes, mode="wrap")  # code -1 (no lane) wraps to the False at the end
