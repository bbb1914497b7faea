"""The timeline shows the session: its events, the ones shown, the search's matches and the
selected event; a click on the timeline selects in the session."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QObject

from viewer.state.session import Session
from viewer.timeline.timeline_widget import TimelineWidget

_DAY = 86_400.0


class TimelineBinding(QObject):
    """Lives as long as its timeline (its child), so no connection outlives the widget."""

    def __init__(self, timeline: TimelineWidget, session: Session) -> None:
        super().__init__(timeline)
        self._timeline, self._session = timeline, session
        session.sources_changed.connect(self._on_session_sources_changed)
        session.filters_changed.connect(self._on_session_filters_changed)
        session.date_range_changed.connect(self._on_session_date_range_changed)
        session.search_changed.connect(self._on_session_search_changed)
        session.selection_changed.connect(self._on_session_selection_changed)
        session.lane_order_changed.connect(self._on_session_lane_order_changed)
        session.annotations_changed.connect(self._on_session_annotations_changed)
        timeline.event_selected.connect(session.select)

    def zoom_to_event(self, index: int) -> None:
        """Bring an event and a margin around it into view (a double-click in a list)."""
        event = self._session.events.event(index)
        start, last = float(event.start), float(event.end_or_start)
        margin = max((last - start) * 0.2, _DAY)
        self._timeline.set_time_range(start - margin, last + margin)

    def _on_session_sources_changed(self, keep_view: bool) -> None:
        s = self._session
        self._timeline.set_events(s.events, s.shown, keep_view, s.lane_colours, s.shown_mask)
        self._on_session_search_changed()

    def _on_session_filters_changed(self) -> None:
        s = self._session
        self._timeline.set_events(s.events, s.shown, True, s.lane_colours, s.shown_mask)

    def _on_session_date_range_changed(self, date_range: object) -> None:
        """The view moves to the dates asked for; an open end (only "from" or only "to") stops
        at the shown events."""
        if not isinstance(date_range, tuple):
            self._timeline.fit_all()
            return
        start, end = date_range
        first, last = self._timeline.shown_time_bounds()
        if start < first or end > last:  # an open end, or a range wider than the events
            start, end = max(start, first), min(end, last)
            margin = max((end - start) * 0.02, _DAY / 2)
            start, end = start - margin, end + margin
        self._timeline.set_time_range(start, end)

    def _on_session_lane_order_changed(self) -> None:
        self._timeline.set_lane_order(self._session.lane_order)

    def _on_session_annotations_changed(self, changed: object) -> None:
        """Stars and tags: only the changed events' entries when the session names them."""
        marks, item = self._session.marks, self._timeline.events_item
        if changed is None:
            item.set_annotations(marks.starred, marks.tagged)
            return
        indices = np.asarray(changed, dtype=np.int64)
        tagged = [int(i) in marks.tags for i in indices.tolist()]
        item.update_annotations(indices, marks.starred[indices], tagged)

    def _on_session_search_changed(self) -> None:
        s = self._session
        self._timeline.events_item.set_highlighted(
            s.matches, s.listed_flags() if s.searching else None
        )

    def _on_session_selection_changed(self, index: object) -> None:
        self._timeline.select_event(index if isinstance(index, int) else None, reveal=True)
