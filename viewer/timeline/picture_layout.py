"""A picture's content, drawn on any painter: the title, subtitle and date span, the lane
legend, the lanes with their time axis, and under them a caption and the source line.

All in the timeline's pixels (see :mod:`viewer.timeline.picture_request`); the device scales.
The lanes are drawn by the same timeline widget the app shows, offscreen, at the space left for
them, so what is exported is what the app shows.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QCoreApplication, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter
from PySide6.QtWidgets import QApplication

from viewer.model.event_table import EventTable
from viewer.model.lane_colours import assign_lane_colours
from viewer.model.lane_order import in_lane_order
from viewer.timeline.picture_request import ImageRequest, shown_span
from viewer.timeline.timeline_widget import TimelineWidget

MARGIN = 24
GAP = 6
WRAP = int(Qt.TextFlag.TextWordWrap)


@dataclass(frozen=True)
class _Text:
    """One block of wrapped text: its size in points and whether it is bold."""

    points: float
    bold: bool = False

    def font(self) -> QFont:
        font = QFont()
        font.setPointSizeF(self.points)
        font.setBold(self.bold)
        return font

    def height(self, text: str, width: float, most_lines: int = 6) -> float:
        metrics = QFontMetricsF(self.font())
        bounds = metrics.boundingRect(QRectF(0, 0, width, 100_000), WRAP, text)
        return min(bounds.height(), metrics.lineSpacing() * most_lines)


TITLE, SUBTITLE, SPAN, LEGEND, CAPTION, CREDIT = (
    _Text(18, bold=True), _Text(12), _Text(10), _Text(10), _Text(10), _Text(8.5),
)  # fmt: skip


def compose(
    painter: QPainter,
    events: EventTable,
    shown: np.ndarray | None,
    request: ImageRequest,
    size: tuple[float, float],
    time_range: tuple[float, float] | None,
    device_scale: float = 1.0,
) -> None:
    """Draw the picture into (0, 0, ``size``). ``device_scale`` is a scale the painter already
    has that the lanes' titles (drawn in device pixels) must be given too."""
    width, height = size
    look = request.look
    painter.fillRect(QRectF(0, 0, width, height), QColor(look.background))
    inner = width - 2 * MARGIN
    top = float(MARGIN)
    painter.setPen(QColor(look.text))
    for text, style in ((request.title, TITLE), (request.subtitle, SUBTITLE)):
        if text:
            top = _draw_block(painter, text, style, inner, top, 3 if style is TITLE else 2)
    span = _span_text(events, shown, request, time_range)
    if span:
        painter.setPen(QColor(look.axis))
        top = _draw_block(painter, span, SPAN, inner, top, 1)
    if request.legend:
        top = _draw_legend(painter, events, shown, request, width, top)
    top += GAP
    bottom = height - MARGIN
    footer = [(t, s) for t, s in ((request.caption, CAPTION), (request.credit, CREDIT)) if t]
    footer_height = sum(s.height(t, inner) + GAP for t, s in footer)
    timeline_height = max(bottom - footer_height - top, 120.0)
    widget = _timeline(events, shown, request, time_range, QSize(int(inner), int(timeline_height)))
    if device_scale != 1.0:
        font = QFont()
        font.setPointSizeF(9.0 * device_scale)
        widget.events_item.set_title_font(font)
    # The plot is a QGraphicsView: render() replays the scene's drawing, so SVG and PDF get
    # vector shapes and text rather than a screenshot.
    painter.save()
    widget.plot.render(
        painter, QRectF(MARGIN, top, inner, timeline_height), widget.plot.viewport().rect()
    )
    painter.restore()
    widget.deleteLater()
    y = top + timeline_height
    for text, style in footer:
        painter.setPen(QColor(look.text if style is CAPTION else look.axis))
        y = _draw_block(painter, text, style, inner, y + GAP, 6)


def _draw_block(
    painter: QPainter, text: str, style: _Text, width: float, top: float, lines: int
) -> float:
    """Wrapped text from ``top``, at most ``lines`` lines; returns where the next block goes."""
    painter.setFont(style.font())
    height = style.height(text, width, lines)
    painter.drawText(QRectF(MARGIN, top, width, height), WRAP, text)
    return top + height + GAP


def _span_text(
    events: EventTable,
    shown: np.ndarray | None,
    request: ImageRequest,
    time_range: tuple[float, float] | None,
) -> str:
    if not request.date_span:
        return ""
    span = time_range or shown_span(events, shown)
    if span is None:
        return ""
    first, end = span
    return request.wording.span(first, max(first, end - 1))  # 2032 ends as 2033 begins


def _timeline(
    events: EventTable,
    shown: np.ndarray | None,
    request: ImageRequest,
    time_range: tuple[float, float] | None,
    size: QSize,
) -> TimelineWidget:
    widget = TimelineWidget(wording=request.wording)
    widget.overview_wanted = False
    widget.overview.hide()
    widget.span_label.hide()
    widget.now_line.hide()
    widget.apply_look(request.look)
    widget.events_item.set_fit_to_view(True)  # a picture cannot scroll: busy lanes get fewer rows
    widget.lane_axis.foldable = False
    widget.lane_scroll_bar.hide()
    # Laid out for real (offscreen, never on a screen) so the plot takes exactly the picture's size.
    widget.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
    widget.resize(size)
    widget.show()
    QApplication.processEvents()
    widget.set_lane_order(request.lane_order)
    widget.set_events(events, shown, lane_colours=request.lane_colours)
    if request.highlighted is not None:
        widget.events_item.set_highlighted(request.highlighted)
    widget.events_item.set_annotations(
        _mask(len(events), request.starred), _mask(len(events), request.tagged)
    )
    if time_range is not None:
        widget.set_time_range(*time_range)
    QApplication.processEvents()
    return widget


def _mask(n: int, indices: np.ndarray | None) -> np.ndarray:
    mask = np.zeros(n, dtype=bool)
    if indices is not None:
        mask[np.asarray(indices, dtype=np.int64)] = True
    return mask


def _draw_legend(
    painter: QPainter,
    events: EventTable,
    shown: np.ndarray | None,
    request: ImageRequest,
    width: float,
    top: float,
) -> float:
    names = (events if shown is None else events.subset(shown)).lanes
    names = in_lane_order(names, request.lane_order, str)  # as the lanes below
    if not names or names == [""]:
        return top
    painter.setFont(LEGEND.font())
    metrics = QFontMetricsF(LEGEND.font())
    x, y, line = float(MARGIN), top, metrics.height() + 8
    swatch_size = metrics.height() * 0.75
    look = request.look
    lane_colours = request.lane_colours or assign_lane_colours(events.lanes)
    for name in names:
        text = name or QCoreApplication.translate("ImageExport", "(no lane)")
        item = swatch_size * 1.5 + metrics.horizontalAdvance(text) + 22
        if x + item > width - MARGIN and x > MARGIN:
            x, y = float(MARGIN), y + line
        swatch_top = y + (metrics.height() - swatch_size) / 2
        swatch = look.lane_colour(lane_colours[name])  # as the timeline below draws the lane
        painter.fillRect(QRectF(x, swatch_top, swatch_size, swatch_size), swatch)
        painter.setPen(QColor(look.text))
        painter.drawText(
            QRectF(x + swatch_size * 1.5, y, item, metrics.height()),
            int(Qt.AlignmentFlag.AlignVCenter),
            text,
        )
        x += item
    return y + line
