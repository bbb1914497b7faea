"""Excel serial day numbers among written dates: a spreadsheet that lost a cell's date format
writes 2020-01-01 as ``43831`` (days since 1899-12-30; a fraction is the time of day).

Alone, ``43831`` is the year 43831; in a column whose other rows are written dates of the
last century or this one it is that day.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt
import pyarrow as pa
import pyarrow.compute as pc

from viewer.io.events.arrow_numpy import to_numpy
from viewer.model.chunked_text import take
from viewer.model.date_forms import NUMBER_PATTERN
from viewer.model.instants import seconds_at
from viewer.model.precision import Precision

if TYPE_CHECKING:  # (date_column calls this module)
    from viewer.io.dates.date_results import DateColumn

# Five-digit serials: 10000 is 1927-05-18, 99999 is 2173-10-14.
_SERIAL = r"^\d{5}(\.\d+)?$"
_SERIAL_ORIGIN = seconds_at(1899, 12, 30)  # (Excel counts 1900 as a leap year: from March)
_EARLIEST_WRITTEN = seconds_at(1900)  # the written dates must be of Excel's era too


def place_excel_serials(
    text: pa.ChunkedArray, out: DateColumn, per_text: npt.NDArray[np.bool_]
) -> None:
    """Read five-digit numbers as Excel serial days when the column's other dates are
    written out (not numbers) and none is before 1900. Changes ``out`` in place.
    ``per_text`` marks the rows the per-text parser read (the bulk paths take no serials)."""
    slow = np.flatnonzero(per_text)
    if len(slow) == 0:
        return
    slow_texts = take(text, slow) if len(slow) < len(text) else text
    hits = np.asarray(to_numpy(pc.match_substring_regex(slow_texts, _SERIAL)), dtype=bool)
    if not hits.any():
        return
    serial = np.zeros(len(text), dtype=bool)
    serial[slow[hits]] = True
    number = np.asarray(to_numpy(pc.match_substring_regex(text, NUMBER_PATTERN)), dtype=bool)
    written = out.ok & ~number
    if not written.any() or out.start[written].min() < _EARLIEST_WRITTEN:
        return
    rows = np.flatnonzero(serial)
    days = np.asarray(to_numpy(pc.cast(take(text, rows), pa.float64())), dtype=np.float64)
    out.start[rows] = _SERIAL_ORIGIN + np.round(days * 86_400).astype(np.int64)
    whole = days == np.floor(days)
    out.precision[rows] = np.where(whole, Precision.DAY, Precision.TIME).astype(np.int8)
    out.has_end[rows] = False
    out.approximate[rows] = False
    out.ok[rows] = True
    for row in rows.tolist():
        out.reasons.pop(row, None)
