"""JSON values as text cells, gathered into Arrow columns a block of records at a time.

Numbers keep their exact JSON text (a microsecond timestamp never passes through a float),
the fields of nested objects become columns named by their path (``alert.signature``), lists
become compact JSON. The cells of a block are Python strings only
until the block is done: then they become an Arrow chunk, so a big file costs about its text
once, not a Python object per cell for the whole file.
"""

from __future__ import annotations

import array
import json
from typing import Any

import numpy as np
import pyarrow as pa

from viewer.io.load_errors import RowProblem
from viewer.io.readers.raw_table import RawTable, unique_headers
from viewer.model.messages import QT_TRANSLATE_NOOP, Message

TOO_DEEP = Message(QT_TRANSLATE_NOOP("LoadMessages", "nested too deeply to read"))
_PREVIEW = 80  # characters of a bad record shown in its RowProblem

# json's own (C) string quoting, as json.dumps(..., ensure_ascii=False) does it.
_quote = json.encoder.encode_basestring


class JsonNumber(str):
    """A JSON number kept as its source text, so 1.50 stays "1.50" and no digit is lost."""


DECODER = json.JSONDecoder(parse_int=JsonNumber, parse_float=JsonNumber, parse_constant=JsonNumber)


def loads(text: str) -> Any:
    return DECODER.decode(text)


class RecordTable:
    """Cells gathered column by column, with keys in first-seen order; ``flush`` turns the
    cells gathered so far into one Arrow chunk per column."""

    def __init__(self) -> None:
        self.chunks: dict[str, list[pa.Array]] = {}
        # Each column is padded with None lazily, when it next receives a value or at a flush.
        self.pending: dict[str, list[str | None]] = {}
        self.rows = array.array("q")  # 8 bytes a record, where a list of ints takes 36
        self.flushed = 0  # records already in the chunks

    def add(self, row: int, value: Any, source: str | None) -> RowProblem | None:
        """Adds an object as a record; anything else comes back as a RowProblem."""
        if not isinstance(value, dict):
            return problem(row, source or _compact_or_none(value), _kind(value))
        try:
            # Every cell is made before any is stored, so a failure leaves no partial record.
            record = _flattened(value)
        except RecursionError:
            return problem(row, source, TOO_DEEP)
        filled = len(self.rows) - self.flushed
        for key, text in record:
            column = self.pending.get(key)
            if column is None:
                column = self.pending[key] = []
                self.chunks[key] = [pa.nulls(self.flushed, pa.string())] if self.flushed else []
            if len(column) < filled:
                column.extend([None] * (filled - len(column)))
            column.append(text)
        self.rows.append(row)
        return None

    def flush(self) -> None:
        count = len(self.rows) - self.flushed
        if not count:
            return
        for key, column in self.pending.items():
            column.extend([None] * (count - len(column)))
            self.chunks[key].append(pa.array(column, type=pa.string()))
            column.clear()
        self.flushed += count

    def to_raw_table(
        self, table_format: str, encoding: str, problems: list[RowProblem]
    ) -> RawTable:
        self.flush()
        names = unique_headers(list(self.chunks))
        data = pa.table(
            {
                name: pa.chunked_array(chunks, type=pa.string())
                for name, chunks in zip(names, self.chunks.values(), strict=True)
            }
        )
        return RawTable(
            data=data,
            rows=np.array(self.rows, dtype=np.int64),
            format=table_format,
            encoding=encoding,
            problems=problems,
        )


def problem(row: int, source: str | None, reason: str) -> RowProblem:
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
    if isinstance(value, JsonNumber):
        return Message(QT_TRANSLATE_NOOP("LoadMessages", "found a number"))
    if isinstance(value, str):
        return Message(QT_TRANSLATE_NOOP("LoadMessages", "found a string"))
    if isinstance(value, bool):
        return Message(QT_TRANSLATE_NOOP("LoadMessages", "found true/false"))
    return Message(QT_TRANSLATE_NOOP("LoadMessages", "found null"))


def _flattened(value: dict[str, Any], prefix: str = "") -> list[tuple[str, str | None]]:
    """The record's cells; a nested object's fields become columns of their own, named by
    their path (Suricata's ``alert.signature``), so each can play a role."""
    out: list[tuple[str, str | None]] = []
    nested = False
    for key, item in value.items():
        if type(item) is dict and item:
            out.extend(_flattened(item, f"{prefix}{key}."))
            nested = True
        else:
            out.append((prefix + key, _cell(item)))
    if nested and not prefix:  # {"a.b": 1, "a": {"b": 2}}: one cell per column, the last
        return list(dict(out).items())
    return out


def _cell(value: Any) -> str | None:
    """Text of one value: strings as they are, numbers as written, containers as compact JSON."""
    if type(value) is str:  # the common case first: this runs once per cell
        return value or None
    if value is None:
        return None
    if isinstance(value, str):
        return str(value)  # a JsonNumber: never empty
    if isinstance(value, bool):
        return "true" if value else "false"
    return _compact(value)


def _compact(value: Any) -> str:
    """Compact JSON that writes numbers back with their source text (json.dumps would quote)."""
    if isinstance(value, JsonNumber):
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
