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
    keep = np.ones(len(events), dtype=bool)
    if hidden_lanes:
        keep &= ~_in_lanes(events, hidden_lanes)
    if date_range is not None:
        keep &= events.overlapping(*date_range)
    return np.flatnonzero(keep).astype(np.int64)


def _in_lanes(events: EventTable, lanes: Collection[str]) -> npt.NDArray[np.bool_]:
    """Through the table's lane numbers: no comparing of millions of strings again."""
    codes, names = events.lane_codes()
    wanted = np.array([name in lanes for name in names] + [False], dtype=bool)
    return wanted[codes]  # code -1 (no lane at all) reads the False at the end
