"""A column's calendar and the century of its two-digit years come from all of its dates."""

from __future__ import annotations

import pyarrow as pa
import pytest

from viewer.io.dates.date_column import parse_date_column
from viewer.model.instants import seconds_at


def column(values: list[str]) -> pa.ChunkedArray:
    return pa.chunked_array([pa.array(values, pa.string())])


def starts(values: list[str], header: str = "") -> list[int | None]:
    parsed = parse_date_column(column(values), header=header)
    return [int(s) if ok else None for s, ok in zip(parsed.start, parsed.ok, strict=True)]


@pytest.mark.parametrize("rows", [1, 1_200, 25_000])  # per text, in bulk, through distinct texts
def test_minguo_years_with_three_digits_are_read_as_taiwanese_dates(rows: int) -> None:
    values = (["105/07/29", "99/12/25", "106/1/3 14:30"] * rows)[: max(3, rows)]
    got = starts(values)
    assert got[:3] == [
        seconds_at(2016, 7, 29),
        seconds_at(2010, 12, 25),
        seconds_at(2017, 1, 3) + 14 * 3600 + 30 * 60,
    ]


def test_a_minguo_header_makes_two_digit_first_fields_minguo_years() -> None:
    assert starts(["99/12/25", "98/01/02"], header="民國日期") == [
        seconds_at(2010, 12, 25),
        seconds_at(2009, 1, 2),
    ]


def test_a_chinese_date_header_with_a_first_field_above_31_reads_minguo() -> None:
    assert starts(["99/12/25", "98/01/02"], header="發生日期") == [
        seconds_at(2010, 12, 25),
        seconds_at(2009, 1, 2),
    ]


def test_day_month_dates_and_four_digit_years_are_not_minguo() -> None:
    assert starts(["12/05/26", "2016/07/29"], header="日期") == [
        seconds_at(2026, 12, 5),
        seconds_at(2016, 7, 29),
    ]
    assert starts(["200/07/29"]) == [seconds_at(200, 7, 29)]  # beyond Minguo 150: year 200


def test_two_digit_years_around_a_century_stay_together() -> None:
    assert starts(["12/31/98", "12/31/99", "01/01/00", "06/30/01"]) == [
        seconds_at(1998, 12, 31),
        seconds_at(1999, 12, 31),
        seconds_at(2000, 1, 1),
        seconds_at(2001, 6, 30),
    ]


def test_two_digit_years_crossing_this_year_are_kept_in_one_stretch() -> None:
    # Written this decade: 25 and 35 are 2025 and 2035, not 2025 and 1935.
    assert starts(["01/02/25", "01/02/35"]) == [seconds_at(2025, 1, 2), seconds_at(2035, 1, 2)]
    # A stretch that would start after this year is the last century's.
    assert starts(["01/02/69", "07/08/75"]) == [seconds_at(1969, 1, 2), seconds_at(1975, 7, 8)]


def test_excel_serial_days_among_written_dates_are_those_days() -> None:
    assert starts(["43831", "2020-01-05", "43840.75"]) == [
        seconds_at(2020, 1, 1),
        seconds_at(2020, 1, 5),
        seconds_at(2020, 1, 10, 18),
    ]
    parsed = parse_date_column(column(["43831", "05/01/2020"]))
    assert list(parsed.precision) == [2, 2]  # whole serials are days


def test_five_digit_numbers_without_written_dates_or_with_ancient_ones_stay_years() -> None:
    assert starts(["43831", "12000"]) == [seconds_at(43831), seconds_at(12000)]
    assert starts(["43831", "1850-01-05"])[0] == seconds_at(43831)


def test_chinese_dates_with_three_digit_years_and_no_era_are_minguo() -> None:
    assert starts(["107年01月01日", "99年12月25日"]) == [
        seconds_at(2018, 1, 1),
        seconds_at(2010, 12, 25),
    ]
    # Four-digit years, an era, or a decade (50年代 is the 1950s) are as written.
    assert starts(["2018年01月01日", "107年01月01日"])[1] == seconds_at(107, 1, 1)
    assert starts(["50年代", "60年代"], header="日期") == [seconds_at(50), seconds_at(60)]
