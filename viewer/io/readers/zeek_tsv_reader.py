"""Zeek's own TSV logs (``conn.log``, ``notice.log``): header lines that start with ``#``.

``#separator \\x09`` opens the file, ``#fields`` names the columns and ``#types`` their types;
``#close`` ends it. A ``-`` (``#unset_field``) is a value that is not set and ``(empty)``
(``#empty_field``) an empty set or text: both are empty cells here. ``ts`` is epoch seconds
with a fraction, which the date rules read as any epoch number. Zeek writes no quotes: a tab
inside a value is written ``\\x09``, so each line splits on the separator alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.csv as pacsv

from viewer.io.load_errors import LoadError
from viewer.io.readers.file_head import FileHead
from viewer.io.readers.raw_table import RawTable, table_from_records, unique_headers
from viewer.io.readers.reader_format import ReaderFormat, whole_file
from viewer.io.readers.text_decoding import decode_replacing
from viewer.model.messages import QT_TRANSLATE_NOOP, Message

FORMAT = "zeek"
_ESCAPE = re.compile(r"\\x([0-9a-fA-F]{2})")


def _unescaped(text: str) -> str:
    return _ESCAPE.sub(lambda m: chr(int(m[1], 16)), text)


def looks_like_zeek(head: FileHead) -> bool:
    return head.text.startswith("#separator ")


def read_zeek(head: FileHead) -> RawTable:
    data = head.whole()
    header = _Header.read(data)
    if header.fields is None:
        raise LoadError(
            head.path,
            QT_TRANSLATE_NOOP(
                "LoadMessages", "starts like a Zeek log but has no #fields line naming its columns"
            ),
        )
    table = _read_with_arrow(data, header, head.encoding)
    if table is not None:
        rows = np.arange(header.lines + 1, header.lines + 1 + table.num_rows, dtype=np.int64)
        return RawTable(table, rows, FORMAT, head.encoding, header.separator)
    return _read_with_python(head, data)


@dataclass
class _Header:
    """The ``#`` lines that open the log, and where its records start and end."""

    separator: str = "\t"
    fields: list[str] | None = None
    unset: str = "-"
    empty: str = "(empty)"
    lines: int = 0  # header lines before the first record
    body: tuple[int, int] = (0, 0)  # byte span of the records

    @classmethod
    def read(cls, data: bytes) -> _Header:
        header = cls()
        position = 0
        while data.startswith(b"#", position):
            end = data.find(b"\n", position)
            end = len(data) if end < 0 else end + 1
            line = data[position:end].decode("utf-8", "replace").rstrip("\r\n")
            header.lines += 1
            position = end
            if line.startswith("#separator "):
                header.separator = _unescaped(line.removeprefix("#separator ")) or "\t"
                continue
            key, _, value = line[1:].partition(header.separator)
            if key == "fields":
                header.fields = value.split(header.separator)
            elif key == "unset_field":
                header.unset = value
            elif key == "empty_field":
                header.empty = value
        end = len(data)
        while end > position:  # the closing lines (#close): the last lines that start with '#'
            last = max(data.rfind(b"\n", position, end - 1) + 1, position)
            if not data.startswith(b"#", last):
                break
            end = last
        header.body = (position, end)
        return header


def _read_with_arrow(data: bytes, header: _Header, encoding: str) -> pa.Table | None:
    """The records by pyarrow (on all cores): None when a line is not a record of the header's
    fields (a second log appended after the first), or the text is not valid, or the
    separator is more than one character; the Python reader then takes the file."""
    fields = unique_headers(header.fields or [])
    if len(header.separator) != 1:
        return None
    start, end = header.body
    try:
        return pacsv.read_csv(
            pa.BufferReader(pa.py_buffer(data)[start:end]),
            pacsv.ReadOptions(
                column_names=fields,
                encoding="utf8" if encoding in ("utf-8", "utf-8-sig") else encoding,
            ),
            pacsv.ParseOptions(
                delimiter=header.separator, quote_char=False, ignore_empty_lines=True
            ),
            pacsv.ConvertOptions(
                column_types=dict.fromkeys(fields, pa.string()),
                null_values=[header.unset, header.empty, ""],
                strings_can_be_null=True,
            ),
        )
    except (pa.ArrowInvalid, UnicodeDecodeError, LookupError):
        return None


def _read_with_python(head: FileHead, data: bytes) -> RawTable:
    """Line by line: ``#`` lines anywhere (logs appended to each other) and bytes that are not
    text (read as U+FFFD)."""
    text, _replaced = decode_replacing(data, head.encoding, str(head.path))
    lines = text.split("\n")
    separator = _unescaped(lines[0].removeprefix("#separator ").rstrip("\r")) or "\t"
    meta: dict[str, str] = {"unset_field": "-", "empty_field": "(empty)"}
    fields: list[str] = []
    records: list[list[str | None]] = []
    rows: list[int] = []
    for number, raw in enumerate(lines, start=1):
        line = raw.rstrip("\r")
        if not line:
            continue
        if line.startswith("#"):
            key, _, value = line[1:].partition(separator)
            if key == "fields":
                fields = value.split(separator)
            else:
                meta[key] = value
            continue
        blanks = (meta["unset_field"], meta["empty_field"])
        records.append([None if cell in blanks else cell for cell in line.split(separator)])
        rows.append(number)
    table = table_from_records(fields, records)
    return RawTable(table, np.asarray(rows, dtype=np.int64), FORMAT, head.encoding, separator)


READER = ReaderFormat(
    name=FORMAT,
    label=Message(QT_TRANSLATE_NOOP("LoadMessages", "Zeek logs (TSV with #fields lines)")),
    suffixes=(".log",),
    sniff=looks_like_zeek,
    open=whole_file(read_zeek),
)
