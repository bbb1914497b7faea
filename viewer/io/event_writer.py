"""Events out as JSON Lines or CSV with exactly the model's fields; both load back unchanged."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path

import pandas as pd

from viewer.io.atomic_file import atomic_output
from viewer.io.exchange_writers import write_timelinejs, write_timesketch
from viewer.model.event_table import COLUMNS, EventTable
from viewer.model.instants import format_iso

# Cells a spreadsheet would run as a formula get a leading apostrophe (OWASP's advice).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# A cell that already starts with an apostrophe gets one more, so loading removes exactly one.
_ESCAPED_STARTS = (*_FORMULA_STARTS, "'")
DATA_FORMATS = {
    ".jsonl": "jsonl",
    ".csv": "csv",
    ".timelinejs.json": "timelinejs",
    ".timesketch.csv": "timesketch",
}
FORMAT_NAMES = ("jsonl", "csv", "timelinejs", "timesketch")


def data_format(path: str | Path, named: str | None = None) -> str | None:
    """The data format a user named, or the one the file name says (longest ending first)."""
    if named is not None:
        return named if named in FORMAT_NAMES else None
    name = Path(path).name.lower()
    for ending in sorted(DATA_FORMATS, key=len, reverse=True):
        if name.endswith(ending):
            return DATA_FORMATS[ending]
    return None


def write_events(events: EventTable, path: str | Path, fmt: str | None = None) -> None:
    fmt = data_format(path, fmt)
    if fmt is None:
        raise ValueError(
            f"cannot tell the format of {Path(path).name}; use .jsonl, .csv, .timelinejs.json or .timesketch.csv"
        )
    with atomic_output(path) as stream:
        if fmt == "timelinejs":
            write_timelinejs(events, stream)
        elif fmt == "timesketch":
            write_timesketch(events, stream)
        elif fmt == "jsonl":
            for record in _records(events):
                stream.write(json.dumps(record, ensure_ascii=False) + "\n")
        else:
            writer = csv.writer(stream, lineterminator="\n")
            writer.writerow(COLUMNS)
            for record in _records(events):
                writer.writerow(_escape(_csv_cell(record[name])) for name in COLUMNS)


def _records(events: EventTable) -> Iterator[dict[str, object]]:
    frame = events.frame
    starts = format_iso(frame["start"].to_numpy())
    has_end = frame["end"].notna().to_numpy()
    ends = format_iso(frame["end"].fillna(0).to_numpy(dtype="int64"))
    text = {
        name: frame[name].astype(str).tolist()
        for name in ("title", "excerpt", "lane", "url", "date_text", "source")
    }
    precision = frame["precision"].astype(str).tolist()
    approximate = frame["approximate"].tolist()
    rows = frame["row"].tolist()
    for i in range(len(frame)):
        yield {
            "start": starts[i],
            "end": ends[i] if has_end[i] else None,
            "precision": precision[i],
            "approximate": bool(approximate[i]),
            **{name: values[i] for name, values in text.items() if name != "source"},
            "source": text["source"][i],
            "row": int(rows[i]),
        }


def _csv_cell(value: object) -> str:
    if value is None or value is pd.NA:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _escape(cell: str) -> str:
    if cell.startswith(_FORMULA_STARTS) or (cell.startswith("'") and cell[1:2] in _ESCAPED_STARTS):
        return "'" + cell
    return cell
