"""The timeline widget: lanes of events over a time axis, an overview strip, and navigation.

Public API (absolute times are int64-style seconds since 1970 UTC, as floats):
``set_events``, ``set_time_range``, ``time_range``, ``fit_all``, ``select_event``,
``selected_event``, ``step_selection``, ``set_lane_collapsed``, ``scroll_lanes``, and the signal
``event_selected(index or None)``.

Lanes are as tall as their content (see ``timeline_layout``); when they need more height than
the view has, the lane area scrolls: the scroll bar, Shift+wheel, the wheel over the lane names,
PgUp/PgDn. The view's y range is always the visible pixels, so a view y unit is one pixel.
"""

from __future__ import annotations

import time
from collections.abc import Mapping

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QScrollBar, QVBoxLayout, QWidget

from viewer.model.date_wording import ENGLISH, DateWording
from viewer.model.event_table import EventTable
from viewer.model.lane_order import in_lane_order
from viewer.timeline.events_item import EventsItem
from viewer.timeline.lane_axis import LaneAxisItem
from viewer.timeline.look import LIGHT, Look
from viewer.timeline.overview_plot import OverviewPlot
from viewer.timeline.time_axis import TimeAxisItem
from viewer.timeline.timeline_data import TimelineData, build_timeline_data, shown_timeline_data
from viewer.timeline.timeline_layout import ROW_PX
from viewer.timeline.timeline_view_box import TimelineViewBox

MIN_SPAN = 0.002  # seconds: the finest zoom (two milliseconds: 1 ms ticks still show)
MIN_LIMIT_SPAN = 366 * 86_400.0  # a single event can still be seen within its year
ZOOM_STEP = 2.0


class TimelineWidget(QWidget):
    event_selected = Signal(object)  # index into the EventTable, or None
    event_context_requested = Signal(int, QPoint)  # right-clicked (selected first), screen point

    def __init__(self, parent: QWidget | None = None, wording: DateWording = ENGLISH) -> None:
        super().__init__(parent)
        self.wording = wording  # how the axes and the span line write dates
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(self.tr("Timeline"))
        self.data = TimelineData.empty()
        self._selected: int | None = None
        self._bounds = (0.0, 0.0)
        # All of the last table's events arranged once (lanes sorted), and its time bounds: a
        # filter change only masks them. Kept with the table it was built from (by identity).
        self._whole: tuple[EventTable, TimelineData, tuple[float, float]] | None = None
        self._scroll = 0.0  # view y at the top of the view: pixels scrolled down the lanes
        self._lane_order: list[str] = []
        self.axis = TimeAxisItem(orientation="bottom", wording=wording)
        self.lane_axis = LaneAxisItem()
        self.view_box = TimelineViewBox()
        self.plot = pg.PlotWidget(
            viewBox=self.view_box,
            axisItems={"bottom": self.axis, "left": self.lane_axis},
            enableMenu=False,
        )
        self.plot.hideButtons()
        self.plot.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # Always there (disabled when the lanes fit): one that came and went would change the
        # plot's width, so the lanes' heights, so whether it is needed.
        self.lane_scroll_bar = QScrollBar(Qt.Orientation.Vertical)
        self.lane_scroll_bar.setAccessibleName(self.tr("Scroll lanes"))
        self.lane_scroll_bar.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.events_item = EventsItem()
        self.plot.addItem(self.events_item)
        self.now_line = pg.InfiniteLine(angle=90, movable=False)
        self.plot.addItem(self.now_line, ignoreBounds=True)
        # Under the marks and titles (the lane stripes are translucent, so it shows through them).
        self.now_line.setZValue(self.events_item.zValue() - 1)
        self.overview = OverviewPlot(TimeAxisItem(orientation="bottom", wording=wording))
        self.overview_wanted = True  # a picture has none: its plot takes the height
        self.span_label = QLabel()
        self.span_label.setTextFormat(Qt.TextFormat.PlainText)
        self.span_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.span_label.setAccessibleName(self.tr("Time span shown"))
        self.span_label.setContentsMargins(8, 2, 12, 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.span_label)
        lanes = QHBoxLayout()
        lanes.setContentsMargins(0, 0, 0, 0)
        lanes.setSpacing(0)
        lanes.addWidget(self.plot, stretch=1)
        lanes.addWidget(self.lane_scroll_bar)
        layout.addLayout(lanes, stretch=1)
        layout.addWidget(self.overview)
        self.empty_message = self._empty_message()
        self.events_item.event_clicked.connect(self._on_events_item_event_clicked)
        self.events_item.zoom_requested.connect(self._on_events_item_zoom_requested)
        self.events_item.double_clicked.connect(self._on_events_item_double_clicked)
        self.events_item.context_requested.connect(self._on_events_item_context_requested)
        self.view_box.sigXRangeChanged.connect(self._on_view_box_x_range_changed)
        self.view_box.sigResized.connect(self._on_view_box_resized)
        self.view_box.scroll_requested.connect(self.scroll_lanes)
        self.lane_axis.scroll_requested.connect(self.scroll_lanes)
        self.lane_axis.lane_clicked.connect(self._on_lane_axis_lane_clicked)
        self.lane_scroll_bar.valueChanged.connect(self._on_lane_scroll_bar_value_changed)
        self.overview.region_moved.connect(self._on_overview_region_moved)
        self.apply_look(LIGHT)
        self._show_empty_state(True)

    def _empty_message(self) -> QLabel:
        """Centred over the plot while nothing is loaded: how to begin, not an axis at 1970."""
        shortcut = QKeySequence(QKeySequence.StandardKey.Open).toString(
            QKeySequence.SequenceFormat.NativeText
        )
        label = QLabel(
            self.tr("Open a timeline file (%1) or drop files here").replace("%1", shortcut)
        )
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setAttribute(
            Qt.WidgetAttribute.WA_TransparentForMouseEvents
        )  # drops reach the window
        centring = QVBoxLayout(self.plot.viewport())
        centring.addWidget(label, alignment=Qt.AlignmentFlag.AlignCenter)
        return label

    def _show_empty_state(self, empty: bool) -> None:
        self.empty_message.setVisible(empty)
        for name in ("bottom", "left"):
            self.plot.getPlotItem().showAxis(name, not empty)
        self.overview.setVisible(self.overview_wanted and not empty)
        self.now_line.setVisible(not empty)

    # -- data ---------------------------------------------------------------------------------
    def set_events(
        self,
        events: EventTable,
        shown: np.ndarray | None = None,
        keep_view: bool = False,
        lane_colours: Mapping[str, int] | None = None,
        shown_mask: np.ndarray | None = None,
    ) -> None:
        """Show ``events`` (only the ``shown`` indices, when given: the session's filters);
        ``keep_view`` keeps the visible time span (a filter change), else the view fits all;
        ``lane_colours``: the session's colour numbers (by default numbered in lane order);
        ``shown_mask``: ``shown`` as a flag per event, when the caller has it."""
        previous = self.time_range() if keep_view and self.data.lanes else None
        # A filter change (the same table) keeps the selection while its event is still shown.
        kept = self._selected if events is self.data.events else None
        # (One comparison pass: isin sorts the shown indices, 87 ms at 10M on each lane toggle.)
        if kept is not None and shown is not None and not bool((shown == kept).any()):
            kept = None
        whole, bounds = self._whole_data(events, lane_colours)
        self.data = shown_timeline_data(whole, shown, lane_colours, shown_mask)
        self._order_lanes()
        self._bounds = bounds  # all events, so hiding a lane never narrows the limits
        self._selected = kept
        self.axis.set_origin(self.data.origin)
        self.overview.getAxis("bottom").set_origin(self.data.origin)
        self.events_item.set_data(self.data)
        self.events_item.set_selected(kept)
        self._show_empty_state(len(events) == 0)
        self.overview.set_data(self.data)
        self.now_line.setPos(time.time() - self.data.origin)
        self._set_limits()
        if previous is None:
            self._scroll = 0.0
            self.fit_all()
        else:
            self.set_time_range(*previous)
        self._sync_lanes()

    def _whole_data(
        self, events: EventTable, lane_colours: Mapping[str, int] | None
    ) -> tuple[TimelineData, tuple[float, float]]:
        if self._whole is None or self._whole[0] is not events:
            first, last = events.time_bounds()
            whole = build_timeline_data(events, lane_colours=lane_colours)
            self._whole = (events, whole, (float(first), float(last)))
        return self._whole[1], self._whole[2]

    def set_lane_order(self, names: list[str]) -> None:
        """Show lanes in this order (names not listed keep their place after the listed ones),
        now and for every ``set_events`` after."""
        self._lane_order = list(names)
        self._order_lanes()
        selected = self._selected
        self.events_item.set_data(self.data)
        self.events_item.set_selected(selected)
        self._sync_lanes()

    def _order_lanes(self) -> None:
        self.data.lanes = in_lane_order(self.data.lanes, self._lane_order, lambda lane: lane.name)

    # -- lanes ----------------------------------------------------------------------------------
    def set_lane_collapsed(self, name: str, collapsed: bool) -> None:
        """Draw a lane on one row (its marks, and titles where they fit), or as tall as it needs."""
        names = set(self.events_item.collapsed)
        (names.add if collapsed else names.discard)(name)
        self.events_item.set_collapsed(frozenset(names))
        self._sync_lanes()

    @property
    def collapsed_lanes(self) -> frozenset[str]:
        return self.events_item.collapsed

    def scroll_lanes(self, pixels: float) -> None:
        """Scroll the lane area down (positive) or up by ``pixels``."""
        self._scroll += pixels
        self._sync_lanes()

    @property
    def lane_scroll(self) -> float:
        """How far the lanes are scrolled down, in pixels."""
        return self._scroll

    def _page_height(self) -> float:
        return max(float(self.view_box.boundingRect().height()), 1.0)

    def _sync_lanes(self) -> None:
        """The lanes' heights follow what is in view: keep the scroll range, the y range (one
        unit a pixel) and the lane names beside their lanes in step with them."""
        layout = self.events_item.layout
        page = self._page_height()
        room = float(np.ceil(max(layout.height - page, 0.0)))  # whole pixels, as the bar's
        self._scroll = min(max(self._scroll, 0.0), room)
        bar = self.lane_scroll_bar
        bar.blockSignals(True)
        bar.setRange(0, int(room))
        bar.setPageStep(int(page))
        bar.setSingleStep(int(ROW_PX))
        bar.setValue(round(self._scroll))
        bar.setEnabled(room > 0)
        bar.blockSignals(False)
        no_lane = self.tr("(no lane)")
        self.lane_axis.set_lanes(
            [(lane.top, lane.height, lane.lane.name or no_lane, lane.collapsed)
             for lane in layout.lanes]
        )  # fmt: skip
        _, (y0, y1) = self.view_box.viewRange()
        if (y0, y1) != (self._scroll, self._scroll + page):
            self.view_box.setYRange(self._scroll, self._scroll + page, padding=0)

    def _set_limits(self) -> None:
        first, last = (b - self.data.origin for b in self._bounds)
        span = max(last - first, MIN_LIMIT_SPAN)
        margin = span * 0.1
        centre = (first + last) / 2
        self.view_box.setLimits(
            xMin=centre - span / 2 - margin, xMax=centre + span / 2 + margin,
            minXRange=MIN_SPAN, maxXRange=span + 2 * margin,
        )  # fmt: skip

    def apply_look(self, look: Look) -> None:
        """Colours for a light or dark background: every item's come from ``look``."""
        self.look = look
        self.plot.setBackground(look.background)
        self.empty_message.setStyleSheet(f"color: {look.text}; font-size: 12pt")
        for item in (self.axis, self.plot.getAxis("left")):
            item.setTextPen(look.text)
            item.setPen(look.axis)
        self.now_line.setPen(pg.mkPen(look.now_line, width=1, style=Qt.PenStyle.DashLine))
        self.events_item.set_look(look)
        self.overview.set_look(look)

    # -- view ---------------------------------------------------------------------------------
    def fit_all(self) -> None:
        span = max(self.data.x_max - self.data.x_min, 86_400.0)
        centre = (self.data.x_min + self.data.x_max) / 2
        self.view_box.setXRange(centre - span * 0.52, centre + span * 0.52, padding=0)

    def shown_time_bounds(self) -> tuple[float, float]:
        """The first start and last end of the shown events (of all, when none is shown)."""
        if not self.data.lanes:
            return self._bounds
        return self.data.x_min + self.data.origin, self.data.x_max + self.data.origin

    def set_time_range(self, start: float, end: float) -> None:
        self.view_box.setXRange(start - self.data.origin, end - self.data.origin, padding=0)

    def time_range(self) -> tuple[float, float]:
        (x0, x1), _ = self.view_box.viewRange()
        return x0 + self.data.origin, x1 + self.data.origin

    def zoom(self, factor: float, centre_x: float | None = None) -> None:
        """Zoom by ``factor`` (>1 zooms in) around a view x (the centre by default)."""
        (x0, x1), _ = self.view_box.viewRange()
        span = x1 - x0
        centre = (x0 + x1) / 2 if centre_x is None else centre_x
        new_span = max(span / factor, MIN_SPAN)
        left = centre - (centre - x0) / span * new_span  # the centre stays where it was on screen
        self.view_box.setXRange(left, left + new_span, padding=0)

    # -- selection ------------------------------------------------------------------------------
    @property
    def selected_event(self) -> int | None:
        return self._selected

    def select_event(self, index: int | None, reveal: bool = False) -> None:
        if index == self._selected:
            return
        self._selected = index
        self.events_item.set_selected(index)
        if reveal and index is not None:
            self._reveal(index)
        self.event_selected.emit(index)

    def step_selection(self, step: int) -> None:
        """Select the next (+1) or previous (-1) event in time and bring it into view."""
        order = self.data.order
        if len(order) == 0:
            return
        if self._selected is None:
            position = 0 if step > 0 else len(order) - 1
        else:
            current = int(np.flatnonzero(order == self._selected)[0])
            position = min(max(current + step, 0), len(order) - 1)
        self.select_event(int(order[position]), reveal=True)

    def _reveal(self, index: int) -> None:
        events = self.data.events
        start = float(events.start[index] - self.data.origin) + events.start_ns[index] * 1e-9
        (x0, x1), _ = self.view_box.viewRange()
        if not x0 <= start <= x1:
            half = (x1 - x0) / 2
            self.view_box.setXRange(start - half, start + half, padding=0)
        span = self.events_item.view_y_of(index)
        if span is not None:  # and its row into view, if the lanes are scrolled away from it
            top, bottom = span
            if top < self._scroll or bottom > self._scroll + self._page_height():
                self._scroll = top - self._page_height() / 3
                self._sync_lanes()

    # -- input --------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        order = self.data.order
        actions = {
            Qt.Key.Key_Plus: lambda: self.zoom(ZOOM_STEP),
            Qt.Key.Key_Equal: lambda: self.zoom(ZOOM_STEP),
            Qt.Key.Key_Minus: lambda: self.zoom(1 / ZOOM_STEP),
            Qt.Key.Key_0: self.fit_all,
            Qt.Key.Key_Right: lambda: self.step_selection(1),
            Qt.Key.Key_Left: lambda: self.step_selection(-1),
            Qt.Key.Key_Home: lambda: len(order) and self.select_event(int(order[0]), reveal=True),
            Qt.Key.Key_End: lambda: len(order) and self.select_event(int(order[-1]), reveal=True),
            Qt.Key.Key_PageDown: lambda: self.scroll_lanes(self._page_height() * 0.9),
            Qt.Key.Key_PageUp: lambda: self.scroll_lanes(-self._page_height() * 0.9),
        }
        action = actions.get(Qt.Key(key))
        if action is None:
            super().keyPressEvent(event)
            return
        action()
        event.accept()

    def _on_events_item_event_clicked(self, index: object) -> None:
        self.setFocus()
        self.select_event(index if isinstance(index, int) else None)

    def _on_events_item_context_requested(self, index: int, where: QPoint) -> None:
        """The menu acts on what is selected, so a right click selects its event first."""
        self.setFocus()
        self.select_event(index)
        self.event_context_requested.emit(index, where)

    def _on_events_item_zoom_requested(self, x0: float, x1: float) -> None:
        self.view_box.setXRange(x0, x1, padding=0)

    def _on_events_item_double_clicked(self, x: float) -> None:
        self.zoom(ZOOM_STEP, centre_x=x)

    def _on_view_box_x_range_changed(self, _box: object, x_range: tuple[float, float]) -> None:
        self.overview.show_view(*x_range)
        start, end = self.time_range()
        self.span_label.setText(self.wording.span(start, end) if self.data.lanes else "")
        self._sync_lanes()

    def _on_view_box_resized(self, _box: object) -> None:
        self._sync_lanes()

    def _on_lane_axis_lane_clicked(self, number: int) -> None:
        if 0 <= number < len(self.data.lanes):
            name = self.data.lanes[number].name
            self.set_lane_collapsed(name, name not in self.collapsed_lanes)

    def _on_lane_scroll_bar_value_changed(self, value: int) -> None:
        self._scroll = float(value)
        self._sync_lanes()

    def _on_overview_region_moved(self, x0: float, x1: float) -> None:
        if x1 - x0 >= MIN_SPAN:
            self.view_box.setXRange(x0, x1, padding=0)
