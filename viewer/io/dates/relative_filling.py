"""Relative dates ("yesterday 04:44", "昨天 04:44", "3 hours ago") counted from a day the file
gives: the row's crawl or fetch date, else a date in the file's name. Never today: without
either, each such row is skipped with the reason."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
import pyarrow as pa

from viewer.io.dates.date_results import DateColumn
from viewer.io.load_errors import RowProblem
from viewer.model.instants import civil_from_seconds
from viewer.model.messages import QT_TRANSLATE_NOOP, Message
from viewer.model.precision import Precision

_DAY = 86_400
NO_REFERENCE = Message(
    QT_TRANSLATE_NOOP(
        "LoadMessages",
        "a date relative to when the page was read, and the file gives no date to count it "
        "from (a crawl or fetch date column, or a date in the file name)",
    )
)
_COUNTED_FROM_NAME = QT_TRANSLATE_NOOP(
    "LoadMessages", "relative dates counted from {day}, the date in the file name"
)
_COUNTED_FROM_COLUMN = QT_TRANSLATE_NOOP(
    "LoadMessages", "relative dates counted from each row's {column}"
)


def fill_relative(
    dates: DateColumn,
    rows: npt.NDArray[np.int64],
    references: DateColumn | None,
    reference_column: str | None,
    named: int | None,
    problems: list[RowProblem],
    notes: list[RowProblem],
    column: str,
    text: pa.ChunkedArray,
) -> None:
    """Place each relative date from its row's reference (``references``), else from the
    midnight ``named`` (a day in the file's name); else report the row in ``problems``."""
    if not dates.relative:
        return
    noted = False
    for index in sorted(dates.relative):
        written = dates.relative[index]
        if references is not None and references.ok[index]:
            reference, whole_day = int(references.start[index]), False
            note = Message(_COUNTED_FROM_COLUMN, column=reference_column or "")
        elif named is not None:
            reference, whole_day = named, True
            note = Message(_COUNTED_FROM_NAME, day=_day_text(named))
        else:
            problems.append(RowProblem(int(rows[index]), column, _cell(text, index), NO_REFERENCE))
            continue
        precision, approximate = written.precision, written.approximate
        if whole_day and written.seconds_back is not None and written.seconds_back < _DAY:
            # "3 hours ago" from a day without a time: that day, no finer.
            seconds, precision, approximate = reference, Precision.DAY, True
        else:
            seconds = written.counted_from(reference)
        dates.start[index], dates.precision[index] = seconds, precision
        dates.approximate[index], dates.ok[index] = approximate, True
        dates.reasons.pop(index, None)
        if not noted:
            notes.append(RowProblem(int(rows[index]), column, _cell(text, index), note))
            noted = True
    dates.relative.clear()


def _day_text(seconds: int) -> str:
    year, month, day = (int(part) for part in civil_from_seconds(seconds)[:3])
    return f"{year:04d}-{month:02d}-{day:02d}"


def _cell(text: pa.ChunkedArray, index: int) -> str:
    return str(text[index].as_py() or "")[:200]
