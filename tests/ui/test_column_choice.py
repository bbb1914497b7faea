"""The column choice made visible and changeable: the Files panel shows which column plays each
role, Columns… opens the column dialog with a preview and reloads the file with the answer,
which is remembered per file; close choices and stale remembered ones land in Problems."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog

from viewer import settings
from viewer.app import build_application
from viewer.io.loading import load_file
from viewer.model.instants import seconds_at
from viewer.state.session import Source
from viewer.ui.mapping_dialog import MappingDialog
from viewer.ui.sources_panel import SourcesPanel

DATA = Path(__file__).parent.parent / "data"
WOMEN_IN_COMPUTING = DATA / "timelinejs_women_in_computing.csv"
UFO_SIGHTINGS = DATA / "tidytuesday_ufo_sightings_excerpt.csv"
TAIPEI_VIOLATIONS = DATA / "taipei_labour_violations_minguo_excerpt.csv"
PICTURES = os.environ.get("COLUMN_CHOICE_PNG")  # a folder: the panel and dialog are saved there


def ini(tmp_path: Path) -> settings.Settings:
    return settings.open_settings(str(tmp_path / "settings.ini"))


@pytest.fixture
def start(qtbot, cjk_font_installed):
    built_apps = []

    def build(files: list[Path], preferences: settings.Settings):
        built = build_application([str(f) for f in files], preferences, cjk_font_installed)
        built.files.mapping.ask = lambda *args: None  # no modal dialog unless a test answers
        qtbot.addWidget(built.window)
        built_apps.append(built)
        built.window.resize(1200, 800)
        qtbot.waitUntil(lambda: built.loader.busy == 0, timeout=10_000)
        return built

    yield build
    for built in built_apps:
        built.shutdown()


def first_start(built, path: Path) -> int:
    source = next(s for s in built.session.sources if s.path == str(path))
    return int(source.events.frame.sort_values("row")["start"].iat[0])


def save(widget, name: str) -> None:
    if PICTURES:
        widget.grab().save(str(Path(PICTURES) / name))


def test_the_files_panel_shows_each_files_roles_in_one_line_and_in_full_in_the_tooltip(
    start, tmp_path
) -> None:
    built = start([WOMEN_IN_COMPUTING, UFO_SIGHTINGS], ini(tmp_path))
    panel = built.window.sources
    built.window.show()
    save(built.window, "window.png")
    save(panel, "files-panel.png")
    lines = {panel.list.item(r).text().split("\n")[0]: panel.roles_text(r) for r in range(2)}
    women = next(v for k, v in lines.items() if k.startswith(WOMEN_IN_COMPUTING.name))
    ufo = next(v for k, v in lines.items() if k.startswith(UFO_SIGHTINGS.name))
    full_women = "date: `Year+Month+Day+Time` · end: `End Year+End Month+End Day+End Time` · "
    assert women
    assert women.rstrip("…") in full_women + "title: `Headline` · lane: `Group`"
    assert ufo.startswith("date: `date_time`")
    # One line whatever the names: the roles are cut to the panel's width.
    metrics = panel.list.fontMetrics()
    assert all(metrics.horizontalAdvance(v) <= panel.list.viewport().width() for v in (women, ufo))
    tip = next(panel.list.item(r).toolTip() for r in range(2) if "ufo" in panel.list.item(r).text())
    assert "chosen: `date_time` — an event's date by its name" in tip
    assert "`date_documented` — a record" in tip
    assert "excerpt: `description`" in tip


def test_a_narrower_panel_cuts_the_roles_shorter_and_a_wider_one_shows_more(qtbot) -> None:
    result = load_file(WOMEN_IN_COMPUTING)
    panel = SourcesPanel()
    qtbot.addWidget(panel)
    panel.set_sources([Source(str(WOMEN_IN_COMPUTING), result.report, result.events)])
    panel.resize(260, 300)
    panel.show()
    qtbot.waitExposed(panel)
    narrow = panel.roles_text(0)
    panel.resize(1600, 300)
    qtbot.waitUntil(lambda: panel.roles_text(0) != narrow)
    wide = panel.roles_text(0)
    assert narrow.endswith("…")
    assert wide == "date: `Year+Month+Day+Time` · end: `End Year+End Month+End Day+End Time` · " \
        "title: `Headline` · lane: `Group`"  # fmt: skip


def test_column_names_that_look_like_html_are_shown_as_written(start, tmp_path) -> None:
    path = tmp_path / "html.csv"
    # (A file that begins with "<" is read as XML: the first header is a word first.)
    path.write_text("When <b>bold</b>,<img src=x> title\n2020-01-02,One\n2021-03-04,Two\n")
    built = start([path], ini(tmp_path))
    item = built.window.sources.list.item(0)
    assert "date: `When <b>bold</b>`" in item.text()
    assert "title: `<img src=x> title`" in item.text()
    assert "`When &lt;b&gt;bold&lt;/b&gt;`" in item.toolTip()  # escaped inside <qt>: literal
    assert "<b>" not in item.toolTip()
    assert "<img" not in item.toolTip()


def choose_in_dialog(monkeypatch, start_column: str, seen: dict) -> None:
    """The real dialog, run as the user would: the date column changed, then OK."""

    def run(dialog: MappingDialog) -> int:
        assert "pre-selected" not in seen  # asked once
        seen["pre-selected"] = dialog.role_boxes["start"].currentData()
        seen["preview before"] = dialog.load_preview.date_texts()
        box = dialog.role_boxes["start"]
        box.setCurrentIndex(box.findData(start_column))
        seen["preview after"] = dialog.load_preview.date_texts()
        dialog.resize(900, 720)
        save(dialog, "column-dialog.png")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(MappingDialog, "exec", run)


def test_columns_changes_the_date_column_the_timeline_follows_and_a_restart_keeps_it(
    start, tmp_path, monkeypatch, qtbot
) -> None:
    ufo = tmp_path / UFO_SIGHTINGS.name
    shutil.copy(UFO_SIGHTINGS, ufo)
    preferences = ini(tmp_path)
    preferences.remember_choice(ufo, {}, None)  # the day/month question is not asked meanwhile
    built = start([ufo, WOMEN_IN_COMPUTING], preferences)
    assert first_start(built, ufo) == seconds_at(1949, 10, 10, 20, 30)
    built.files.mapping.ask = built.files.mapping._ask_with_dialog  # the real dialog
    seen: dict = {}
    choose_in_dialog(monkeypatch, "date_documented", seen)
    panel = built.window.sources
    row = next(r for r in range(panel.list.count()) if "ufo" in panel.list.item(r).text())
    panel.list.setCurrentRow(row)
    panel.columns_button.click()
    assert seen["pre-selected"] == "date_time"
    assert seen["preview before"][0].startswith("10 Oct 1949")
    assert seen["preview after"][0].startswith("27 Apr 2004")  # the date the report was written
    qtbot.waitUntil(lambda: first_start(built, ufo) == seconds_at(2004, 4, 27), timeout=10_000)
    assert len(built.session.sources) == 2  # the other file stays loaded
    assert "date: `date_documented`" in panel.roles_text(
        next(r for r in range(panel.list.count()) if "ufo" in panel.list.item(r).text())
    )
    preferences.sync()

    again = start([], ini(tmp_path))  # a restart: the same ini file, a new Settings
    again.files.open([str(ufo)])
    qtbot.waitUntil(lambda: any(s.path == str(ufo) for s in again.session.sources), timeout=10_000)
    assert first_start(again, ufo) == seconds_at(2004, 4, 27)
    tips = [again.window.sources.list.item(r).toolTip() for r in range(2)]
    assert any("chosen by you: `date_documented`" in tip for tip in tips)


def test_double_click_and_the_context_menu_open_the_column_dialog(start, tmp_path) -> None:
    built = start([UFO_SIGHTINGS], ini(tmp_path))
    asked = []
    built.files.mapping.ask = lambda name, columns, rows, reason, current: asked.append(
        (name, current["start"])
    )
    panel = built.window.sources
    item = panel.list.item(0)
    panel.list.itemDoubleClicked.emit(item)
    panel.list.setCurrentItem(item)
    menu = panel.context_menu()
    next(a for a in menu.actions() if a.text() == panel.columns_button.text()).trigger()
    menu.close()
    assert asked == [(UFO_SIGHTINGS.name, "date_time")] * 2


def test_a_close_choice_of_date_column_is_said_in_problems(start, tmp_path) -> None:
    built = start([TAIPEI_VIOLATIONS], ini(tmp_path))
    problems = built.window.problems
    notes = [
        problems.tree.topLevelItem(i).text(3) for i in range(problems.tree.topLevelItemCount())
    ]
    assert "also a date: `處分日期`" in notes
    assert "also a date: `處分日期`" in problems.summary.text()
    save(problems, "problems.png")


def test_a_remembered_column_gone_from_the_file_is_ignored_with_a_note_in_problems(
    start, tmp_path, qtbot
) -> None:
    path = tmp_path / "edited.csv"
    path.write_text("Sighted,What\n2001-02-03,Light\n2002-03-04,Disc\n", encoding="utf-8")
    preferences = ini(tmp_path)
    preferences.remember_choice(path, {"start": "Sighted", "title": "What"}, None)
    path.write_text("Seen on,What\n2001-02-03,Light\n2002-03-04,Disc\n", encoding="utf-8")
    built = start([path], preferences)
    assert [s.report.columns["start"] for s in built.session.sources] == ["Seen on"]
    problems = built.window.problems
    notes = [
        problems.tree.topLevelItem(i).text(3) for i in range(problems.tree.topLevelItemCount())
    ]
    assert any("`Sighted`" in n and "no longer in the file" in n for n in notes)
    qtbot.wait_until(lambda: built.window.sources.list.count() == 1)
    assert "no longer in the file" in built.window.sources.list.item(0).toolTip()


def test_the_files_roles_are_restored_with_the_session_on_the_next_start(start, tmp_path, qtbot):
    preferences = ini(tmp_path)
    preferences.remember_choice(UFO_SIGHTINGS, {"start": "date_documented"}, None)
    preferences.set(settings.SESSION_SOURCES, [str(UFO_SIGHTINGS)])
    preferences.sync()
    built = start([], ini(tmp_path))
    qtbot.waitUntil(lambda: len(built.session.sources) == 1, timeout=10_000)
    assert built.session.sources[0].path == str(UFO_SIGHTINGS)
    assert first_start(built, UFO_SIGHTINGS) == seconds_at(2004, 4, 27)


def test_a_file_that_is_no_table_says_its_roles_cannot_be_chosen(start, tmp_path) -> None:
    cosmo = DATA / "timelinejs_cosmo_mixed.json"
    built = start([cosmo], ini(tmp_path))
    built.window.sources.list.setCurrentRow(0)
    built.window.sources.columns_button.click()
    assert "cannot be chosen" in built.window.status_text.text()
