"""Events as plain records (ISO times with their sub-seconds, text), and CSV cells safe for spreadsheets: what every
data export shares."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import numpy as np
import numpy.typing as npt
import pandas as pd

from viewer.io.formula_cells import escape_formula
from viewer.model.annotations import EventMarks, tags_text
from viewer.model.event_fields import COLUMNS, TEXT_COLUMNS
from viewer.model.event_table import EventTable
from viewer.model.instants import format_iso

_BATCH = 50_000  # events made into Python records at a time (all at once would cost GBs)


def event_records(
    events: EventTable,
    order: npt.NDArray[np.int64] | None = None,
    marks: EventMarks | None = None,
) -> Iterator[dict[str, object]]:
    """One record per event with exactly the table's columns, in their order; the events in
    ``order`` (positions) when given, so no reordered copy of the whole table is made. With
    ``marks`` (by position in ``events``), each record also has ``starred``, ``tags`` (a list)
    and ``note``."""
    if order is None and len(events) <= _BATCH:
        records = _records(events)
        yield from records if marks is None else _annotated(records, range(len(events)), marks)
        return
    positions = np.arange(len(events)) if order is None else order
    for first in range(0, len(positions), _BATCH):
        batch = positions[first : first + _BATCH]
        records = _records(events.subset(batch))
        yield from records if marks is None else _annotated(records, batch.tolist(), marks)


def _annotated(
    records: Iterator[dict[str, object]], positions: Iterable[int], marks: EventMarks
) -> Iterator[dict[str, object]]:
    starred, tags, notes = marks.starred, marks.tags, marks.notes
    for record, position in zip(records, positions, strict=True):
        record["starred"] = bool(starred[position])
        record["tags"] = list(tags.get(position, ()))
        record["note"] = notes.get(position, "")
        yield record


def _records(events: EventTable) -> Iterator[dict[str, object]]:
    has_end = events.has_end()
    ends = format_iso(events.end_or_start(), events.end_or_start_ns())
    values: dict[str, list[object]] = {
        "start": list(format_iso(events.start, events.start_ns)),
        "end": [end if spans else None for end, spans in zip(ends, has_end, strict=True)],
        "precision": list(events.precision_labels()),
        "approximate": [bool(v) for v in events.approximate()],
        **{name: list(events.texts(name)) for name in (*TEXT_COLUMNS, "source")},
        "row": [int(v) for v in events.rows()],
    }
    columns = [values[name] for name in COLUMNS]  # a column the table gains must be written too
    for cells in zip(*columns, strict=True):
        yield dict(zip(COLUMNS, cells, strict=True))


def _cell_text(value: object) -> str:
    if value is None or value is pd.NA:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return tags_text(value)
    return str(value)


def csv_cell(value: object) -> str:
    """A record's value as a CSV cell: text, ``true``/``false``, empty for none; escaped."""
    return escape_formula(_cell_text(value))
