"""A query that does not parse says what is wrong under the search box, as plain text, and keeps
the last good query's matches listed; a good query takes the message away."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMenu

from viewer.io.load_report import LoadReport
from viewer.model.event_table import EventTable
from viewer.state.session import Session, Source
from viewer.ui import search_runner
from viewer.ui.main_window import MainWindow

TITLES = ["Court hears appeal", "Opening statements", "Ruling on motion", "<b>court</b> clerk"]


@pytest.fixture
def window(qtbot):
    session = Session()
    built = MainWindow()
    qtbot.addWidget(built)
    built.bind(session)
    events = EventTable.from_columns(start=np.arange(len(TITLES)) * 86_400, title=TITLES)
    session.replace_all([Source("cases.csv", LoadReport("cases.csv"), events)])
    built.resize(1200, 700)
    built.show()
    qtbot.waitExposed(built)
    yield built
    built.search.runner.wait()


def type_into(qtbot, window: MainWindow, text: str) -> None:
    window.search.field.clear()
    qtbot.keyClicks(window.search.field, text)


def test_a_bad_query_is_explained_under_the_box_and_a_good_one_clears_it(window, qtbot):
    problem, field = window.search.problem, window.search.field
    type_into(qtbot, window, "titel:court")
    qtbot.waitUntil(problem.isVisible)
    assert 'Unknown field "titel:"' in problem.text()
    assert "title, excerpt, lane, source, tag, note, date, is" in problem.text()
    field_bottom = field.mapTo(window, QPoint(0, field.height())).y()
    assert problem.geometry().top() >= field_bottom  # under the box, not over it
    assert abs(problem.geometry().left() - field.mapTo(window, QPoint(0, 0)).x()) <= 2
    assert problem.textFormat() == Qt.TextFormat.PlainText
    type_into(qtbot, window, "title:court")
    qtbot.waitUntil(lambda: not problem.isVisible())
    assert list(window._session.matches) == [0, 3]


def test_while_a_query_is_wrong_the_last_good_ones_matches_stay_listed(window, qtbot):
    session = window._session
    type_into(qtbot, window, 'court "opening')  # typing a phrase: the quote is not closed yet
    qtbot.waitUntil(window.search.problem.isVisible)
    assert "Unclosed quote" in window.search.problem.text()
    assert "last complete search" in window.search.problem.text()
    assert list(session.matches) == [0, 3]  # those of ``court "opening`` before the quote
    assert window.table.model.rowCount() == 2
    qtbot.keyClicks(window.search.field, ' statements"')
    qtbot.waitUntil(lambda: not window.search.problem.isVisible())
    assert list(session.matches) == []  # court and "opening statements": none has both


def test_a_dangling_or_and_a_bad_date_are_explained(window, qtbot):
    type_into(qtbot, window, "court OR")
    qtbot.waitUntil(window.search.problem.isVisible)
    assert window.search.problem.text().startswith("OR needs a search term on each side")
    type_into(qtbot, window, "date:2026-13")
    qtbot.waitUntil(lambda: '"2026-13" is not a date' in window.search.problem.text())


def test_a_bad_query_typed_into_a_large_table_shows_its_problem_without_waiting(
    window, qtbot, monkeypatch
):
    monkeypatch.setattr(search_runner, "BACKGROUND_FROM", 1)  # searched off the GUI thread
    session = window._session
    type_into(qtbot, window, "ruling")
    qtbot.waitUntil(lambda: session.search_text == "ruling")
    qtbot.keyClicks(window.search.field, " -")  # the problem shows at the key itself
    assert window.search.problem.isVisible()
    assert list(session.matches) == [2]
    qtbot.keyClicks(window.search.field, "motion")
    qtbot.waitUntil(lambda: session.search_text == "ruling -motion")
    assert not window.search.problem.isVisible()
    assert list(session.matches) == []


def test_help_shows_the_search_syntax_with_examples_that_parse(lanes_app, qtbot):
    from viewer.model.search_query import parse_query

    window = lanes_app.window
    help_menu = next(m for m in window.menuBar().findChildren(QMenu) if "Help" in m.title())
    assert window.actions.search_syntax in help_menu.actions()
    window.actions.search_syntax.trigger()
    dialog = lanes_app.search_syntax
    qtbot.waitUntil(lambda: dialog is not None and dialog.isVisible())
    typed = [dialog.table.item(row, 0).text() for row in range(dialog.table.rowCount())]
    assert any("date:2026-04-27..2026-05-03" in t for t in typed)
    assert any("is:starred" in t for t in typed)
    for example in typed:  # every example shown is one the search box takes
        parse_query(example)
    dialog.close()
