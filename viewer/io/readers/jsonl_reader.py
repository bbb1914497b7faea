"""JSON Lines (Timesketch and similar exports) and JSON arrays of records, as text cells.

Every key becomes a column, in the order keys are first seen. Values are delivered as the file
wrote them: numbers keep their exact JSON text (a microsecond timestamp never passes through a
float), nested objects and lists become compact JSON.
"""

from __future__ import annotations

import codecs
import json
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa

from viewer.io.load_errors import LoadError, RowProblem
from viewer.io.readers.raw_table import RawTable, unique_headers
from viewer.io.readers.timelinejs_json_reader import (
    looks_like_timelinejs_json,
    read_timelinejs_json,
)
from viewer.model.messages import QT_TRANSLATE_NOOP, Message, as_message

FORMAT_LINES = "jsonl"
FORMAT_RECORDS = "json-records"
_TOO_DEEP = Message(QT_TRANSLATE_NOOP("LoadMessages", "nested too deeply to read"))
_PREVIEW = 80  # characters of a bad record shown in its RowProblem


# json's own (C) string quoting, as json.dumps(..., ensure_ascii=False) does it.
_quote = json.encoder.encode_basestring


class _JsonNumber(str):
    """A JSON number kept as its source text, so 1.50 stays "1.50" and no digit is lost."""


def read_jsonl(path: Path, data: bytes) -> RawTable:
    """One record per JSON object line; a whole-file array of objects is accepted too."""
    text, encoding = _decode(path, data)
    body = text.strip()
    if not body:
        raise LoadError(
            path,
            QT_TRANSLATE_NOOP(
                "LoadMessages", "is empty; a JSON Lines file holds one JSON object per line."
            ),
        )
    if body.startswith("[") and not _is_array_line_among_lines(body):
        return _read_array(path, _load_whole(path, body), encoding)
    if body.startswith("{") and "\n" in body:
        whole = _try_load(body)
        if isinstance(whole, dict):
            return _read_single_object(path, data, whole)
    return _read_lines(path, text, encoding)


def _is_array_line_among_lines(body: str) -> bool:
    # A complete JSON value on the first of several lines means JSON Lines that merely start
    # with a non-object line; a pretty-printed array's first line is never complete.
    first, newline, _ = body.partition("\n")
    return bool(newline) and _try_load(first.strip()) is not None


def _decode(path: Path, data: bytes) -> tuple[str, str]:
    # UTF-16 only with a BOM (as Windows PowerShell writes it); otherwise RFC 8259's UTF-8.
    encoding = "utf-16" if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) else "utf-8"
    try:
        return data.decode("utf-8-sig" if encoding == "utf-8" else encoding), encoding
    except UnicodeDecodeError as err:
        raise LoadError(
            path,
            QT_TRANSLATE_NOOP(
                "LoadMessages",
                "is not {encoding} text (undecodable byte at offset {offset}); "
                "JSON Lines must be saved as UTF-8.",
            ),
            encoding=encoding.upper(),
            offset=err.start,
        ) from err


def _loads(text: str) -> Any:
    return json.loads(
        text, parse_int=_JsonNumber, parse_float=_JsonNumber, parse_constant=_JsonNumber
    )


def _try_load(text: str) -> Any:
    """The parsed value, or None when the text is not one JSON value (e.g. several lines)."""
    try:
        return _loads(text)
    except (ValueError, RecursionError):
        return None


def _load_whole(path: Path, text: str) -> Any:
    try:
        return _loads(text)
    except json.JSONDecodeError as err:
        raise LoadError(
            path,
            QT_TRANSLATE_NOOP(
                "LoadMessages",
                "starts like a JSON array but is not valid JSON ({error} at line {line}, "
                "column {column}).",
            ),
            error=err.msg,
            line=err.lineno,
            column=err.colno,
        ) from err
    except (ValueError, RecursionError) as err:
        raise LoadError(
            path,
            QT_TRANSLATE_NOOP(
                "LoadMessages", "starts like a JSON array but could not be read ({err})."
            ),
            err=err,
        ) from err


def _read_single_object(path: Path, data: bytes, whole: dict[str, Any]) -> RawTable:
    # A pretty-printed object is one document, not lines; a TimelineJS story has its own reader.
    if looks_like_timelinejs_json(whole):
        return read_timelinejs_json(path, data)
    raise LoadError(
        path,
        QT_TRANSLATE_NOOP(
            "LoadMessages",
            "holds a single JSON object spread over several lines (keys: {keys}), "
            "not one object per line or an array of records.",
        ),
        keys=", ".join(list(whole)[:5]) or "—",
    )


def _read_lines(path: Path, text: str, encoding: str) -> RawTable:
    table = _RecordTable()
    problems: list[RowProblem] = []
    # Split on "\n" only: str.splitlines() would also break at U+2028 and other characters
    # JSON allows unescaped inside strings.
    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.strip()
        if not line:
            continue
        value, error = _parse_line(line)
        problem = _problem(number, line, error) if error else table.add(number, value, line)
        if problem is not None:
            problems.append(problem)
    if not table.rows:
        raise LoadError(
            path,
            QT_TRANSLATE_NOOP(
                "LoadMessages",
                "has no line holding a JSON object (line {first} holds something else); a "
                "JSON Lines file holds one object per line.",
            )
            if len(problems) == 1
            else QT_TRANSLATE_NOOP(
                "LoadMessages",
                "has no line holding a JSON object ({count} lines hold something else, the "
                "first at line {first}); a JSON Lines file holds one object per line.",
            ),
            count=len(problems),
            first=problems[0].row,
        )
    return table.to_raw_table(FORMAT_LINES, encoding, problems)


def _parse_line(line: str) -> tuple[Any, str | None]:
    """The line's value, or None and a short reason it is not JSON."""
    try:
        return _loads(line), None
    except json.JSONDecodeError as err:
        return None, Message(
            QT_TRANSLATE_NOOP("LoadMessages", "{error} at column {column}"),
            error=err.msg,
            column=err.colno,
        )
    except RecursionError:
        return None, _TOO_DEEP
    except ValueError as err:  # not raised by json today, but never let it escape
        return None, as_message(str(err))


def _read_array(path: Path, items: Any, encoding: str) -> RawTable:
    if not isinstance(items, list):
        raise LoadError(path, QT_TRANSLATE_NOOP("LoadMessages", "is not a JSON array of records."))
    if not items:
        raise LoadError(
            path,
            QT_TRANSLATE_NOOP("LoadMessages", "is an empty JSON array, so it holds no records."),
        )
    table = _RecordTable()
    problems: list[RowProblem] = []
    for position, item in enumerate(items, start=1):
        problem = table.add(position, item, None)
        if problem is not None:
            problems.append(problem)
    if not table.rows:
        raise LoadError(
            path,
            QT_TRANSLATE_NOOP(
                "LoadMessages",
                "is a JSON array of {count} items none of which is an object; "
                "each record should be an object of field names and values.",
            ),
            count=len(items),
        )
    return table.to_raw_table(FORMAT_RECORDS, encoding, problems)


class _RecordTable:
    """Cells gathered column by column, with keys in first-seen order."""

    def __init__(self) -> None:
        # Each column is padded with None lazily, when it next receives a value or at the end.
        self.columns: dict[str, list[str | None]] = {}
        self.rows: list[int] = []

    def add(self, row: int, value: Any, source: str | None) -> RowProblem | None:
        """Adds an object as a record; anything else comes back as a RowProblem."""
        if not isinstance(value, dict):
            return _problem(row, source or _compact_or_none(value), _kind(value))
        try:
            # Every cell is made before any is stored, so a failure leaves no partial record.
            record = [(key, _cell(item)) for key, item in value.items()]
        except RecursionError:
            return _problem(row, source, _TOO_DEEP)
        filled = len(self.rows)
        for key, text in record:
            column = self.columns.setdefault(key, [])
            if len(column) < filled:
                column.extend([None] * (filled - len(column)))
            column.append(text)
        self.rows.append(row)
        return None

    def to_raw_table(
        self, table_format: str, encoding: str, problems: list[RowProblem]
    ) -> RawTable:
        count = len(self.rows)
        names = unique_headers(list(self.columns))
        data = pa.table(
            {
                name: pa.array(column + [None] * (count - len(column)), type=pa.string())
                for name, column in zip(names, self.columns.values(), strict=True)
            }
        )
        return RawTable(
            data=data,
            rows=np.asarray(self.rows, dtype=np.int64),
            format=table_format,
            encoding=encoding,
            problems=problems,
        )


def _problem(row: int, source: str | None, reason: str) -> RowProblem:
    return RowProblem(
        row=row,
        column="",
        value=(source or "")[:_PREVIEW],
        reason=Message(
            QT_TRANSLATE_NOOP("LoadMessages", "not a JSON object: {reason}"), reason=reason
        ),
    )


def _kind(value: Any) -> Message:
    if isinstance(value, list):
        return Message(QT_TRANSLATE_NOOP("LoadMessages", "found an array"))
    if isinstance(value, _JsonNumber):
        return Message(QT_TRANSLATE_NOOP("LoadMessages", "found a number"))
    if isinstance(value, str):
        return Message(QT_TRANSLATE_NOOP("LoadMessages", "found a string"))
    if isinstance(value, bool):
        return Message(QT_TRANSLATE_NOOP("LoadMessages", "found true/false"))
    return Message(QT_TRANSLATE_NOOP("LoadMessages", "found null"))


def _cell(value: Any) -> str | None:
    """Text of one value: strings as they are, numbers as written, containers as compact JSON."""
    if type(value) is str:  # the common case first: this runs once per cell
        return value or None
    if value is None:
        return None
    if isinstance(value, str):
        return str(value)  # a _JsonNumber: never empty
    if isinstance(value, bool):
        return "true" if value else "false"
    return _compact(value)


def _compact(value: Any) -> str:
    """Compact JSON that writes numbers back with their source text (json.dumps would quote)."""
    if isinstance(value, _JsonNumber):
        return str(value)
    if isinstance(value, str):
        return _quote(value)
    if isinstance(value, dict):
        members = (f"{_quote(k)}:{_compact(v)}" for k, v in value.items())
        return "{" + ",".join(members) + "}"
    if isinstance(value, list):
        return "[" + ",".join(_compact(item) for item in value) + "]"
    return json.dumps(value)  # true, false, null


def _compact_or_none(value: Any) -> str | None:
    try:
        return _compact(value)
    except RecursionError:
        return None
