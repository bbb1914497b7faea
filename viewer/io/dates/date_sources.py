"""The text of a start or end date, from one column, joined columns or TimelineJS date parts."""

from __future__ import annotations

import datetime as dt
import math
import re

import pyarrow as pa
import pyarrow.compute as pc

from viewer.io.dates.date_column import parse_date_column
from viewer.io.dates.date_results import DateColumn
from viewer.io.mapping.column_mapping import DateParts, DateSource, JoinedColumns
from viewer.io.mapping.zone_columns import looks_like_zone
from viewer.io.readers.raw_table import RawTable, join_cells
from viewer.model.date_forms import bc_to_astronomical, check_civil, check_month, clock_seconds
from viewer.model.date_words import MONTHS
from viewer.model.instants import check_year, nanos_of_fraction, seconds_at
from viewer.model.messages import QT_TRANSLATE_NOOP, Message
from viewer.model.parsed_date import EMPTY, DateParseError
from viewer.model.precision import Precision

_CLOCK_FIELD = re.compile(r"[0-9]{1,2}")
_MONTH_ABBR = {number: name.title() for name, number in MONTHS.items() if len(name) == 3}


def date_text(raw: RawTable, source: DateSource) -> pa.ChunkedArray:
    """The date as the file wrote it (parts joined for display)."""
    if isinstance(source, str):
        return raw.column(source)
    if isinstance(source, JoinedColumns):
        if source.clock:
            joined = _date_and_clock(*(raw.column(c) for c in source.names))
        else:
            joined = join_cells([raw.column(c) for c in source.names], " ")
        return joined if source.zone is None else _with_zone(joined, raw.column(source.zone))
    return pa.chunked_array([pa.array(_parts_texts(raw, source), pa.string())])


def _date_and_clock(
    date: pa.ChunkedArray, hour: pa.ChunkedArray, minute: pa.ChunkedArray | None = None
) -> pa.ChunkedArray:
    """``26.01.2022`` with ``16`` (and ``5``) as ``26.01.2022 16:05``; a row without an hour
    keeps its date alone, and an hour without a date stays no date."""
    date, hour = _filled(date), _filled(hour)
    minutes = _filled(minute) if minute is not None else None
    padded_minute = (
        pc.coalesce(pc.utf8_lpad(minutes, 2, "0"), "00") if minutes is not None else "00"
    )
    clock = pc.binary_join_element_wise(pc.utf8_lpad(hour, 2, "0"), padded_minute, ":")
    clock = pc.if_else(pc.is_valid(date), clock, pa.scalar(None, pa.string()))
    return join_cells([date, clock], " ")


def _with_zone(date: pa.ChunkedArray, zone: pa.ChunkedArray) -> pa.ChunkedArray:
    """``2015-07-21 20:20`` with ``CEST`` as ``2015-07-21 20:20 CEST``; a date without a time
    of day keeps no zone (a day is the same day in every zone), nor does a time that carries
    its own offset (``…T10:00+02:00``), and a row without a date stays no date."""
    with_clock = pc.and_(
        pc.match_substring_regex(date, r"\d:\d\d"),
        pc.invert(pc.match_substring_regex(date, r"(?i)(\d[z]|[+-]\d{2}:?\d{2})$")),
    )
    with_clock = pc.fill_null(with_clock, False)
    zoned = join_cells([date, _filled(zone)], " ")
    return pc.if_else(with_clock, zoned, date)


def _filled(column: pa.ChunkedArray) -> pa.ChunkedArray:
    """Trimmed cells, empty ones as null."""
    trimmed = pc.utf8_trim_whitespace(column)
    return pc.if_else(pc.greater(pc.utf8_length(trimmed), 0), trimmed, pa.scalar(None, pa.string()))


def parse_source(
    raw: RawTable,
    source: DateSource,
    text: pa.ChunkedArray,
    day_first: bool | None,
    tz: dt.tzinfo | None,
    numbers_are_years: bool,
    chinese_file: bool = False,
) -> DateColumn:
    if isinstance(source, DateParts):
        return _parse_parts(raw, source)
    header = source if isinstance(source, str) else " ".join(source.names)
    parsed = parse_date_column(
        text,
        day_first=day_first,
        tz=tz,
        numbers_are_years=numbers_are_years,
        header=header,
        chinese_file=chinese_file,
    )
    if isinstance(source, JoinedColumns) and source.zone is not None:
        _name_unknown_zones(parsed, raw.column(source.zone))
    return parsed


def _name_unknown_zones(parsed: DateColumn, zones: pa.ChunkedArray) -> None:
    """A row that failed because of its zone cell ("UNK") says so, not that a word of its
    date is unknown."""
    for row in list(parsed.reasons):
        zone = zones[row].as_py()
        if zone and zone.strip() and not looks_like_zone(zone):
            parsed.reasons[row] = Message(
                QT_TRANSLATE_NOOP("LoadMessages", "unknown time zone {zone}"), zone=zone.strip()
            )


def _cells(raw: RawTable, name: str | None) -> list[str | None]:
    if name is None:
        return [None] * len(raw)
    return [None if v is None else v.strip() for v in raw.column(name).to_pylist()]


def _part_columns(raw: RawTable, parts: DateParts) -> list[list[str | None]]:
    names = (parts.year, parts.month, parts.day, parts.time, parts.hour, parts.minute)
    return [_cells(raw, c) for c in names]


def _parts_texts(raw: RawTable, parts: DateParts) -> list[str | None]:
    out: list[str | None] = []
    for year, month, day, time, hour, minute in zip(*_part_columns(raw, parts), strict=True):
        if not year:
            out.append(None)
            continue
        clock = time or (f"{hour}:{(minute or '0').zfill(2)}" if hour else "")
        words = [day or "", _MONTH_ABBR.get(_int(month) or 0, month or ""), year, clock]
        out.append(" ".join(w for w in words if w))
    return out


def _int(text: str | None) -> int | None:
    """A whole number written as ``1969`` or ``1.969e3``; None for text, NaN or infinity."""
    if not text:
        return None
    try:
        return int(float(text))
    except (ValueError, OverflowError):  # OverflowError: 1e999, Infinity
        return None


def _year(text: str) -> int:
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if math.isinf(value):
        raise DateParseError(QT_TRANSLATE_NOOP("LoadMessages", "year is too far from the present"))
    year = _int(text)
    if year is None:
        raise DateParseError(
            QT_TRANSLATE_NOOP("LoadMessages", "year {year_text!r} is not a number"),
            year_text=text,
        )
    check_year(year)
    return year


def _parse_parts(raw: RawTable, parts: DateParts) -> DateColumn:
    n = len(raw)
    out = DateColumn.empty(n)
    for index, cells in enumerate(zip(*_part_columns(raw, parts), strict=True)):
        try:
            seconds, precision = _parts_instant(*cells)
        except DateParseError as error:
            out.reasons[index] = error.reason
            continue
        out.start[index], out.precision[index], out.ok[index] = seconds, precision, True
        out.start_ns[index] = _fraction_nanos(cells[3])
    return out


def _parts_instant(
    year_text: str | None,
    month_text: str | None,
    day_text: str | None,
    time_text: str | None,
    hour_text: str | None = None,
    minute_text: str | None = None,
) -> tuple[int, Precision]:
    if not year_text:
        raise DateParseError(EMPTY)
    year = bc_to_astronomical(_year(year_text))  # TimelineJS: -44 is 44 BC
    month, day = _int(month_text), _int(day_text)
    if month_text and month is None:
        raise DateParseError(
            QT_TRANSLATE_NOOP("LoadMessages", "month {month_text!r} is not a number"),
            month_text=month_text,
        )
    if month is None:
        return seconds_at(year), Precision.YEAR
    if day is None:
        check_month(month)
        return seconds_at(year, month), Precision.MONTH
    check_civil(year, month, day)
    clock, precision = 0, Precision.DAY
    if time_text:
        clock, precision = _clock(time_text), Precision.TIME
    elif hour_text:
        clock, precision = _clock(f"{hour_text}:{minute_text or '0'}"), Precision.TIME
    return seconds_at(year, month, day) + clock, precision


_FRACTION = re.compile(r"^\s*\d{1,2}:\d{1,2}:\d{1,2}\.([0-9]+)")


def _fraction_nanos(time_text: str | None) -> int:
    """The milliseconds of TimelineJS's ``H:MM:SS.mmm``, in nanoseconds."""
    m = _FRACTION.match(time_text or "")
    return nanos_of_fraction(m[1]) if m else 0


def _clock(text: str) -> int:
    pieces = text.lower().replace(".", ":").split()
    ampm = pieces[1] if len(pieces) > 1 else None
    hms = [*pieces[0].split(":"), "0", "0"][:3]
    # ASCII digits only: "¹30".isdigit() is true, but int() refuses it.
    if not all(_CLOCK_FIELD.fullmatch(p) for p in hms):
        raise DateParseError(
            QT_TRANSLATE_NOOP("LoadMessages", "time {text!r} is not a time of day"), text=text
        )
    return clock_seconds(hms[0], hms[1], hms[2], ampm)
