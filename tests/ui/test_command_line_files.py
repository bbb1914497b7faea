"""Files named on the command line load in the background, as dropped ones: the window is up
before they are read, with progress and Cancel, and their problems go to the Problems panel."""

from __future__ import annotations

import threading

import pytest

from viewer.io import loading
from viewer.io.readers import delimited_reader, file_access
from viewer.ui import file_loader

BLOCK = 64 << 10  # parsed at a time here (8 MB in the app), so a small file has many blocks


@pytest.fixture
def big_csv(tmp_path, monkeypatch):
    monkeypatch.setattr(delimited_reader, "_BLOCK", BLOCK)
    monkeypatch.setattr(file_access, "_CHUNK", BLOCK)
    path = tmp_path / "big.csv"
    lines = (
        f"2026-{1 + i % 12:02d}-{1 + i % 28:02d},Event {i:08d},Lane {i % 5}" for i in range(40_000)
    )
    path.write_text("date,title,lane\n" + "\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def held_load(monkeypatch):
    """The real load, held at its first report of progress until the test lets it go."""
    go_on, reported = threading.Event(), []

    def load_file(path, options, is_cancelled, on_progress):
        def on_progress_held(fraction):
            reported.append(fraction)
            go_on.wait(10)
            on_progress(fraction)

        return loading.load_file(
            path, options, is_cancelled=is_cancelled, on_progress=on_progress_held
        )

    monkeypatch.setattr(file_loader, "_load_file", load_file)
    return go_on, reported


def test_the_window_is_up_before_the_file_is_read_then_its_events_come(
    start, big_csv, held_load, qtbot
):
    go_on, _reported = held_load
    app = start([big_csv])
    qtbot.waitExposed(app.window)
    assert len(app.session.events) == 0  # still loading
    assert app.window.progress.isVisible()
    assert app.window.cancel_button.isVisible()
    assert app.window.timeline.empty_message.text() == "Loading…"
    go_on.set()
    qtbot.waitUntil(lambda: len(app.session.events) == 40_000, timeout=10_000)
    assert app.window.windowTitle() == "big.csv — Timeline Viewer"
    assert not app.window.progress.isVisible()


def test_the_progress_bar_moves_with_the_bytes_read(start, big_csv, qtbot):
    values: list[int] = []
    app = start([])  # the sample, then the big file named as on the command line
    app.window.progress.valueChanged.connect(values.append)
    app.files.open([str(big_csv)])
    qtbot.waitUntil(lambda: len(app.session.sources) == 2, timeout=10_000)
    assert values == sorted(values)
    steps = app.window.progress.maximum()
    assert len([v for v in values if 0 < v < 0.8 * steps]) >= 10  # not one jump per step


def test_cancel_stops_a_command_line_load_within_a_few_blocks(start, big_csv, held_load, qtbot):
    go_on, reported = held_load
    app = start([big_csv])
    qtbot.waitUntil(lambda: bool(reported), timeout=10_000)  # the load is under way
    app.window.cancel_button.click()
    go_on.set()
    app.loader.wait()  # the worker has stopped: it did not read on to the end
    assert max(reported) < 0.5
    assert len(app.session.events) == 0
    assert not app.window.progress.isVisible()
    assert app.window.status_text.text() == "Load cancelled"


def test_a_command_line_file_that_cannot_be_read_is_named_in_problems(start, tmp_path, qtbot):
    bad = tmp_path / "notes.csv"
    bad.write_text("date,title\n", encoding="utf-8")  # a header, no rows
    app = start([bad])
    qtbot.waitUntil(lambda: app.loader.busy == 0, timeout=10_000)
    summary = app.window.problems.summary.text()
    assert "notes.csv" in summary
    assert "has a header but no rows" in summary
    assert app.window.windowTitle() == "Timeline Viewer"


def test_the_last_sessions_files_load_in_the_background_too(start, big_csv, held_load, qtbot):
    go_on, _reported = held_load
    first = start([big_csv])
    go_on.set()
    qtbot.waitUntil(lambda: len(first.session.events) == 40_000, timeout=10_000)
    first.window.timeline.set_time_range(1.78e9, 1.79e9)
    first.save_state()
    go_on.clear()
    again = start([])  # no file named: the last session comes back
    assert len(again.session.events) == 0  # the window is up, the file still loading
    go_on.set()
    qtbot.waitUntil(lambda: len(again.session.events) == 40_000, timeout=10_000)
    assert again.window.timeline.time_range() == pytest.approx((1.78e9, 1.79e9))
