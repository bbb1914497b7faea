from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QLocale, QPoint, Qt

from viewer.model.event_table import EventTable
from viewer.ui.event_table_model import DATE, LANE, SOURCE, TITLE
from viewer.ui.event_table_panel import EventTablePanel

DAY = 86_400


def small_table() -> EventTable:
    """Six events whose columns each sort into a different order."""
    return EventTable.from_columns(
        start=np.array([5, 1, 4, 2, 6, 3]) * DAY,
        title=["echo", "Delta", "alpha", "foxtrot", "Charlie", "bravo"],
        lane=["b", "a", "c", "a", "b", "c"],
        date_text=["d5", "d1", "d4", "d2", "d6", "d3"],
        source=["y.csv", "x.csv", "y.csv", "x.csv", "x.csv", "y.csv"],
        row=[3, 9, 2, 4, 10, 5],
    )


@pytest.fixture
def panel(qtbot) -> EventTablePanel:
    panel = EventTablePanel()
    qtbot.addWidget(panel)
    panel.resize(900, 300)
    panel.set_events(small_table())
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def column(panel: EventTablePanel, col: int) -> list[str]:
    model = panel.model
    return [model.index(r, col).data() for r in range(model.rowCount())]


def events_in_rows(panel: EventTablePanel) -> list[int]:
    return [panel.model.event_at(r) for r in range(panel.model.rowCount())]


def click_header(qtbot, panel: EventTablePanel, section: int) -> None:
    header = panel.table.horizontalHeader()
    x = header.sectionViewportPosition(section) + header.sectionSize(section) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))


def cell_centre(panel: EventTablePanel, row: int) -> QPoint:
    return panel.table.visualRect(panel.model.index(row, TITLE)).center()


def test_the_table_lists_only_the_shown_events_in_date_order(qtbot):
    panel = EventTablePanel()
    qtbot.addWidget(panel)
    panel.set_events(small_table(), np.array([0, 2, 3]))
    assert panel.model.rowCount() == 3
    assert column(panel, DATE) == ["d2", "d4", "d5"]
    assert column(panel, SOURCE) == ["x.csv:4", "y.csv:2", "y.csv:3"]
    assert panel.count_label.text() == "3 of 6 events"


def test_the_date_column_falls_back_to_the_iso_instant_and_tooltips_show_the_excerpt(qtbot):
    panel = EventTablePanel()
    qtbot.addWidget(panel)
    panel.set_events(EventTable.from_columns(start=[0], title="Epoch", excerpt="It begins."))
    index = panel.model.index(0, DATE)
    assert index.data() == "1970-01-01T00:00:00"
    # Escaped inside <qt>: a title is never guessed to be HTML (tests/ui/test_file_text_is_plain).
    assert index.data(Qt.ItemDataRole.ToolTipRole) == "<qt>Epoch<br><br>It begins.</qt>"
    assert panel.count_label.text() == "1 event"


@pytest.mark.parametrize(
    ("section", "ascending", "descending_first"),
    [
        (TITLE, ["alpha", "bravo", "Charlie", "Delta", "echo", "foxtrot"], "foxtrot"),
        (LANE, ["a", "a", "b", "b", "c", "c"], "c"),
        (SOURCE, ["x.csv:4", "x.csv:9", "x.csv:10", "y.csv:2", "y.csv:3", "y.csv:5"], "y.csv:5"),
    ],
)
def test_clicking_a_header_sorts_by_that_column_and_again_reverses_it(
    qtbot, panel, section, ascending, descending_first
):
    click_header(qtbot, panel, section)
    assert column(panel, section) == ascending
    click_header(qtbot, panel, section)
    assert column(panel, section)[0] == descending_first


def test_sorting_is_stable_and_the_date_header_sorts_by_start(qtbot, panel):
    click_header(qtbot, panel, LANE)
    # Ties keep the order the events came in (by index): lane a holds events 1 and 3.
    assert events_in_rows(panel)[:2] == [1, 3]
    click_header(qtbot, panel, DATE)
    assert column(panel, DATE) == ["d1", "d2", "d3", "d4", "d5", "d6"]


def test_clicking_a_row_emits_the_event_index(qtbot, panel):
    row = panel.model.row_of(4)
    with qtbot.waitSignal(panel.event_selected) as blocker:
        qtbot.mouseClick(
            panel.table.viewport(), Qt.MouseButton.LeftButton, pos=cell_centre(panel, row)
        )
    assert blocker.args == [4]
    assert panel.selected_event == 4


def test_select_event_selects_and_scrolls_without_emitting(qtbot):
    panel = EventTablePanel()
    qtbot.addWidget(panel)
    panel.resize(600, 200)
    panel.set_events(
        EventTable.from_columns(start=np.arange(1000), title=[f"e{i}" for i in range(1000)])
    )
    panel.show()
    qtbot.waitExposed(panel)
    with qtbot.assertNotEmitted(panel.event_selected):
        panel.select_event(900)
    rows = panel.table.selectionModel().selectedRows()
    assert [r.row() for r in rows] == [panel.model.row_of(900)]
    assert panel.table.viewport().rect().contains(cell_centre(panel, rows[0].row()))
    with qtbot.assertNotEmitted(panel.event_selected):
        panel.select_event(None)
    assert not panel.table.selectionModel().hasSelection()


def test_sorting_keeps_the_selected_event_selected_without_emitting(qtbot, panel):
    panel.select_event(2)
    with qtbot.assertNotEmitted(panel.event_selected):
        click_header(qtbot, panel, TITLE)
    rows = panel.table.selectionModel().selectedRows()
    assert [panel.model.event_at(r.row()) for r in rows] == [2]


def test_every_events_row_is_found_in_a_sorted_order_first_by_scans_then_by_its_inverse(
    qtbot, panel
):
    click_header(qtbot, panel, TITLE)  # rows no longer in event order
    panel.model.set_shown(np.array([0, 1, 2, 4, 5], dtype=np.int64))  # event 3 hidden
    for _round in range(3):  # more look-ups than are scanned before the inverse is built
        for event in range(6):
            row = panel.model.row_of(event)
            if event == 3:
                assert row is None
            else:
                assert row is not None
                assert panel.model.event_at(row) == event


def test_double_click_and_enter_emit_event_activated(qtbot, panel):
    row = panel.model.row_of(5)
    viewport = panel.table.viewport()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=cell_centre(panel, row))
    with qtbot.waitSignal(panel.event_activated) as blocker:
        qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=cell_centre(panel, row))
    assert blocker.args == [5]
    with qtbot.waitSignal(panel.event_activated) as blocker:
        qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    assert blocker.args == [5]


def test_set_shown_keeps_the_sort_and_the_selection(qtbot, panel):
    click_header(qtbot, panel, TITLE)
    panel.select_event(3)
    with qtbot.assertNotEmitted(panel.event_selected):
        panel.set_shown(np.array([5, 4, 3, 0]))
    assert column(panel, TITLE) == ["bravo", "Charlie", "echo", "foxtrot"]
    assert panel.table.horizontalHeader().sortIndicatorSection() == TITLE
    assert [r.row() for r in panel.table.selectionModel().selectedRows()] == [3]
    assert panel.model.row_of(1) is None
    assert panel.count_label.text() == "4 of 6 events"


def test_a_sorted_table_keeps_its_order_and_ties_as_filters_change(qtbot, panel):
    click_header(qtbot, panel, LANE)
    click_header(qtbot, panel, LANE)  # Z to A: lanes c, b, a; ties in table order
    for shown in ([0, 2, 3, 4, 5], [1, 3], [0, 1, 2, 3, 4, 5], [5, 0, 2]):
        panel.set_shown(np.array(shown))
        lanes = small_table().frame["lane"].to_numpy()
        expected = sorted(shown, key=lambda i: (-ord(lanes[i]), shown.index(i)))
        assert [panel.model.event_at(r) for r in range(len(shown))] == expected


def test_hiding_the_selected_event_is_silent_and_showing_it_again_reselects_it(qtbot, panel):
    panel.select_event(3)
    with qtbot.assertNotEmitted(panel.event_selected):
        panel.set_shown(np.array([0, 1]))
    assert not panel.table.selectionModel().hasSelection()
    assert panel.selected_event == 3  # a filter is not a user's choice to deselect
    with qtbot.assertNotEmitted(panel.event_selected):
        panel.set_shown(np.arange(6))
    rows = panel.table.selectionModel().selectedRows()
    assert [panel.model.event_at(r.row()) for r in rows] == [3]


@pytest.mark.slow
def test_a_million_events_are_listed_sorted_by_title_and_subset_keeping_the_sort(qtbot):
    """How fast is measured by tests/benchmarks/bench_table.py, not here (a timed unit test
    fails whenever the machine is busy)."""
    n = 1_000_000
    order = np.random.default_rng(0).permutation(n)
    events = EventTable.from_columns(
        start=np.arange(n) * DAY,
        title=[f"Event {i}" for i in order],
        lane=[f"Lane {i % 7}" for i in range(n)],
    )
    panel = EventTablePanel()
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    panel.set_events(events, np.arange(n))
    assert panel.model.rowCount() == n
    panel.table.sortByColumn(TITLE, Qt.SortOrder.AscendingOrder)
    qtbot.waitUntil(lambda: not panel.model.sorting, timeout=60_000)  # off the GUI thread
    assert [panel.model.index(r, TITLE).data() for r in range(3)] == [
        "Event 0",
        "Event 1",
        "Event 10",
    ]
    panel.set_shown(np.arange(0, n, 2))
    assert panel.model.rowCount() == n // 2
    titles = [panel.model.index(r, TITLE).data() for r in range(100)]
    assert titles == sorted(titles)


def test_one_files_events_are_listed_by_date_at_once_ties_in_file_order(qtbot):
    """The date order at load is the table's own time order (sorted once, shared with the
    timeline); a header click sorts by another column, and Date sorts back the same way."""
    panel = EventTablePanel()
    qtbot.addWidget(panel)
    panel.resize(900, 300)
    events = EventTable.from_columns(
        start=np.array([2, 1, 2, 1, 3]) * DAY,
        title=["c", "a", "d", "b", "e"],
        date_text=["2nd", "1st", "2nd", "1st", "3rd"],
        row=[2, 3, 4, 5, 6],
    )
    panel.set_events(events)
    panel.show()
    qtbot.waitExposed(panel)
    assert events_in_rows(panel) == [1, 3, 0, 2, 4]
    assert events_in_rows(panel) == events.order.time_order().tolist()
    click_header(qtbot, panel, TITLE)
    click_header(qtbot, panel, TITLE)  # descending
    assert column(panel, TITLE) == ["e", "d", "c", "b", "a"]
    click_header(qtbot, panel, DATE)
    assert events_in_rows(panel) == [1, 3, 0, 2, 4]


def test_a_long_sort_runs_off_the_gui_thread_and_the_rows_wait_in_their_order(
    qtbot, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr("viewer.ui.event_table_model.BACKGROUND_SORT_FROM", 10)
    titles = ["delta", "Alpha", "charlie", "bravo", "echo"] * 4
    events = EventTable.from_columns(start=np.arange(20) * DAY, title=titles)
    panel = EventTablePanel()
    qtbot.addWidget(panel)
    panel.set_events(events)
    with qtbot.waitSignal(panel.model.sorting_changed, timeout=10_000) as started:
        panel.table.sortByColumn(TITLE, Qt.SortOrder.AscendingOrder)
    assert started.args == [True]
    assert "sorting" in panel.count_label.text()
    assert [panel.model.index(r, TITLE).data() for r in range(3)] == ["delta", "Alpha", "charlie"]
    qtbot.waitUntil(lambda: not panel.model.sorting, timeout=10_000)
    listed = [panel.model.index(r, TITLE).data() for r in range(20)]
    assert listed == sorted(titles, key=str.lower)
    assert "sorting" not in panel.count_label.text()


def test_a_sort_under_way_follows_new_events_and_drops_the_old_result(
    qtbot, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr("viewer.ui.event_table_model.BACKGROUND_SORT_FROM", 10)
    first = EventTable.from_columns(
        start=np.arange(12) * DAY, title=[f"old {i:02}" for i in range(12)]
    )
    second = EventTable.from_columns(
        start=np.arange(12) * DAY, title=[f"new {11 - i:02}" for i in range(12)]
    )
    panel = EventTablePanel()
    qtbot.addWidget(panel)
    panel.set_events(first)
    panel.table.sortByColumn(TITLE, Qt.SortOrder.DescendingOrder)
    panel.set_events(second)  # a reload while the first table was being sorted
    qtbot.waitUntil(lambda: not panel.model.sorting, timeout=10_000)
    listed = [panel.model.index(r, TITLE).data() for r in range(12)]
    assert listed == [f"new {i:02}" for i in range(11, -1, -1)]
    assert panel.model.sort_column == TITLE


@pytest.mark.parametrize("in_time_order", [True, False])
def test_a_few_or_many_events_shown_are_listed_by_date_with_ties_in_table_order(
    qtbot, in_time_order: bool
):
    # A search's few matches are put in order by their time ranks, many by a pass over all.
    rng = np.random.default_rng(5)
    n = 400
    start = rng.integers(0, 40, n) * 86_400  # many ties
    if in_time_order:
        start = np.sort(start)
    events = EventTable.from_columns(start=start, title=[f"e{i}" for i in range(n)])
    panel = EventTablePanel()
    qtbot.addWidget(panel)
    panel.set_events(events)
    for size in (3, 20, 300):
        shown = np.sort(rng.choice(n, size, replace=False)).astype(np.int64)
        panel.set_shown(shown)
        expected = sorted(shown.tolist(), key=lambda i: (start[i], i))
        assert events_in_rows(panel) == expected


@pytest.mark.parametrize("locale", [QLocale.c(), QLocale(QLocale.Language.German)])
def test_the_count_is_grouped_as_the_other_counts_whatever_the_system_locale(qtbot, locale):
    QLocale.setDefault(locale)  # a minimal system runs in C, which groups no digits
    try:
        panel = EventTablePanel()
        qtbot.addWidget(panel)
        n = 12_345
        panel.set_events(EventTable.from_columns(start=np.arange(n), title="E"), np.arange(1_234))
        assert panel.count_label.text() == "1,234 of 12,345 events"
    finally:
        QLocale.setDefault(QLocale.system())
