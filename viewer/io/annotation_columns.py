"""Stars, tags and notes carried in a file's own columns: what our exports write (``starred``,
``tags``, ``note``) and Timesketch's (``tag``, ``comment``), read back so an exported and
reopened timeline keeps them. Only CSV and JSON Lines carry them; the cells are read by the
row each event came from, so skipped rows do not shift them."""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterator
from pathlib import Path

import numpy as np

from viewer.io.formula_cells import FORMULA_STARTS
from viewer.io.load_report import LoadReport
from viewer.model.annotations import EventMarks, parse_tags
from viewer.model.event_fields import COLUMNS
from viewer.model.event_table import EventTable

STAR_NAMES = ("starred", "star")
TAG_NAMES = ("tags", "tag")
NOTE_NAMES = ("note", "notes", "comment")
_TRUE = frozenset({"true", "yes", "1", "★", "x"})
_ESCAPED = re.compile("^'([" + "".join(re.escape(c) for c in (*FORMULA_STARTS, "'")) + "])")
csv.field_size_limit(1 << 30)  # a note may be long; the loader has read the cells already


def carries_annotations(columns: list[str]) -> bool:
    """Our own export or Timesketch's, with an annotation column: another file's "Notes" or
    "Tags" column is its data (it stays a column to map), not the user's marks."""
    names = {c.strip().lower() for c in columns}
    ours = names >= set(COLUMNS)
    timesketch = {"message", "timestamp_desc"} <= names
    return (ours or timesketch) and bool(names & {*STAR_NAMES, *TAG_NAMES, *NOTE_NAMES})


def read_annotation_columns(
    path: str | Path, events: EventTable, report: LoadReport
) -> EventMarks | None:
    """The annotations in the file's columns, by position in ``events`` (the file's own table);
    None when the file has no such column or is not CSV or JSON Lines. A file that cannot be
    read again gives None too: its events are loaded, only the marks are missing."""
    if len(events) == 0 or not carries_annotations(report.columns):
        return None
    by_row: dict[int, tuple[bool, tuple[str, ...], str]] = {}
    try:
        for row, record in _records(Path(path), report):
            found = _annotation(record)
            if found is not None:
                by_row[row] = found
    except (OSError, UnicodeDecodeError, csv.Error, ValueError):
        return None
    if not by_row:
        return None
    marks = EventMarks.none(len(events))
    for position, row in enumerate(events.rows().tolist()):
        found = by_row.get(row)
        if found is None:
            continue
        starred, tags, note = found
        marks.starred[position] = starred
        if tags:
            marks.tags[position] = tags
        if note:
            marks.notes[position] = note
    return marks if marks.starred.any() or marks.tags or marks.notes else None


def _records(path: Path, report: LoadReport) -> Iterator[tuple[int, dict[str, object]]]:
    """(row as the loader numbers it, the record's fields by lower-case name)."""
    encoding = report.encoding or "utf-8"
    if encoding.replace("_", "-").lower() in ("utf-8", "utf8", "ascii"):
        encoding = "utf-8-sig"  # a byte-order mark is not part of the first column's name
    if report.format == "jsonl" or path.suffix.lower() in (".jsonl", ".ndjson"):
        with path.open(encoding=encoding, errors="strict") as stream:
            for number, line in enumerate(stream, start=1):  # rows are line numbers
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except ValueError:
                    continue  # the loader reported it
                if isinstance(record, dict):
                    yield number, {str(k).strip().lower(): v for k, v in record.items()}
        return
    if report.format not in ("csv", "tsv"):
        return
    with path.open(encoding=encoding, errors="strict", newline="") as stream:
        reader = csv.reader(stream, delimiter=report.delimiter or ",")
        header = [name.strip().lower() for name in next(reader, [])]
        for number, cells in enumerate(reader, start=2):  # the header is row 1
            yield (
                number,
                {name: _unescaped(cell) for name, cell in zip(header, cells, strict=False)},
            )


def _unescaped(cell: str) -> str:
    return _ESCAPED.sub(r"\1", cell)


def _annotation(record: dict[str, object]) -> tuple[bool, tuple[str, ...], str] | None:
    starred = any(_is_true(record.get(name)) for name in STAR_NAMES)
    tags: tuple[str, ...] = ()
    for name in TAG_NAMES:
        if record.get(name) not in (None, ""):
            tags = parse_tags(record[name])
            break
    note = ""
    for name in NOTE_NAMES:
        value = record.get(name)
        if isinstance(value, str) and value.strip():
            note = value.strip()
            break
    if not (starred or tags or note):
        return None
    return starred, tags, note


def _is_true(value: object) -> bool:
    if isinstance(value, bool):
        return value
    return isinstance(value, str | int) and str(value).strip().lower() in _TRUE


def merged_marks(parts: list[tuple[EventMarks | None, int]]) -> EventMarks:
    """The marks of files loaded one after another into one table: ``(marks, events)`` each."""
    total = sum(n for _marks, n in parts)
    merged = EventMarks(np.zeros(total, dtype=bool))
    offset = 0
    for marks, n in parts:
        if marks is not None:
            merged.starred[offset : offset + n] = marks.starred
            merged.tags.update({offset + i: t for i, t in marks.tags.items()})
            merged.notes.update({offset + i: t for i, t in marks.notes.items()})
        offset += n
    return merged
