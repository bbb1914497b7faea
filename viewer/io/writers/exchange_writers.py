"""Events for other tools: TimelineJS JSON (to publish the story) and Timesketch CSV (to go on
with the analysis). Both load back into the same events."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from typing import IO

import numpy as np

from viewer.io.formula_cells import escape_formula
from viewer.io.writers.event_records import csv_cell, event_records
from viewer.model.annotations import EventMarks
from viewer.model.event_fields import COLUMNS
from viewer.model.event_table import EventTable
from viewer.model.instants import civil_from_seconds


def write_timelinejs(events: EventTable, stream: IO[str], title: str = "") -> None:
    """TimelineJS JSON: start/end date parts to the event's precision, headline, text, group.

    TimelineJS counts BC years as negative plain numbers (44 BC is -44), so astronomical years
    at or below 0 are shifted by one."""
    document: dict[str, object] = {"events": list(_timelinejs_events(events))}
    if title:
        document["title"] = {"text": {"headline": title}}
    json.dump(document, stream, ensure_ascii=False, indent=1)
    stream.write("\n")


def _timelinejs_events(events: EventTable) -> Iterator[dict[str, object]]:
    precision = events.precision_labels()
    starts = _parts(events.start)
    has_end = events.has_end()
    ends = _parts(events.end_or_start())
    start_ms, end_ms = events.start_ns // 1_000_000, events.end_or_start_ns() // 1_000_000
    columns = {
        name: events.texts(name) for name in ("title", "excerpt", "lane", "url", "date_text")
    }
    for i in range(len(events)):
        event: dict[str, object] = {
            "start_date": _date(starts, i, precision[i], int(start_ms[i])),
            "text": {"headline": columns["title"][i], "text": columns["excerpt"][i]},
        }
        if has_end[i]:
            event["end_date"] = _date(ends, i, precision[i], int(end_ms[i]))
        if columns["lane"][i]:
            event["group"] = columns["lane"][i]
        if columns["date_text"][i]:
            event["display_date"] = columns["date_text"][i]
        if columns["url"][i]:
            event["media"] = {"url": columns["url"][i]}
        yield event


def _parts(seconds: np.ndarray) -> tuple[np.ndarray, ...]:
    return civil_from_seconds(seconds)


def _date(
    parts: tuple[np.ndarray, ...], i: int, precision: str, millisecond: int = 0
) -> dict[str, str]:
    year, month, day, hour, minute, second = (int(p[i]) for p in parts)
    out = {"year": str(year if year > 0 else year - 1)}
    if precision in ("month", "day", "time"):
        out["month"] = str(month)
    if precision in ("day", "time"):
        out["day"] = str(day)
    if precision == "time":
        out.update(hour=str(hour), minute=str(minute), second=str(second))
        if millisecond:  # TimelineJS goes no finer
            out["millisecond"] = str(millisecond)
    return out


def write_timesketch(events: EventTable, stream: IO[str], marks: EventMarks | None = None) -> None:
    """Timesketch CSV: ``message``, ``datetime`` (UTC with offset), ``timestamp`` (µs) and
    ``timestamp_desc``, followed by all of our own columns (so nothing is lost). With ``marks``:
    ``tag`` as Timesketch's import reads it (comma-separated, or a JSON list when a tag holds a
    comma), ``comment`` (the note; Timesketch keeps it as a field, its own comments live in
    the sketch) and ``starred``."""
    writer = csv.writer(stream, lineterminator="\n")
    extra = () if marks is None else TIMESKETCH_ANNOTATIONS
    writer.writerow(["message", "datetime", "timestamp", "timestamp_desc", *extra, *COLUMNS])
    for record in _timesketch_records(events, marks):
        writer.writerow(
            [escape_formula(str(record[name])) for name in _TIMESKETCH_FIELDS]
            + [csv_cell(record[name]) for name in (*extra, *COLUMNS)]
        )


def write_timesketch_jsonl(
    events: EventTable, stream: IO[str], marks: EventMarks | None = None
) -> None:
    """Timesketch JSON Lines: the same fields as its CSV, ``tag`` as a list."""
    for record in _timesketch_records(events, marks):
        stream.write(json.dumps(record, ensure_ascii=False) + "\n")


TIMESKETCH_ANNOTATIONS = ("tag", "comment", "starred")
_TIMESKETCH_FIELDS = ("message", "datetime", "timestamp", "timestamp_desc")


def _timesketch_records(
    events: EventTable, marks: EventMarks | None
) -> Iterator[dict[str, object]]:
    micros = events.start * 1_000_000 + events.start_ns // 1000  # (int64 µs: years ±292,000)
    for stamp, record in zip(micros.tolist(), event_records(events, marks=marks), strict=True):
        out: dict[str, object] = {
            "message": str(record["title"] or record["excerpt"]),
            "datetime": f"{record['start']}+00:00",
            "timestamp": stamp,
            "timestamp_desc": "Event time",
        }
        if marks is not None:
            out["tag"] = record.pop("tags")
            out["comment"] = record.pop("note")
            out["starred"] = record.pop("starred")
        out.update(record)
        yield out
