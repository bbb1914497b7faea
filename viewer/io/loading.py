"""Files into EventTables: the pipeline's event columns made into the table, the one step that
needs pandas (``inspect`` stops at the pipeline, so it never imports pandas)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

from viewer.io.annotation_columns import merged_marks, read_annotation_columns
from viewer.io.cache.event_cache import EventCache
from viewer.io.events.event_assembly import event_table_from, lane_codes_of
from viewer.io.events.event_columns import EventColumns
from viewer.io.file_names import display_name
from viewer.io.load_options import LoadOptions
from viewer.io.load_report import LoadReport
from viewer.io.load_watch import (
    IsCancelled,
    LoadCancelled,
    LoadWatch,
    Progress,
    cancelled_by,
    never_cancelled,
    no_progress,
)
from viewer.io.mapping.column_mapping import TEXT_ROLES
from viewer.io.memory_use import release_unused_memory
from viewer.io.pipeline import read_file_columns, unexpected_error
from viewer.model.annotations import EventMarks
from viewer.model.event_order import time_order_of
from viewer.model.event_table import EventTable, end_or_start_of
from viewer.model.lane_layout import LaneLayout, build_lane_layout, narrow_codes


@dataclass
class LoadResult:
    report: LoadReport
    events: EventTable  # empty when the file failed (see report.error)
    marks: EventMarks | None = None  # stars, tags and notes in the file's own columns


def load_file(
    path: str | Path,
    options: LoadOptions | None = None,
    text_roles: frozenset[str] = TEXT_ROLES,
    is_cancelled: IsCancelled = never_cancelled,
    on_progress: Progress = no_progress,
    cache: EventCache | None = None,
    lay_out: bool = False,
) -> LoadResult:
    """``text_roles`` limits the text read (a picture needs titles and lanes, not excerpts).
    ``is_cancelled`` is asked between the steps and blocks: when it says yes, LoadCancelled is
    raised. ``on_progress`` is told the fraction done, 0 to 1. With a ``cache``, an unchanged
    file's events come from it (the same events and report), and a file read is kept there.
    ``lay_out``: the table's lane layout is built too (the app's loads: then the GUI thread
    does not sort millions of events, and the cache keeps it)."""
    options = options or LoadOptions()

    def read() -> LoadResult:
        return _read_file(path, options, text_roles, is_cancelled, on_progress, lay_out)

    if cache is None:
        return read()
    return through_cache(cache, path, options, text_roles, read)


def through_cache(
    cache: EventCache,
    path: str | Path,
    options: LoadOptions,
    text_roles: frozenset[str],
    read: Callable[[], LoadResult],
) -> LoadResult:
    """``read()``'s result for ``path``, or the cache's when the file is unchanged since it
    was kept; what ``read()`` gives is kept (when it loaded and the file stayed still)."""

    read_now: list[LoadResult] = []  # the file's own read, when the cache did not have it

    def loaded() -> tuple[LoadReport, EventTable]:
        read_now.append(read())
        return read_now[0].report, read_now[0].events

    report, events = cache.load_through(path, options, text_roles, loaded)
    if read_now:
        return LoadResult(report, events, read_now[0].marks)
    # Stars, tags and notes in the file's own columns are not cached: read from the file.
    return LoadResult(report, events, read_annotation_columns(path, events, report))


def _read_file(
    path: str | Path,
    options: LoadOptions,
    text_roles: frozenset[str],
    is_cancelled: IsCancelled,
    on_progress: Progress,
    lay_out: bool = False,
) -> LoadResult:
    watch = LoadWatch(is_cancelled, on_progress)
    # The table is the last fifth (0.25 of 1.8 s at 1M rows, 3.8 of 15 s at 10M); a layout
    # takes about as long as the table again.
    reading = watch.part(0.0, 0.65 if lay_out else 0.8)
    report, columns = read_file_columns(
        path, options, True, text_roles, None, is_cancelled, reading.on_progress
    )
    if columns is None:
        return LoadResult(report, EventTable.empty())
    watch.check()
    # The layout needs only the dates and the lane cells: it is built on the other core (the
    # sort and the lane numbers first, each on a thread of its own) while the text is assembled.
    layout = _ahead_for_the_layout(columns) if lay_out else None
    try:
        with cancelled_by(is_cancelled):
            events = event_table_from(columns, display_name(path))
    except LoadCancelled:
        raise
    except Exception as error:  # a bug here must end the load too, with its file named
        report.error = unexpected_error(Path(path), error)
        return LoadResult(report, EventTable.empty())
    finally:
        del columns  # the cells are in the table now (or the load failed)
        release_unused_memory()
    marks = read_annotation_columns(path, events, report)  # our exports carry them
    if layout is not None:
        on_progress(0.8)
        events.end_or_start()  # (for the Dates filter, while the other core may still lay out)
        watch.check()
        events.adopt_built_layout(layout.result())
    on_progress(1.0)
    return LoadResult(report, events, marks)


def _ahead_for_the_layout(columns: EventColumns) -> Future[LaneLayout]:
    """The columns' lane layout, built on two threads of its own: ``time_order_of`` the dates
    on one and the lane numbers on the other (numpy's sort and pyarrow's kernels let go of the
    GIL), then the layout. With the table's assembly that is three threads on two cores: the
    sort alone took as long as the assembly, and the lanes and the layout after it made the
    load wait (at 10M rows the layout alone is 0.25-0.7 s)."""
    pool = ThreadPoolExecutor(2, "layout-ahead")
    try:
        sorting = pool.submit(time_order_of, columns.start, columns.start_ns, columns.rows)
        cells = columns.text.get("lane")
        lanes = None if cells is None else pool.submit(lane_codes_of, cells)
        # (The columns' text goes to the table meanwhile; the layout reads their numbers.)
        return pool.submit(_laid_out, columns, sorting, lanes)
    finally:
        pool.shutdown(wait=False)  # the threads end with these three


def _laid_out(
    columns: EventColumns,
    sorting: Future[npt.NDArray[np.int64]],
    lanes: Future[tuple[npt.NDArray[np.integer], list[str]]] | None,
) -> LaneLayout:
    n, has_end = len(columns), columns.has_end
    # No lane column: every event is in the one lane "" (the table's empty lane cells).
    codes, names = lanes.result() if lanes is not None else (np.zeros(n, np.int8), [""][:n])
    return build_lane_layout(
        start=columns.start,
        start_ns=columns.start_ns,
        end_or_start=end_or_start_of(columns.start, columns.end, has_end),
        end_or_start_ns=end_or_start_of(columns.start_ns, columns.end_ns, has_end),
        precision=columns.precision,
        has_span=has_end,
        approximate=columns.approximate,
        time_order=sorting.result(),
        codes=narrow_codes(codes, len(names)),
        names=names,
    )


def load_files(
    paths: Iterable[str | Path],
    options: LoadOptions | None = None,
    text_roles: frozenset[str] = TEXT_ROLES,
) -> tuple[EventTable, list[LoadReport]]:
    """All files' events in one table (each event keeps its source and row) and a report each."""
    events, reports, _marks = load_annotated_files(paths, options, text_roles)
    return events, reports


def load_annotated_files(
    paths: Iterable[str | Path],
    options: LoadOptions | None = None,
    text_roles: frozenset[str] = TEXT_ROLES,
) -> tuple[EventTable, list[LoadReport], EventMarks]:
    """As :func:`load_files`, with the stars, tags and notes the files carry in columns."""
    results = [load_file(p, options, text_roles) for p in paths]
    reports = [r.report for r in results]
    marks = merged_marks([(r.marks, len(r.events)) for r in results])
    if len(results) == 1:  # concat would copy every column of the one table
        return results[0].events, reports, marks
    return EventTable.concat(r.events for r in results), reports, marks
