"""Real files with several date columns load on the column that says when the event happened,
and ``inspect`` names the column it took and the others it weighed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from viewer.commands import inspect_command
from viewer.io.load_options import LoadOptions
from viewer.io.loading import LoadResult, load_file
from viewer.model.instants import seconds_at

DATA = Path(__file__).parent.parent / "data"
GENERIC_BALLOT = DATA / "fivethirtyeight_generic_ballot_topline_excerpt.csv"
RAW_POLLS = DATA / "fivethirtyeight_raw_polls_2016_excerpt.csv"
BIKE_THEFTS = DATA / "berlin_fahrraddiebstahl_excerpt.csv"


def by_row(result: LoadResult) -> dict[int, dict[str, object]]:
    return {int(record["row"]): record for record in result.events.records()}  # type: ignore[call-overload]


def inspect_text(path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    inspect_command.run_inspect([str(path)], LoadOptions(), as_json=False)
    return capsys.readouterr().out


def test_a_model_run_timestamp_all_on_one_day_loses_to_the_dates_it_models() -> None:
    result = load_file(GENERIC_BALLOT)
    assert result.report.columns["start"] == "modeldate"
    events = by_row(result)
    assert events[2]["start"] == seconds_at(1995, 11, 9)  # not the run at 11:37:15 3 Sep 2020
    assert events[51]["start"] == seconds_at(1995, 12, 28)


def test_a_year_column_loses_to_the_full_date_of_the_poll() -> None:
    result = load_file(RAW_POLLS)
    assert result.report.columns["start"] == "polldate"
    assert by_row(result)[2]["start"] == seconds_at(1998, 10, 13)  # not 1 January 1998


def test_inspect_names_the_date_column_taken_and_the_ones_passed_over_with_why(
    capsys: pytest.CaptureFixture[str],
) -> None:
    text = inspect_text(RAW_POLLS, capsys)
    assert "chosen: polldate — a date by its name, full dates, spread over 6 days" in text
    assert "    electiondate — a date by its name, all on one day" in text
    assert "    year — years only" in text
    assert "    timestamp — all on one day" in inspect_text(GENERIC_BALLOT, capsys)


def test_inspect_json_lists_the_weighed_date_columns_chosen_first(
    capsys: pytest.CaptureFixture[str],
) -> None:
    inspect_command.run_inspect([str(GENERIC_BALLOT)], LoadOptions(), as_json=True)
    report = json.loads(capsys.readouterr().out)["files"][0]
    assert [d.split(" ")[0] for d in report["date_columns"]] == ["modeldate", "timestamp"]


def test_the_theft_time_wins_over_the_day_the_record_was_made_and_its_hour_is_joined() -> None:
    result = load_file(BIKE_THEFTS)
    columns = result.report.columns
    assert columns["start"] == "TATZEIT_ANFANG_DATUM+TATZEIT_ANFANG_STUNDE"  # not ANGELEGT_AM
    assert columns["end"] == "TATZEIT_ENDE_DATUM+TATZEIT_ENDE_STUNDE"
    first = by_row(result)[2]  # 26.01.2022 16 h to 26.01.2022 19 h, recorded 02.02.2022
    assert (first["start"], first["end"]) == (
        seconds_at(2022, 1, 26, 16),
        seconds_at(2022, 1, 26, 19),
    )
    assert first["precision"] == "time"
    assert by_row(result)[28]["start"] == seconds_at(2022, 1, 29, 0)  # hour "00"


def test_inspect_says_the_record_date_was_passed_over_by_its_name(
    capsys: pytest.CaptureFixture[str],
) -> None:
    text = inspect_text(BIKE_THEFTS, capsys)
    assert "chosen: TATZEIT_ANFANG_DATUM — an event's date by its name" in text
    assert "    ANGELEGT_AM — a record's date by its name" in text


COVID_DAILY = DATA / "covidtracking_states_daily_excerpt.csv"
FARS_CRASHES = DATA / "nhtsa_fars_2018_el_paso_crashes_excerpt.csv"


def test_yyyymmdd_numbers_under_a_date_header_are_the_dates_not_the_check_time() -> None:
    result = load_file(COVID_DAILY)
    assert result.report.columns["start"] == "date"  # not dateChecked (20:00Z each day)
    events = by_row(result)
    assert (events[2]["start"], events[2]["precision"]) == (seconds_at(2020, 4, 25), "day")
    assert events[31]["start"] == seconds_at(2020, 4, 24)


def test_inspect_says_the_check_time_was_passed_over_as_a_record_date(
    capsys: pytest.CaptureFixture[str],
) -> None:
    text = inspect_text(COVID_DAILY, capsys)
    assert "chosen: date — an event's date by its name" in text
    assert "    dateChecked — a record's date by its name" in text


def test_year_month_day_and_unpadded_hour_and_minute_columns_make_one_instant() -> None:
    result = load_file(FARS_CRASHES)
    assert result.report.columns["start"] == "YEAR+MONTH+DAY+HOUR+MINUTE"
    events = by_row(result)
    assert (events[2]["start"], events[2]["precision"]) == (
        seconds_at(2018, 1, 1, 3, 9),  # HOUR 3, MINUTE 9
        "time",
    )
    assert events[16]["start"] == seconds_at(2018, 4, 15, 0, 20)  # HOUR 0
    assert len(result.events) == 30


UFO_SIGHTINGS = DATA / "tidytuesday_ufo_sightings_excerpt.csv"


def test_a_sighting_keeps_its_own_time_and_inspect_says_the_documented_date_is_a_record(
    capsys: pytest.CaptureFixture[str],
) -> None:
    result = load_file(UFO_SIGHTINGS)
    assert by_row(result)[2]["start"] == seconds_at(1949, 10, 10, 20, 30)  # not 4/27/2004
    text = inspect_text(UFO_SIGHTINGS, capsys)
    assert "chosen: date_time — an event's date by its name, dates and times" in text
    assert "    date_documented — a record's date by its name" in text


def test_a_hash_column_is_no_excerpt_a_reader_would_read():
    # The COVID Tracking Project's rows carry a SHA-1 of the record: letters, but no words.
    result = load_file(COVID_DAILY)
    assert result.report.columns.get("excerpt") != "hash"
    assert result.report.columns["title"] == "state"
