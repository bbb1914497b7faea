"""Events a few microseconds apart, as a user sees them in the Events table and Details."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from viewer.io.loading import load_file
from viewer.model.event_table import EventTable
from viewer.model.instants import seconds_at
from viewer.ui.details_panel import DetailsPanel
from viewer.ui.event_table_model import DATE, TITLE
from viewer.ui.event_table_panel import EventTablePanel

DATA = Path(__file__).resolve().parents[1] / "data"
SECOND = seconds_at(2015, 7, 21, 20, 20, 3)


def _one_second() -> EventTable:
    """Three events inside one second, in the file out of order; no date as written, so the
    table writes the instant itself."""
    return EventTable.from_columns(
        start=[SECOND, SECOND, SECOND],
        start_ns=[123_457_000, 123_456_000, 900_000_000],
        precision="time",
        title=["second", "first", "third"],
    )


def _table(qtbot, events: EventTable) -> EventTablePanel:
    panel = EventTablePanel()
    qtbot.addWidget(panel)
    panel.set_events(events)
    return panel


def _column(panel: EventTablePanel, column: int) -> list[str]:
    model = panel.model
    return [model.index(row, column).data() for row in range(model.rowCount())]


def test_sorting_by_date_orders_events_within_one_second(qtbot):
    panel = _table(qtbot, _one_second())
    panel.model.sort(DATE, Qt.SortOrder.AscendingOrder)
    assert _column(panel, TITLE) == ["first", "second", "third"]
    assert _column(panel, DATE) == [
        "2015-07-21T20:20:03.123456",
        "2015-07-21T20:20:03.123457",
        "2015-07-21T20:20:03.900",
    ]
    panel.model.sort(DATE, Qt.SortOrder.DescendingOrder)
    assert _column(panel, TITLE) == ["third", "second", "first"]


def test_a_timesketch_file_sorts_its_microseconds_in_the_table(qtbot):
    panel = _table(qtbot, load_file(DATA / "timesketch_evtx_part.csv").events)
    panel.model.sort(DATE, Qt.SortOrder.AscendingOrder)
    dates = _column(panel, DATE)
    assert dates[-3:] == [
        "2012-03-14 04:17:43.354562+00:00",
        "2012-03-14 04:17:43.354562+00:00",
        "2012-03-14 04:17:43.354563+00:00",
    ]


def test_details_show_the_microseconds(qtbot):
    panel = DetailsPanel(open_url=lambda url: True)
    qtbot.addWidget(panel)
    events = _one_second()
    panel.show_event(events, 1)
    assert "21 Jul 2015 20:20:03.123456 UTC" in panel.browser.toPlainText()
    panel.show_event(events, 2)
    assert "21 Jul 2015 20:20:03.900 UTC" in panel.plain_text()
