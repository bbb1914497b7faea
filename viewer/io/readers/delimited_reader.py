"""Delimited text (CSV, TSV, semicolon, pipe) into a RawTable.

pyarrow reads well-formed files on all cores; anything it rejects (ragged rows, blank lines,
odd quoting) is read again by Python's csv module, which pads short rows, keeps the cells of
long ones under extra columns and counts spreadsheet rows exactly.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from viewer.io.load_errors import LoadError, RowProblem
from viewer.io.load_options import LoadOptions
from viewer.io.load_watch import NO_WATCH, LoadWatch
from viewer.io.readers.file_access import PulledStream, open_file_blocks, read_whole_buffer
from viewer.io.readers.file_head import FileHead
from viewer.io.readers.raw_table import RawTable, table_from_records, unique_headers
from viewer.io.readers.reader_format import ReaderFormat
from viewer.io.readers.text_decoding import decode_replacing, refuse_nul_bytes
from viewer.model.date_parsing import parse_date
from viewer.model.messages import QT_TRANSLATE_NOOP, Message
from viewer.model.parsed_date import DateParseError, ParsedDate
from viewer.model.precision import Precision

CANDIDATE_DELIMITERS = (",", "\t", ";", "|")
# Bytes pyarrow parses at a time, on all cores. Under jemalloc's 8 MiB "oversize" threshold:
# a block above it went back to the system once parsed, and the next was faulted in afresh
# (at 10M rows 4.3 GB of page faults for 2.8 GB, and the read 2.5 s for 2.25 s).
_BLOCK = 7 << 20
_LARGEST_BLOCK = (1 << 31) - 1  # pyarrow's limit
_UTF8 = ("utf-8", "utf-8-sig")
_SNIFF_RECORDS = 200
csv.field_size_limit(1 << 30)


def sniff_delimiter(sample: str) -> str:
    """The candidate that splits the sample's records into the most consistent, widest rows."""
    best, best_score = ",", (False, 0.0, 0)
    for delimiter in CANDIDATE_DELIMITERS:
        widths = [len(r) for r in split_records(sample, delimiter, _SNIFF_RECORDS) if r]
        if not widths:
            continue
        mode, count = Counter(widths).most_common(1)[0]
        score = (mode > 1, count / len(widths), mode)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def split_records(text: str, delimiter: str, limit: int | None = None) -> list[list[str]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False)
    out = []
    try:
        for record in reader:
            out.append(record)
            if limit is not None and len(out) >= limit:
                break
    except csv.Error:
        pass  # a sample cut inside a quoted cell: what came before is enough
    return out


def looks_like_data(cells: list[str]) -> bool:
    """A first row holding full dates is data, not a header (a file without a header row)."""
    for cell in cells:
        try:
            parsed = parse_date(cell)
        except DateParseError:
            continue
        if isinstance(parsed, ParsedDate) and parsed.precision >= Precision.DAY:
            return True
    return False


@dataclass
class DelimitedLayout:
    """What the first records of a delimited file say about the whole."""

    delimiter: str
    header: list[str]
    has_header: bool
    sample: dict[str, list[str]]  # column -> its first non-empty cells

    @cached_property
    def names(self) -> list[str]:
        """The header made unique (worked out once: callers ask for it per column)."""
        return unique_headers(self.header)


def sniff_layout(path: Path, head_text: str, delimiter: str | None) -> DelimitedLayout:
    delimiter = delimiter or sniff_delimiter(head_text)
    records = split_records(head_text, delimiter, _SNIFF_RECORDS + 1)
    if not records or not any(cell.strip() for cell in records[0]):
        raise LoadError(path, QT_TRANSLATE_NOOP("LoadMessages", "is empty or has no header row"))
    has_header = not looks_like_data(records[0])
    header = records[0] if has_header else [f"Column {i}" for i in range(1, len(records[0]) + 1)]
    body = records[1:] if has_header else records
    names = unique_headers(header)
    sample: dict[str, list[str]] = {name: [] for name in names}
    for record in body:
        for name, cell in zip(names, record, strict=False):
            if cell.strip():
                sample[name].append(cell.strip())
    return DelimitedLayout(delimiter, header, has_header, sample)


@dataclass
class DelimitedTable:
    """A delimited file opened: its layout is sniffed from the head, so the loader decides the
    columns' roles first and reads only the columns it needs."""

    head: FileHead
    layout: DelimitedLayout

    @classmethod
    def open(cls, head: FileHead, options: LoadOptions) -> DelimitedTable:
        return cls(head, sniff_layout(head.path, head.text, options.delimiter))

    @property
    def header(self) -> list[str]:
        return self.layout.names

    @property
    def sample(self) -> dict[str, list[str]]:
        return self.layout.sample

    def read(self, needed: list[str] | None, watch: LoadWatch = NO_WATCH) -> RawTable:
        raw = read_delimited(self.head.path, self.head.encoding, self.layout, needed, watch)
        names = self.layout.names
        known = set(names)
        raw.all_columns = names + [c for c in raw.columns if c not in known]
        return raw


# Anything no other format claims is read as delimited text (the table's last entry).
READER = ReaderFormat(
    name="delimited",
    label=Message(QT_TRANSLATE_NOOP("LoadMessages", "CSV, TSV and other delimited text")),
    suffixes=(".csv", ".tsv", ".tab", ".txt"),
    sniff=lambda head: True,
    open=DelimitedTable.open,
)


def read_delimited(
    path: Path,
    encoding: str,
    layout: DelimitedLayout,
    include: list[str] | None = None,
    watch: LoadWatch = NO_WATCH,
) -> RawTable:
    """Read the file at ``path``; ``include`` limits the columns kept. Bytes that are not
    valid ``encoding`` are read as U+FFFD and their rows named in ``warnings``. ``watch``
    hears the bytes read and parsed, and stops the read between blocks."""
    table = None
    if encoding in _UTF8 and (include is None or set(layout.names) <= set(include)):
        # Every column kept, so pyarrow checks all the text: the file is read block by block
        # as it parses, never whole (at 10M rows 1.9 GB less memory, and fresh memory is slow).
        table = _read_with_arrow(
            _file_stream(path, encoding), encoding, layout.names, layout, include, watch=watch
        )
        if table is not None:
            return _raw_of(table, layout, encoding)
    # Parsing takes most of the time; reading the bytes, from the page cache into memory
    # touched for the first time, a quarter (2.3 of 9.9 s at 1.9 GB; 0.2 of 1.4 s at 190 MB).
    data = _file_bytes(path, encoding, watch.part(0.0, 0.25))
    parsing = watch.part(0.25, 1.0)
    # pyarrow checks the text of the columns it keeps only: a stray byte elsewhere would be
    # named by a full load and not by inspect, which keeps only the dates. (A file the
    # streamed read refused is read the Python way.)
    streamed = encoding in _UTF8 and (include is None or set(layout.names) <= set(include))
    if not streamed and (include is None or encoding not in _UTF8 or _valid_utf8(data)):
        table = _read_with_arrow(_in_memory(data), encoding, layout.names, layout, include,
                                 watch=parsing)  # fmt: skip
    replaced = False
    if table is None:
        text, replaced = decode_replacing(data.to_pybytes(), encoding, str(path))
        del data
        # With bytes replaced every column is read, so the warnings name each row that has
        # one whichever columns are kept (inspect keeps only the dates).
        wanted = None if replaced else include
        if replaced:  # pyarrow refuses invalid text: give it the repaired text instead
            table = _read_with_arrow(
                _in_memory(text.encode()), "utf-8", layout.names, layout, None, watch=parsing
            )
        if table is None:
            raw = _read_with_python(text, encoding, layout.delimiter, layout.header,
                                    layout.has_header, wanted)  # fmt: skip
            if replaced:
                raw = _with_replacement_warnings(raw, encoding)
                raw.data = _kept_columns(raw.data, include, len(layout.header))
            return raw
    raw = _raw_of(table, layout, encoding)
    if replaced:
        raw = _with_replacement_warnings(raw, encoding)
        raw.data = raw.data if include is None else raw.data.select(include)
    return raw


def _raw_of(table: pa.Table, layout: DelimitedLayout, encoding: str) -> RawTable:
    first_row = 2 if layout.has_header else 1
    rows = np.arange(first_row, first_row + table.num_rows, dtype=np.int64)
    return RawTable(table, rows, format_name(layout.delimiter), encoding, layout.delimiter)


def _kept_columns(table: pa.Table, include: list[str] | None, header_width: int) -> pa.Table:
    """The columns ``include`` names, and any beyond the header (cells of ragged long rows are
    shown, not dropped)."""
    if include is None:
        return table
    beyond = table.column_names[header_width:]
    return table.select([name for name in table.column_names if name in include or name in beyond])


def count_iso_rows(
    path: Path, encoding: str, layout: DelimitedLayout, column: str, zoned: bool
) -> int | None:
    """The number of records, when every cell of ``column`` is an ISO 8601 date that pyarrow's
    reader converts (with a zone offset when ``zoned``, with none otherwise); None when one is
    empty or is not, or the file needs the full reader (which also tells why a file cannot be
    read). Each such cell reads the same with our own parser (its ISO forms are a superset of
    pyarrow's), so this counts the events of a file whose only date column is ISO without
    building them: what ``inspect`` needs."""
    kind = pa.timestamp("s", tz="UTC" if zoned else None)
    try:
        data = _file_bytes(path, encoding)
    except LoadError:
        return None
    if encoding in _UTF8 and not _valid_utf8(data):
        return None  # pyarrow checks only the column it reads: the full reader names the rows
    table = _read_with_arrow(
        _in_memory(data), encoding, layout.names, layout, [column], {column: kind}
    )
    if table is None or table.column(0).null_count:
        return None
    return int(table.num_rows)


def _valid_utf8(data: pa.Buffer) -> bool:
    """Whether the whole buffer is UTF-8 (pyarrow's vectorised check: 0.07 s for 100 MB)."""
    offsets = pa.py_buffer(np.array([0, len(data)], dtype=np.int64))
    try:
        pa.Array.from_buffers(pa.large_binary(), 1, [None, offsets, data]).cast(pa.large_string())
    except pa.ArrowInvalid:
        return False
    return True


def _file_bytes(path: Path, encoding: str, watch: LoadWatch = NO_WATCH) -> pa.Buffer:
    """The whole file, read into memory: a memory map of a file that shrinks while pyarrow
    reads it kills the process (SIGBUS). The NUL rule of the head holds for the whole file."""
    data = read_whole_buffer(path, watch)
    refuse_nul_bytes(data, encoding, str(path))
    return data


def _with_replacement_warnings(raw: RawTable, encoding: str) -> RawTable:
    """Name each row whose text holds a replacement character (a byte that was not text)."""
    flagged: dict[int, RowProblem] = {}
    for name in raw.columns:
        column = raw.column(name)
        hits = pc.fill_null(pc.match_substring(column, "\ufffd"), False)
        for index in np.flatnonzero(hits.to_numpy(zero_copy_only=False)):
            row = int(raw.rows[index])
            if row not in flagged:
                flagged[row] = RowProblem(
                    row, name, str(column[int(index)].as_py()),
                    Message(QT_TRANSLATE_NOOP(
                        "LoadMessages",
                        "holds bytes that are not valid {encoding} text; they are shown as \ufffd",
                    ), encoding=encoding),
                )  # fmt: skip
    raw.warnings = sorted(flagged.values(), key=lambda p: p.row)
    return raw


def format_name(delimiter: str) -> str:
    return "tsv" if delimiter == "\t" else "csv"


# What pyarrow reads: a stream opened afresh for each attempt, told the load's watch, and the
# number of bytes it holds.
_Source = tuple[Callable[[LoadWatch], pa.NativeFile], int]


def _in_memory(data: bytes | pa.Buffer) -> _Source:
    return (lambda watch: _watched(data, watch)), len(data)


def _file_stream(path: Path, encoding: str) -> _Source:
    def check(block: pa.Buffer) -> None:  # the rule _file_bytes keeps for the whole file
        refuse_nul_bytes(block, encoding, str(path))

    try:
        size = path.stat().st_size
    except OSError:
        size = 0  # opening it says why it cannot be read
    return (lambda watch: open_file_blocks(path, check, watch)), size


def _read_with_arrow(
    source: _Source,
    encoding: str,
    names: list[str],
    layout: DelimitedLayout,
    include: list[str] | None,
    types: dict[str, pa.DataType] | None = None,
    watch: LoadWatch = NO_WATCH,
) -> pa.Table | None:
    delimiter, has_header = layout.delimiter, layout.has_header
    convert = pacsv.ConvertOptions(
        column_types={name: pa.string() for name in names} | (types or {}),
        strings_can_be_null=True,
        quoted_strings_can_be_null=True,
        null_values=[""],
        include_columns=include,
    )
    for newlines_in_values in (False, True):
        parse = pacsv.ParseOptions(
            delimiter=delimiter,
            newlines_in_values=newlines_in_values,
            ignore_empty_lines=False,
        )
        open_source, size = source
        for block_size in (_BLOCK, min(size + 1, _LARGEST_BLOCK)):
            read_options = pacsv.ReadOptions(
                column_names=names,
                skip_rows=1 if has_header else 0,
                encoding="utf8" if encoding in ("utf-8", "utf-8-sig") else encoding,
                block_size=block_size,
            )
            try:
                # From memory (never a memory map: see _file_bytes); pyarrow skips a UTF-8 BOM.
                with open_source(watch) as stream:
                    return pacsv.read_csv(stream, read_options, parse, convert)
            except pa.ArrowInvalid as error:
                # A record longer than a block (one huge cell): read again as one block, or the
                # Python reader would take it at several times the memory.
                if "straddl" in str(error) and block_size < size:
                    continue
            except (UnicodeDecodeError, LookupError):
                pass
            # A ragged row or a blank line (which would shift row numbers), or text that is not
            # valid: the Python reader takes the file. No invalid-row handler: pyarrow decodes a
            # rejected row's text for it, and that raises (unraisably) on invalid UTF-8.
            break
    return None


class _WatchedBytes(PulledStream):
    """The file's bytes as a stream pyarrow pulls block by block (on its own threads, which
    still parse in parallel): each pull tells ``watch`` how far the parse has come, and a
    cancelled load raises LoadCancelled out of ``read_csv`` at the next block."""

    def __init__(self, data: pa.Buffer, watch: LoadWatch) -> None:
        self._data, self._watch, self._position = data, watch, 0

    def read(self, size: int = -1) -> pa.Buffer:
        self._watch.check()
        total = len(self._data)
        end = total if size is None or size < 0 else min(total, self._position + size)
        block = self._data.slice(self._position, end - self._position)  # no copy
        self._position = end
        self._watch.on_progress(end / total if total else 1.0)
        return block


def _watched(data: bytes | pa.Buffer, watch: LoadWatch) -> pa.NativeFile:
    buffer = data if isinstance(data, pa.Buffer) else pa.py_buffer(data)
    if watch is NO_WATCH:
        return pa.BufferReader(buffer)  # nobody listens: no Python in pyarrow's loop
    return pa.PythonFile(_WatchedBytes(buffer, watch), mode="r")


def _read_with_python(
    text: str,
    encoding: str,
    delimiter: str,
    header: list[str],
    has_header: bool,
    include: list[str] | None,
) -> RawTable:
    records = split_records(text.removeprefix("\ufeff"), delimiter)
    if has_header:
        records = records[1:]
    first_row = 2 if has_header else 1
    rows = [
        first_row + i for i, record in enumerate(records) if any(cell.strip() for cell in record)
    ]
    kept = [record for record in records if any(cell.strip() for cell in record)]
    width = max([len(header), *(len(r) for r in kept)])
    full_header = header + [f"Column {i}" for i in range(len(header) + 1, width + 1)]
    table = _kept_columns(
        table_from_records(full_header, [list[str | None](r) for r in kept]), include, len(header)
    )
    return RawTable(
        table, np.asarray(rows, dtype=np.int64), format_name(delimiter), encoding, delimiter
    )
