"""One odd value costs its row, with a reason in words, never the file (issue 14, items 7, 8 and
11): years beyond what an instant holds, huge numbers, a runaway quote, odd TimelineJS parts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from viewer.io.load_options import LoadOptions
from viewer.io.loading import LoadResult, load_file
from viewer.io.pipeline import inspect_file
from viewer.model.instants import seconds_at


def load_text(tmp_path: Path, text: str, name: str = "events.csv") -> LoadResult:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return load_file(path, LoadOptions())


def reasons(result: LoadResult) -> dict[str, str]:
    assert result.report.error is None, result.report.error
    return {problem.value: problem.reason for problem in result.report.skipped}


@pytest.mark.parametrize(
    "year", ["300000000000", "-300000000000", "+999999999999"], ids=["far", "far-bc", "plus"]
)
def test_an_iso_year_beyond_what_an_instant_holds_is_skipped_not_wrapped(
    tmp_path: Path, year: str
) -> None:
    result = load_text(tmp_path, f"date,title\n{year}-01-01,far\n2020-01-01,near\n")
    assert reasons(result) == {f"{year}-01-01": "year is too far from the present"}
    assert result.events.frame["start"].tolist() == [seconds_at(2020)]


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("c. 999999999999999999999999", "a number with too many digits for a date"),
        ("1" * 5000, "a number with too many digits for a date"),
        ("123456789012345678901", "a number too large for a timestamp"),
        ("May 99999999999999999999", "year is too far from the present"),
    ],
    ids=["circa-huge", "5000-digits", "epoch-21-digits", "month-huge-year"],
)
def test_a_huge_number_is_skipped_with_a_reason_in_words(
    tmp_path: Path, value: str, reason: str
) -> None:
    result = load_text(tmp_path, f"date,title\n{value},odd\n2020-01-01,near\n")
    assert reasons(result) == {value[:200]: reason}
    assert len(result.events) == 1


def test_a_header_cell_with_a_huge_year_is_read_as_a_header(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text("May 99999999999999999999,title\n2020-01-01,a\n", encoding="utf-8")
    report = inspect_file(path, LoadOptions())
    assert report.error is None
    assert report.events == 1


def test_an_unclosed_quote_in_the_header_is_named_and_the_message_stays_short(
    tmp_path: Path,
) -> None:
    text = '"date,title\n2020-01-01,a\n2020-01-02,' + "x" * 1_000_000 + "\n"
    result = load_text(tmp_path, text)
    error = result.report.error or ""
    assert "quote in the header is never closed" in error
    assert "'date,title'" in error
    assert len(error) < 400


def timelinejs(tmp_path: Path, start: dict[str, object]) -> LoadResult:
    story = {
        "events": [
            {"start_date": start, "text": {"headline": "odd"}},
            {"start_date": {"year": 2020}, "text": {"headline": "fine"}},
        ]
    }
    path = tmp_path / "story.json"
    path.write_text(json.dumps(story), encoding="utf-8")
    return load_file(path, LoadOptions())


@pytest.mark.parametrize(
    ("year", "reason"),
    [
        (float("inf"), "year is too far from the present"),  # json writes Infinity
        ("1e999", "year is too far from the present"),
        (10**30, "year is too far from the present"),
        ("NaN", "year 'NaN' is not a number"),
    ],
    ids=["Infinity", "1e999", "30-digits", "NaN"],
)
def test_a_timelinejs_year_out_of_range_costs_its_event_not_the_story(
    tmp_path: Path, year: object, reason: str
) -> None:
    result = timelinejs(tmp_path, {"year": year})
    assert result.report.error is None, result.report.error
    assert [p.reason for p in result.report.skipped] == [reason]
    assert result.events.frame["title"].tolist() == ["fine"]


def test_a_time_with_a_superscript_digit_costs_its_row_not_the_sheet(tmp_path: Path) -> None:
    text = "Year,Month,Day,Time,Headline\n2020,1,2,10:\u00b930,odd\n2020,1,3,10:30,fine\n"
    result = load_text(tmp_path, text)
    assert result.report.error is None, result.report.error
    assert [p.reason for p in result.report.skipped] == ["time '10:\u00b930' is not a time of day"]
    assert result.events.frame["title"].tolist() == ["fine"]


def test_a_timelinejs_day_of_30_digits_costs_its_event(tmp_path: Path) -> None:
    result = timelinejs(tmp_path, {"year": 2020, "month": 1, "day": 10**30})
    assert result.report.error is None, result.report.error
    assert len(result.report.skipped) == 1
    assert "Error" not in result.report.skipped[0].reason
