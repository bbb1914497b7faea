"""The column dialog's Year field: a file whose dates have no year, and nothing in it to tell
the year, is asked about instead of refused; the answer is remembered for that file."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget

from viewer import settings
from viewer.io.loading import load_file
from viewer.model.instants import seconds_at
from viewer.ui.mapping_dialog import MappingDialog
from viewer.ui.mapping_question import MappingQuestion


@pytest.fixture
def preferences(tmp_path):
    return settings.open_settings(str(tmp_path / "settings.ini"))


def test_the_year_field_starts_at_from_the_file_and_gives_the_year_chosen(qtbot) -> None:
    dialog = MappingDialog("notes.csv", ["date", "note"], [["03-27", "Spring"]], "no year")
    qtbot.addWidget(dialog)
    assert dialog.year() is None
    assert dialog.year_box.placeholderText() == "From the file"
    qtbot.keyClicks(dialog.year_box, "2026")
    assert dialog.year() == 2026
    dialog.year_box.clear()
    qtbot.keyClicks(dialog.year_box, "x")  # only digits are taken
    assert dialog.year() is None


def test_the_year_given_before_is_shown_again(qtbot) -> None:
    dialog = MappingDialog(
        "notes.csv", ["date"], [["03-27"]], "", {"start": "date", "year": "2019"}
    )
    qtbot.addWidget(dialog)
    assert dialog.year() == 2019
    assert dialog.role_boxes["start"].currentData() == "date"


def test_a_year_answered_is_remembered_and_the_file_loads_in_it(
    qtbot, preferences, tmp_path: Path
) -> None:
    path = tmp_path / "notes.csv"
    path.write_text("date,note\n03-27,Spring\n04-27 12:30,Lunch\n", encoding="utf-8")
    refused = load_file(path)
    assert refused.report.needs_mapping
    window = QWidget()
    qtbot.addWidget(window)
    reloaded: list[str] = []
    question = MappingQuestion(preferences, window, reloaded.append)
    seen: list[dict[str, str]] = []

    def answer(name, columns, rows, reason, current):
        seen.append(current)
        return {"start": "date", "title": "note"}, None, 2026

    question.ask = answer
    assert question.ask_about(str(path), refused.report, str(refused.report.error))
    assert reloaded == [str(path)]
    options = preferences.load_options_for(path)
    assert options.year == 2026
    events = {int(r["row"]): r for r in load_file(path, options).events.records()}
    assert events[2]["start"] == seconds_at(2026, 3, 27)
    # Asked again (the Columns… button), the dialog is told the year given before.
    question.ask_about(str(path), refused.report, "")
    assert seen[-1]["year"] == "2026"


def test_an_answer_without_a_year_forgets_one_given_before(qtbot, preferences, tmp_path) -> None:
    path = tmp_path / "notes.csv"
    path.write_text("date,note\n03-27,Spring\n", encoding="utf-8")
    preferences.remember_choice(path, {"start": "date"}, None, 2019)
    window = QWidget()
    qtbot.addWidget(window)
    question = MappingQuestion(preferences, window, lambda p: None)
    question.ask = lambda *args: ({"start": "date"}, None)  # the two-part answer still works
    assert question.ask_about(str(path), load_file(path).report, "")
    assert preferences.load_options_for(path).year is None


def test_the_app_asks_for_the_year_and_loads_the_file_with_it(lanes_app, qtbot, tmp_path) -> None:
    path = tmp_path / "notes.csv"
    path.write_text("date,note\n03-27,Spring\n04-27 12:30,Lunch\n", encoding="utf-8")
    asked: list[str] = []

    def answer(name, columns, rows, reason, current):
        asked.append(reason)
        return {"start": "date", "title": "note"}, None, 2026

    lanes_app.files.mapping.ask = answer
    lanes_app.files.open([str(path)])

    def loaded():  # (the app opens its sample file first)
        return [s for s in lanes_app.session.sources if s.path == str(path)]

    qtbot.waitUntil(lambda: bool(loaded()), timeout=10_000)
    assert "Year field" in asked[0]  # the reason shown in the dialog says what is missing
    frame = loaded()[0].events.frame
    assert list(frame["start"]) == [seconds_at(2026, 3, 27), seconds_at(2026, 4, 27, 12, 30)]
    assert list(frame["title"]) == ["Spring", "Lunch"]
