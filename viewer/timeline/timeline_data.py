"""The event table arranged for drawing: per lane, events sorted by time, with their extents.

Sliced from the table's ``LaneLayout`` (sorted once per table, on the loading thread or kept in
the events cache); a filter change only masks those sorted arrays (``shown_timeline_data``), and
every frame only slices them with searchsorted.
x values are float64 seconds relative to ``origin`` so float precision stays fine near the data.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import cached_property

import numpy as np
import numpy.typing as npt

from viewer.model.event_filter import as_flags
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
    last_end: float  # the latest extent end (-inf for no events)

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
    time_order: IntArray  # events by time (index into the table): see ``order``
    x_min: float
    x_max: float
    drawn: npt.NDArray[np.bool_] | None = None  # per event of the table: in ``lanes`` (None: all)

    @cached_property
    def order(self) -> IntArray:
        """The drawn events by time, for keyboard stepping; masked when first asked, so a
        filter change does not pay for it."""
        if self.drawn is None:
            return self.time_order
        return self.time_order[self.drawn[self.time_order]]

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
        data.time_order = np.asarray(shown, dtype=np.int64)[data.time_order]
        data.events = events
        return data
    if len(events) == 0:
        return TimelineData.empty()
    layout = events.lane_layout()  # built on the loading thread, or kept in the events cache
    lanes = []
    for k, name in enumerate(layout.names):
        part = layout.lane(k)
        if part.start == part.stop:
            continue  # a lane name no event has (a table's own codes always have one)
        lanes.append(
            LaneEvents(
                name=name,
                colour=lane_colours[name],
                index=layout.index[part],
                start=layout.start[part],
                extent_end=layout.extent_end[part],
                has_span=layout.has_span[part],
                approximate=layout.approximate[part],
                max_extent=float(layout.max_extent[k]),
                last_end=float(layout.last_end[k]),
            )
        )
    x_min = min(float(lane.start[0]) for lane in lanes) if lanes else -1.0
    x_max = max(lane.last_end for lane in lanes) if lanes else 1.0
    return TimelineData(events, float(layout.origin), lanes, layout.time_order, x_min, x_max)


def shown_timeline_data(
    whole: TimelineData,
    shown: IntArray | None,
    lane_colours: Mapping[str, int] | None = None,
    shown_mask: npt.NDArray[np.bool_] | None = None,
) -> TimelineData:
    """``build_timeline_data(whole.events, shown, lane_colours)`` without sorting again: each
    lane of ``whole`` (built over all events) keeps its events at ``shown`` in the order they
    have, a lane shown whole keeps its arrays, a lane with none is dropped. ``shown`` must be
    ascending (the session's is); other orders are built afresh. The origin stays the whole
    table's, so the x of an event does not move as filters change."""
    events = whole.events
    flags = shown_mask is not None and len(shown_mask) == len(events)  # ``shown`` made from it
    if shown is not None and not flags and not events.order.ascending(shown):
        return build_timeline_data(events, shown, lane_colours)
    if lane_colours is None:  # numbered over all lanes, as build_timeline_data does
        lane_colours = assign_lane_colours([lane.name for lane in whole.lanes])
    if shown is None or len(shown) == len(events):
        lanes = [replace(lane, colour=lane_colours[lane.name]) for lane in whole.lanes]
        return replace(whole, lanes=lanes)
    keep = as_flags(shown, len(events), shown_mask)
    firsts, lanes = [], []
    for lane in whole.lanes:
        members = keep[lane.index]  # (for flags, [] beats take)
        if members.all():
            part = replace(lane, colour=lane_colours[lane.name])
        elif members.any():
            part = _lane_part(lane, members, lane_colours[lane.name])
        else:
            continue
        lanes.append(part)
        firsts.append(int(part.index.min()))
    # Lanes in order of first appearance among the shown events, as a table of them would list.
    lanes = [lanes[i] for i in np.argsort(firsts, kind="stable")]
    if not lanes:
        return TimelineData(events, whole.origin, [], whole.time_order, -1.0, 1.0, keep)
    x_min = min(float(lane.start[0]) for lane in lanes)
    x_max = max(lane.last_end for lane in lanes)
    return TimelineData(events, whole.origin, lanes, whole.time_order, x_min, x_max, keep)


def _lane_part(lane: LaneEvents, members: npt.NDArray[np.bool_], colour: int) -> LaneEvents:
    start, extent_end = lane.start[members], lane.extent_end[members]
    return LaneEvents(
        name=lane.name,
        colour=colour,
        index=lane.index[members],
        start=start,
        extent_end=extent_end,
        has_span=lane.has_span[members],
        approximate=lane.approximate[members],
        max_extent=float((extent_end - start).max()),
        last_end=float(extent_end.max()),
    )
