"""How stars and tags are drawn on the timeline: beside an event's mark, never over its lane
colour. A starred event gets a gold ring around its dot and a small star above right of it; a
tagged one a short dark tick under the dot. In a lane that shows its density, starred events in
view get a gold tick along the top of the strip (a million events still show their stars).

The marks are masks over the event table held by the item; a change sets a few entries and
asks for a repaint, so nothing is laid out again."""

from __future__ import annotations

import math

import numpy as np
import numpy.typing as npt
from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QPolygonF

from viewer.timeline.look import Look
from viewer.timeline.mark_layout import MARK_RADIUS
from viewer.timeline.timeline_data import LaneEvents
from viewer.timeline.timeline_layout import DeviceMapping, MarksLayout

BoolArray = npt.NDArray[np.bool_]
RING_RADIUS = MARK_RADIUS + 2.5
STAR_RADIUS = 4.0
STAR_OFFSET = QPointF(MARK_RADIUS + 2.0, -MARK_RADIUS - 1.5)  # from the dot's centre
TICK_HALF = 4.0  # half the tagged tick's width
DENSITY_TICK_PX = 5.0


def star_polygon(centre: QPointF, radius: float = STAR_RADIUS) -> QPolygonF:
    """A five-pointed star, point up."""
    points = []
    for k in range(10):
        r = radius if k % 2 == 0 else radius * 0.45
        angle = -math.pi / 2 + k * math.pi / 5
        points.append(QPointF(centre.x() + r * math.cos(angle), centre.y() + r * math.sin(angle)))
    return QPolygonF(points)


def paint_mark_annotations(
    painter: QPainter, marks: MarksLayout, starred: BoolArray, tagged: BoolArray, look: Look
) -> None:
    """Rings and stars for the starred marks, ticks for the tagged ones, of one lane."""
    if len(marks.index) == 0:
        return
    on_star = starred[marks.index] if len(starred) else np.zeros(len(marks.index), bool)
    on_tag = tagged[marks.index] if len(tagged) else np.zeros(len(marks.index), bool)
    if not (on_star.any() or on_tag.any()):
        return
    xs, ys = marks.x_start, marks.y
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(QPen(QColor(look.tag_mark), 2.0))
    for k in np.flatnonzero(on_tag).tolist():
        y = float(ys[k]) + MARK_RADIUS + 3.0
        painter.drawLine(QLineF(xs[k] - TICK_HALF, y, xs[k] + TICK_HALF, y))
    stars = np.flatnonzero(on_star).tolist()
    if not stars:
        return
    gold = QColor(look.star)
    painter.setPen(QPen(gold, 2.0))
    for k in stars:
        painter.drawEllipse(QPointF(xs[k], ys[k]), RING_RADIUS, RING_RADIUS)
    painter.setPen(QPen(QColor(look.star_edge), 0.8))
    painter.setBrush(gold)
    for k in stars:
        painter.drawPolygon(star_polygon(QPointF(xs[k], ys[k]) + STAR_OFFSET))


def paint_density_stars(
    painter: QPainter,
    lane: LaneEvents,
    strip: QRectF,
    mapping: DeviceMapping,
    starred: BoolArray,
    look: Look,
) -> None:
    """A gold tick along the top of a density strip for each starred event in view."""
    if not len(starred) or not mapping.sx:
        return
    x0 = (strip.left() - mapping.dx) / mapping.sx
    x1 = (strip.right() - mapping.dx) / mapping.sx
    part = lane.visible(min(x0, x1), max(x0, x1))
    on = starred[lane.index[part]]
    if not on.any():
        return
    pixels = np.unique(np.round(lane.start[part][on] * mapping.sx + mapping.dx))
    painter.setPen(QPen(QColor(look.star), 2.0))
    top = strip.top()
    for x in pixels.tolist():
        if strip.left() <= x <= strip.right():
            painter.drawLine(QLineF(x, top, x, top + DENSITY_TICK_PX))
