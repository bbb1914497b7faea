"""``inspect`` and the load report tell every date column weighed and why the chosen one won;
a close runner-up is named; a remembered choice whose column is gone is left out with a note."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from viewer.commands import inspect_command
from viewer.io.load_options import LoadOptions
from viewer.io.loading import load_file
from viewer.model.instants import seconds_at

DATA = Path(__file__).parent.parent / "data"
UFO_SIGHTINGS = DATA / "tidytuesday_ufo_sightings_excerpt.csv"
TAIPEI_VIOLATIONS = DATA / "taipei_labour_violations_minguo_excerpt.csv"
WOMEN_IN_COMPUTING = DATA / "timelinejs_women_in_computing.csv"


def inspect_json(path: Path, capsys: pytest.CaptureFixture[str], **options: object) -> dict:
    inspect_command.run_inspect([str(path)], LoadOptions(**options), as_json=True)  # type: ignore[arg-type]
    return json.loads(capsys.readouterr().out)["files"][0]  # type: ignore[no-any-return]


def test_inspect_text_lists_each_date_column_with_its_reasons_the_chosen_first(
    capsys: pytest.CaptureFixture[str],
) -> None:
    inspect_command.run_inspect([str(UFO_SIGHTINGS)], LoadOptions(), as_json=False)
    lines = capsys.readouterr().out.splitlines()
    at = lines.index("  date columns considered:")
    # The sightings run 1949 to 1974 in this excerpt; the reports were written 1998 to 2009.
    assert lines[at + 1] == (
        "    chosen: date_time — an event's date by its name, dates and times, spread over 25 years"
    )
    assert lines[at + 2] == (
        "    date_documented — a record's date by its name, full dates, spread over 11 years"
    )


def test_inspect_json_keeps_its_keys_and_adds_the_weighed_columns(
    capsys: pytest.CaptureFixture[str],
) -> None:
    report = inspect_json(UFO_SIGHTINGS, capsys)
    assert report["columns"]["start"] == "date_time"  # the keys before stay as they were
    assert report["date_columns"][0].startswith("date_time (")
    considered = report["date_candidates"]
    assert [(d["column"], d["chosen"]) for d in considered] == [
        ("date_time", True),
        ("date_documented", False),
    ]
    assert "a record's date by its name" in considered[1]["reasons"]
    assert considered[0]["score"] > considered[1]["score"]
    assert report["close_date"] is None  # a record date is no close call
    assert report["notes"] == []


def test_two_event_dates_that_weigh_the_same_are_a_close_choice(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Taipei's labour inspections: the date a penalty was announced and the date it was given.
    report = inspect_json(TAIPEI_VIOLATIONS, capsys)
    assert report["close_date"] == "處分日期"
    inspect_command.run_inspect([str(TAIPEI_VIOLATIONS)], LoadOptions(), as_json=False)
    assert "  also a date: 處分日期 (it weighed close to 公告日期)" in capsys.readouterr().out


def test_a_date_column_the_user_chose_is_said_so_and_is_no_close_call(
    capsys: pytest.CaptureFixture[str],
) -> None:
    options = {"columns": {"start": "處分日期"}, "remembered": True}
    report = inspect_json(TAIPEI_VIOLATIONS, capsys, **options)
    assert report["date_chosen_by_user"] is True
    assert report["date_candidates"][0] == {**report["date_candidates"][0], "column": "處分日期",
                                            "chosen": True}  # fmt: skip
    assert report["close_date"] is None
    inspect_command.run_inspect([str(TAIPEI_VIOLATIONS)], LoadOptions(**options), as_json=False)  # type: ignore[arg-type]
    assert "    chosen by you: 處分日期 — " in capsys.readouterr().out


def test_a_remembered_column_no_longer_in_the_file_is_left_out_with_a_note() -> None:
    options = LoadOptions(columns={"start": "Sighted", "title": "city_area"}, remembered=True)
    result = load_file(UFO_SIGHTINGS, options)
    assert result.report.error is None
    assert result.report.columns["start"] == "date_time"  # the loader chose again
    assert result.report.columns["title"] == "city_area"  # what is still there is kept
    assert result.report.notes == [
        "the column chosen before for start, `Sighted`, is no longer in the file: "
        "the loader chose again"
    ]
    first = next(r for r in result.events.records() if r["row"] == 2)
    assert first["start"] == seconds_at(1949, 10, 10, 20, 30)


def test_a_column_named_on_the_command_line_that_is_not_there_still_fails_the_file() -> None:
    result = load_file(UFO_SIGHTINGS, LoadOptions(columns={"start": "Sighted"}))
    assert result.report.error is not None
    assert "Sighted" in result.report.error


def test_a_known_layout_reports_no_weighing_it_did_not_do(
    capsys: pytest.CaptureFixture[str],
) -> None:
    report = inspect_json(WOMEN_IN_COMPUTING, capsys)
    assert report["date_candidates"] == []
    assert report["columns"]["start"] == "Year+Month+Day+Time"
