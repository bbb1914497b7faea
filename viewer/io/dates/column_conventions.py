"""Conventions a whole date column shares, read from its texts: the Minguo (ROC) calendar of
Taiwanese data (``105/07/29`` is 2016-07-29) and the century of its two-digit years.

Each rule looks at every numeric date of the column at once, because a single text cannot
tell: ``99/12/25`` alone is 1999 or Minguo 99 (2010), ``01/02/35`` alone 1935 or 2035.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
import pyarrow as pa
import pyarrow.compute as pc

from viewer.io.events.arrow_numpy import to_numpy
from viewer.model.chunked_text import take

_NUMERIC_SHAPE = r"^\d{1,4}[/.\-]\d{1,2}[/.\-]\d{1,4}(\D|$)"
# Year, month, day with a year of two or three digits: Minguo 99 is 2010, 115 is 2026.
_MINGUO_SHAPE = r"^(?P<year>\d{2,3})[/.\-](?P<month>\d{1,2})[/.\-](?P<day>\d{1,2})(?:\D|$)"
# A year before 年 with no era (公元, 西元, 民國) before it, and the same with two or three digits.
# (not 年代: 50年代 is the 1950s)
_CHINESE_YEAR_SHAPE = r"^\d+\s*年(?:[^代]|$)"
_CHINESE_SHORT_YEAR_SHAPE = r"^(?P<year>\d{2,3})\s*年(?:[^代]|$)"
_SAMPLE = 5_000
_MINGUO_LAST_YEAR = 150  # 2061: a three-digit first field beyond this is not a Minguo year
_MINGUO_HEADERS = ("民國", "民国")
# A header in Chinese ("日期", "發生日期"): in such a file a year-first 99/12/25 is Minguo.
_CHINESE_DATE_HEADER = "日期"
# Minguo written as one number, YYYMMDD, as Taiwanese government data often does: 1140113 is
# 2025-01-13. Only three-digit years (100-149: 2011-2060), which no other reading makes a date.
_COMPACT_MINGUO_SHAPE = r"^1[0-4]\d(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$"
# Day-month-year with a two-digit year (27/04/26, 4-27-26).
_TWO_DIGIT_YEAR_SHAPE = r"^\d{1,2}[/.\-]\d{1,2}[/.\-](?P<year>\d{2})(?:\D|$)"


def _texts(text: pa.ChunkedArray, rows: npt.NDArray[np.bool_]) -> pa.ChunkedArray:
    if rows.all():
        return text
    return take(text, np.flatnonzero(rows))


def _sample(texts: pa.ChunkedArray) -> pa.ChunkedArray:
    """Evenly spread rows, to see cheaply whether a rule can apply at all (the rule itself then
    reads every row)."""
    if len(texts) <= _SAMPLE:
        return texts
    picks = np.unique(np.linspace(0, len(texts) - 1, _SAMPLE).astype(np.int64))
    return take(texts, picks)


def _count(text: pa.ChunkedArray, pattern: str) -> int:
    hits = to_numpy(pc.match_substring_regex(text, pattern))
    return int(np.count_nonzero(np.asarray(hits, dtype=bool)))


def is_minguo(text: pa.ChunkedArray, rows: npt.NDArray[np.bool_], header: str) -> bool:
    """Are the column's dates Minguo years (105/07/29, 107年01月01日)?

    Yes when every date is one seven-figure number YYYMMDD (1140113), or when every numeric
    date is written year-first, or every Chinese date's year (before 年,
    without an era) is written, with a year of 1 to 150 and either some year has three digits
    (no Gregorian file writes 2016 as 105), or the header says 民國, or the header is Chinese
    ("日期") and some first field is above 31 (so it is no day).
    """
    subset = _texts(text, rows)
    sample = _sample(subset)
    compact = _count(sample, _COMPACT_MINGUO_SHAPE)
    if compact and _count(subset, _COMPACT_MINGUO_SHAPE) == _count(subset, r"\S"):
        return True  # every date is one number YYYMMDD (read as a year, it would be 1140113)
    if _count(sample, _MINGUO_SHAPE) == 0 and _count(sample, _CHINESE_SHORT_YEAR_SHAPE) == 0:
        return False  # (the common case, decided on a sample)
    years = _years_of_shape(subset, _NUMERIC_SHAPE, _MINGUO_SHAPE)
    if years is None:
        years = _years_of_shape(subset, _CHINESE_YEAR_SHAPE, _CHINESE_SHORT_YEAR_SHAPE)
    if years is None:
        return False
    if years.max() > _MINGUO_LAST_YEAR or years.min() < 1:
        return False
    if any(mark in header for mark in _MINGUO_HEADERS) or years.max() >= 100:
        return True
    return _CHINESE_DATE_HEADER in header and bool(years.max() > 31)


def _years_of_shape(
    subset: pa.ChunkedArray, shape: str, short_year_shape: str
) -> npt.NDArray[np.int64] | None:
    """The years of the texts of ``shape``, when every one is written as ``short_year_shape``
    says (None if some is not, or no text has the shape)."""
    count = _count(subset, shape)
    if count == 0:
        return None
    fields = pc.extract_regex(subset, short_year_shape)
    matched = fields.filter(pc.is_valid(fields))
    if len(matched) < count:
        return None  # some date has a four-digit year, or a year last
    return np.asarray(to_numpy(pc.cast(pc.struct_field(matched, "year"), pa.int64())), np.int64)


def two_digit_pivot(text: pa.ChunkedArray, rows: npt.NDArray[np.bool_], reference_year: int) -> int:
    """The pivot year that keeps the column's two-digit years together.

    The years are read as one stretch of at most a century (the complement of the widest gap
    between them: 98, 99, 00, 01 is 1998-2001, not 2001 and 1999), placed in the latest century
    whose first year is not after ``reference_year`` (this year, or a later four-digit year of
    the column). Without two-digit years the usual pivot, ``reference_year``, is returned.
    """
    subset = _texts(text, rows)
    if _count(_sample(subset), _TWO_DIGIT_YEAR_SHAPE) == 0:
        return reference_year  # (the common case, decided on a sample)
    fields = pc.extract_regex(subset, _TWO_DIGIT_YEAR_SHAPE)
    matched = fields.filter(pc.is_valid(fields))
    if len(matched) == 0:
        return reference_year
    years = np.unique(
        np.asarray(to_numpy(pc.cast(pc.struct_field(matched, "year"), pa.int64())), np.int64)
    )
    # The widest gap between neighbours, counting the wrap from the last back to the first.
    gaps = np.diff(np.append(years, years[0] + 100))
    first = int(years[(int(np.argmax(gaps)) + 1) % len(years)])
    century = reference_year // 100 * 100
    start = century + first if century + first <= reference_year else century - 100 + first
    # place_two_digit_year maps two digits into (pivot - 100, pivot].
    return start + 99
