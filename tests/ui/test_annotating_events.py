"""Starring, tagging and noting events as a user does it: keys, the Details panel, the context
menus; the star shows in Details, the table and on the timeline, and follows its event."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QItemSelectionModel, QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from tests.ui.test_main_window import _shut_down_applications, build  # noqa: F401 (shuts apps down)
from viewer import settings
from viewer.model.instants import seconds_at
from viewer.ui.event_table_model import NOTE, STAR, TAGS

ROWS = "date,title,lane\n2026-05-01,Filing,Court\n2026-05-02,Jury selection,Court\n2026-05-03,Verdict,Court\n"


@pytest.fixture
def built(qtbot, tmp_path):
    path = tmp_path / "news.csv"
    path.write_text(ROWS, encoding="utf-8")
    app = build(qtbot, [str(path)], settings.open_settings(str(tmp_path / "settings.ini")))
    app.window.show()
    qtbot.waitExposed(app.window)
    app.window.timeline.set_time_range(seconds_at(2026, 4, 30), seconds_at(2026, 5, 4))
    app.path = path
    app.annotating.popup = lambda menu, where: None  # offscreen, a popup only warns
    return app


def index_of(app, title: str) -> int:
    return int(np.flatnonzero(app.session.events.frame["title"] == title)[0])


def table_text(app, event: int, column: int) -> str:
    model = app.window.table.model
    return model.data(model.index(model.row_of(event), column))


def drawn_at(app, event: int) -> tuple[float, float]:
    """Where the event's dot is drawn (device pixels)."""
    for lane in app.window.timeline.events_item.layout.lanes:
        if lane.marks is not None and event in lane.marks.index:
            k = int(np.flatnonzero(lane.marks.index == event)[0])
            return float(lane.marks.x_start[k]), float(lane.marks.y[k])
    raise AssertionError(f"event {event} is not drawn")


def gold_pixels_near(app, event: int) -> int:
    """Pixels of the star colour within the ring around the event's mark."""
    timeline = app.window.timeline
    image = timeline.plot.grab().toImage()
    ratio = image.devicePixelRatio()
    x, y = drawn_at(app, event)
    star = QColor(timeline.events_item.look.star)
    count = 0
    for dx in range(-14, 15):
        for dy in range(-14, 15):
            pixel = image.pixelColor(round((x + dx) * ratio), round((y + dy) * ratio))
            if (
                abs(pixel.red() - star.red())
                + abs(pixel.green() - star.green())
                + abs(pixel.blue() - star.blue())
                < 60
            ):
                count += 1
    return count


def test_pressing_s_on_the_selected_event_stars_it_in_details_table_and_timeline(built, qtbot):
    event = index_of(built, "Jury selection")
    before = gold_pixels_near(built, event)
    built.session.select(event)
    built.window.timeline.setFocus()
    qtbot.keyClick(built.window.timeline, Qt.Key.Key_S)
    assert built.session.marks.starred[event]
    editor = built.window.details.annotations
    assert editor.star_button.isChecked()
    assert "★" in editor.star_button.text()
    assert table_text(built, event, STAR) == "★"
    assert event in built.window.timeline.events_item.starred
    assert gold_pixels_near(built, event) > before + 10
    qtbot.keyClick(built.window.timeline, Qt.Key.Key_S)  # again: unstarred
    assert not built.session.marks.starred[event]
    assert table_text(built, event, STAR) == ""


def test_typing_s_in_the_search_box_types_it_and_stars_nothing(built, qtbot):
    built.session.select(index_of(built, "Verdict"))
    field = built.window.search.field
    field.setFocus()
    qtbot.keyClicks(field, "s")
    assert field.text() == "s"
    assert not built.session.marks.starred.any()


def test_s_stars_every_selected_row_of_the_table(built, qtbot):
    table = built.window.table.table
    table.setFocus()
    table.selectRow(0)
    selection = table.selectionModel()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    selection.select(built.window.table.model.index(2, 0), flags)
    qtbot.keyClick(table, Qt.Key.Key_S)
    starred = [
        built.session.events.event(i).title for i in np.flatnonzero(built.session.marks.starred)
    ]
    assert sorted(starred) == ["Filing", "Verdict"]


def test_a_tag_typed_in_details_completes_from_used_tags_and_removes_by_its_chip(built, qtbot):
    session, editor = built.session, built.window.details.annotations
    session.add_tag([index_of(built, "Filing")], "trial")
    session.add_tag([index_of(built, "Filing"), index_of(built, "Verdict")], "ruling")
    session.select(index_of(built, "Jury selection"))
    assert editor.completions.stringList() == ["ruling", "trial"]  # most used first
    qtbot.keyClick(built.window.timeline, Qt.Key.Key_T)  # T: the tag field
    assert editor.tag_field.hasFocus()
    completer = editor.tag_field.completer()
    completer.setCompletionPrefix("TR")  # what typing "TR" asks (not typed: no popup offscreen)
    assert completer.currentCompletion() == "trial"
    completer.setCompletionPrefix("")
    offered = [
        completer.completionModel().index(r, 0).data() for r in range(completer.completionCount())
    ]
    assert offered == ["ruling", "trial"]
    editor.tag_field.setText("trial")
    qtbot.keyClick(editor.tag_field, Qt.Key.Key_Return)
    event = index_of(built, "Jury selection")
    assert session.marks.tags[event] == ("trial",)
    assert table_text(built, event, TAGS) == "trial"
    assert event in built.window.timeline.events_item.tagged
    [chip] = editor.tag_chips()
    chip.click()
    assert event not in session.marks.tags


def test_a_note_with_markup_is_saved_on_leaving_and_shows_literally(built, qtbot):
    event = index_of(built, "Verdict")
    built.session.select(event)
    editor = built.window.details.annotations
    qtbot.keyClick(built.window.timeline, Qt.Key.Key_N)
    assert editor.note.hasFocus()
    qtbot.keyClicks(editor.note, "<b>x</b>")
    built.window.timeline.setFocus()  # focus leaves: saved
    qtbot.waitUntil(lambda: built.session.marks.notes.get(event) == "<b>x</b>")
    assert table_text(built, event, NOTE) == "<b>x</b>"
    assert editor.note.toPlainText() == "<b>x</b>"


def test_a_note_is_saved_after_a_pause_in_typing(built, qtbot):
    event = index_of(built, "Filing")
    built.session.select(event)
    editor = built.window.details.annotations
    editor.focus_note()
    qtbot.keyClicks(editor.note, "Ask the clerk")
    with qtbot.waitSignal(built.session.annotations_changed, timeout=5000):
        pass
    assert built.session.marks.notes[event] == "Ask the clerk"


def test_the_timeline_context_menu_stars_tags_and_removes_tags(built, qtbot):
    event = index_of(built, "Jury selection")
    answers = iter(["witness"])
    built.annotating._ask_tag = lambda parent, tags, count: next(answers)
    built.window.timeline.events_item.context_requested.emit(event, QPoint(10, 10))
    assert built.session.selected == event
    menu = built.annotating.menu
    texts = [a.text() for a in menu.actions()]
    assert texts[:2] == ["Star", "Add Tag…"]
    menu.actions()[0].trigger()
    assert built.session.marks.starred[event]
    menu.actions()[1].trigger()
    assert built.session.marks.tags[event] == ("witness",)
    built.annotating.show_menu(QPoint(10, 10))
    menu = built.annotating.menu
    assert menu.actions()[0].text() == "Unstar"
    remove = menu.actions()[2].menu()
    assert [a.text() for a in remove.actions()] == ["witness"]
    remove.actions()[0].trigger()
    assert event not in built.session.marks.tags


def test_the_table_context_menu_notes_the_selected_rows(built, qtbot):
    table = built.window.table
    table.table.selectAll()
    built.annotating._ask_note = lambda parent, note, count: f"{count} together"
    built.annotating.show_menu(QPoint(5, 5))
    [edit] = [a for a in built.annotating.menu.actions() if a.text() == "Edit Note…"]
    edit.trigger()
    assert set(built.session.marks.notes.values()) == {"3 together"}
    assert len(built.session.marks.notes) == 3


def test_a_reload_with_a_row_inserted_above_keeps_the_tag_on_its_event(built, qtbot):
    built.session.add_tag([index_of(built, "Jury selection")], "trial")
    lines = ROWS.splitlines()
    lines.insert(1, "2026-04-30,Complaint,Court")
    Path(built.path).write_text("\n".join(lines) + "\n", encoding="utf-8")
    built.files.reload([str(built.path)])
    qtbot.waitUntil(lambda: len(built.session.events) == 4, timeout=10_000)
    event = index_of(built, "Jury selection")
    assert built.session.marks.tags == {event: ("trial",)}
    assert table_text(built, event, TAGS) == "trial"
    assert built.window.timeline.events_item.tagged.tolist() == [event]


def test_sorting_by_the_star_column_puts_starred_events_first(built, qtbot):
    built.session.set_starred([index_of(built, "Verdict")], True)
    table = built.window.table
    table.table.sortByColumn(STAR, Qt.SortOrder.AscendingOrder)
    assert table.model.event_at(0) == index_of(built, "Verdict")
    built.session.add_tag([index_of(built, "Filing")], "b")
    built.session.add_tag([index_of(built, "Jury selection")], "a")
    table.table.sortByColumn(TAGS, Qt.SortOrder.AscendingOrder)
    order = [built.session.events.event(table.model.event_at(r)).title for r in range(3)]
    assert order == ["Jury selection", "Filing", "Verdict"]


def test_the_shortcuts_dialog_lists_the_annotation_keys(built, qtbot):
    from viewer.ui.shortcuts_dialog import ShortcutsDialog

    dialog = ShortcutsDialog(built.window.actions, built.window)
    qtbot.addWidget(dialog)
    rows = {
        dialog.table.item(r, 1).text(): dialog.table.item(r, 0).text()
        for r in range(dialog.table.rowCount())
    }
    assert rows["Star / Unstar"] == "S"
    assert rows["Add Tag"] == "T"
    assert rows["Edit Note"] == "N"
    QApplication.processEvents()


def test_annotations_whose_events_are_gone_are_listed_in_problems_until_forgotten(built, qtbot):
    built.session.add_tag([index_of(built, "Jury selection")], "trial")
    built.session.set_starred([index_of(built, "Verdict")], True)
    Path(built.path).write_text("date,title,lane\n2026-05-01,Filing,Court\n", encoding="utf-8")
    built.files.reload([str(built.path)])
    qtbot.waitUntil(lambda: len(built.session.events) == 1, timeout=10_000)
    problems = built.window.problems
    summary = problems.summary.text()
    assert "2 annotations lost their events in news.csv" in summary
    assert "'Jury selection' (row 3) tagged trial" in summary
    [top] = [problems.tree.topLevelItem(i) for i in range(problems.tree.topLevelItemCount())]
    children = {top.child(k).text(2): top.child(k).text(3) for k in range(top.childCount())}
    assert children == {"Jury selection": "tagged trial", "Verdict": "starred"}
    assert problems.forget_button.isVisibleTo(problems)
    problems.forget_button.click()
    assert built.session.orphans == []
    assert len(built.session.annotations) == 0
    assert "lost" not in problems.summary.text()
    assert not problems.forget_button.isVisibleTo(problems)


def test_export_events_writes_the_tags_and_opening_the_export_brings_them_back(
    built, qtbot, tmp_path
):
    event = index_of(built, "Jury selection")
    built.session.add_tag([event], "trial")
    built.session.set_starred([event], True)
    out = tmp_path / "exported.csv"
    built.exports.ask_output = lambda caption, filters, default: str(out)
    built.exports.export_events()
    header = out.read_text(encoding="utf-8").splitlines()[0].split(",")
    assert header[-3:] == ["starred", "tags", "note"]
    built.files.open([str(out)], replace=True)
    qtbot.waitUntil(lambda: built.session.source_paths() == [str(out)], timeout=10_000)
    again = index_of(built, "Jury selection")
    assert built.session.marks.tags == {again: ("trial",)}
    assert built.session.marks.starred.tolist().count(True) == 1
    assert table_text(built, again, TAGS) == "trial"
    # The user's own change wins when the export is read again.
    built.session.remove_tag([again], "trial")
    with qtbot.waitSignal(built.session.sources_changed, timeout=10_000):
        built.files.reload([str(out)])
    assert built.session.marks.tags == {}
    assert built.session.marks.starred.tolist().count(True) == 1


def test_export_image_offers_only_the_starred_events_once_one_is_starred(
    built, qtbot, tmp_path, monkeypatch
):
    from tests.timeline.test_image_export import svg_text
    from viewer.ui.export_image_dialog import ExportImageDialog

    dialogs: list[ExportImageDialog] = []
    make = built.exports.make_image_dialog

    def remembered(title, caption):
        dialogs.append(make(title, caption))
        return dialogs[-1]

    def accept(dialog):
        dialog.ranges.button(1).setChecked(True)  # the whole timeline
        if dialog.starred_only.isEnabled():
            dialog.starred_only.setChecked(True)
        return ExportImageDialog.DialogCode.Accepted

    built.exports.make_image_dialog = remembered
    monkeypatch.setattr(ExportImageDialog, "exec", accept)
    out = tmp_path / "story.svg"
    built.exports.ask_output = lambda caption, filters, default: str(out)
    built.exports.export_image()
    assert not dialogs[-1].starred_only.isEnabled()  # nothing starred: nothing to offer
    assert "Filing" in svg_text(out)
    built.session.set_starred([index_of(built, "Verdict")], True)
    built.exports.export_image()
    assert dialogs[-1].starred_only.isEnabled()
    text = svg_text(out)
    assert "Verdict" in text
    assert "Filing" not in text
