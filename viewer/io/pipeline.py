"""Load timeline files: find the format, read the cells, give the columns roles, parse dates.

The steps, in order: the file's head picks its format (``viewer.io.formats``), the format's
reader opens it (``readers``), the columns get their roles (``mapping``), the cells are read,
the dates parsed (``dates``) and the event columns built (``events``). ``read_file_columns``
stops before pandas (``inspect`` needs only counts); ``viewer.io.loading`` makes EventTables of
them. A failure is in the report, never raised. Input files are only ever read.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from viewer.io.dates.year_context import file_year_context
from viewer.io.events.event_columns import EventColumns, build_event_columns
from viewer.io.formats import format_for
from viewer.io.formula_cells import without_formula_escapes
from viewer.io.load_errors import LoadError, MappingNeeded, RowProblem
from viewer.io.load_options import LoadOptions
from viewer.io.load_report import LoadReport
from viewer.io.load_watch import (
    NO_WATCH,
    IsCancelled,
    LoadCancelled,
    LoadWatch,
    Progress,
    cancelled_by,
    never_cancelled,
    no_progress,
)
from viewer.io.mapping.column_mapping import TEXT_ROLES, ColumnMapping
from viewer.io.mapping.column_roles import MappingError, decide_mapping
from viewer.io.mapping.header_names import header_key
from viewer.io.memory_use import out_of_memory, release_unused_memory, use_reusing_allocator
from viewer.io.readers.delimited_reader import DelimitedTable, count_iso_rows, format_name
from viewer.io.readers.file_head import FileHead
from viewer.io.readers.raw_table import RawTable
from viewer.io.readers.reader_format import OpenedTable
from viewer.model.messages import QT_TRANSLATE_NOOP, Message

_SAMPLE_ROWS = 200
# Sample cells the quick inspect count takes on (group 1: a zone); pyarrow decides the rest.
_ISO_SAMPLE_RE = re.compile(
    r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(Z|[+-]\d{2}(?::?\d{2})?)?)?"
)


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
    return zone  # type: ignore[no-any-return]  # dateutil has no type hints


@dataclass
class _Opened:
    """A file its format has opened: for a table whose head tells its columns (delimited
    text), the roles of those columns are decided before any cell is read."""

    head: FileHead
    table: OpenedTable
    mapping: ColumnMapping | None = None


def read_file_columns(
    path: str | Path,
    options: LoadOptions,
    with_text: bool = True,
    text_roles: frozenset[str] = TEXT_ROLES,
    opened: _Opened | None = None,
    is_cancelled: IsCancelled = never_cancelled,
    on_progress: Progress = no_progress,
) -> tuple[LoadReport, EventColumns | None]:
    """Read one file into event columns; a failure is in ``report.error``, never raised.
    ``opened`` is the file already opened by ``_open`` (``inspect_file`` opens it first).
    ``is_cancelled`` is asked between the steps (and the blocks of a delimited file); when it
    says yes, LoadCancelled is raised. ``on_progress`` is told how far the read is, 0 to 1."""
    path = Path(path)
    report = LoadReport(path=str(path))
    watch = LoadWatch(is_cancelled, on_progress)
    use_reusing_allocator()
    try:
        opened = opened or _open(path, options)
        watch.check()
        with cancelled_by(is_cancelled):
            columns = _read(path, opened, options, with_text, report, text_roles, watch)
    except LoadCancelled:
        raise
    except LoadError as error:
        report.error = error.message
        report.needs_mapping = isinstance(error, MappingNeeded)
        return report, None
    except Exception as error:  # a reader bug must not take the other files or the app down
        report.error = unexpected_error(path, error)
        return report, None
    report.events = len(columns)
    report.ambiguous_order = columns.ambiguous_order
    report.skipped, report.warnings = columns.skipped, columns.warnings
    report.zone_notes = columns.notes
    return report, columns


def inspect_file(path: str | Path, options: LoadOptions) -> LoadReport:
    """The report ``inspect`` prints. A delimited file whose one date column is ISO 8601 in
    every row is counted in a single pass of pyarrow's reader; any other file, or one whose
    quick count fails, is read the full way (which also finds and reports the problems), from
    what the quick attempt already learnt of it."""
    path = Path(path)
    opened: _Opened | None
    try:
        opened = _open(path, options)
    except LoadError:
        opened = None  # the full way reports it
    if opened is not None:
        quick = _quick_iso_report(path, opened, options)
        if quick is not None:
            return quick
    return read_file_columns(path, options, with_text=False, opened=opened)[0]


def _quick_iso_report(path: Path, opened: _Opened, options: LoadOptions) -> LoadReport | None:
    table, mapping = opened.table, opened.mapping
    if not isinstance(table, DelimitedTable) or mapping is None or options.tz is not None:
        return None  # not a delimited table; or a zone name the full way checks
    layout = table.layout
    start = mapping.start
    if not isinstance(start, str) or mapping.end or mapping.not_events or mapping.approximate_from:
        return None
    matches = [_ISO_SAMPLE_RE.fullmatch(v) for v in layout.sample.get(start, [])]
    zoned = {bool(m[1]) for m in matches if m}
    if len(zoned) != 1 or not all(matches):
        return None
    count = count_iso_rows(path, opened.head.encoding, layout, start, zoned.pop())
    if not count:
        return None
    report = LoadReport(
        path=str(path),
        format=format_name(layout.delimiter),
        encoding=opened.head.encoding,
        delimiter=layout.delimiter,
        events=count,
    )
    report.take_choice(mapping)
    return report


def _read(
    path: Path,
    opened: _Opened,
    options: LoadOptions,
    with_text: bool,
    report: LoadReport,
    text_roles: frozenset[str] = TEXT_ROLES,
    watch: LoadWatch = NO_WATCH,
) -> EventColumns:
    # The cells take most of this (1.4 of 1.5 s at 1M rows, 9.9 of 11 s at 10M), the dates and
    # columns the rest.
    raw, mapping = _read_raw(path, opened, options, with_text, text_roles, watch.part(0.0, 0.9))
    release_unused_memory()  # the file's bytes and the parser's blocks
    watch.check()
    report.format, report.encoding, report.delimiter = raw.format, raw.encoding, raw.delimiter
    report.take_choice(mapping)
    report.title = raw.title or _title_slide(raw, mapping)
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
    year_cells = raw.column(mapping.year_column) if mapping.year_column in raw.columns else None
    years = file_year_context(path, report.title, options.year, year_cells)
    columns = build_event_columns(raw, mapping, options, tz, with_text, text_roles, years)
    watch.check()
    watch.on_progress(1.0)
    columns.skipped = sorted(raw.problems + columns.skipped, key=lambda p: p.row)
    columns.warnings = sorted(raw.warnings + columns.warnings, key=lambda p: p.row)
    if len(columns) == 0 and len(raw) > 0:
        raise MappingNeeded(path, _no_dates_sentence(raw, mapping, columns.skipped))
    return columns


def _title_slide(raw: RawTable, mapping: ColumnMapping) -> str | None:
    """The headline of a spreadsheet's title slide (TimelineJS: the row whose Type is title)."""
    if mapping.not_events is None or mapping.title is None:
        return None
    kind, value = mapping.not_events
    if kind not in raw.columns or mapping.title not in raw.columns:
        return None
    kinds = raw.column(kind).to_pylist()
    titles = raw.column(mapping.title).to_pylist()
    for row_kind, title in zip(kinds, titles, strict=True):
        if (row_kind or "").strip().lower() == value and title and title.strip():
            return str(title).strip()
    return None


def _open(path: Path, options: LoadOptions) -> _Opened:
    """Read the file's head, find its format and open it; for a table whose head tells its
    columns, decide their roles."""
    head = FileHead.read(path, options.encoding)
    table = format_for(head).open(head, options)
    if table.header is None:
        return _Opened(head, table)
    return _Opened(head, table, _mapping(path, table.header, table.sample, options, None))


def _read_raw(
    path: Path,
    opened: _Opened,
    options: LoadOptions,
    with_text: bool,
    text_roles: frozenset[str] = TEXT_ROLES,
    watch: LoadWatch = NO_WATCH,
) -> tuple[RawTable, ColumnMapping]:
    if opened.mapping is not None:
        mapping = opened.mapping
        raw = opened.table.read(mapping.columns_needed(with_text, text_roles), watch)
        # The table's reader lists the header's columns, then any beyond it (ragged rows).
        mapping.beyond_header = raw.file_columns[len(opened.table.header or []) :]
    else:
        raw = opened.table.read(None, watch)
        sample = {
            name: [v for v in raw.column(name).to_pylist()[:_SAMPLE_ROWS] if v]
            for name in raw.columns
        }
        mapping = _mapping(path, raw.columns, sample, options, raw.known_roles)
    if mapping.formula_escaped:
        raw.data = without_formula_escapes(raw.data)
    return raw, mapping


def unexpected_error(path: Path, error: Exception) -> Message:
    """The sentence for a bug met while reading ``path`` (the file is named, the app goes on);
    running out of memory is no bug, and is said in words."""
    if isinstance(error, MemoryError):
        return out_of_memory(path)
    return Message(
        QT_TRANSLATE_NOOP("LoadMessages", "{file}: could not be read ({kind}: {error})"),
        file=path.name,
        kind=type(error).__name__,
        error=error,
    )


def _mapping(
    path: Path,
    columns: list[str],
    sample: dict[str, list[str]],
    options: LoadOptions,
    known: dict[str, str] | None,
) -> ColumnMapping:
    forced, notes = _still_there(columns, options)
    try:
        mapping = decide_mapping(columns, sample, forced, known)
        mapping.notes.extend(notes)
        return mapping
    except MappingError as error:
        runaway = next((c for c in columns if "\n" in c and len(c) > _NAME_LIMIT), None)
        if runaway is not None:  # '"date,title' and no closing quote: the file is one cell
            raise LoadError(
                path,
                QT_TRANSLATE_NOOP(
                    "LoadMessages",
                    "a quote in the header is never closed, so the rest of the file was read "
                    "as one header cell, which begins {start!r}",
                ),
                start=_cut(runaway.split("\n", 1)[0]),
            ) from error
        raise MappingNeeded(
            path,
            QT_TRANSLATE_NOOP(
                "LoadMessages",
                "{problem}; found columns {columns}; name the date column with --column start=NAME",
            ),
            problem=error.reason,
            columns=_names(columns),
        ) from error


_NAME_LIMIT = 60  # characters of a column name a message quotes


def _still_there(columns: list[str], options: LoadOptions) -> tuple[dict[str, str], list[str]]:
    """The columns the options name; of a remembered choice, those no longer in the file are
    left out (the file was edited since), each with a note."""
    if not options.remembered:
        return options.columns, []
    keys = {header_key(c) for c in columns}
    kept: dict[str, str] = {}
    notes: list[str] = []
    for role, name in options.columns.items():
        if name in columns or header_key(name) in keys:
            kept[role] = name
        else:
            notes.append(
                Message(
                    QT_TRANSLATE_NOOP(
                        "LoadMessages",
                        "the column chosen before for {role}, `{name}`, is no longer in the "
                        "file: the loader chose again",
                    ),
                    role=role,
                    name=_cut(name),
                )
            )
    return kept, notes


def _cut(name: str) -> str:
    return name if len(name) <= _NAME_LIMIT else name[: _NAME_LIMIT - 1] + "…"


def _names(columns: list[str], limit: int = 12) -> str:
    shown = ", ".join(repr(_cut(c)) for c in columns[:limit])
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
