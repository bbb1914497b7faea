"""TimelineJS JSON stories read into the columns of the TimelineJS spreadsheet."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from viewer.io.load_errors import LoadError
from viewer.io.readers.raw_table import RawTable
from viewer.io.readers.timelinejs_json_reader import (
    COLUMNS,
    looks_like_timelinejs_json,
    read_timelinejs_json,
)

DATA = Path(__file__).parents[2] / "data"
COSMO = DATA / "timelinejs_cosmo_mixed.json"


def read_story(story: object, name: str = "story.json") -> RawTable:
    return read_timelinejs_json(Path(name), json.dumps(story).encode("utf-8"))


def cells(table: RawTable, column: str) -> list[str | None]:
    values: list[str | None] = table.column(column).to_pylist()
    return values


@pytest.fixture(scope="module")
def cosmo() -> RawTable:
    return read_timelinejs_json(COSMO, COSMO.read_bytes())


def test_columns_are_exactly_those_of_a_timelinejs_spreadsheet(cosmo: RawTable) -> None:
    assert cosmo.columns == [
        "Year",
        "Month",
        "Day",
        "Time",
        "End Year",
        "End Month",
        "End Day",
        "End Time",
        "Display Date",
        "Headline",
        "Text",
        "Media",
        "Group",
        "Type",
    ]
    assert cosmo.format == "timelinejs-json"


def test_every_event_is_read_and_the_title_slide_is_not(cosmo: RawTable) -> None:
    assert len(cosmo) == 11
    assert "A Brief History of Light" not in cells(cosmo, "Headline")
    assert cosmo.rows.tolist() == list(range(1, 12))
    assert str(cosmo.rows.dtype) == "int64"


def test_deep_time_years_are_delivered_exactly_as_written(cosmo: RawTable) -> None:
    assert cells(cosmo, "Year")[:6] == [
        "-13800000000",
        "-4600000000",
        "-540000000",
        "-300000",
        "-3500",
        "-300",
    ]


def test_partial_dates_leave_the_missing_parts_empty(cosmo: RawTable) -> None:
    galileo = cells(cosmo, "Headline").index("Galileo Points a Telescope at the Moon")
    assert cells(cosmo, "Year")[galileo] == "1609"
    assert cells(cosmo, "Month")[galileo] == "11"
    assert cells(cosmo, "Day")[galileo] is None
    assert cells(cosmo, "Time")[galileo] is None
    assert cells(cosmo, "End Year")[galileo] is None


def test_full_dates_keep_month_and_day_text(cosmo: RawTable) -> None:
    last = len(cosmo) - 1
    assert cells(cosmo, "Headline")[last] == "Hubble Space Telescope Deployed"
    assert (cells(cosmo, "Year")[last], cells(cosmo, "Month")[last], cells(cosmo, "Day")[last]) == (
        "1990",
        "4",
        "25",
    )


def test_headline_text_and_media_url_come_from_the_nested_objects(cosmo: RawTable) -> None:
    assert cells(cosmo, "Headline")[0] == "The Big Bang"
    assert (cells(cosmo, "Text")[0] or "").startswith("Around 380,000 years after the Big Bang")
    assert cells(cosmo, "Media")[0] == "https://commons.wikimedia.org/wiki/File:WMAP_2012.png"
    assert cells(cosmo, "Headline")[5] == "Euclid's <i>Optica</i>"  # HTML is left as written


def test_known_roles_name_only_single_column_roles(cosmo: RawTable) -> None:
    assert cosmo.known_roles == {
        "title": "Headline",
        "excerpt": "Text",
        "lane": "Group",
        "url": "Media",
    }
    assert set(cosmo.known_roles.values()) <= set(COLUMNS)


def test_numeric_date_parts_become_text_without_a_decimal_point() -> None:
    table = read_story(
        {
            "events": [
                {"start_date": {"year": -1.38e10}, "text": {"headline": "float year"}},
                {"start_date": {"year": 2015, "month": 11, "day": 5.0}, "end_date": {"year": 2016}},
            ]
        }
    )
    assert cells(table, "Year") == ["-13800000000", "2015"]
    assert cells(table, "Day") == [None, "5"]
    assert cells(table, "End Year") == [None, "2016"]


def test_time_is_built_from_hour_minute_and_second() -> None:
    table = read_story(
        {
            "events": [
                {"start_date": {"year": 2015, "hour": 14, "minute": 5}},
                {"start_date": {"year": 2015, "hour": "14", "minute": "5", "second": "9"}},
                {"start_date": {"year": 2015, "hour": 9}, "end_date": {"year": 2015, "hour": 17}},
                {"start_date": {"year": 2015, "hour": "", "minute": None}},
            ]
        }
    )
    assert cells(table, "Time") == ["14:05", "14:05:09", "9:00", None]
    assert cells(table, "End Time") == [None, None, "17:00", None]


def test_display_date_group_and_type_are_copied() -> None:
    table = read_story(
        {
            "events": [
                {
                    "start_date": {"year": "1815"},
                    "display_date": "around 1815",
                    "group": "Pioneers",
                    "unique_id": "ada",
                },
                {"start_date": {"year": "1900", "display_date": "turn of the century"}},
            ]
        }
    )
    assert cells(table, "Display Date") == ["around 1815", "turn of the century"]
    assert cells(table, "Group") == ["Pioneers", None]
    assert cells(table, "Type") == [None, None]


def test_eras_and_title_slides_are_not_events_but_keep_the_row_numbers_of_the_rest() -> None:
    table = read_story(
        {
            "title": {"text": {"headline": "Story title"}},
            "eras": [{"start_date": {"year": 1900}, "end_date": {"year": 1950}}],
            "events": [
                {"start_date": {"year": 1}, "type": "title", "text": {"headline": "slide"}},
                {"start_date": {"year": 2}, "text": {"headline": "kept"}},
            ],
        }
    )
    assert cells(table, "Headline") == ["kept"]
    assert table.rows.tolist() == [2]


def test_looks_like_timelinejs_json_needs_dated_event_objects() -> None:
    assert looks_like_timelinejs_json({"events": [{"start_date": {"year": 1}}]})
    assert looks_like_timelinejs_json(json.loads(COSMO.read_bytes()))
    assert not looks_like_timelinejs_json({"events": []})
    assert not looks_like_timelinejs_json({"events": [{"message": "x"}]})
    assert not looks_like_timelinejs_json({"events": ["1999"]})
    assert not looks_like_timelinejs_json([{"start_date": {"year": 1}}])
    assert not looks_like_timelinejs_json({"rows": [{"start_date": {"year": 1}}]})


def test_json_of_the_wrong_shape_is_a_load_error_naming_what_was_found() -> None:
    with pytest.raises(LoadError, match=r"without an events list \(keys: rows\)") as caught:
        read_story({"rows": [1, 2]}, name="rows.json")
    assert caught.value.path == "rows.json"
    with pytest.raises(LoadError, match="holds a JSON array at the top level"):
        read_story([{"start_date": {"year": 1}}])


def test_broken_json_is_a_load_error_with_line_and_column() -> None:
    with pytest.raises(LoadError, match=r"is not valid JSON \(.* at line 2, column \d+\)"):
        read_timelinejs_json(Path("broken.json"), b'{"events": [\n  {"start_date": }\n]}')


def test_undecodable_bytes_are_a_load_error_not_a_unicode_error() -> None:
    with pytest.raises(LoadError, match="is not UTF-8 text"):
        read_timelinejs_json(Path("latin1.json"), b'{"events": [{"start_date": {"year": "\xe9"}}]}')


def test_a_utf8_bom_is_accepted() -> None:
    data = b"\xef\xbb\xbf" + json.dumps({"events": [{"start_date": {"year": 7}}]}).encode()
    assert cells(read_timelinejs_json(Path("bom.json"), data), "Year") == ["7"]
