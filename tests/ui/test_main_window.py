"""The application as a user meets it: launch, click, drop files, search, filter, reload."""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from viewer import settings
from viewer.app import build_application
from viewer.model.instants import seconds_at

SAMPLE_TITLES = 9


@pytest.fixture
def app_settings(tmp_path):
    return settings.open_settings(str(tmp_path / "settings.ini"))


def declined(name, columns, rows, reason, current):
    return None  # the user cancels the mapping dialog


BUILT = []


# The fonts the app is told are installed: the machine's own vary (only DejaVu on a fresh one).
def with_cjk_font(system):
    return ["Noto Sans CJK SC"]


def without_cjk_font(system):
    return []


@pytest.fixture(autouse=True)
def _shut_down_applications():
    yield
    while BUILT:
        BUILT.pop().shutdown()


def build(qtbot, files, app_settings, font_families=with_cjk_font):
    built = build_application(files, app_settings, font_families)
    built.files.mapping.ask = declined  # no modal dialog in tests unless one asks for it
    qtbot.addWidget(built.window)
    BUILT.append(built)
    qtbot.waitUntil(lambda: built.loader.busy == 0, timeout=10_000)  # files load in the background
    return built


@pytest.fixture
def application(qtbot, app_settings):
    built = build(qtbot, [], app_settings)
    built.window.show()
    qtbot.waitExposed(built.window)
    return built


def drop(window, paths: list[str], modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(p) for p in paths])
    event = QDropEvent(
        QPointF(300, 300), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, modifiers
    )
    window.dropEvent(event)


def wait_loaded(qtbot, application, count: int) -> None:
    qtbot.waitUntil(
        lambda: len(application.session.sources) == count and application.loader.busy == 0,
        timeout=10_000,
    )


def write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_launch_opens_on_the_sample_timeline_fitted(application):
    session = application.session
    assert len(session.events) == SAMPLE_TITLES
    start, end = application.window.timeline.time_range()
    assert start <= seconds_at(2026, 4, 27)
    assert end >= seconds_at(2032)


def test_clicking_an_event_shows_its_excerpt_in_the_details(application, qtbot):
    timeline = application.window.timeline
    timeline.set_time_range(seconds_at(2026, 4, 20), seconds_at(2026, 7, 1))
    timeline.plot.grab()
    frame = application.session.events.frame
    target = int(np.flatnonzero(frame["title"] == "Jury selection begins in Musk v. OpenAI")[0])
    left, _, y, drawn = timeline.events_item.layout.marks()
    k = int(np.flatnonzero(drawn == target)[0])
    qtbot.mouseClick(
        timeline.plot.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(int(left[k] + 5), int(y[k]))
    )
    assert application.session.selected == target
    text = application.window.details.browser.toPlainText()
    assert "Jury selection gets under way" in text
    assert application.window.table.selected_event == target


def test_dropped_files_load_beside_the_sample(application, qtbot, tmp_path):
    one = write(tmp_path, "one.csv", "date,title\n2026-05-01,First drop\n")
    two = write(tmp_path, "two.csv", "date,title\n2026-05-02,Second drop\n2026-05-03,Third drop\n")
    drop(application.window, [one])
    wait_loaded(qtbot, application, 2)
    drop(application.window, [two])
    wait_loaded(qtbot, application, 3)
    assert len(application.session.events) == SAMPLE_TITLES + 3


def test_dropping_a_folder_loads_the_timelines_inside(application, qtbot, tmp_path):
    folder = tmp_path / "story"
    folder.mkdir()
    write(folder, "a.csv", "date,title\n2026-05-01,A\n")
    write(folder, "b.csv", "date,title\n2026-05-02,B\n")
    drop(application.window, [str(folder)])
    wait_loaded(qtbot, application, 3)


def test_dropping_with_ctrl_replaces_what_is_loaded(application, qtbot, tmp_path):
    one = write(tmp_path, "one.csv", "date,title\n2026-05-01,Only this\n")
    drop(application.window, [one], Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: application.session.source_paths() == [one], timeout=10_000)
    assert len(application.session.events) == 1


def test_a_bad_file_gets_a_message_and_the_loaded_events_stay(application, qtbot, tmp_path):
    bad = write(tmp_path, "notes.txt", "just some words\nand more words\n")
    before = application.session.events.frame.copy()
    drop(application.window, [bad])
    qtbot.waitUntil(lambda: application.loader.busy == 0, timeout=10_000)
    assert "notes.txt" in application.window.problems.summary.text()
    assert application.session.events.frame.equals(before)


def test_a_file_too_big_for_memory_is_named_in_problems_and_the_loaded_events_stay(
    application, qtbot, tmp_path, monkeypatch
):
    def no_memory(*_args):
        raise MemoryError

    monkeypatch.setattr("viewer.io.readers.delimited_reader.read_whole_buffer", no_memory)
    monkeypatch.setattr("viewer.io.readers.delimited_reader.open_file_blocks", no_memory)
    big = write(tmp_path, "big.csv", "date,title\n2026-05-01,Never shown\n")
    before = application.session.events.frame.copy()
    drop(application.window, [big])
    qtbot.waitUntil(lambda: application.loader.busy == 0, timeout=10_000)
    summary = application.window.problems.summary.text()
    assert "not enough memory to read big.csv (" in summary
    assert "close other programs" in summary
    assert application.session.events.frame.equals(before)


def test_search_highlights_matches_and_filters_the_table(application, qtbot):
    window = application.window
    window.search.field.setText("openai")
    matches = application.session.matches
    assert 0 < len(matches) < SAMPLE_TITLES
    assert window.table.model.rowCount() == len(matches)
    assert set(window.timeline.events_item.highlighted.tolist()) == set(matches.tolist())
    qtbot.keyClick(window.search.field, Qt.Key.Key_Return)
    assert application.session.selected == int(matches[0])
    assert window.search.count.text() == f"1 of {len(matches)}"
    qtbot.keyClick(window.search.field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert application.session.selected == int(matches[-1])


def test_chinese_search_finds_chinese_titles(qtbot, app_settings):
    built = build(qtbot, [str(Path("data/sample_timeline_zh.csv"))], app_settings)
    built.window.search.field.setText("微软")
    assert len(built.session.matches) >= 2


def test_hiding_a_lane_removes_its_events_from_timeline_and_table(application):
    legend = application.window.legend.list
    item = next(
        legend.item(i)
        for i in range(legend.count())
        if legend.item(i).text().startswith("Musk v. OpenAI")
    )
    item.setCheckState(Qt.CheckState.Unchecked)
    names = [lane.name for lane in application.window.timeline.data.lanes]
    assert "Musk v. OpenAI" not in names
    assert application.window.table.model.rowCount() == SAMPLE_TITLES - 2


def test_live_reload_picks_up_a_rewritten_file_and_keeps_the_selection(
    qtbot, app_settings, tmp_path
):
    path = write(tmp_path, "live.csv", "date,title\n2026-05-01,Kept\n2026-05-02,Old\n")
    built = build(qtbot, [path], app_settings)
    built.session.select(0)
    time.sleep(0.05)
    Path(path).write_text(
        "date,title\n2026-05-01,Kept\n2026-05-02,New\n2026-05-03,Added\n", encoding="utf-8"
    )
    qtbot.waitUntil(lambda: len(built.session.events) == 3, timeout=10_000)
    assert built.session.selected is not None
    assert built.session.events.frame["title"].iat[built.session.selected] == "Kept"


def test_settings_round_trip_restores_the_last_session(qtbot, app_settings, tmp_path):
    path = write(tmp_path, "kept.csv", "date,title,lane\n2026-05-01,Kept,A\n2026-06-01,Other,B\n")
    first = build(qtbot, [path], app_settings)
    first.window.timeline.set_time_range(seconds_at(2026, 4, 1), seconds_at(2026, 7, 1))
    first.session.set_lane_visible("B", False)
    first.save_state()
    second = build(qtbot, [], settings.open_settings(app_settings.file_name()))
    assert second.session.source_paths() == [path]
    assert second.session.hidden_lanes == {"B"}
    assert second.window.timeline.time_range() == pytest.approx(
        (seconds_at(2026, 4, 1), seconds_at(2026, 7, 1))
    )


def test_the_sample_returns_when_the_last_files_are_gone(qtbot, app_settings, tmp_path):
    app_settings.set(settings.SESSION_SOURCES, [str(tmp_path / "deleted.csv")])
    built = build(qtbot, [], app_settings)
    assert len(built.session.events) == SAMPLE_TITLES


def test_an_excerpt_with_markup_shows_as_literal_text(qtbot, app_settings, tmp_path):
    path = write(
        tmp_path,
        "evil.csv",
        'date,title,excerpt\n2026-05-01,Evil,"<script>alert(1)</script> <img src=x>"\n',
    )
    built = build(qtbot, [path], app_settings)
    built.session.select(0)
    text = built.window.details.browser.toPlainText()
    assert "<script>alert(1)</script>" in text
    assert "<img src=x>" in text


def test_every_action_with_a_shortcut_is_listed_in_the_shortcuts_dialog(application, qtbot):
    from viewer.ui.shortcuts_dialog import ShortcutsDialog
    from viewer.ui.window_actions import plain_text

    window = application.window
    toggles = [dock.toggleViewAction() for dock in window.docks()]
    dialog = ShortcutsDialog(window.actions, window, toggles)
    qtbot.addWidget(dialog)
    listed = {dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())}
    for action in [*window.actions.all(), *toggles]:
        assert not action.shortcut().isEmpty(), action.text()
        assert plain_text(action) in listed


def test_a_file_without_a_recognisable_date_column_asks_and_remembers_the_mapping(
    qtbot, app_settings, tmp_path
):
    path = write(
        tmp_path, "german.csv", "Datum,Titel\n27.04.2026,Ankündigung\n28.04.2026,Eröffnung\n"
    )
    # "Datum" is no header we know, and dotted dates are found by content; make it unguessable:
    Path(path).write_text(
        "Wann,Was\nMontag nach Ostern 2026,Ankündigung\n2026-04-28,Eröffnung\n", encoding="utf-8"
    )
    built = build(qtbot, [str(Path("data/sample_timeline_en.csv"))], app_settings)
    asked = []

    def answer(name, columns, rows, reason, current):
        asked.append((name, columns, rows[0]))
        return {"start": "Wann", "title": "Was"}, None

    built.files.mapping.ask = answer
    drop(built.window, [path])
    qtbot.waitUntil(lambda: len(built.session.sources) == 2, timeout=10_000)
    assert asked[0][0] == "german.csv"
    assert asked[0][1] == ["Wann", "Was"]
    assert app_settings.mapping_for(path)["start"] == "Wann"
    titles = set(built.session.events.frame["title"])
    assert "Eröffnung" in titles  # the one row with a readable date loaded; the other is reported


def test_ambiguous_day_month_order_is_asked_and_the_answer_reloads_the_file(
    qtbot, app_settings, tmp_path
):
    path = write(tmp_path, "orders.csv", "date,title\n01/02/2026,First\n03/04/2026,Second\n")
    built = build(qtbot, [], app_settings)
    built.files.mapping.ask = lambda name, columns, rows, reason, current: (
        {"start": "date", "title": "title"},
        True,
    )
    drop(built.window, [path])
    qtbot.waitUntil(
        lambda: any(
            s.path == path and s.events.frame["start"].iat[0] == seconds_at(2026, 2, 1)
            for s in built.session.sources
        ),
        timeout=10_000,
    )
    assert app_settings.mapping_for(path)["order"] == "day"


def test_the_dark_theme_darkens_the_window_and_the_timeline_and_is_remembered(
    application, app_settings
):
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QApplication

    application.appearance.set_theme("dark")
    window = QApplication.instance().palette().color(QPalette.ColorRole.Window)
    assert window.lightnessF() < 0.3
    image = application.window.timeline.plot.grab().toImage()
    corner = image.pixelColor(image.width() - 5, 5)
    assert corner.lightnessF() < 0.3
    assert app_settings.get(settings.THEME) == "dark"
    application.appearance.set_theme("light")
    image = application.window.timeline.plot.grab().toImage()
    assert image.pixelColor(image.width() - 5, 5).lightnessF() > 0.9


def test_following_the_system_picks_dark_or_light_from_the_colour_scheme():
    from viewer.ui.theme import DARK, LIGHT, resolve_theme

    assert resolve_theme("system", Qt.ColorScheme.Dark) is DARK
    assert resolve_theme("system", Qt.ColorScheme.Light) is LIGHT
    assert resolve_theme("dark", Qt.ColorScheme.Light) is DARK


def test_chinese_text_without_a_cjk_font_brings_a_notice_naming_the_package(qtbot, app_settings):
    zh = str(Path("data/sample_timeline_zh.csv"))
    built = build(qtbot, [zh], app_settings, font_families=without_cjk_font)
    assert built.font_notice.notice is not None
    assert built.font_notice.notice.isVisible()
    assert "fonts-noto-cjk" in built.font_notice.notice.text()
    built.font_notice.notice.close()


def test_no_notice_when_a_cjk_font_is_installed(qtbot, app_settings):
    built = build(qtbot, [str(Path("data/sample_timeline_zh.csv"))], app_settings, with_cjk_font)
    assert built.font_notice.notice is None


def test_no_notice_for_text_without_cjk_characters_even_without_a_cjk_font(
    qtbot, app_settings, tmp_path
):
    path = write(tmp_path, "latin.csv", "date,title\n2026-05-01,Plain Latin text\n")
    built = build(qtbot, [path], app_settings, font_families=without_cjk_font)
    assert built.font_notice.notice is None


def test_the_date_range_filter_reads_any_date_form_and_narrows_timeline_and_table(application):
    dates = application.window.date_filter
    dates.start.setText("April 28, 2026")
    dates.end.setText("2030")
    dates._apply()
    frame = application.session.events.frame
    shown = frame.iloc[application.session.shown]
    assert set(shown["title"]) >= {
        "OpenAI's revenue share to Microsoft ends",
        "Opening statements expected in Musk v. OpenAI",
    }
    assert "Microsoft's licence to OpenAI models ends" not in set(shown["title"])  # 2032
    assert application.window.table.model.rowCount() == len(application.session.shown)
    dates.start.setText("not a date at all")
    dates._apply()
    assert "Not a date" in dates.message.text()
    dates.clear()
    assert len(application.session.shown) == SAMPLE_TITLES


def test_main_widgets_have_accessible_names(application):
    w = application.window
    for widget in (w.timeline, w.table.table, w.details.browser, w.legend.list, w.sources.list,
                   w.search.field, w.problems.tree, w.date_filter.start):  # fmt: skip
        assert widget.accessibleName(), widget


def focus_after_keys(qtbot, key: Qt.Key, count: int, modifier=Qt.KeyboardModifier.NoModifier):
    """The widget that has the focus after each of ``count`` presses of ``key``."""
    from PySide6.QtWidgets import QApplication

    seen = []
    for _ in range(count):
        qtbot.keyClick(QApplication.focusWidget(), key, modifier)
        seen.append(QApplication.focusWidget())
    return seen


def test_tab_moves_the_focus_through_the_panels_in_reading_order(application, qtbot):
    w = application.window
    order = [w.search.field, w.timeline, w.table.table, w.details.browser, w.legend.list,
             w.date_filter.start, w.date_filter.end, w.sources.list]  # fmt: skip
    w.activateWindow()
    qtbot.waitActive(w)
    w.search.field.setFocus()
    qtbot.waitUntil(lambda: w.search.field.hasFocus())
    names = {id(widget): widget.accessibleName() for widget in order}

    def named(widgets):
        return [names.get(id(widget), type(widget).__name__) for widget in widgets]

    forward = focus_after_keys(qtbot, Qt.Key.Key_Tab, len(order) - 1)
    assert named(forward) == named(order[1:])
    backward = focus_after_keys(
        qtbot, Qt.Key.Key_Backtab, len(order) - 1, Qt.KeyboardModifier.ShiftModifier
    )
    assert named(backward) == named(order[-2::-1])
    # On through the remaining controls, and round to the search field again.
    w.sources.list.setFocus()
    assert w.search.field in focus_after_keys(qtbot, Qt.Key.Key_Tab, 20)


def test_export_image_writes_the_filtered_timeline_with_its_title(
    application, tmp_path, monkeypatch
):
    from PySide6.QtGui import QImage

    from viewer.ui.export_image_dialog import ExportImageDialog

    application.session.set_lane_visible("Musk v. OpenAI", False)
    out = tmp_path / "story.svg"
    monkeypatch.setattr(
        ExportImageDialog, "exec", lambda self: ExportImageDialog.DialogCode.Accepted
    )
    application.exports.ask_output = lambda caption, filters, default: str(out)
    application.exports.make_image_dialog = lambda title, caption: _dialog_with_title(
        title, caption, "My story"
    )
    application.exports.export_image()
    text = out.read_text(encoding="utf-8")
    assert "My story" in text
    assert "Cloud" in text
    assert "Musk v. OpenAI" not in text
    png = tmp_path / "story.png"
    application.exports.ask_output = lambda caption, filters, default: str(png)
    application.exports.export_image()
    assert (QImage(str(png)).width(), QImage(str(png)).height()) == (1920, 1080)


def _dialog_with_title(title, caption, new_title):
    from viewer.ui.export_image_dialog import ExportImageDialog

    dialog = ExportImageDialog(title, caption)
    dialog.title.setText(new_title)
    return dialog


def test_export_events_writes_only_the_shown_events_and_never_a_loaded_file(application, tmp_path):
    application.session.set_lane_visible("Musk v. OpenAI", False)
    out = tmp_path / "shown.csv"
    application.exports.ask_output = lambda caption, filters, default: str(out)
    application.exports.export_events()
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1 + SAMPLE_TITLES - 2
    sample = application.session.source_paths()[0]
    before = Path(sample).read_bytes()
    application.exports.ask_output = lambda caption, filters, default: sample
    application.exports.export_events()
    assert Path(sample).read_bytes() == before


def test_open_recent_lists_loaded_files_across_runs(qtbot, app_settings, tmp_path):
    path = write(tmp_path, "recent.csv", "date,title\n2026-05-01,Recent\n")
    first = build(qtbot, [], app_settings)
    drop(first.window, [path])
    wait_loaded(qtbot, first, 2)
    first.save_state()
    second = build(qtbot, [], settings.open_settings(app_settings.file_name()))
    second._fill_recent_menu()
    names = [action.text() for action in second.window.recent_menu.actions()]
    assert "recent.csv" in names


def test_live_reload_can_be_turned_off(qtbot, app_settings, tmp_path):
    path = write(tmp_path, "still.csv", "date,title\n2026-05-01,Before\n")
    built = build(qtbot, [path], app_settings)
    built.window.actions.live_reload.setChecked(False)
    # Longer than the reload delay, and no reload may come.
    with qtbot.assertNotEmitted(built.session.sources_changed, wait=1500):
        Path(path).write_text("date,title\n2026-05-01,After\n2026-05-02,More\n", encoding="utf-8")
    assert built.session.events.frame["title"].tolist() == ["Before"]
    assert app_settings.get(settings.LIVE_RELOAD) is False
