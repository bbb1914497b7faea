"""The event table arranged for drawing: per lane, events sorted by time, with their extents.

Built once per ``set_events`` (vectorised), then every frame only slices it with searchsorted.
x values are float64 seconds relative to ``origin`` so float precision stays fine near the data.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from viewer.model.event_table import EventTable
from viewer.model.lane_colours import assign_lane_colours

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]


@dataclass
class LaneEvents:
    """One lane's events in time order (``index`` points into the EventTable)."""

    name: str
    colour: int  # the lane's colour number: Look.lane_colour(colour) draws it
    index: IntArray
    start: FloatArray  # x of the start, sorted
    extent_end: FloatArray  # x where the drawn extent ends (span end or end of the day/month/year)
    has_span: npt.NDArray[np.bool_]  # an explicit end
    approximate: npt.NDArray[np.bool_]
    max_extent: float  # the longest extent: how far back an event may reach into the view

    def __len__(self) -> int:
        return len(self.index)

    def visible(self, x0: float, x1: float) -> slice:
        """Events whose extent may overlap [x0, x1]: a slice of the sorted arrays."""
        first = int(np.searchsorted(self.start, x0 - self.max_extent, side="left"))
        last = int(np.searchsorted(self.start, x1, side="right"))
        return slice(first, last)


@dataclass
class TimelineData:
    events: EventTable
    origin: float
    lanes: list[LaneEvents]
    order: IntArray  # all events by time (index into the table), for keyboard stepping
    x_min: float
    x_max: float

    @classmethod
    def empty(cls) -> TimelineData:
        return cls(EventTable.empty(), 0.0, [], np.empty(0, np.int64), -1.0, 1.0)

    def x_of(self, seconds: float | npt.ArrayLike) -> FloatArray:
        return np.asarray(seconds, dtype=np.float64) - self.origin

    def title(self, index: int) -> str:
        return self.events.text_at("title", index)


def build_timeline_data(
    events: EventTable,
    shown: IntArray | None = None,
    lane_colours: Mapping[str, int] | None = None,
) -> TimelineData:
    """Arrange ``events`` (only the ``shown`` indices, when given) for drawing; indices stay
    those of the full table, so a click names the same event everywhere. ``lane_colours``:
    the session's colour numbers; by default numbered over all of ``events``' lanes, so
    hiding a lane never recolours the others."""
    if lane_colours is None:
        lane_colours = assign_lane_colours(events.lanes)
    if shown is not None and len(shown) < len(events):
        data = build_timeline_data(events.subset(shown), lane_colours=lane_colours)
        for lane in data.lanes:
            lane.index = np.asarray(shown, dtype=np.int64)[lane.index]
        data.order = np.asarray(shown, dtype=np.int64)[data.order]
        data.events = events
        return data
    if len(events) == 0:
        return TimelineData.empty()
    start = events.start
    origin = float(np.median(start))
    has_span = events.has_end()
    extent_end = events.last_instants()
    codes, lane_names = events.lane_codes()
    colours = [lane_colours[name] for name in lane_names]
    x_start = start.astype(np.float64) - origin
    x_end = extent_end.astype(np.float64) - origin
    approximate = events.approximate()
    lanes = []
    for code, (name, colour) in enumerate(zip(lane_names, colours, strict=True)):
        members = np.flatnonzero(codes == code)
        members = members[np.argsort(x_start[members], kind="stable")]
        extent = x_end[members] - x_start[members]
        lanes.append(
            LaneEvents(
                name=name,
                colour=colour,
                index=members,
                start=x_start[members],
                extent_end=x_end[members],
                has_span=has_span[members],
                approximate=approximate[members],
                max_extent=float(extent.max()) if len(extent) else 0.0,
            )
        )
    order = events.time_order()
    return TimelineData(events, origin, lanes, order, float(x_start.min()), float(x_end.max()))
