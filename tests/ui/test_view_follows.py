"""The view follows what the user asks: a date range moves it, a lane toggle keeps the
selection, a new reading of the dates refits it, a cancelled load stops saying "Loading…"."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from viewer import settings
from viewer.app import build_application
from viewer.model.instants import seconds_at

BUILT = []


@pytest.fixture
def app_settings(tmp_path):
    return settings.open_settings(str(tmp_path / "settings.ini"))


@pytest.fixture(autouse=True)
def _shut_down_applications():
    yield
    while BUILT:
        BUILT.pop().shutdown()


def build(qtbot, files, app_settings):
    built = build_application(files, app_settings, lambda system: ["Noto Sans CJK SC"])
    built.files.mapping.ask = lambda *args: None  # no modal dialog unless a test answers
    qtbot.addWidget(built.window)
    BUILT.append(built)
    qtbot.waitUntil(lambda: built.loader.busy == 0, timeout=10_000)  # files load in the background
    built.window.show()
    qtbot.waitExposed(built.window)
    return built


@pytest.fixture
def application(qtbot, app_settings):
    return build(qtbot, [], app_settings)  # the sample: 2026 to 2032


def drop(window, paths: list[str]) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(p) for p in paths])
    window.dropEvent(
        QDropEvent(QPointF(300, 300), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                   Qt.KeyboardModifier.NoModifier)
    )  # fmt: skip


def write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_a_date_range_moves_the_view_to_it(application):
    dates, timeline = application.window.date_filter, application.window.timeline
    dates.start.setText("May 2026")
    dates.end.setText("2030")
    dates._apply()
    start, end = timeline.time_range()
    assert start == pytest.approx(seconds_at(2026, 5), abs=60)
    assert end == pytest.approx(seconds_at(2031), abs=60)


def test_a_range_without_events_still_moves_the_view_there(application):
    dates, timeline = application.window.date_filter, application.window.timeline
    dates.start.setText("2027")
    dates.end.setText("2028")
    dates._apply()
    start, end = timeline.time_range()
    assert start == pytest.approx(seconds_at(2027), abs=60)
    assert end == pytest.approx(seconds_at(2029), abs=60)


def test_an_open_ended_range_stops_at_the_events_and_clearing_it_fits_all(application):
    dates, timeline = application.window.date_filter, application.window.timeline
    fitted = timeline.time_range()
    dates.start.setText("2030")
    dates._apply()
    start, end = timeline.time_range()
    assert seconds_at(2029, 12) < start <= seconds_at(2030)
    assert end <= fitted[1]
    dates.clear()
    assert timeline.time_range() == pytest.approx(fitted)


def test_toggling_a_lane_keeps_the_selected_event_selected_and_outlined(application):
    session, window = application.session, application.window
    frame = session.events.frame
    chosen = int(frame.index[frame["lane"] != "Musk v. OpenAI"][0])
    session.select(chosen)
    shown_before = window.details.plain_text()
    legend = window.legend.list
    other = next(
        legend.item(i) for i in range(legend.count())
        if legend.item(i).text().startswith("Musk v. OpenAI")
    )  # fmt: skip
    other.setCheckState(Qt.CheckState.Unchecked)
    assert window.timeline.selected_event == chosen
    assert window.timeline.events_item._selected == chosen  # drawn with the selection outline
    assert window.details.plain_text() == shown_before
    other.setCheckState(Qt.CheckState.Checked)
    assert window.timeline.selected_event == chosen


def test_answering_day_first_refits_the_view_to_the_new_reading(qtbot, app_settings, tmp_path):
    # Month first: 2 Jan to 1 Dec 2026; day first: 12 Jan to 1 Feb 2026.
    path = write(tmp_path, "orders.csv", "date,title\n01/02/2026,First\n12/01/2026,Second\n")
    built = build(qtbot, [path], app_settings)
    timeline = built.window.timeline
    assert timeline.time_range()[1] > seconds_at(2026, 11)
    built.files.mapping.ask = lambda name, columns, rows, reason, current: (
        {"start": "date", "title": "title"},
        True,
    )
    qtbot.waitUntil(lambda: timeline.time_range()[1] < seconds_at(2026, 3), timeout=10_000)
    assert timeline.time_range()[0] > seconds_at(2026, 1, 1)


def test_cancelling_a_load_stops_saying_loading(application, qtbot, tmp_path):
    window = application.window
    drop(window, [write(tmp_path, "news.csv", "date,title\n2026-05-01,Later\n")])
    assert "Loading" in window.status_text.text()
    window.cancel_button.click()
    application.loader.wait()
    assert "Loading" not in window.status_text.text()
    assert window.status_text.text()  # it says the load was cancelled
    assert window.progress.isHidden()


def test_escape_in_the_search_box_clears_the_search(application, qtbot):
    field = application.window.search.field
    field.setFocus()
    qtbot.keyClicks(field, "Microsoft")
    assert application.session.searching
    qtbot.keyClick(field, Qt.Key.Key_Escape)
    assert field.text() == ""
    assert not application.session.searching


def test_the_window_title_names_the_open_files(application, qtbot, tmp_path):
    window, session = application.window, application.session

    def title():
        return window.windowHandle().title()  # as shown: Qt reads "[*]" in windowTitle()

    news = write(tmp_path, "news.csv", "date,title\n2026-05-01,A\n")
    court = write(tmp_path, "court[*].csv", "date,title\n2026-05-02,B\n")
    session.replace_all([])
    assert title() == "Timeline Viewer"
    application.files.load_now([news, court])
    assert title() == "news.csv, court[*].csv — Timeline Viewer"
    more = [write(tmp_path, f"more{i}.csv", "date,title\n2026-05-03,C\n") for i in range(3)]
    application.files.load_now(more)
    assert title() == "news.csv, court[*].csv, more0.csv +2 — Timeline Viewer"
    session.remove_source(news)
    assert title().startswith("court[*].csv, more0.csv, more1.csv +1 — ")


def test_at_800_by_550_the_timeline_keeps_the_larger_share_of_the_window(application, qtbot):
    window = application.window
    window.resize(800, 550)
    timeline = window.timeline

    def timeline_has_the_room():
        return (
            timeline.width() > max(window.legend_dock.width(), window.details_dock.width())
            and timeline.height() > window.table_dock.height()
        )

    qtbot.waitUntil(timeline_has_the_room)
