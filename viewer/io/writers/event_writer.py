"""Events out as JSON Lines or CSV with exactly the model's fields; both load back unchanged."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import IO

from viewer.atomic_file import atomic_output
from viewer.io.writers.event_records import csv_cell, event_records
from viewer.io.writers.exchange_writers import (
    write_timelinejs,
    write_timesketch,
    write_timesketch_jsonl,
)
from viewer.model.annotations import ANNOTATION_COLUMNS, EventMarks
from viewer.model.event_fields import COLUMNS
from viewer.model.event_table import EventTable

DATA_FORMATS = {
    ".jsonl": "jsonl",
    ".csv": "csv",
    ".timelinejs.json": "timelinejs",
    ".timesketch.csv": "timesketch",
    ".timesketch.jsonl": "timesketch-jsonl",
}
FORMAT_NAMES = ("jsonl", "csv", "timelinejs", "timesketch", "timesketch-jsonl")


def data_format(path: str | Path, named: str | None = None) -> str | None:
    """The data format a user named, or the one the file name says (longest ending first)."""
    if named is not None:
        return named if named in FORMAT_NAMES else None
    name = Path(path).name.lower()
    for ending in sorted(DATA_FORMATS, key=len, reverse=True):
        if name.endswith(ending):
            return DATA_FORMATS[ending]
    return None


def write_events(
    events: EventTable,
    path: str | Path,
    fmt: str | None = None,
    in_time_order: bool = False,
    marks: EventMarks | None = None,
) -> None:
    """``in_time_order`` writes the events sorted by time (for JSON Lines and CSV without a
    sorted copy of the whole table: a batch at a time). With ``marks`` (the annotations of
    ``events``, by position), JSON Lines and CSV get ``starred``, ``tags`` and ``note``
    columns, Timesketch its ``tag`` list and a ``comment``; TimelineJS has no place for them."""
    fmt = data_format(path, fmt)
    order = events.order.time_order() if in_time_order else None
    if fmt is None:
        raise ValueError(
            f"cannot tell the format of {Path(path).name}; use .jsonl, .csv, .timelinejs.json, .timesketch.csv or .timesketch.jsonl"
        )
    columns = COLUMNS if marks is None else (*COLUMNS, *ANNOTATION_COLUMNS)
    with atomic_output(path) as stream:
        if fmt == "timelinejs":
            write_timelinejs(events if order is None else events.subset(order), stream)
        elif fmt in ("timesketch", "timesketch-jsonl"):
            whole, in_order = events, marks
            if order is not None:
                whole, in_order = (
                    events.subset(order),
                    None if marks is None else marks.subset(order),
                )
            writer_for = write_timesketch if fmt == "timesketch" else write_timesketch_jsonl
            writer_for(whole, stream, in_order)
        elif fmt == "jsonl":
            for record in event_records(events, order, marks):
                stream.write(json.dumps(record, ensure_ascii=False) + "\n")
        else:
            writer = csv.writer(stream, lineterminator="\n")
            writer.writerow(columns)
            for record in event_records(events, order, marks):
                cells = [csv_cell(record[name]) for name in columns]
                if max(map(len, cells)) > _LONG_CELL:
                    _write_quoted(stream, cells)
                else:
                    writer.writerow(cells)


# The csv module copies a row into a buffer of 4 bytes a character: a 100 MB cell took 900 MB.
_LONG_CELL = 1 << 20


def _write_quoted(stream: IO[str], cells: list[str]) -> None:
    """A row with every cell quoted, written piece by piece, as csv would write it."""
    for index, cell in enumerate(cells):
        stream.write(',"' if index else '"')
        stream.write(cell.replace('"', '""'))
        stream.write('"')
    stream.write("\n")
