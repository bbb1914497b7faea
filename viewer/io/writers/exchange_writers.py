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


def write_timesketch(events: EventTable, stream: IO[str]) -> None:
    """Timesketch CSV: ``message``, ``datetime`` (UTC with offset), ``timestamp`` (µs) and
    ``timestamp_desc``, followed by all of our own columns (so nothing is lost)."""
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(["message", "datetime", "timestamp", "timestamp_desc", *COLUMNS])
    micros = events.start * 1_000_000 + events.start_ns // 1000  # (int64 µs: years ±292,000)
    for stamp, record in zip(micros.tolist(), event_records(events), strict=True):
        message = str(record["title"] or record["excerpt"])
        timesketch = [message, f"{record['start']}+00:00", str(stamp), "Event time"]
        writer.writerow(
            [escape_formula(cell) for cell in timesketch]
            + [csv_cell(record[name]) for name in COLUMNS]
        )
