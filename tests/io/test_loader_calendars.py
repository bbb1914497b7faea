"""Real files in the Minguo calendar, and numbers written by spreadsheets, load on their real
dates (issue 15, classes 5 and 6)."""

from __future__ import annotations

from pathlib import Path

from viewer.io.load_options import LoadOptions
from viewer.io.loading import LoadResult, load_file
from viewer.model.instants import seconds_at

DATA = Path(__file__).parent.parent / "data"
TAIPEI_LABOUR = DATA / "taipei_labour_violations_minguo_excerpt.csv"
MOUNTAIN_PERMITS = DATA / "taiwan_mountain_entry_permits_2018_minguo_excerpt.csv"


def by_row(result: LoadResult) -> dict[int, dict[str, object]]:
    return {int(record["row"]): record for record in result.events.records()}  # type: ignore[call-overload]


def test_taipei_minguo_dates_are_2016_not_the_year_105() -> None:
    result = load_file(TAIPEI_LABOUR)
    events = by_row(result)
    assert result.report.skipped == []
    assert events[2]["start"] == seconds_at(2016, 4, 25)  # 105/04/25
    assert events[31]["start"] == seconds_at(2015, 3, 5)  # 104/03/05


def test_the_other_minguo_column_reads_the_same_way_when_chosen() -> None:
    result = load_file(TAIPEI_LABOUR, LoadOptions(columns={"start": "處分日期"}))
    events = by_row(result)
    assert events[2]["start"] == seconds_at(2015, 5, 26)  # 104/05/26
    assert events[31]["start"] == seconds_at(2014, 7, 7)  # 103/07/07


def test_chinese_minguo_dates_without_an_era_are_2018() -> None:
    events = by_row(load_file(MOUNTAIN_PERMITS))
    assert events[3]["start"] == seconds_at(2018, 1, 1)  # 107年01月01日
    assert events[30]["start"] == seconds_at(2018, 7, 25)


def test_excel_scientific_epoch_milliseconds_are_times_marked_approximate(
    tmp_path: Path,
) -> None:
    path = tmp_path / "export.csv"
    path.write_text("time,title\n1.54224E+12,a\n1.54225E+12,b\n", encoding="utf-8")
    events = by_row(load_file(path))
    assert events[2]["start"] == 1_542_240_000
    assert events[3]["start"] == 1_542_250_000
    assert events[2]["approximate"] is True


def test_excel_serial_days_among_written_dates_are_those_days(tmp_path: Path) -> None:
    path = tmp_path / "sheet.csv"
    path.write_text("date,title\n43831,a\n2020-01-05,b\n43840.75,c\n", encoding="utf-8")
    events = by_row(load_file(path))
    assert [events[row]["start"] for row in (2, 3, 4)] == [
        seconds_at(2020, 1, 1),
        seconds_at(2020, 1, 5),
        seconds_at(2020, 1, 10, 18),
    ]


def test_minguo_dates_written_as_one_number_are_those_days_not_the_year_1140113(
    tmp_path: Path,
) -> None:
    """Taiwanese government data often writes 民國 dates as YYYMMDD (no real file of that form
    was found to keep; this one is written in that shape)."""
    path = tmp_path / "颱風.csv"
    path.write_text(
        "日期,事件\n1140113,颱風警報\n1131225,耶誕活動\n1050729,測試\n", encoding="utf-8"
    )
    result = load_file(path)
    assert result.report.skipped == []
    assert result.events.start.tolist() == [
        seconds_at(2025, 1, 13), seconds_at(2024, 12, 25), seconds_at(2016, 7, 29),
    ]  # fmt: skip


def test_seven_figure_numbers_that_are_not_all_minguo_dates_are_not_read_as_minguo(
    tmp_path: Path,
) -> None:
    path = tmp_path / "counts.csv"
    path.write_text("日期,事件\n1140113,a\n1149999,b\n", encoding="utf-8")
    assert seconds_at(2025, 1, 13) not in load_file(path).events.start.tolist()
