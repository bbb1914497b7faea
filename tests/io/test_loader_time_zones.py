"""Times with their zone: a column of zones beside the date (NOAA's CZ_TIMEZONE: CST, CST-6,
PDT), tz database names, and abbreviations that name more than one zone (CST: China or US
Central), read by what the file says and reported in words."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from viewer.commands import inspect_command
from viewer.io.load_options import LoadOptions
from viewer.io.loading import LoadResult, load_file
from viewer.model.instants import seconds_at

DATA = Path(__file__).parent.parent / "data"
STORMS = DATA / "noaa_storm_events_time_zones_excerpt.csv"


def by_row(result: LoadResult) -> dict[int, dict[str, object]]:
    return {int(record["row"]): record for record in result.events.records()}  # type: ignore[call-overload]


def utc(year: int, month: int, day: int, hour: int, minute: int = 0) -> int:
    return seconds_at(year, month, day) + hour * 3600 + minute * 60


def test_each_row_is_converted_to_utc_by_the_zone_in_its_own_column() -> None:
    result = load_file(STORMS)
    assert result.report.columns["start"] == "BEGIN_DATE_TIME+CZ_TIMEZONE"
    events = by_row(result)
    assert events[2]["start"] == utc(1950, 4, 28, 20, 45)  # 14:45 CST
    assert events[3]["start"] == utc(2021, 3, 17, 4, 35)  # 22:35 CST-6, the next day in UTC
    assert events[4]["start"] == utc(1975, 11, 27, 8, 30)  # 22:30 HST
    assert events[8]["start"] == utc(1986, 7, 21, 20, 45)  # 13:45 PDT
    assert events[11]["start"] == utc(1995, 6, 10, 19, 25)  # 15:25 EDT
    assert events[13]["start"] == utc(1993, 2, 21, 19, 10)  # 13:10 "CSt", as NOAA typed it
    assert events[16]["start"] == utc(2021, 3, 10, 12, 0)  # 04:00 PST-8
    assert events[16]["date_text"].startswith("10-MAR-21 04:00:00 PST-8")  # type: ignore[union-attr]


def test_a_row_whose_zone_is_unknown_is_skipped_with_the_reason_and_the_rest_load() -> None:
    result = load_file(STORMS)
    skipped = {p.row: p for p in result.report.skipped}
    assert sorted(skipped) == [12, 14]
    assert skipped[12].value == "01-JUN-56 11:33:00 UNK"
    assert skipped[12].reason == "unknown time zone UNK"
    assert skipped[14].reason == "unknown time zone CSC"
    assert len(result.events) == 13


def test_inspect_says_how_an_ambiguous_abbreviation_was_read(
    capsys: pytest.CaptureFixture[str],
) -> None:
    inspect_command.run_inspect([str(STORMS)], LoadOptions(), as_json=True)
    report = json.loads(capsys.readouterr().out)["files"][0]
    assert report["zone_notes"] == [
        "CST read as US Central Standard Time (UTC-06:00): other rows' zones are in the same region"
    ]


def test_cst_beside_other_rows_in_china_time_reads_as_china(tmp_path: Path) -> None:
    path = tmp_path / "logins.csv"
    path.write_text(
        "time,title\n2015-07-21 20:20:03 CST,a\n2015-07-22 09:00:00 +08:00,b\n", encoding="utf-8"
    )
    result = load_file(path)
    assert by_row(result)[2]["start"] == utc(2015, 7, 21, 12, 20) + 3
    assert "China Standard Time (UTC+08:00)" in result.report.zone_notes[0]


def test_cst_in_a_chinese_file_reads_as_china(tmp_path: Path) -> None:
    path = tmp_path / "新闻.csv"
    path.write_text("时间,标题\nTue Jul 21 20:20:03 CST 2015,北京发布会\n", encoding="utf-8")
    result = load_file(path)
    assert by_row(result)[2]["start"] == utc(2015, 7, 21, 12, 20) + 3
    assert "the file's text is Chinese" in result.report.zone_notes[0]


def test_tz_database_names_keep_daylight_saving_time(tmp_path: Path) -> None:
    path = tmp_path / "meetings.csv"
    path.write_text(
        "date,time,timezone,title\n"
        "2015-07-21,10:00,Europe/Berlin,summer\n"
        "2015-01-21,10:00,Europe/Berlin,winter\n"
        "2015-07-21,10:00,Asia/Shanghai,shanghai\n"
        "2015-07-21,10:00,-0500,offset without a colon\n"
        "2015-07-21,10:00,UTC+5:30,prefixed offset\n",
        encoding="utf-8",
    )
    events = by_row(load_file(path))
    assert events[2]["start"] == utc(2015, 7, 21, 8)  # CEST, +02:00
    assert events[3]["start"] == utc(2015, 1, 21, 9)  # CET, +01:00
    assert events[4]["start"] == utc(2015, 7, 21, 2)
    assert events[5]["start"] == utc(2015, 7, 21, 15)
    assert events[6]["start"] == utc(2015, 7, 21, 4, 30)


def test_a_tweet_is_placed_by_its_created_at_with_the_offset_in_the_middle() -> None:
    result = load_file(DATA / "python_twitter_search_response.json")  # {"statuses": [...]}
    assert result.report.columns["start"] == "created_at"  # not the id, nor user.created_at
    (tweet,) = by_row(result).values()
    assert tweet["start"] == utc(2015, 12, 8, 21, 40)  # "Tue Dec 08 21:40:00 +0000 2015"
    assert str(tweet["title"]).startswith("🎶 C++, Java, Python &amp; Ruby.")
    assert tweet["lane"] == "NickelodeonTV"


def test_a_time_with_its_own_offset_keeps_it_over_the_zone_column(tmp_path: Path) -> None:
    path = tmp_path / "mixed.csv"
    path.write_text(
        "date,timezone,title\n2015-07-21T10:00:00+02:00,CET,own offset\n"
        "2015-07-21T10:00:00,CET,zone column\n2015-07-21,CET,a day\n",
        encoding="utf-8",
    )
    events = by_row(load_file(path))
    assert events[2]["start"] == utc(2015, 7, 21, 8)
    assert events[3]["start"] == utc(2015, 7, 21, 9)  # CET is +01:00 as written, summer or not
    assert events[4]["start"] == seconds_at(2015, 7, 21)


def test_inspect_names_the_file_row_and_unknown_zone(capsys: pytest.CaptureFixture[str]) -> None:
    inspect_command.run_inspect([str(STORMS)], LoadOptions(), as_json=False)
    text = capsys.readouterr().out
    assert text.startswith(str(STORMS))
    assert (
        "skipped: row 12, BEGIN_DATE_TIME+CZ_TIMEZONE: '01-JUN-56 11:33:00 UNK': "
        "unknown time zone UNK"
    ) in text
    assert "time zone: CST read as US Central Standard Time (UTC-06:00)" in text
