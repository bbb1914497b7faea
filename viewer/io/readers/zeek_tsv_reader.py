"""Zeek's own TSV logs (``conn.log``, ``notice.log``): header lines that start with ``#``.

``#separator \\x09`` opens the file, ``#fields`` names the columns and ``#types`` their types;
``#close`` ends it. A ``-`` (``#unset_field``) is a value that is not set and ``(empty)``
(``#empty_field``) an empty set or text: both are empty cells here. ``ts`` is epoch seconds
with a fraction, which the date rules read as any epoch number. Zeek writes no quotes: a tab
inside a value is written ``\\x09``, so each line splits on the separator alone.
"""

from __future__ import annotations

import re

import numpy as np

from viewer.io.load_errors import LoadError
from viewer.io.readers.file_head import FileHead
from viewer.io.readers.raw_table import RawTable, table_from_records
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
    text, _replaced = decode_replacing(head.whole(), head.encoding, str(head.path))
    lines = text.split("\n")
    separator = _unescaped(lines[0].removeprefix("#separator ").rstrip("\r")) or "\t"
    meta: dict[str, str] = {"unset_field": "-", "empty_field": "(empty)"}
    fields: list[str] | None = None
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
    if fields is None:
        raise LoadError(
            head.path,
            QT_TRANSLATE_NOOP(
                "LoadMessages", "starts like a Zeek log but has no #fields line naming its columns"
            ),
        )
    table = table_from_records(fields, records)
    return RawTable(table, np.asarray(rows, dtype=np.int64), FORMAT, head.encoding, separator)


READER = ReaderFormat(
    name=FORMAT,
    label=Message(QT_TRANSLATE_NOOP("LoadMessages", "Zeek logs (TSV with #fields lines)")),
    suffixes=(".log",),
    sniff=looks_like_zeek,
    open=whole_file(read_zeek),
)
