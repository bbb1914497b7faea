"""A RawTable and its ColumnMapping into event columns, with every unusable row reported.

No pandas here: ``timeline-viewer inspect`` counts events without building the table, which
keeps it fast. ``event_table_from`` (in ``event_assembly``) turns these columns into an EventTable.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace

import numpy as np
import numpy.typing as npt
import pyarrow as pa
import pyarrow.compute as pc

from viewer.io.dates.date_column import parse_date_column
from viewer.io.dates.date_results import DateColumn
from viewer.io.dates.date_sources import date_text, parse_source
from viewer.io.dates.relative_filling import fill_relative
from viewer.io.dates.year_context import YearContext
from viewer.io.dates.year_filling import fill_years
from viewer.io.events.arrow_numpy import from_numpy, to_numpy
from viewer.io.load_errors import RowProblem
from viewer.io.load_options import LoadOptions
from viewer.io.load_watch import checkpoint
from viewer.io.mapping.column_mapping import TEXT_ROLES, ColumnMapping, DateSource, JoinedColumns
from viewer.io.readers.raw_table import RawTable, join_cells
from viewer.model.messages import QT_TRANSLATE_NOOP, Message
from viewer.model.parsed_date import EMPTY
from viewer.model.precision import PRECISION_LABELS, Precision

_SPAN_DASH = " – "  # between a span's start and end in the date as shown
_VALUE_LIMIT = 200  # characters of a bad cell quoted in a problem report
_REST_LIMIT = 12  # unused columns listed in a composed excerpt
_CJK = re.compile("[\u4e00-\u9fff]")
_LANGUAGE_SAMPLE = 200  # rows of titles looked at for the file's language


@dataclass
class EventColumns:
    start: npt.NDArray[np.int64]
    end: npt.NDArray[np.int64]
    has_end: npt.NDArray[np.bool_]
    precision: npt.NDArray[np.int8]
    approximate: npt.NDArray[np.bool_]
    rows: npt.NDArray[np.int64]
    start_ns: npt.NDArray[np.int32]  # sub-second parts (see ``instants``)
    end_ns: npt.NDArray[np.int32]
    text: dict[str, pa.ChunkedArray] = field(default_factory=dict)
    sources: pa.ChunkedArray | None = None  # per-event source names (our own export keeps them)
    skipped: list[RowProblem] = field(default_factory=list)
    warnings: list[RowProblem] = field(default_factory=list)
    ambiguous_order: bool = False  # the start dates read as day/month and month/day alike
    notes: list[str] = field(default_factory=list)  # how zone abbreviations were read

    def __len__(self) -> int:
        return len(self.start)


def build_event_columns(
    raw: RawTable,
    mapping: ColumnMapping,
    options: LoadOptions,
    tz: dt.tzinfo | None,
    with_text: bool,
    text_roles: frozenset[str] = TEXT_ROLES,
    years: YearContext | None = None,
) -> EventColumns:
    """``years`` tells what the file says of the year of dates written without one (by
    default only ``options.year``)."""
    assert mapping.start is not None
    years = years or YearContext(given=options.year)
    is_event = _event_rows(raw, mapping)
    start_text = date_text(raw, mapping.start)
    start = _parse(raw, mapping, mapping.start, start_text, options, tz)
    checkpoint()
    skipped = _problems(raw, start, str(mapping.start), start_text, is_event)
    warnings: list[RowProblem] = []
    references = _references(raw, mapping, start, options, tz)
    fill_relative(
        start,
        raw.rows,
        references,
        mapping.reference_column,
        years.reference,
        skipped,
        warnings,
        str(mapping.start),
        start_text,
    )
    if references is not None:  # a post written "4月27日" was read after it was written
        years = replace(years, latest=np.where(references.ok, references.start, 0))
    fill_years(start, raw.rows, years, skipped, str(mapping.start), start_text, notes=warnings)
    keep = start.ok & is_event
    end_text = date_text(raw, mapping.end) if mapping.end is not None else None
    if mapping.end is not None and end_text is not None:
        end = _parse(raw, mapping, mapping.end, end_text, options, tz)
        checkpoint()
        fill_years(end, raw.rows, YearContext(), [], "", end_text, after=start.start)
        _combine_end(start, end, keep, raw, str(mapping.end), end_text, warnings)
    _check_spans(start, keep, raw, str(mapping.start), start_text, warnings)
    _mark_approximate_wording(raw, mapping, start, tz)
    checkpoint()
    index = np.flatnonzero(keep)
    every_row = len(index) == len(keep)  # the common case: the arrays as they are, no copies
    columns = EventColumns(
        start=start.start if every_row else start.start[index],
        end=start.end if every_row else start.end[index],
        has_end=start.has_end if every_row else start.has_end[index],
        precision=start.precision if every_row else start.precision[index],
        approximate=start.approximate if every_row else start.approximate[index],
        rows=raw.rows if every_row else raw.rows[index],
        start_ns=start.start_ns if every_row else start.start_ns[index],
        end_ns=start.end_ns if every_row else start.end_ns[index],
        skipped=sorted(skipped, key=lambda p: p.row),
        warnings=sorted(warnings, key=lambda p: p.row),
        ambiguous_order=start.ambiguous_order,
        notes=start.notes,
    )
    if with_text:
        _add_text(columns, raw, mapping, index, start_text, end_text, text_roles)
        _apply_own_columns(columns, raw, mapping, index)
    return columns


def _references(
    raw: RawTable,
    mapping: ColumnMapping,
    start: DateColumn,
    options: LoadOptions,
    tz: dt.tzinfo | None,
) -> DateColumn | None:
    """The crawl or fetch dates of the rows, when the start column needs them."""
    name = mapping.reference_column
    if name is None or name not in raw.columns or not (start.relative or start.yearless):
        return None
    return _parse(raw, mapping, name, raw.column(name), options, tz)


def _event_rows(raw: RawTable, mapping: ColumnMapping) -> npt.NDArray[np.bool_]:
    if mapping.not_events is None or mapping.not_events[0] not in raw.columns:
        return np.ones(len(raw), dtype=bool)
    column, value = mapping.not_events
    marked = pc.equal(pc.utf8_lower(pc.utf8_trim_whitespace(raw.column(column))), value.lower())
    return ~np.asarray(to_numpy(marked.fill_null(False)), dtype=bool)


def _parse(
    raw: RawTable,
    mapping: ColumnMapping,
    source: DateSource,
    text: pa.ChunkedArray,
    options: LoadOptions,
    tz: dt.tzinfo | None,
) -> DateColumn:
    day_first = options.day_first if options.day_first is not None else mapping.day_first
    numbers_are_years = mapping.numbers_are_years and not isinstance(source, JoinedColumns)
    chinese = _reads_chinese(raw, mapping)
    return parse_source(raw, source, text, day_first, tz, numbers_are_years, chinese)


def _reads_chinese(raw: RawTable, mapping: ColumnMapping) -> bool:
    """Is the file written in Chinese (its headers, or its first titles and excerpts)? Then
    CST is China's zone."""
    if any(_CJK.search(name) for name in raw.file_columns):
        return True
    for name in (mapping.title, mapping.excerpt):
        if name is not None and name in raw.columns:
            head = raw.column(name).slice(0, _LANGUAGE_SAMPLE)
            if pc.any(pc.match_substring_regex(head, _CJK.pattern)).as_py():
                return True
    return False


def _mark_approximate_wording(
    raw: RawTable, mapping: ColumnMapping, start: DateColumn, tz: dt.tzinfo | None
) -> None:
    """Events whose display date reads as approximate ("circa 1850", or a span such as
    "2026-04-27 – c. 2026-05-31" with an approximate end) are approximate."""
    name = mapping.approximate_from
    if name is None or name not in raw.columns:
        return
    parts = pc.split_pattern(raw.column(name).combine_chunks(), _SPAN_DASH)
    shown = parse_date_column(pc.list_flatten(parts), tz=tz)
    rows = to_numpy(pc.list_parent_indices(parts)).astype(np.int64)
    np.logical_or.at(start.approximate, rows, shown.approximate & shown.ok)


def _quote(text: pa.ChunkedArray, index: int) -> str:
    value = text[index].as_py()
    return "" if value is None else value[:_VALUE_LIMIT]


def _problems(
    raw: RawTable,
    parsed: DateColumn,
    column: str,
    text: pa.ChunkedArray,
    is_event: npt.NDArray[np.bool_],
) -> list[RowProblem]:
    return [
        RowProblem(int(raw.rows[i]), column, _quote(text, i), reason)
        for i, reason in parsed.reasons.items()
        if is_event[i]
    ]


def _combine_end(
    start: DateColumn,
    end: DateColumn,
    keep: npt.NDArray[np.bool_],
    raw: RawTable,
    column: str,
    text: pa.ChunkedArray,
    warnings: list[RowProblem],
) -> None:
    """Put the end column into ``start``'s spans: a written end wins over an implied one."""
    for i, reason in end.reasons.items():
        if keep[i] and reason != EMPTY:
            warnings.append(
                RowProblem(
                    int(raw.rows[i]),
                    column,
                    _quote(text, int(i)),
                    Message(
                        QT_TRANSLATE_NOOP("LoadMessages", "{reason}; shown without an end"),
                        reason=reason,
                    ),
                )
            )
    given = end.ok & keep
    last = np.where(end.has_end, end.end, end.start)
    last_ns = np.where(end.has_end, end.end_ns, end.start_ns)
    start.end[given] = last[given]
    start.end_ns[given] = last_ns[given]
    start.has_end[given] = True
    start.approximate[given] |= end.approximate[given]


def _check_spans(
    start: DateColumn,
    keep: npt.NDArray[np.bool_],
    raw: RawTable,
    column: str,
    text: pa.ChunkedArray,
    warnings: list[RowProblem],
) -> None:
    earlier = (start.end < start.start) | (
        (start.end == start.start) & (start.end_ns < start.start_ns)
    )
    backwards = keep & start.has_end & earlier
    for i in np.flatnonzero(backwards):
        warnings.append(
            RowProblem(
                int(raw.rows[i]),
                column,
                _quote(text, int(i)),
                Message(
                    QT_TRANSLATE_NOOP("LoadMessages", "ends before it starts; shown without an end")
                ),
            )
        )
    start.has_end &= ~backwards & ((start.end != start.start) | (start.end_ns != start.start_ns))


def _add_text(
    columns: EventColumns,
    raw: RawTable,
    mapping: ColumnMapping,
    index: npt.NDArray[np.int64],
    start_text: pa.ChunkedArray,
    end_text: pa.ChunkedArray | None,
    roles: frozenset[str],
) -> None:
    take = _Rows(index, len(raw))
    for role in ("title", "excerpt", "lane", "url"):
        name = getattr(mapping, role)
        if name is not None and role in roles:
            columns.text[role] = take(raw.column(name))
    if mapping.title_fallback is not None and "title" in columns.text:
        fallback = take(raw.column(mapping.title_fallback))
        columns.text["title"] = pc.coalesce(columns.text["title"], fallback)
    if "url" in columns.text and mapping.urls_are_links_only:
        media = columns.text["url"]
        columns.text["url"] = pc.if_else(
            pc.match_substring_regex(media, r"^https?://\S+$"), media, pa.scalar(None, pa.string())
        )
    if "excerpt" not in roles:
        return  # a picture: no excerpts, and the date as written is not drawn either
    if mapping.excerpt_from_rest:
        columns.text["excerpt"] = take(_listing(raw, mapping.unused[:_REST_LIMIT]))
    if mapping.beyond_header:
        extra = take(_listing(raw, mapping.beyond_header))
        columns.text["excerpt"] = (
            join_cells([columns.text["excerpt"], extra], "\n")
            if "excerpt" in columns.text
            else extra
        )
    shown = start_text
    if mapping.date_text is not None:
        shown = pc.coalesce(raw.column(mapping.date_text), start_text)
    elif end_text is not None:
        distinct_end = pc.if_else(
            pc.equal(start_text, end_text).fill_null(False), pa.scalar(None, pa.string()), end_text
        )
        shown = join_cells([start_text, distinct_end], _SPAN_DASH)
    columns.text["date_text"] = take(shown)


class _Rows:
    """The cells of the events' rows; the column itself when every row is an event (a copy
    of each text column would cost the file's text once more)."""

    def __init__(self, index: npt.NDArray[np.int64], count: int) -> None:
        self._every = len(index) == count
        self._take = from_numpy(index)

    def __call__(self, column: pa.ChunkedArray) -> pa.ChunkedArray:
        return column if self._every else column.take(self._take)


def _listing(raw: RawTable, names: list[str]) -> pa.ChunkedArray:
    """``Latitude: 19.2\\nMagnitude: 6.0`` from columns no role took, so nothing is hidden."""
    lines = [
        pc.binary_join_element_wise(f"{name}: ", raw.column(name), "", null_handling="emit_null")
        for name in names
    ]
    return join_cells(lines, "\n")


def _apply_own_columns(
    columns: EventColumns, raw: RawTable, mapping: ColumnMapping, index: npt.NDArray[np.int64]
) -> None:
    """Our own export carries precision, approximate, source and row: keep them as they were."""
    take = from_numpy(index)
    if mapping.precision is not None:
        labels = pc.utf8_lower(
            pc.utf8_trim_whitespace(raw.column(mapping.precision).take(take))
        ).to_pylist()
        codes = {label: int(Precision.from_label(label)) for label in PRECISION_LABELS}
        given = np.array([codes.get(label or "", -1) for label in labels], dtype=np.int8)
        columns.precision = np.where(given >= 0, given, columns.precision).astype(np.int8)
    if mapping.approximate is not None:
        flags = pc.utf8_lower(pc.utf8_trim_whitespace(raw.column(mapping.approximate).take(take)))
        truthy = pc.is_in(flags, pa.array(["true", "1", "yes", "y", "t"])).fill_null(False)
        columns.approximate = np.asarray(to_numpy(truthy), dtype=bool)
    if mapping.row is not None:
        rows = pc.cast(raw.column(mapping.row).take(take), pa.int64(), safe=False)
        columns.rows = np.where(
            to_numpy(pc.is_valid(rows)),
            to_numpy(rows),
            columns.rows,
        )
    if mapping.source is not None:
        columns.sources = raw.column(mapping.source).take(take)
