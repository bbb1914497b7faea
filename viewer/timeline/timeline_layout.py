"""What the timeline shows and where, in device pixels: a pure function of the data, the visible
range, the pixel mapping and the title metrics (no painter, no colours).

Lanes are stacked from the top, each as tall as it needs: a lane of marks has the rows its
stacked marks and titles take (see ``mark_layout``), up to ``MAX_ROWS``; a lane with too many
events in view shows their density (counts per pixel column, with clickable clusters) in a strip
of fixed height; a collapsed lane has one row. View y is in pixels from the top of the first lane,
so the lane area can be taller than the view and scroll. ``EventsItem.paint`` draws a layout;
hit-testing (clicks, tooltips, badge and cluster clicks) reads the same one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

import numpy as np
import numpy.typing as npt
from PySide6.QtCore import QPointF, QRectF

from viewer.timeline.mark_layout import Badge, layout_marks
from viewer.timeline.timeline_data import LaneEvents, TimelineData
from viewer.timeline.title_metrics import TitleMetrics

MARK_LIMIT = 800  # above this many events in view, a lane shows its density: "hundreds" are drawn
ROW_PX = 22.0
LANE_PAD_PX = 4.0  # above a lane's first row and below its last
MAX_ROWS = 40  # a busier lane shortens its titles, then counts coincident marks in badges
DENSITY_PX = 48.0
BAR_PX = 12.0
HIT_PX = 6.0
COUNT_BUCKET_PX = 90.0
BADGE_STRIP_PX = 16.0
MIN_COUNT_HEIGHT_PX = 14.0  # a lower density strip has no room for its counts
BADGE_WIDTH_PX = 36.0
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
    rows: int = 1
    hidden: list[Badge] = field(default_factory=list)  # coincident marks not drawn
    titles: list[DrawnTitle] = field(default_factory=list)
    badges: list[tuple[QRectF, str]] = field(default_factory=list)


@dataclass
class LaneLayout:
    lane: LaneEvents
    band: QRectF  # the lane across the view
    striped: bool
    top: float = 0.0  # view y of the lane's top (pixels from the top of the first lane)
    height: float = 0.0  # in view y
    collapsed: bool = False
    density: DensityLayout | None = None
    marks: MarksLayout | None = None


@dataclass
class TimelineLayout:
    lanes: list[LaneLayout] = field(default_factory=list)
    height: float = 0.0  # all lanes, in view y
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
    collapsed: frozenset[str] = frozenset(),
    fit_height: float | None = None,
) -> TimelineLayout:
    """Lay out every lane of ``data`` for the view x range ``x_range`` drawn through ``mapping``;
    lanes named in ``collapsed`` take one row. With ``fit_height`` (a picture, which cannot
    scroll), busy lanes get fewer rows until all lanes fit in that height, where they can."""
    layout = _layout(data, x_range, mapping, metrics, collapsed, MAX_ROWS)
    if fit_height is None:
        return layout
    if layout.height <= fit_height:  # room to spare: every lane gets its share, rows centred
        spare = (fit_height - layout.height) / max(len(data.lanes), 1)
        return _layout(data, x_range, mapping, metrics, collapsed, MAX_ROWS, spare)
    low, high = 1, MAX_ROWS - 1  # the most rows per lane that still fits
    best, fitted = _layout(data, x_range, mapping, metrics, collapsed, 1), 1
    while low <= high:
        rows = (low + high) // 2
        trial = _layout(data, x_range, mapping, metrics, collapsed, rows)
        if trial.height <= fit_height:
            best, fitted, low = trial, rows, rows + 1
        else:
            high = rows - 1
    # What is left goes, a row at a time, to the lanes that would still take one.
    more = _layout(data, x_range, mapping, metrics, collapsed, fitted + 1)
    room = fit_height - best.height
    caps = [fitted] * len(data.lanes)
    growth = [b.height - a.height for a, b in zip(best.lanes, more.lanes, strict=True)]
    for number in sorted(range(len(caps)), key=growth.__getitem__):
        if 0 < growth[number] <= room:
            caps[number] += 1
            room -= growth[number]
    if caps == [fitted] * len(caps):
        return best
    return _layout(data, x_range, mapping, metrics, collapsed, caps)


def _layout(
    data: TimelineData,
    x_range: tuple[float, float],
    mapping: DeviceMapping,
    metrics: TitleMetrics,
    collapsed: frozenset[str],
    max_rows: int | list[int],  # for every lane, or each lane's
    spare: float = 0.0,
) -> TimelineLayout:
    x0, x1 = x_range
    m = mapping
    left, right = m.sx * x0 + m.dx, m.sx * x1 + m.dx
    out = TimelineLayout()
    top = 0.0
    for number, lane in enumerate(data.lanes):
        folded = lane.name in collapsed
        visible = lane.visible(x0, x1)
        device_top = m.sy * top + m.dy
        placed = LaneLayout(lane, QRectF(), bool(number % 2), top, collapsed=folded)
        if visible.stop - visible.start > MARK_LIMIT:
            height = DENSITY_PX + spare
            box = (left, right, device_top, device_top + m.sy * height)
            placed.density = _density(lane, x_range, box, out.zoom_zones)
        else:
            cap = max_rows if isinstance(max_rows, int) else max_rows[number]
            where = (left, right, device_top + m.sy * spare / 2)
            placed.marks = _marks(lane, visible, m, where, cap, folded, metrics)
            height = _marks_height(placed.marks) + spare
            bottom = device_top + m.sy * (height - spare / 2)
            _place_badges(placed.marks, m, (left, right, bottom), out.zoom_zones)
        placed.height = height
        placed.band = QRectF(left, device_top, right - left, m.sy * height)
        top += height
        out.lanes.append(placed)
    out.height = top
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
    buckets = []
    for first, total in zip(starts.tolist(), sums.tolist(), strict=True):
        last = min(first + per_bucket, len(counts))
        rect = QRectF(strip.left() + first, strip.top(), last - first, strip.height())
        zones.append((rect, float(edges[first]), float(edges[last])))
        buckets.append((first, last, total))
    if len(buckets) > 1 and buckets[-1][1] - buckets[-1][0] < per_bucket / 2:
        # A sliver at the right edge has no room for its count: the one before counts it too
        # (else the two numbers are drawn over each other).
        (first, _, total), (_, last, more) = buckets[-2:]
        buckets[-2:] = [(first, last, total + more)]
    labels = []
    if strip.height() >= MIN_COUNT_HEIGHT_PX:
        for first, last, total in buckets:
            if total:
                labels.append((_count_rect(counts, strip, first, last, per_bucket), f"{total:,}"))
    return DensityLayout(counts, strip, labels)


def _count_rect(
    counts: npt.NDArray[np.int64], strip: QRectF, first: int, last: int, per_bucket: int
) -> QRectF:
    """Centred over the bars it counts, so it never stands past their end."""
    filled = np.flatnonzero(counts[first:last])
    centre = strip.left() + first + (filled[0] + filled[-1] + 1) / 2
    half = per_bucket / 2
    centre = min(max(centre, strip.left() + half), strip.right() - half)
    return QRectF(centre - half, strip.top(), 2 * half, strip.height())


def _marks(
    lane: LaneEvents,
    visible: slice,
    m: DeviceMapping,
    where: tuple[float, float, float],
    max_rows: int,
    folded: bool,  # one row, marks may overlap
    metrics: TitleMetrics,
) -> MarksLayout:
    left, right, top = where
    x_start = lane.start[visible] * m.sx + m.dx
    x_end = lane.extent_end[visible] * m.sx + m.dx
    indices = lane.index[visible]
    widths = np.array([metrics.width(int(i)) for i in indices], dtype=np.float64)
    placed = layout_marks(x_start, x_end, widths, max_rows, clip=(left, right), collapsed=folded)
    slots = visible.start + placed.item
    row_y = top + LANE_PAD_PX + (placed.row + 0.5) * ROW_PX
    out = MarksLayout(
        x_start=x_start[placed.item],
        x_end=x_end[placed.item],
        left=placed.left,
        right=placed.right,
        y=row_y,
        index=indices[placed.item],
        has_span=lane.has_span[slots],
        approximate=lane.approximate[slots],
        rows=placed.rows,
        hidden=placed.badges,
    )
    for label in placed.labels:
        index = int(out.index[label.mark])
        on_bar = label.inside and bool(out.has_span[label.mark])
        rect = QRectF(label.x, row_y[label.mark] - ROW_PX / 2, label.width, ROW_PX)
        text = metrics.elided(index, label.width)
        out.titles.append(DrawnTitle(rect, index, text, label.inside, on_bar))
    return out


def _marks_height(marks: MarksLayout) -> float:
    strip = BADGE_STRIP_PX if marks.hidden else 0.0
    return 2 * LANE_PAD_PX + marks.rows * ROW_PX + strip


def _place_badges(
    marks: MarksLayout, m: DeviceMapping, where: tuple[float, float, float], zones: list[ZoomZone]
) -> None:
    """A "+N" badge under each spot where marks coincide, inside the lane: clear of its colour
    bar and of the view's right edge; a click zooms in until they come apart."""
    left, right, bottom = where
    for badge in marks.hidden:
        x = min(max(badge.x, left + 8 + BADGE_WIDTH_PX / 2), right - 2 - BADGE_WIDTH_PX / 2)
        rect = QRectF(x - BADGE_WIDTH_PX / 2, bottom - BADGE_STRIP_PX - 1, BADGE_WIDTH_PX, 14)
        marks.badges.append((rect, f"+{badge.count:,}"))
        span = BADGE_ZOOM_PX / m.sx if m.sx else 0.0
        first = (badge.first - m.dx) / m.sx if m.sx else 0.0
        last = (badge.last - m.dx) / m.sx if m.sx else 0.0
        zones.append((rect, first - span, last + span))
