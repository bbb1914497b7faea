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


@pytest.fixture
def start_early(qtbot, tmp_path, cjk_font_installed, monkeypatch):
    """``start_early(files, load=None)``: as ``timeline-viewer FILES`` starts: the files' loads
    begin before the window is built (``head_start``), then the window takes them over."""
    from viewer import settings
    from viewer.app import build_application
    from viewer.head_start import start_head_starts

    apps = []

    def build(files, load=None, before_window=lambda heads: None):
        preferences = settings.open_settings(str(tmp_path / "settings.ini"))
        heads = start_head_starts([str(f) for f in files], preferences, load)
        before_window(heads)
        app = build_application([str(f) for f in files], preferences, cjk_font_installed, heads)
        qtbot.addWidget(app.window)
        apps.append(app)
        app.window.show()
        return app, heads

    yield build
    for app in apps:
        app.shutdown()


def test_a_named_file_begun_before_the_window_is_read_once_and_shown(
    start_early, big_csv, monkeypatch, qtbot
):
    reads = []
    real = file_loader._load_file
    monkeypatch.setattr(file_loader, "_load_file", lambda *a: (reads.append(a[0]), real(*a))[1])
    app, _heads = start_early([big_csv])
    qtbot.waitUntil(lambda: len(app.session.events) == 40_000, timeout=10_000)
    assert reads == [str(big_csv)]  # the window took the early load over: no second read
    assert app.window.windowTitle() == "big.csv — Timeline Viewer"
    assert not app.window.progress.isVisible()


def test_a_file_that_must_be_read_waits_for_the_window(start_early, big_csv, monkeypatch, qtbot):
    # Only the cache is read early: reading the file would hold the GIL from the window's build.
    reads = []
    real = file_loader._load_file
    monkeypatch.setattr(file_loader, "_load_file", lambda *a: (reads.append(a[0]), real(*a))[1])

    def before_window(heads):
        assert not heads.window_built.wait(0.3)
        assert reads == []  # not read while the window is still to be built

    app, _heads = start_early([big_csv], before_window=before_window)
    qtbot.waitUntil(lambda: len(app.session.events) == 40_000, timeout=10_000)
    assert reads == [str(big_csv)]


def test_cancel_stops_a_load_begun_before_the_window(start_early, big_csv, qtbot):
    seen, stopped = threading.Event(), threading.Event()

    def load(path, options, is_cancelled, on_progress):
        seen.set()
        while not is_cancelled():
            on_progress(0.3)
            stopped.wait(0.01)
        stopped.set()
        raise loading.LoadCancelled

    app, _heads = start_early([big_csv], load=load)
    assert seen.wait(5)
    qtbot.waitUntil(app.window.cancel_button.isVisible, timeout=5_000)
    app.window.cancel_button.click()
    assert stopped.wait(5)  # the early load itself stopped, not only its result dropped
    assert app.window.status_text.text() == "Load cancelled"
    assert len(app.session.events) == 0


def test_an_early_load_the_window_does_not_take_over_is_stopped(
    start_early, big_csv, tmp_path, qtbot
):
    other = tmp_path / "other.csv"
    other.write_text("date,title\n2026-04-27,Opening\n", encoding="utf-8")
    stopped: list[str] = []
    load = held_until_cancelled(stopped)

    def before_window(heads):
        # Asked for with other options than it was begun with (the user chose its columns
        # again): the early load is dropped, for the window's own load with those options.
        assert heads.claim(str(other), loading.LoadOptions(day_first=True)) is None

    app, _heads = start_early([big_csv, other], load=load, before_window=before_window)
    wait_until(lambda: stopped == [str(other)])
    # ... and read by the window's own load; big.csv's early load was taken over.
    qtbot.waitUntil(lambda: [s.name for s in app.session.sources] == ["other.csv"], timeout=5_000)
    assert app.loader.busy == 1
    app.loader.cancel()
    wait_until(lambda: sorted(stopped) == sorted([str(other), str(big_csv)]))


def test_an_early_load_of_a_file_the_window_does_not_ask_for_is_stopped(tmp_path, big_csv):
    from viewer import settings
    from viewer.head_start import start_head_starts

    stopped: list[str] = []
    load = held_until_cancelled(stopped)

    preferences = settings.open_settings(str(tmp_path / "settings.ini"))
    heads = start_head_starts([str(big_csv), "-platform", "offscreen"], preferences, load)
    heads.on_window_built()  # a window that asked for none of them (it opened a project)
    wait_until(lambda: stopped == [str(big_csv)])


def held_until_cancelled(stopped: list[str]):
    """A load that runs until it is cancelled, then notes its file in ``stopped``."""

    def load(path, options, is_cancelled, on_progress):
        while not is_cancelled():
            threading.Event().wait(0.01)
        stopped.append(path)
        raise loading.LoadCancelled

    return load


def wait_until(condition, seconds: float = 5.0) -> None:
    deadline = threading.Event()
    for _ in range(int(seconds / 0.01)):
        if condition():
            return
        deadline.wait(0.01)
    assert condition()
