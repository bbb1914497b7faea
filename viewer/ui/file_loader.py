"""Loading files off the GUI thread: one load per file in flight; a cancelled or superseded
load's result is dropped, so the session keeps what it had."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from viewer.io.event_loading import LoadResult, load_file
from viewer.io.load_options import LoadOptions
from viewer.state.session import Source

SUPPORTED_SUFFIXES = {".csv", ".tsv", ".tab", ".txt", ".json", ".jsonl", ".ndjson", ".timeline"}


def expand_paths(paths: Iterable[str]) -> list[str]:
    """Files as given; folders replaced by the supported files inside them (sorted)."""
    out: list[str] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            out.extend(
                str(p)
                for p in sorted(path.rglob("*"))
                if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES
            )
        else:
            out.append(str(path))
    return out


class _Signals(QObject):
    done = Signal(str, int, object)  # path, ticket, LoadResult


class _LoadTask(QRunnable):
    def __init__(self, path: str, ticket: int, options: LoadOptions, signals: _Signals,
                 load: Callable[[str, LoadOptions], LoadResult]) -> None:  # fmt: skip
        super().__init__()
        self._path, self._ticket, self._options, self._signals, self._load = (
            path,
            ticket,
            options,
            signals,
            load,
        )

    def run(self) -> None:
        result = self._load(
            self._path, self._options
        )  # load_file never raises: errors are in the report
        self._signals.done.emit(self._path, self._ticket, result)


class FileLoader(QObject):
    """Emits ``started(path)``, ``loaded(Source)`` and ``failed(path, LoadReport)``;
    ``busy_changed(count)`` tells how many loads are in flight."""

    started = Signal(str)
    loaded = Signal(object)
    failed = Signal(str, object)
    busy_changed = Signal(int)

    def __init__(self, load: Callable[[str, LoadOptions], LoadResult] = load_file,
                 pool: QThreadPool | None = None) -> None:  # fmt: skip
        super().__init__()
        self._load = load
        self._pool = pool or QThreadPool.globalInstance()
        self._tickets = itertools.count(1)
        self._in_flight: dict[str, int] = {}  # path -> the ticket whose result is wanted
        # A child of the loader, so it is destroyed with the loader on the GUI thread. Unparented,
        # a task still being auto-deleted on a pool thread could drop the last reference and
        # destroy it there, racing the GUI thread (a segfault now and then; see FileLoader.wait).
        self._signals = _Signals(self)
        self._signals.done.connect(self._on_task_done)

    def load(self, paths: Iterable[str], options: LoadOptions | None = None) -> None:
        for path in expand_paths(paths):
            ticket = next(self._tickets)
            self._in_flight[path] = ticket  # a newer load of the same file supersedes the older
            self.started.emit(path)
            self._pool.start(
                _LoadTask(path, ticket, options or LoadOptions(), self._signals, self._load)
            )
        self.busy_changed.emit(len(self._in_flight))

    def load_now(self, path: str, options: LoadOptions | None = None) -> None:
        """The same, on this thread (start-up and tests that need no thread)."""
        ticket = next(self._tickets)
        self._in_flight[path] = ticket
        self._on_task_done(path, ticket, self._load(path, options or LoadOptions()))

    def cancel(self) -> None:
        """Drop every load in flight: their results will be ignored."""
        self._in_flight.clear()
        self.busy_changed.emit(0)

    def wait(self, msecs: int = 30_000) -> None:
        """Block until loads started here have finished (their results are dropped if cancelled).
        Call it before dropping the loader: a task must not outlive it."""
        self._pool.waitForDone(msecs)

    @property
    def busy(self) -> int:
        return len(self._in_flight)

    def _on_task_done(self, path: str, ticket: int, result: LoadResult) -> None:
        if self._in_flight.get(path) != ticket:
            return  # cancelled or superseded: keep what the session has
        del self._in_flight[path]
        if result.report.error:
            self.failed.emit(path, result.report)
        else:
            self.loaded.emit(Source(path, result.report, result.events))
        self.busy_changed.emit(len(self._in_flight))
