"""Columns that give other dates their context: the year of dates written without one
(``year`` beside ``9-Nov``), the day relative dates count from (``crawled_at`` beside
``昨天 04:44``)."""

from __future__ import annotations

import re

from viewer.io.mapping.header_names import YEAR_HEADERS, header_key
from viewer.model.date_parsing import parse_date
from viewer.model.parsed_date import DateParseError, ParsedDate, YearlessDate
from viewer.model.relative_dates import read_relative

_YEAR_CELL = re.compile(r"^\d{3,4}$")
_MOSTLY = 0.6
# Header words for when a page was read: the day its "yesterday" and "3 hours ago" count from.
_READ_WORDS = (
    "crawl", "crawled", "fetch", "fetched", "retrieved", "retrieve", "scraped", "scrape",
    "accessed", "downloaded", "collected", "抓取", "爬取", "采集", "採集", "获取", "獲取",
)  # fmt: skip


def find_year_column(
    columns: list[str], sample: dict[str, list[str]], start: str, taken: set[str]
) -> str | None:
    """The year column for ``start`` when most of its cells have no year, else None."""
    if not _mostly_yearless(sample.get(start, [])):
        return None
    for column in columns:
        if column == start or column in taken:
            continue
        key = header_key(column)
        if key not in YEAR_HEADERS and "year" not in key.split():
            continue
        cells = [v.strip() for v in sample.get(column, [])]
        if cells and sum(1 for v in cells if _YEAR_CELL.match(v)) / len(cells) >= _MOSTLY:
            return column
    return None


def _mostly_yearless(values: list[str]) -> bool:
    if not values:
        return False
    yearless = 0
    for value in values:
        try:
            yearless += isinstance(parse_date(value), YearlessDate)
        except (DateParseError, ValueError, OverflowError):
            continue
    return yearless / len(values) >= _MOSTLY


def find_reference_column(
    columns: list[str], sample: dict[str, list[str]], start: str, taken: set[str]
) -> str | None:
    """The crawl or fetch date column for ``start`` when some of its cells are relative."""
    if not any(read_relative(v) is not None for v in sample.get(start, [])):
        return None
    for column in columns:
        if column == start or column in taken or not _says_read(header_key(column)):
            continue
        cells = sample.get(column, [])
        if cells and sum(_full_date(v) for v in cells) / len(cells) >= _MOSTLY:
            return column
    return None


def _says_read(key: str) -> bool:
    """``crawled_at``, ``fetch time``, ``抓取时间``; also ``crawltime`` written as one word."""
    words = key.split()
    return any(w in words or ((not w.isascii() or len(w) > 5) and w in key) for w in _READ_WORDS)


def _full_date(value: str) -> bool:
    try:
        return isinstance(parse_date(value), ParsedDate)
    except (DateParseError, ValueError, OverflowError):
        return False
