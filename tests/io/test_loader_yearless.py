"""Dates written without a year take it from what the file tells, and relative dates count from
a day the file gives; never from the machine's clock (issue 15, class 4).

One is real (a Hacker News scrape of relative ages, tests/data); the others, for which no public
file was found in time, are written in the shapes scrapers and spreadsheets write (a Weibo
scrape's 发布时间 of "昨天 04:44" and "4月27日 12:30", Excel's "9-Nov")."""

from __future__ import annotations

from pathlib import Path

from viewer.io.load_options import LoadOptions
from viewer.io.loading import LoadResult, load_file
from viewer.model.instants import seconds_at


def by_row(result: LoadResult) -> dict[int, dict[str, object]]:
    return {int(record["row"]): record for record in result.events.records()}  # type: ignore[call-overload]


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def notes(result: LoadResult) -> list[str]:
    return [str(p.reason) for p in result.report.warnings]


def test_a_year_column_gives_each_row_its_year(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "anniversaries.csv",
        "year,date,event\n1989,9-Nov,The Wall opens\n2019,9-Nov,Thirty years on\n"
        "1990,3-Oct,Unity\n",
    )
    result = load_file(path)
    events = by_row(result)
    assert [events[row]["start"] for row in (2, 3, 4)] == [
        seconds_at(1989, 11, 9),
        seconds_at(2019, 11, 9),
        seconds_at(1990, 10, 3),
    ]
    assert events[2]["title"] == "The Wall opens"
    assert result.report.skipped == []


def test_the_year_in_the_file_name_and_the_turn_of_the_year_in_the_rows(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "advent_2019.csv",
        "date,event\n24-Nov,First market\n24-Dec,Christmas Eve\n31-Dec,New Year's Eve\n"
        "6-Jan,Epiphany\n",
    )
    result = load_file(path)
    events = by_row(result)
    assert events[2]["start"] == seconds_at(2019, 11, 24)
    assert events[4]["start"] == seconds_at(2019, 12, 31)
    assert events[5]["start"] == seconds_at(2020, 1, 6)  # after December: the next year
    assert notes(result) == ["dates have no year: read as 2019–2020 from the file name"]
    assert result.report.warnings[0].row == 2


def test_a_newest_first_feed_crosses_back_into_the_year_before(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "feed 2026.csv",
        "date,post\n05-Jan,Back at work\n02-Jan,Snow again\n30-Dec,Packing up\n20-Dec,Concert\n",
    )
    events = by_row(load_file(path))
    assert events[2]["start"] == seconds_at(2026, 1, 5)
    assert events[4]["start"] == seconds_at(2025, 12, 30)
    assert events[5]["start"] == seconds_at(2025, 12, 20)


def test_the_named_year_is_the_year_most_rows_are_in(tmp_path: Path) -> None:
    # A file named for 2026 that starts in late December began in December 2025.
    path = write(
        tmp_path,
        "diary_2026.csv",
        "date,entry\n30-Dec,a\n2-Jan,b\n9-Jan,c\n14-Feb,d\n",
    )
    events = by_row(load_file(path))
    assert events[2]["start"] == seconds_at(2025, 12, 30)
    assert events[5]["start"] == seconds_at(2026, 2, 14)


def test_without_anything_to_tell_the_year_the_file_asks_for_it(tmp_path: Path) -> None:
    path = write(tmp_path, "notes.csv", "date,note\n03-27,Spring\n04-27 12:30,Lunch\n")
    refused = load_file(path)
    assert refused.report.needs_mapping  # the app opens the column dialog, with its Year field
    assert "Year field" in str(refused.report.error)
    answered = load_file(path, LoadOptions(year=2026))
    events = by_row(answered)
    assert events[2]["start"] == seconds_at(2026, 3, 27)
    assert events[3]["start"] == seconds_at(2026, 4, 27, 12, 30)
    assert notes(answered) == ["dates have no year: read as 2026, the year you gave"]


def test_dates_with_a_year_among_them_still_lend_it_without_a_note(tmp_path: Path) -> None:
    path = write(tmp_path, "log.csv", "date,note\n2024-12-30,a\n31-Dec,b\n2-Jan,c\n")
    result = load_file(path)
    events = by_row(result)
    assert events[4]["start"] == seconds_at(2025, 1, 2)
    assert notes(result) == []


def test_relative_dates_count_from_each_rows_crawl_date(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "weibo.csv",
        "内容,发布时间,抓取时间\n今天我们去爬山,昨天 04:44,2026-04-28 10:00\n"
        "天气真好,5分钟前,2026-04-28 10:00\n春天来了,4月27日 12:30,2026-04-28 10:00\n"
        "新年快乐,12月31日 23:59,2026-04-28 10:00\n",
    )
    result = load_file(path)
    events = by_row(result)
    assert events[2]["start"] == seconds_at(2026, 4, 27, 4, 44)
    assert events[3]["start"] == seconds_at(2026, 4, 28, 9, 55)
    assert events[4]["start"] == seconds_at(2026, 4, 27, 12, 30)  # the crawl's year
    assert events[5]["start"] == seconds_at(2025, 12, 31, 23, 59)  # not after the crawl
    assert events[2]["title"] == "今天我们去爬山"
    assert notes(result) == ["relative dates counted from each row's 抓取时间"]


def test_relative_dates_count_from_the_date_in_the_file_name(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "posts_2026-04-28.csv",
        "text,time\nSunny today,yesterday 04:44\nRain,today\nWind,3 hours ago\n",
    )
    result = load_file(path)
    events = by_row(result)
    assert events[2]["start"] == seconds_at(2026, 4, 27, 4, 44)
    assert events[3]["start"] == seconds_at(2026, 4, 28)
    assert events[4]["start"] == seconds_at(2026, 4, 28)  # that day: the name has no time
    assert events[4]["approximate"] is True
    assert notes(result) == ["relative dates counted from 2026-04-28, the date in the file name"]


def test_relative_dates_with_nothing_to_count_from_are_skipped_row_by_row(
    tmp_path: Path,
) -> None:
    path = write(
        tmp_path,
        "weibo.csv",
        "内容,发布时间\n一,昨天 04:44\n二,2026-04-25 12:30\n三,前天\n四,刚刚\n",
    )
    result = load_file(path)
    assert set(by_row(result)) == {3}
    skipped = result.report.skipped
    assert [p.row for p in skipped] == [2, 4, 5]
    assert all("gives no date to count it from" in str(p.reason) for p in skipped)


HACKER_NEWS = Path(__file__).parent.parent / "data" / "hackernews_front_page_ages_excerpt.csv"


def test_relative_ages_alone_are_not_read_against_today() -> None:
    result = load_file(HACKER_NEWS)
    assert result.report.events == 0
    assert result.report.needs_mapping
    assert "'1 hour ago', a date relative to when the page was read" in str(result.report.error)


def test_the_same_scrape_named_with_its_day_counts_its_ages_from_that_day(tmp_path: Path) -> None:
    path = tmp_path / "hackernews_2025-08-11.csv"
    path.write_bytes(HACKER_NEWS.read_bytes())
    result = load_file(path)
    events = by_row(result)
    assert len(events) == 30
    assert events[2]["title"] == "Wikimedia Foundation Challenges UK Online Safety Act Regulations"
    assert events[2]["start"] == seconds_at(2025, 8, 11)  # "1 hour ago": that day, no finer
    assert events[2]["approximate"] is True
    assert events[18]["start"] == seconds_at(2025, 8, 10)  # "1 day ago" ("Try and")
    assert events[18]["title"] == "Try and"
    assert notes(result) == ["relative dates counted from 2025-08-11, the date in the file name"]
