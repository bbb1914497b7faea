"""Loading files off the GUI thread: one load per file in flight; a cancelled or superseded
load's result is dropped, so the session keeps what it had. What the user asked of a load
(replace what is shown, keep the view) is its ``LoadRequest``: it travels with the load and
comes back with its result, so no later or earlier load can take it."""

from __future__ import annotations

import functools
import itertools
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from viewer.io.cache.event_cache import EventCache
from viewer.io.formats import expand_paths
from viewer.io.load_options import LoadOptions
from viewer.io.load_report import LoadReport
from viewer.io.load_watch import LoadCancelled, Progress
from viewer.io.loading import LoadResult, load_file, through_cache
from viewer.io.mapping.column_mapping import TEXT_ROLES
from viewer.io.pipeline import unexpected_error
from viewer.model.event_table import EventTable
from viewer.state.session import Source

if TYPE_CHECKING:
    from viewer.head_start import HeadStart, HeadStarts

Load = Callable[[str, LoadOptions], LoadResult]
# A load told, between its steps and blocks, whether it was cancelled, and telling how far it
# is (the real one does both).
CancellableLoad = Callable[[str, LoadOptions, Callable[[], bool], Progress], LoadResult]
_PROGRESS_STEP = 0.01  # smaller moves are not sent to the GUI thread


def _load_file(
    path: str, options: LoadOptions, is_cancelled: Callable[[], bool], on_progress: Progress
) -> LoadResult:
    return _for_the_views(
        load_file(path, options, is_cancelled=is_cancelled, on_progress=on_progress, lay_out=True)
    )


def _load_file_cached(
    cache: EventCache,
    path: str,
    options: LoadOptions,
    is_cancelled: Callable[[], bool],
    on_progress: Progress,
    before_reading: Callable[[Callable[[], bool]], None] | None = None,
) -> LoadResult:
    """``_load_file`` (looked up now: tests replace it) when the cache has no entry; then
    ``before_reading(is_cancelled)`` is called first (it may wait)."""

    def read() -> LoadResult:
        if before_reading is not None:
            before_reading(is_cancelled)
        return _load_file(path, options, is_cancelled, on_progress)

    return _for_the_views(through_cache(cache, path, options, TEXT_ROLES, read))


def cached_load(
    cache: EventCache, before_reading: Callable[[Callable[[], bool]], None] | None = None
) -> CancellableLoad:
    """The app's load of a file: through ``cache``, laid out for the timeline; a file that
    must be read calls ``before_reading(is_cancelled)`` first."""
    return functools.partial(_load_file_cached, cache, before_reading=before_reading)


def _for_the_views(result: LoadResult) -> LoadResult:
    result.events.order.work_out_for_views()  # here, on the loading thread, not the GUI thread
    return result


@dataclass(frozen=True)
class LoadRequest:
    """One user action's files and what it wants of them."""

    paths: tuple[str, ...] = ()
    replace: bool = False  # these files replace everything loaded (Ctrl while dropping)
    keep_view: bool = False  # a reload: the visible range stays


class _Signals(QObject):
    done = Signal(str, int, object, object)  # path, ticket, LoadResult, LoadRequest
    progressed = Signal(int, float)  # ticket, fraction done


class _LoadTask(QRunnable):
    """One file's load. ``cancelled`` is set by the GUI thread (Cancel, shutdown, a newer load
    of the same file); the load stops at its next step and nothing is emitted."""

    def __init__(self, path: str, ticket: int, request: LoadRequest, options: LoadOptions,
                 signals: _Signals, load: CancellableLoad, cancelled: threading.Event) -> None:  # fmt: skip
        super().__init__()
        self._path, self._ticket, self._request, self._options = path, ticket, request, options
        self._signals, self._load, self.cancelled = signals, load, cancelled
        self._told = 0.0  # the fraction last sent

    def run(self) -> None:
        if self.cancelled.is_set():
            return  # cancelled before a pool thread took it
        load, is_cancelled = self._load, self.cancelled.is_set
        try:
            result = safe_load(
                lambda p, o: load(p, o, is_cancelled, self._on_progress), self._path, self._options
            )
        except LoadCancelled:
            return
        if not is_cancelled():
            self._signals.done.emit(self._path, self._ticket, result, self._request)
            result.events.order.work_out_ranks()  # while the window takes the events

    def _on_progress(self, fraction: float) -> None:
        if fraction - self._told >= _PROGRESS_STEP and not self.cancelled.is_set():
            self._told = fraction
            self._signals.progressed.emit(self._ticket, fraction)


def _taken_over(head: HeadStart) -> CancellableLoad:
    return lambda _path, _options, _is_cancelled, on_progress: head.take_over(on_progress)


def safe_load(load: Load, path: str, options: LoadOptions) -> LoadResult:
    """Whatever the load does, it ends with a result: a raise becomes the file's error."""
    try:
        return load(path, options)
    except LoadCancelled:
        raise
    except Exception as error:  # a bug must not leave the file "loading" forever
        report = LoadReport(path=path, error=unexpected_error(Path(path), error))
        return LoadResult(report, EventTable.empty())


class FileLoader(QObject):
    """Emits ``loaded(Source, LoadRequest)`` and ``failed(path, LoadReport, LoadRequest)``;
    ``busy_changed(count)`` tells how many loads are in flight, ``progressed(fraction)`` how far
    they are together (0 to 1); ``cancelled()`` that the user stopped loads that were in flight."""

    started = Signal(str)
    loaded = Signal(object, object)
    failed = Signal(str, object, object)
    busy_changed = Signal(int)
    progressed = Signal(float)
    cancelled = Signal()

    def __init__(
        self,
        load: Load | None = None,
        pool: QThreadPool | None = None,
        options_for: Callable[[str], LoadOptions] = lambda _path: LoadOptions(),
        cache: EventCache | None = None,
        head_starts: HeadStarts | None = None,
    ) -> None:
        """``load`` replaces the real load (tests); only the real one can stop midway, and
        only the real one uses the ``cache`` of files read before. ``head_starts``: loads of
        the command line's files, begun before the window, that ``load`` takes over."""
        super().__init__()
        self._load: CancellableLoad = (
            (_load_file if cache is None else cached_load(cache))
            if load is None
            else lambda path, options, *_watch: load(path, options)
        )
        self._head_starts = head_starts  # files whose loads began before the window
        self._options_for = options_for  # what the user chose for a file before
        self._pool = pool or QThreadPool.globalInstance()
        self._tickets = itertools.count(1)
        self._in_flight: dict[str, int] = {}  # path -> the ticket whose result is wanted
        # ticket -> its task's cancel flag (not the task: the pool deletes that on its thread)
        self._cancel_flags: dict[int, threading.Event] = {}
        self._progress: dict[int, float] = {}  # ticket in flight -> its fraction done
        # A child of the loader, so it is destroyed with the loader on the GUI thread. Unparented,
        # a task still being auto-deleted on a pool thread could drop the last reference and
        # destroy it there, racing the GUI thread (a segfault now and then; see FileLoader.wait).
        self._signals = _Signals(self)
        self._signals.done.connect(self._on_task_done)
        self._signals.progressed.connect(self._on_task_progressed)

    def load(self, paths: Iterable[str], request: LoadRequest | None = None) -> None:
        """Load ``paths`` (folders give their readable files) on worker threads."""
        files = expand_paths(paths)
        request = request or LoadRequest()
        request = LoadRequest(tuple(files), request.replace, request.keep_view)
        if request.replace:
            self._stop_all()  # what was loading would come back after the replacement
        for path in files:
            ticket = next(self._tickets)
            superseded = self._in_flight.get(path)
            if superseded is not None:
                self._stop(superseded)  # a newer load of the same file supersedes the older
            self._in_flight[path] = ticket
            self._progress[ticket] = 0.0
            self.started.emit(path)
            options = self._options_for(path)
            load, flag = self._load, threading.Event()
            head = self._head_starts.claim(path, options) if self._head_starts else None
            if head is not None:  # begun before the window: its result, its Cancel
                load, flag = _taken_over(head), head.cancelled
            self._cancel_flags[ticket] = flag
            self._pool.start(_LoadTask(path, ticket, request, options, self._signals, load, flag))
        self.busy_changed.emit(len(self._in_flight))

    def load_now(self, path: str, request: LoadRequest | None = None) -> None:
        """The same, on this thread (start-up and tests that need no thread)."""
        request = request or LoadRequest((path,))
        ticket = next(self._tickets)
        self._in_flight[path] = ticket
        load = self._load
        result = safe_load(
            lambda p, o: load(p, o, lambda: False, lambda _f: None), path, self._options_for(path)
        )
        self._on_task_done(path, ticket, result, request)

    def cancel(self) -> None:
        """Stop every load in flight: each stops at its next step, and any result is ignored."""
        stopped = bool(self._in_flight)
        self._stop_all()
        self.busy_changed.emit(0)
        if stopped:
            self.cancelled.emit()

    def wait(self, msecs: int = 30_000) -> None:
        """Block until loads started here have finished (their results are dropped if cancelled).
        Call it before dropping the loader: a task must not outlive it. Cancel first, and the
        wait is for the step each load is in, not for the whole load."""
        self._pool.waitForDone(msecs)

    def _stop(self, ticket: int) -> None:
        self._progress.pop(ticket, None)
        flag = self._cancel_flags.pop(ticket, None)
        if flag is not None:
            flag.set()

    def _stop_all(self) -> None:
        for ticket in list(self._cancel_flags):
            self._stop(ticket)
        self._in_flight.clear()

    @property
    def busy(self) -> int:
        return len(self._in_flight)

    def _on_task_progressed(self, ticket: int, fraction: float) -> None:
        if ticket in self._progress:  # not cancelled nor superseded meanwhile
            self._progress[ticket] = fraction
            self.progressed.emit(sum(self._progress.values()) / len(self._progress))

    def _on_task_done(
        self, path: str, ticket: int, result: LoadResult, request: LoadRequest
    ) -> None:
        self._cancel_flags.pop(ticket, None)
        self._progress.pop(ticket, None)
        if self._in_flight.get(path) != ticket:
            return  # cancelled or superseded: keep what the session has
        del self._in_flight[path]
        if result.report.error:
            self.failed.emit(path, result.report, request)
        else:
            self.loaded.emit(Source(path, result.report, result.events, result.marks), request)
        self.busy_changed.emit(len(self._in_flight))
