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
