"""JSON Lines (Timesketch and similar exports) and JSON arrays of records, as text cells.

Every key becomes a column, in the order keys are first seen; values are text as the file
wrote them (``json_records``). JSON Lines are read a block of lines at a time, never decoded
whole, so a big file costs about its size in bytes and once more in the cells; a line too long
to be a record costs only that line. A JSON array is decoded whole and its items parsed one by
one.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from viewer.io.load_errors import LoadError, RowProblem
from viewer.io.load_watch import NO_WATCH, LoadWatch
from viewer.io.readers.json_records import DECODER, TOO_DEEP, RecordTable, loads, problem
from viewer.io.readers.raw_table import RawTable
from viewer.io.readers.timelinejs_json_reader import (
    looks_like_timelinejs_json,
    read_timelinejs_json,
)
from viewer.model.messages import QT_TRANSLATE_NOOP, Message, as_message

FORMAT_LINES = "jsonl"
FORMAT_RECORDS = "json-records"
_BLOCK = 8 << 20  # bytes of lines decoded and parsed at a time
LINE_LIMIT = 64 << 20  # bytes: a longer line is not read (no event needs it; it would need GBs)
_PREVIEW = 80  # characters of a line too long to read shown in its RowProblem
_ARRAY_FLUSH = 50_000  # items of an array between two flushes into Arrow
_NOT_BLANK = re.compile(rb"[^ \t\r\n]")
_STRAY_BYTE = re.compile("[\udc80-\udcff]")  # a byte that was not UTF-8 (surrogateescape)
_WHITESPACE = json.decoder.WHITESPACE  # type: ignore[attr-defined]  # json's own, undeclared


def read_jsonl(path: Path, data: bytes, watch: LoadWatch = NO_WATCH) -> RawTable:
    """One record per JSON object line; a whole-file array of objects is accepted too, and a
    TimelineJS story is handed to its reader. ``watch`` hears how far the lines are read and
    stops the read between blocks."""
    text_data, start, encoding = _as_utf8(path, data)
    first = _line_after(text_data, start)
    if first is None:
        raise LoadError(
            path,
            QT_TRANSLATE_NOOP(
                "LoadMessages", "is empty; a JSON Lines file holds one JSON object per line."
            ),
        )
    line, end = first
    second = _line_after(text_data, end)
    if line.startswith("[") and not (second and _try_load(line) is not None):
        # A complete JSON value on the first of several lines means JSON Lines that merely
        # start with a non-object line; a pretty-printed array's first line is never complete.
        return _read_array(path, _decode(path, text_data, start, len(text_data)), encoding)
    if line.startswith("{"):
        value = _try_load(line)
        if second is None and looks_like_timelinejs_json(value):
            return read_timelinejs_json(path, data)  # a story on one line
        # {"Browser History": [...]} on one line (a record on one line has text or numbers)
        wraps = (
            second is None
            and isinstance(value, dict)
            and not any(isinstance(v, str) for v in value.values())
        )
        wrapped = _wrapped_records(value) if wraps else None
        if wrapped is not None:
            return _records_of(path, wrapped, encoding)
        if second is not None and value is None and _try_load(second[0]) is None:
            whole = _try_load(_decode(path, text_data, start, len(text_data)))
            if isinstance(whole, dict):
                return _read_single_object(path, data, whole)
    return _read_lines(path, text_data, start, encoding, watch)


def _as_utf8(path: Path, data: bytes) -> tuple[bytes, int, str]:
    """UTF-8 bytes of the text, where it starts (past a BOM) and the file's encoding. UTF-16
    only with a BOM (as Windows PowerShell writes it); otherwise RFC 8259's UTF-8."""
    if not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data, 3 if data.startswith(codecs.BOM_UTF8) else 0, "utf-8"
    return _decode(path, data, 0, len(data), "utf-16").encode("utf-8"), 0, "utf-16"


def _decode(path: Path, data: bytes, start: int, end: int, encoding: str = "utf-8") -> str:
    try:
        return str(memoryview(data)[start:end], encoding)  # a view: the bytes are not copied
    except UnicodeDecodeError as err:
        raise LoadError(
            path,
            QT_TRANSLATE_NOOP(
                "LoadMessages",
                "is not {encoding} text (undecodable byte at offset {offset}); "
                "JSON Lines must be saved as UTF-8.",
            ),
            encoding=encoding.upper(),
            offset=start + err.start,
        ) from err


def _line_after(data: bytes, position: int) -> tuple[str, int] | None:
    """The first non-blank line from ``position`` (stripped, decoded) and where it ends; a line
    too long to be a record is given as its start only."""
    found = _NOT_BLANK.search(data, position)
    if found is None:
        return None
    start = found.start()
    end = data.find(b"\n", start)
    end = len(data) if end < 0 else end + 1
    if end - start > LINE_LIMIT:
        return "", end
    # Only to tell the file's shape: a stray byte costs its line when the lines are read.
    return str(memoryview(data)[start:end], "utf-8", "replace").strip(), end


def _try_load(text: str) -> Any:
    """The parsed value, or None when the text is not one JSON value (e.g. several lines)."""
    try:
        return loads(text)
    except (ValueError, RecursionError):
        return None


def _read_single_object(path: Path, data: bytes, whole: dict[str, Any]) -> RawTable:
    # A pretty-printed object is one document, not lines; a TimelineJS story has its own reader.
    if looks_like_timelinejs_json(whole):
        return read_timelinejs_json(path, data)
    wrapped = _wrapped_records(whole)
    if wrapped is not None:  # {"Browser History": [...]}, as Google Takeout writes
        return _records_of(path, wrapped, "utf-8")
    raise LoadError(
        path,
        QT_TRANSLATE_NOOP(
            "LoadMessages",
            "holds a single JSON object spread over several lines (keys: {keys}), "
            "not one object per line or an array of records.",
        ),
        keys=", ".join(list(whole)[:5]) or "—",
    )


def _read_lines(
    path: Path, data: bytes, start: int, encoding: str, watch: LoadWatch = NO_WATCH
) -> RawTable:
    table = RecordTable()
    problems: list[RowProblem] = []
    number = 0
    for begin, end, too_long in _spans(data, start):
        watch.check()
        watch.on_progress(begin / len(data))
        if too_long:
            number += 1
            preview = data[begin : begin + 4 * _PREVIEW].decode("utf-8", errors="replace")
            problems.append(_too_long(number, preview, end - begin))
            continue
        number = _read_block(table, problems, _block_text(data, begin, end), number)
        table.flush()
    if not table.rows:
        raise LoadError(
            path,
            QT_TRANSLATE_NOOP(
                "LoadMessages",
                "has no line holding a JSON object (line {first}: {reason}); a "
                "JSON Lines file holds one object per line.",
            )
            if len(problems) == 1
            else QT_TRANSLATE_NOOP(
                "LoadMessages",
                "has no line holding a JSON object ({count} lines hold something else, the "
                "first at line {first}: {reason}); a JSON Lines file holds one object per line.",
            ),
            count=len(problems),
            first=problems[0].row,
            reason=problems[0].reason,
        )
    return table.to_raw_table(FORMAT_LINES, encoding, problems)


def _block_text(data: bytes, begin: int, end: int) -> tuple[str, bool]:
    """The block's text and whether it is all UTF-8; a byte that is not is kept as a lone
    surrogate, so that only its line is refused (``_read_block``)."""
    view = memoryview(data)[begin:end]
    try:
        return str(view, "utf-8"), True
    except UnicodeDecodeError:
        return str(view, "utf-8", "surrogateescape"), False


def _read_block(
    table: RecordTable, problems: list[RowProblem], block: tuple[str, bool], number: int
) -> int:
    """Adds the records of a block of lines (its text, and whether all of it is UTF-8) whose
    first is line ``number + 1``; returns the number of its last line."""
    text, clean = block
    # Split on "\n" only: str.splitlines() would also break at U+2028 and other characters
    # JSON allows unescaped inside strings.
    lines = text.split("\n")
    if lines[-1] == "":
        lines.pop()  # the block ends with its last line's newline
    for raw in lines:
        number += 1
        line = raw.strip()
        if not line:
            continue
        if len(line) > LINE_LIMIT:  # in a block with short ones (the span did not cut it)
            problems.append(_too_long(number, line[: 4 * _PREVIEW], len(line.encode())))
            continue
        stray = None if clean else _STRAY_BYTE.search(line)
        if stray is not None:
            problems.append(_not_utf8(number, line, stray.start() + 1))
            continue
        value, error = _parse_line(line)
        found = problem(number, line, error) if error else table.add(number, value, line)
        if found is not None:
            problems.append(found)
    return number


def _not_utf8(number: int, line: str, column: int) -> RowProblem:
    shown = line[: 4 * _PREVIEW].encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return RowProblem(
        row=number,
        column="",
        value=shown[:_PREVIEW],
        reason=Message(
            QT_TRANSLATE_NOOP(
                "LoadMessages",
                "holds a byte that is not UTF-8 text at column {column}; the line was not "
                "read (JSON Lines must be saved as UTF-8)",
            ),
            column=column,
        ),
    )


def _spans(data: bytes, start: int) -> Iterator[tuple[int, int, bool]]:
    """Spans of whole lines of about ``_BLOCK`` bytes each, and each line over ``LINE_LIMIT``
    on its own (True), so no span is ever much more than a block and a line."""
    size, position = len(data), start
    while position < size:
        cut = position + _BLOCK
        if cut >= size:
            yield position, size, False
            return
        end = data.find(b"\n", cut)
        end = size if end < 0 else end + 1
        if end - cut > LINE_LIMIT:
            line_start = data.rfind(b"\n", position, cut) + 1 or position
            if line_start > position:
                yield position, line_start, False
            yield line_start, end, True
        else:
            yield position, end, False
        position = end


def _too_long(number: int, preview: str, size: int) -> RowProblem:
    return RowProblem(
        row=number,
        column="",
        value=preview.strip()[:_PREVIEW],
        reason=Message(
            QT_TRANSLATE_NOOP(
                "LoadMessages",
                "this line is {size} MB long, more than the {limit} MB a record may hold; "
                "it was not read",
            ),
            size=f"{size / 1e6:,.0f}",
            limit=f"{LINE_LIMIT / 1e6:.0f}",
        ),
    )


def _parse_line(line: str) -> tuple[Any, str | None]:
    """The line's value, or None and a short reason it is not JSON."""
    try:
        return loads(line), None
    except json.JSONDecodeError as err:
        return None, Message(
            QT_TRANSLATE_NOOP("LoadMessages", "{error} at column {column}"),
            error=err.msg,
            column=err.colno,
        )
    except RecursionError:
        return None, TOO_DEEP
    except ValueError as err:  # not raised by json today, but never let it escape
        return None, as_message(str(err))


def _wrapped_records(whole: dict[str, Any]) -> list[Any] | None:
    """The longest array of objects among an object's values (an object that only wraps its
    records, under a name such as "Browser History"); None when no value is one."""
    arrays = [
        value
        for value in whole.values()
        if isinstance(value, list)
        and value
        and sum(isinstance(v, dict) for v in value) * 2 > len(value)
    ]
    return max(arrays, key=len, default=None)


def _records_of(path: Path, items: list[Any], encoding: str) -> RawTable:
    table = RecordTable()
    problems: list[RowProblem] = []
    for count, item in enumerate(items, start=1):
        found = table.add(count, item, None)
        if found is not None:
            problems.append(found)
        if count % _ARRAY_FLUSH == 0:
            table.flush()
    return table.to_raw_table(FORMAT_RECORDS, encoding, problems)


def _read_array(path: Path, text: str, encoding: str) -> RawTable:
    table = RecordTable()
    problems: list[RowProblem] = []
    count = 0
    try:
        for count, item in enumerate(_array_items(text), start=1):
            found = table.add(count, item, None)
            if found is not None:
                problems.append(found)
            if count % _ARRAY_FLUSH == 0:
                table.flush()
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
    if not count:
        raise LoadError(
            path,
            QT_TRANSLATE_NOOP("LoadMessages", "is an empty JSON array, so it holds no records."),
        )
    if not table.rows:
        raise LoadError(
            path,
            QT_TRANSLATE_NOOP(
                "LoadMessages",
                "is a JSON array of {count} items none of which is an object; "
                "each record should be an object of field names and values.",
            ),
            count=count,
        )
    return table.to_raw_table(FORMAT_RECORDS, encoding, problems)


def _array_items(text: str) -> Iterator[Any]:
    """The items of the JSON array ``text`` one at a time (json.loads would build them all);
    JSONDecodeError, with its line and column in the whole text, where it is not valid."""
    position = _WHITESPACE.match(text, _WHITESPACE.match(text).end() + 1).end()
    if not text.startswith("]", position):
        while True:
            item, position = DECODER.raw_decode(text, position)
            yield item
            position = _WHITESPACE.match(text, position).end()
            if not text.startswith(",", position):
                break
            position = _WHITESPACE.match(text, position + 1).end()
        if not text.startswith("]", position):
            raise json.JSONDecodeError("Expecting ',' delimiter", text, position)
    end = _WHITESPACE.match(text, position + 1).end()
    if text[end:].strip():
        raise json.JSONDecodeError("Extra data", text, end)
