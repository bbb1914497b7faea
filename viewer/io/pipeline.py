"""Load timeline files: find the format, read the cells, give the columns roles, parse dates.

``read_file_columns`` stops before pandas (``inspect`` needs only counts); ``load_file`` and
``load_files`` return EventTables. Input files are only ever read.
"""

from __future__ import annotations

import codecs
import datetime as dt
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from viewer.io.events.event_columns import EventColumns, build_event_columns
from viewer.io.load_errors import LoadError, MappingNeeded, RowProblem
from viewer.io.load_options import LoadOptions
from viewer.io.mapping.column_mapping import TEXT_ROLES, ColumnMapping
from viewer.io.mapping.column_roles import MappingError, decide_mapping
from viewer.io.readers.delimited_reader import (
    DelimitedLayout,
    count_iso_rows,
    format_name,
    read_delimited,
    sniff_layout,
)
from viewer.io.readers.file_access import read_head, read_whole
from viewer.io.readers.jsonl_reader import read_jsonl
from viewer.io.readers.raw_table import RawTable, without_formula_escapes
from viewer.io.readers.text_decoding import HEAD_BYTES, detect_encoding, python_codec
from viewer.io.readers.timeline_xml_reader import read_timeline_xml
from viewer.io.readers.timelinejs_json_reader import (
    looks_like_timelinejs_json,
    read_timelinejs_json,
)
from viewer.model.messages import QT_TRANSLATE_NOOP, Message

_SAMPLE_ROWS = 200
_HTML_RE = re.compile(r"^\s*(<!doctype\s+html|<html|<head|<body)", re.IGNORECASE)
_TIMELINE_XML_RE = re.compile(r"<timeline[\s>]")
# Sample cells the quick inspect count takes on (group 1: a zone); pyarrow decides the rest.
_ISO_SAMPLE_RE = re.compile(
    r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(Z|[+-]\d{2}(?::?\d{2})?)?)?"
)


@dataclass
class LoadReport:
    """How one file was read: what ``inspect`` prints and the UI shows."""

    path: str
    format: str | None = None
    encoding: str | None = None
    delimiter: str | None = None
    columns: dict[str, str] = field(default_factory=dict)
    events: int = 0
    skipped: list[RowProblem] = field(default_factory=list)
    warnings: list[RowProblem] = field(default_factory=list)
    error: str | None = None
    needs_mapping: bool = False  # the error is that no column could be read as the dates
    ambiguous_order: bool = False  # numeric dates that read as day/month and month/day alike

    def as_dict(self) -> dict[str, object]:
        return {
            "path": self.path,
            "format": self.format,
            "encoding": self.encoding,
            "delimiter": self.delimiter,
            "columns": self.columns,
            "events": self.events,
            "skipped": [p.as_dict() for p in self.skipped],
            "warnings": [p.as_dict() for p in self.warnings],
            "error": self.error,
        }


def resolve_tz(name: str | None) -> dt.tzinfo | None:
    """A time zone named by IANA name (``Europe/Berlin``) or as ``UTC``/``+02:00``."""
    if name is None:
        return None
    from dateutil import tz as dateutil_tz  # only for --tz: keeps start-up short

    zone = dateutil_tz.gettz(name)
    if zone is None:
        raise ValueError(
            Message(
                QT_TRANSLATE_NOOP(
                    "LoadMessages",
                    "unknown time zone {name!r} (use a name such as Europe/Berlin or +02:00)",
                ),
                name=name,
            )
        )
    return zone


@dataclass
class _Opened:
    """What a file's first bytes tell: its encoding, and for a delimited table its layout and
    the roles of its columns (None for JSON and markup, whose readers need the whole file)."""

    encoding: str
    head_text: str
    layout: DelimitedLayout | None = None
    mapping: ColumnMapping | None = None


def read_file_columns(
    path: str | Path,
    options: LoadOptions,
    with_text: bool = True,
    text_roles: frozenset[str] = TEXT_ROLES,
    opened: _Opened | None = None,
) -> tuple[LoadReport, EventColumns | None]:
    """Read one file into event columns; a failure is in ``report.error``, never raised.
    ``opened`` is the file already opened by ``_open`` (``inspect_file`` opens it first)."""
    path = Path(path)
    report = LoadReport(path=str(path))
    try:
        columns = _read(
            path, opened or _open(path, options), options, with_text, report, text_roles
        )
    except LoadError as error:
        report.error = error.message
        report.needs_mapping = isinstance(error, MappingNeeded)
        return report, None
    except Exception as error:  # a reader bug must not take the other files or the app down
        report.error = Message(
            QT_TRANSLATE_NOOP("LoadMessages", "{file}: could not be read ({kind}: {error})"),
            file=path.name,
            kind=type(error).__name__,
            error=error,
        )
        return report, None
    report.events = len(columns)
    report.ambiguous_order = columns.ambiguous_order
    report.skipped, report.warnings = columns.skipped, columns.warnings
    return report, columns


def inspect_file(path: str | Path, options: LoadOptions) -> LoadReport:
    """The report ``inspect`` prints. A delimited file whose one date column is ISO 8601 in
    every row is counted in a single pass of pyarrow's reader; any other file, or one whose
    quick count fails, is read the full way (which also finds and reports the problems), from
    what the quick attempt already learnt of it."""
    path = Path(path)
    try:
        opened = _open(path, options)
    except LoadError:
        opened = None  # the full way reports it
    else:
        quick = _quick_iso_report(path, opened, options)
        if quick is not None:
            return quick
    return read_file_columns(path, options, with_text=False, opened=opened)[0]


def _quick_iso_report(path: Path, opened: _Opened, options: LoadOptions) -> LoadReport | None:
    layout, mapping = opened.layout, opened.mapping
    if layout is None or mapping is None or options.tz is not None:
        return None  # not a delimited table; or a zone name the full way checks
    start = mapping.start
    if not isinstance(start, str) or mapping.end or mapping.not_events or mapping.approximate_from:
        return None
    matches = [_ISO_SAMPLE_RE.fullmatch(v) for v in layout.sample.get(start, [])]
    zoned = {bool(m[1]) for m in matches if m}
    if len(zoned) != 1 or not all(matches):
        return None
    count = count_iso_rows(path, opened.encoding, layout, start, zoned.pop())
    if not count:
        return None
    return LoadReport(
        path=str(path),
        format=format_name(layout.delimiter),
        encoding=opened.encoding,
        delimiter=layout.delimiter,
        columns=mapping.roles(),
        events=count,
    )


def _read(
    path: Path,
    opened: _Opened,
    options: LoadOptions,
    with_text: bool,
    report: LoadReport,
    text_roles: frozenset[str] = TEXT_ROLES,
) -> EventColumns:
    raw, mapping = _read_raw(path, opened, options, with_text, text_roles)
    report.format, report.encoding, report.delimiter = raw.format, raw.encoding, raw.delimiter
    report.columns = mapping.roles()
    if len(raw) == 0 and not raw.problems:
        raise LoadError(
            path,
            QT_TRANSLATE_NOOP("LoadMessages", "has a header but no rows (columns: {columns})"),
            columns=_names(raw.file_columns),
        )
    try:
        tz = resolve_tz(options.tz)
    except ValueError as error:
        raise LoadError(path, error.args[0]) from error
    columns = build_event_columns(raw, mapping, options, tz, with_text, text_roles)
    columns.skipped = sorted(raw.problems + columns.skipped, key=lambda p: p.row)
    if len(columns) == 0 and len(raw) > 0:
        raise MappingNeeded(path, _no_dates_sentence(raw, mapping, columns.skipped))
    return columns


def _read_head(path: Path) -> tuple[bytes, int]:
    """The first bytes (enough to tell the format, encoding and layout) and the file's size."""
    head, size = read_head(path, HEAD_BYTES)
    if size <= HEAD_BYTES and not head.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
        raise LoadError(path, QT_TRANSLATE_NOOP("LoadMessages", "is empty"))
    return head, size


def _open(path: Path, options: LoadOptions) -> _Opened:
    """Read the file's head: its encoding, and for a delimited table its layout and roles."""
    head, size = _read_head(path)
    encoding = _encoding(path, head, options, whole=size <= HEAD_BYTES)
    head_text = (
        codecs.getincrementaldecoder(encoding)(errors="replace").decode(head).removeprefix("\ufeff")
    )
    if head_text.lstrip()[:1] in ("{", "[", "<"):
        return _Opened(encoding, head_text)
    layout = sniff_layout(path, head_text, options.delimiter)
    mapping = _mapping(path, layout.names, layout.sample, options, None)
    return _Opened(encoding, head_text, layout, mapping)


def _read_raw(
    path: Path,
    opened: _Opened,
    options: LoadOptions,
    with_text: bool,
    text_roles: frozenset[str] = TEXT_ROLES,
) -> tuple[RawTable, ColumnMapping]:
    layout, mapping = opened.layout, opened.mapping
    if layout is not None and mapping is not None:
        needed = mapping.columns_needed(with_text, text_roles)
        raw = read_delimited(path, opened.encoding, layout, needed)
        mapping.beyond_header = [c for c in raw.columns if c not in layout.names]
        raw.all_columns = layout.names + mapping.beyond_header
        if mapping.layout == "timeline-viewer":
            raw.data = without_formula_escapes(raw.data)
        return raw, mapping
    if opened.head_text.lstrip()[:1] == "<":
        raw = _read_markup(path, read_whole(path), opened.head_text)
    else:
        raw = _read_json(path, read_whole(path))
    sample = {
        name: [v for v in raw.column(name).to_pylist()[:_SAMPLE_ROWS] if v] for name in raw.columns
    }
    return raw, _mapping(path, raw.columns, sample, options, raw.known_roles)


def _encoding(path: Path, head: bytes, options: LoadOptions, whole: bool) -> str:
    if options.encoding:
        try:
            return python_codec(options.encoding)
        except ValueError as error:
            raise LoadError(path, error.args[0]) from error
    return detect_encoding(head, str(path), whole)


def _read_json(path: Path, data: bytes) -> RawTable:
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError):
        return read_jsonl(path, data)
    if looks_like_timelinejs_json(document):
        return read_timelinejs_json(path, data)
    return read_jsonl(path, data)


def _read_markup(path: Path, data: bytes, head_text: str) -> RawTable:
    if _TIMELINE_XML_RE.search(head_text):
        return read_timeline_xml(path, data)
    if _HTML_RE.search(head_text):
        raise LoadError(
            path,
            QT_TRANSLATE_NOOP(
                "LoadMessages",
                "is a web page (HTML), not a table; save the table itself as CSV and open that",
            ),
        )
    raise LoadError(
        path,
        QT_TRANSLATE_NOOP(
            "LoadMessages",
            "is XML but not a Timeline (.timeline) file; open CSV, JSON or .timeline files",
        ),
    )


def _mapping(
    path: Path,
    columns: list[str],
    sample: dict[str, list[str]],
    options: LoadOptions,
    known: dict[str, str] | None,
) -> ColumnMapping:
    try:
        return decide_mapping(columns, sample, options.columns, known)
    except MappingError as error:
        raise MappingNeeded(
            path,
            QT_TRANSLATE_NOOP(
                "LoadMessages",
                "{problem}; found columns {columns}; name the date column with --column start=NAME",
            ),
            problem=error.reason,
            columns=_names(columns),
        ) from error


def _names(columns: list[str], limit: int = 12) -> str:
    shown = ", ".join(repr(c) for c in columns[:limit])
    if len(columns) <= limit:
        return shown
    return Message(
        QT_TRANSLATE_NOOP("LoadMessages", "{names} and {count} more"),
        names=shown,
        count=len(columns) - limit,
    )


def _no_dates_sentence(raw: RawTable, mapping: ColumnMapping, skipped: list[RowProblem]) -> str:
    columns = _names(raw.file_columns)
    if not skipped:
        return Message(
            QT_TRANSLATE_NOOP(
                "LoadMessages",
                "has no usable dates in column {column}; found columns {columns}; "
                "name the date column with --column start=NAME",
            ),
            column=mapping.start,
            columns=columns,
        )
    first = skipped[0]
    return Message(
        QT_TRANSLATE_NOOP(
            "LoadMessages",
            "has no usable dates in column {column} (row {row}: {value!r}, {reason}); "
            "found columns {columns}; name the date column with --column start=NAME",
        ),
        column=mapping.start,
        row=first.row,
        value=first.value,
        reason=first.reason,
        columns=columns,
    )
