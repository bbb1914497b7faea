"""File → Export Image… as a user meets it: a title from the story, the last values again
(in this session and the next), and no blank picture when nothing is shown."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from viewer import settings
from viewer.app import build_application
from viewer.ui.export_image_dialog import RANGE_ALL, RANGE_TYPED, ExportImageDialog

DATA = Path(__file__).resolve().parents[1] / "data"
WOMEN = DATA / "timelinejs_women_in_computing.csv"


@pytest.fixture
def ini(tmp_path) -> Path:
    return tmp_path / "settings.ini"


@pytest.fixture
def shown_dialogs(monkeypatch) -> list[ExportImageDialog]:
    """Every dialog the app opens, accepted as the user left it (after ``edit`` runs on it)."""
    shown: list[ExportImageDialog] = []

    def accept(dialog: ExportImageDialog) -> ExportImageDialog.DialogCode:
        shown.append(dialog)
        for change in EDITS:
            change(dialog)
        return ExportImageDialog.DialogCode.Accepted

    monkeypatch.setattr(ExportImageDialog, "exec", accept)
    EDITS.clear()
    return shown


EDITS: list = []


def open_app(qtbot, ini: Path, cjk_font_installed, files: list[Path]):
    built = build_application(
        [str(f) for f in files], settings.open_settings(str(ini)), cjk_font_installed
    )
    qtbot.addWidget(built.window)
    qtbot.waitUntil(lambda: len(built.session.sources) == len(files) and built.loader.busy == 0)
    return built


def export_to(built, path: Path) -> None:
    built.exports.ask_output = lambda caption, filters, default: str(path)
    built.exports.export_image()


def test_the_title_is_the_storys_and_the_last_values_come_back(
    qtbot, ini, tmp_path, cjk_font_installed, shown_dialogs
):
    built = open_app(qtbot, ini, cjk_font_installed, [WOMEN])
    EDITS.append(lambda d: d.subtitle.setText("Pioneers"))
    EDITS.append(lambda d: d.credit.setText("Source: TimelineJS sample"))
    EDITS.append(lambda d: d.preset.setCurrentIndex(d.preset.findData("web")))
    EDITS.append(lambda d: d.legend.setChecked(False))
    EDITS.append(lambda d: d.ranges.button(RANGE_ALL).setChecked(True))
    export_to(built, tmp_path / "one.png")
    assert shown_dialogs[0].title.text() == "Women in Computing"
    EDITS.clear()
    export_to(built, tmp_path / "two.svg")  # the second format: nothing typed again
    again = shown_dialogs[1]
    assert (again.subtitle.text(), again.credit.text(), again.preset_name) == (
        "Pioneers", "Source: TimelineJS sample", "web",
    )  # fmt: skip
    assert not again.legend.isChecked()
    assert again.ranges.checkedId() == RANGE_ALL
    assert "Pioneers" in (tmp_path / "two.svg").read_text(encoding="utf-8")
    built.shutdown()
    later = open_app(qtbot, ini, cjk_font_installed, [WOMEN])  # the next session
    export_to(later, tmp_path / "three.pdf")
    assert shown_dialogs[2].options() == again.options()
    later.shutdown()


def test_a_remembered_title_is_not_given_to_another_story(
    qtbot, ini, tmp_path, cjk_font_installed, shown_dialogs
):
    built = open_app(qtbot, ini, cjk_font_installed, [WOMEN])
    EDITS.append(lambda d: d.title.setText("My own title"))
    export_to(built, tmp_path / "one.png")
    built.shutdown()
    EDITS.clear()
    sample = DATA / "historicaldate_events_in_british_history.csv"
    other = open_app(qtbot, ini, cjk_font_installed, [sample])
    export_to(other, tmp_path / "two.png")
    assert shown_dialogs[1].title.text() == "historicaldate events in british history"
    other.shutdown()


def test_exporting_with_no_event_shown_is_refused_with_a_message(
    qtbot, ini, tmp_path, cjk_font_installed, shown_dialogs, monkeypatch
):
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: told.append(text))
    built = open_app(qtbot, ini, cjk_font_installed, [WOMEN])
    for lane in built.session.events.lanes:
        built.session.set_lane_visible(lane, False)
    export_to(built, tmp_path / "empty.png")
    assert shown_dialogs == []  # not even asked
    assert len(told) == 1
    assert "no events to draw" in told[0]
    assert not (tmp_path / "empty.png").exists()
    built.shutdown()


def test_a_range_with_no_event_in_it_is_refused_before_asking_where_to_write(
    qtbot, ini, tmp_path, cjk_font_installed, shown_dialogs, monkeypatch
):
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: told.append(text))
    built = open_app(qtbot, ini, cjk_font_installed, [WOMEN])
    EDITS.append(lambda d: d.ranges.button(RANGE_TYPED).setChecked(True))
    EDITS.append(lambda d: d.start.setText("1700"))
    EDITS.append(lambda d: d.end.setText("1710"))
    asked: list[str] = []
    built.exports.ask_output = lambda caption, filters, default: asked.append(caption)
    built.exports.export_image()
    assert len(shown_dialogs) == 1
    assert asked == []
    assert len(told) == 1
    assert "nothing to draw" in told[0]
    built.shutdown()
