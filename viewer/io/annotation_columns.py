"""Stars, tags and notes carried in a file's own columns: what our exports write (``starred``,
``tags``, ``note``) and Timesketch's (``tag``, ``comment``), read back so an exported and
reopened timeline keeps them. Only CSV and JSON Lines carry them; the cells are read by the
row each event came from, so skipped rows do not shift them."""

from __future__ import annotations

import csv
import itertools
import json
import re
from collections.abc import Generator, Iterator
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
    read again gives None too: its events are loaded, only the marks are missing.

    Our export keeps each event's original file and row (its ``source`` and ``row``
    columns), so its records are matched on those; other files on the record's own row."""
    if len(events) == 0 or report.format not in ("csv", "tsv", "jsonl"):
        return None
    found: dict[tuple[str, int], tuple[bool, tuple[str, ...], str]] = {}
    try:
        header, records = _records(Path(path), report)
        if not carries_annotations(header):
            return None
        ours = set(header) >= set(COLUMNS)
        for number, record in records:
            annotation = _annotation(record)
            if annotation is not None:
                found[_record_key(record, number, ours)] = annotation
    except (OSError, UnicodeDecodeError, csv.Error, ValueError):
        return None
    if not found:
        return None
    marks = EventMarks.none(len(events))
    sources = events.text_array("source") if ours else None
    for position, row in enumerate(events.rows().tolist()):
        source = str(sources[position]) if sources is not None else ""
        annotation = found.get((source, row))
        if annotation is None:
            continue
        starred, tags, note = annotation
        marks.starred[position] = starred
        if tags:
            marks.tags[position] = tags
        if note:
            marks.notes[position] = note
    return marks if marks.starred.any() or marks.tags or marks.notes else None


def _record_key(record: dict[str, object], number: int, ours: bool) -> tuple[str, int]:
    if not ours:
        return "", number
    row = record.get("row")
    return str(record.get("source") or ""), int(str(row)) if row not in (None, "") else number


Records = Iterator[tuple[int, dict[str, object]]]


def _records(path: Path, report: LoadReport) -> tuple[list[str], Records]:
    """The column names (lower case), and each record as (its row as the loader numbers it,
    its fields by those names)."""
    encoding = report.encoding or "utf-8"
    if encoding.replace("_", "-").lower() in ("utf-8", "utf8", "ascii"):
        encoding = "utf-8-sig"  # a byte-order mark is not part of the first column's name
    if report.format == "jsonl":  # the first record names the fields (ours all have them)
        lines = _json_lines(path, encoding)
        first = next(lines, None)  # a failure here closes the file as it leaves the generator
        if first is None or not carries_annotations(list(first[1])):
            lines.close()
            return ([] if first is None else list(first[1])), iter(())
        return list(first[1]), itertools.chain([first], lines)
    delimiter = report.delimiter or ","
    with path.open(encoding=encoding, errors="strict", newline="") as stream:
        header = [
            name.strip().lower() for name in next(csv.reader(stream, delimiter=delimiter), [])
        ]
    if not carries_annotations(header):
        return header, iter(())
    return header, _csv_rows(path, encoding, delimiter, header)


def _csv_rows(path: Path, encoding: str, delimiter: str, header: list[str]) -> Records:
    with path.open(encoding=encoding, errors="strict", newline="") as stream:
        reader = csv.reader(stream, delimiter=delimiter)
        next(reader, None)
        for number, cells in enumerate(reader, start=2):  # the header is row 1
            yield number, {n: _unescaped(c) for n, c in zip(header, cells, strict=False)}


def _json_lines(path: Path, encoding: str) -> Generator[tuple[int, dict[str, object]]]:
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
