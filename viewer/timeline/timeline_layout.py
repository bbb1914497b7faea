"""What the timeline shows and where, in device pixels: a pure function of the data, the visible
range, the pixel mapping and the title metrics (no painter, no colours).

Per lane: its band; either the density (counts per pixel column, with clickable clusters) when too
many events are in view, or the placed marks, their titles and the "+N" badges of those that do
not fit. ``EventsItem.paint`` draws a layout; hit-testing (clicks, tooltips, badge and cluster
clicks) reads the same one, so a click is answered whether or not a paint has happened.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

import numpy as np
import numpy.typing as npt
from PySide6.QtCore import QPointF, QRectF

from viewer.timeline.mark_layout import layout_marks
from viewer.timeline.timeline_data import LaneEvents, TimelineData
from viewer.timeline.title_metrics import TitleMetrics

MARK_LIMIT = 1500  # above this many events in view, a lane shows its density
ROW_PX = 22.0
BAR_PX = 12.0
HIT_PX = 6.0
COUNT_BUCKET_PX = 90.0
BADGE_STRIP_PX = 16.0
MIN_COUNT_HEIGHT_PX = 14.0  # a lower density strip has no room for its counts
BADGE_ZOOM_PX = 40.0  # a badge click zooms to this many pixels either side of it

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]
ZoomZone = tuple[QRectF, float, float]  # rect, and the x range a click on it zooms to
Box = tuple[float, float, float, float]  # left, right, top, bottom (device pixels)


class DeviceMapping(NamedTuple):
    """View x, y to device pixels: ``device = scale * view + offset`` on each axis."""

    sx: float
    dx: float
    sy: float
    dy: float


@dataclass
class DrawnTitle:
    rect: QRectF
    index: int  # the event (into the EventTable)
    text: str  # elided to fit the rect
    inside: bool  # on its own mark's extent
    on_bar: bool  # on a span's bar: drawn in a colour that reads on the lane colour


@dataclass
class DensityLayout:
    counts: IntArray  # events per pixel column of the strip
    strip: QRectF
    labels: list[tuple[QRectF, str]]  # cluster counts, centred in their rect


@dataclass
class MarksLayout:
    """Placed marks in drawing order: extents, hit boxes, and the lane's per-slot facts."""

    x_start: FloatArray
    x_end: FloatArray
    left: FloatArray  # hit box, including the dot
    right: FloatArray
    y: FloatArray  # the row's centre line
    index: IntArray
    has_span: BoolArray
    approximate: BoolArray
    titles: list[DrawnTitle] = field(default_factory=list)
    badges: list[tuple[QRectF, str]] = field(default_factory=list)


@dataclass
class LaneLayout:
    lane: LaneEvents
    band: QRectF  # the lane across the view
    striped: bool
    density: DensityLayout | None = None
    marks: MarksLayout | None = None


@dataclass
class TimelineLayout:
    lanes: list[LaneLayout] = field(default_factory=list)
    zoom_zones: list[ZoomZone] = field(default_factory=list)  # clusters and badges
    mark_left: FloatArray = field(default_factory=lambda: np.empty(0))
    mark_right: FloatArray = field(default_factory=lambda: np.empty(0))
    mark_y: FloatArray = field(default_factory=lambda: np.empty(0))
    mark_index: IntArray = field(default_factory=lambda: np.empty(0, np.int64))

    def marks(self) -> tuple[FloatArray, FloatArray, FloatArray, IntArray]:
        """Every placed mark's hit box (left, right, centre y) and event index."""
        return self.mark_left, self.mark_right, self.mark_y, self.mark_index

    @property
    def labels(self) -> list[tuple[QRectF, int, bool]]:
        """Every title's rect, event index and whether it sits on its own mark."""
        return [
            (title.rect, title.index, title.inside)
            for lane in self.lanes
            if lane.marks is not None
            for title in lane.marks.titles
        ]

    def event_at(self, x: float, y: float) -> int | None:
        """The event whose mark is nearest to a device point, within a few pixels."""
        if len(self.mark_index) == 0:
            return None
        # Squared distance to each mark's box, in place: a click asks this many times a second.
        dx = np.maximum(self.mark_left - x, x - self.mark_right)
        np.maximum(dx, 0, out=dx)
        dy = np.abs(self.mark_y - y)
        dy -= BAR_PX / 2
        np.maximum(dy, 0, out=dy)
        dx *= dx
        dy *= dy
        dx += dy
        best = int(dx.argmin())
        return int(self.mark_index[best]) if dx[best] <= HIT_PX * HIT_PX else None

    def zoom_zone_at(self, x: float, y: float) -> tuple[float, float] | None:
        """The x range a click on a cluster count or a "+N" badge zooms to."""
        point = QPointF(x, y)
        for rect, x0, x1 in self.zoom_zones:
            if rect.contains(point):
                return x0, x1
        return None


def layout_timeline(
    data: TimelineData,
    x_range: tuple[float, float],
    mapping: DeviceMapping,
    metrics: TitleMetrics,
) -> TimelineLayout:
    """Lay out every lane of ``data`` for the view x range ``x_range`` drawn through ``mapping``."""
    x0, x1 = x_range
    m = mapping
    left, right = m.sx * x0 + m.dx, m.sx * x1 + m.dx
    out = TimelineLayout()
    for number, lane in enumerate(data.lanes):
        top, bottom = sorted((m.sy * number + m.dy, m.sy * (number + 1) + m.dy))
        box = (left, right, top, bottom)
        placed = LaneLayout(lane, QRectF(left, top, right - left, bottom - top), bool(number % 2))
        visible = lane.visible(x0, x1)
        if visible.stop - visible.start > MARK_LIMIT:
            placed.density = _density(lane, x_range, box, out.zoom_zones)
        else:
            placed.marks = _marks(lane, visible, m, box, metrics, out.zoom_zones)
        out.lanes.append(placed)
    drawn = [lane.marks for lane in out.lanes if lane.marks is not None]
    if drawn:
        out.mark_left = np.concatenate([marks.left for marks in drawn])
        out.mark_right = np.concatenate([marks.right for marks in drawn])
        out.mark_y = np.concatenate([marks.y for marks in drawn])
        out.mark_index = np.concatenate([marks.index for marks in drawn])
    return out


def _density(
    lane: LaneEvents, x_range: tuple[float, float], box: Box, zones: list[ZoomZone]
) -> DensityLayout:
    """Events per pixel column, and cluster counts (how many events each stretch holds)."""
    left, right, top, bottom = box
    columns = max(int(right - left), 1)
    edges = np.linspace(x_range[0], x_range[1], columns + 1)
    counts = np.diff(np.searchsorted(lane.start, edges))
    strip = QRectF(left, top + 3, right - left, bottom - top - 6)
    per_bucket = max(int(COUNT_BUCKET_PX), 1)
    starts = np.arange(0, len(counts), per_bucket)
    sums = np.add.reduceat(counts, starts)
    labels = []
    for first, total in zip(starts.tolist(), sums.tolist(), strict=True):
        last = min(first + per_bucket, len(counts))
        rect = QRectF(strip.left() + first, strip.top(), last - first, strip.height())
        zones.append((rect, float(edges[first]), float(edges[last])))
        if total and strip.height() >= MIN_COUNT_HEIGHT_PX:
            labels.append((rect, f"{total:,}"))
    return DensityLayout(counts, strip, labels)


def _marks(
    lane: LaneEvents,
    visible: slice,
    m: DeviceMapping,
    box: Box,
    metrics: TitleMetrics,
    zones: list[ZoomZone],
) -> MarksLayout:
    left, right, top, bottom = box
    x_start = lane.start[visible] * m.sx + m.dx
    x_end = lane.extent_end[visible] * m.sx + m.dx
    indices = lane.index[visible]
    widths = np.array([metrics.width(int(i)) for i in indices], dtype=np.float64)
    # The lane's bottom strip is kept for "+N" badges, so a badge never covers a mark.
    max_rows = int((bottom - top - 4 - BADGE_STRIP_PX) // ROW_PX)
    placed = layout_marks(x_start, x_end, widths, max_rows, clip=(left, right))
    slots = visible.start + placed.item
    row_y = top + 2 + (placed.row + 0.5) * ROW_PX
    out = MarksLayout(
        x_start=x_start[placed.item],
        x_end=x_end[placed.item],
        left=placed.left,
        right=placed.right,
        y=row_y,
        index=indices[placed.item],
        has_span=lane.has_span[slots],
        approximate=lane.approximate[slots],
    )
    for label in placed.labels:
        index = int(out.index[label.mark])
        on_bar = label.inside and bool(out.has_span[label.mark])
        rect = QRectF(label.x, row_y[label.mark] - ROW_PX / 2, label.width, ROW_PX)
        text = metrics.elided(index, label.width)
        out.titles.append(DrawnTitle(rect, index, text, label.inside, on_bar))
    for x, count in placed.badges:
        rect = QRectF(x - 16, bottom - BADGE_STRIP_PX - 1, 32, 14)
        out.badges.append((rect, f"+{count:,}"))
        span = BADGE_ZOOM_PX / m.sx if m.sx else 0.0
        centre = (x - m.dx) / m.sx if m.sx else 0.0
        zones.append((rect, centre - span, centre + span))
    return out
