"""A date with its time of day in columns beside it: a ``time`` text, or bare numbers for the
hour and the minute (``TATZEIT_ANFANG_DATUM`` + ``TATZEIT_ANFANG_STUNDE``); or the whole
instant split into YEAR, MONTH, DAY, HOUR and MINUTE columns (NHTSA FARS)."""

from __future__ import annotations

import re

from viewer.io.mapping.column_mapping import ColumnMapping, DateParts, JoinedColumns
from viewer.io.mapping.header_names import YEAR_HEADERS, header_key

Sample = dict[str, list[str]]

_TIME_HEADERS = frozenset({"time", "时间", "時間"})
_DATE_HEADERS = frozenset({"date", "日期"})
# (Not "std" nor "min": a standard deviation or a minimum can hold small numbers too.)
_HOUR_WORDS = frozenset({"hour", "hours", "hr", "stunde", "heure", "hora", "ora", "小时", "時"})
_MINUTE_WORDS = frozenset({"minute", "minutes", "minuten", "minuto", "minutos", "分", "分钟"})
_WHOLE_NUMBER = re.compile(r"^\d{1,2}$")
_MONTH_HEADERS = frozenset({"month", "mon", "monat", "mois", "mes", "月", "月份"})
_DAY_HEADERS = frozenset({"day", "tag", "jour", "dia", "día", "日"})


def join_clock_columns(
    mapping: ColumnMapping, columns: list[str], sample: Sample, forced: dict[str, str]
) -> None:
    """Give the start and the end the time-of-day columns that go with them."""
    used = {v for v in (mapping.title, mapping.excerpt, mapping.lane, mapping.url) if v}
    if isinstance(mapping.start, str) and "start" not in forced:
        parts = _split_parts(mapping.start, [c for c in columns if c not in used], sample)
        if parts is not None:
            mapping.start, mapping.numbers_are_years = parts, True
            return
    for role in ("start", "end"):
        date = getattr(mapping, role)
        if not isinstance(date, str) or role in forced or header_key(date) in YEAR_HEADERS:
            continue
        used |= {c for r in ("start", "end") if isinstance(c := getattr(mapping, r), str)}
        joined = _clock_for(date, [c for c in columns if c not in used], sample)
        if joined is not None:
            setattr(mapping, role, joined)
            used |= set(joined.names)


def _clock_for(date: str, free: list[str], sample: Sample) -> JoinedColumns | None:
    if header_key(date) in _DATE_HEADERS:  # date + time: read as one text
        time = next((c for c in free if header_key(c) in _TIME_HEADERS), None)
        if time is not None:
            return JoinedColumns((date, time))
    hour = _closest(date, _numbers_named(free, sample, _HOUR_WORDS, 23))
    if hour is None:
        return None
    minute = _closest(hour, _numbers_named(free, sample, _MINUTE_WORDS, 59))
    return JoinedColumns((date, hour, minute) if minute else (date, hour), clock=True)


def _split_parts(year: str, free: list[str], sample: Sample) -> DateParts | None:
    """YEAR with MONTH and DAY columns of small numbers, and maybe HOUR and MINUTE."""
    if header_key(year) not in YEAR_HEADERS:
        return None

    def number_column(headers: frozenset[str], top: int) -> str | None:
        named = [c for c in free if header_key(c) in headers]
        return next((c for c in _numbers_named(named, sample, headers, top)), None)

    month, day = number_column(_MONTH_HEADERS, 12), number_column(_DAY_HEADERS, 31)
    if month is None or day is None:
        return None
    hour = number_column(_HOUR_WORDS, 23)
    minute = number_column(_MINUTE_WORDS, 59) if hour else None
    return DateParts(year, month, day, hour=hour, minute=minute)


def _numbers_named(free: list[str], sample: Sample, words: frozenset[str], top: int) -> list[str]:
    """Columns named by one of ``words`` whose cells are all whole numbers up to ``top``."""
    out = []
    for column in free:
        key = header_key(column)
        # (Chinese words are found inside a header, but one character only as the whole of
        # it: 分 is in 分类, a category.)
        named = set(key.split()) & words or any(
            not w.isascii() and len(w) > 1 and w in key for w in words
        )
        values = sample.get(column, [])
        if named and values and all(_is_at_most(v.strip(), top) for v in values):
            out.append(column)
    return out


def _is_at_most(text: str, top: int) -> bool:
    return bool(_WHOLE_NUMBER.match(text)) and int(text) <= top


def _closest(anchor: str, options: list[str]) -> str | None:
    """The option whose header shares most words with ``anchor`` (``tatzeit anfang``)."""
    words = set(header_key(anchor).split())
    return max(options, key=lambda c: len(words & set(header_key(c).split())), default=None)
