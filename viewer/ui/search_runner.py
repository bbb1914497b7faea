"""Searching a large table off the GUI thread while the user types: every key reaches the field
at once, and the matches for the latest text follow. One search runs at a time; a new key stops
it at its next chunk (its result would be dropped), and the newest text is searched next. A
result is shown if the session still shows the same events. A text that extends the last one
found is looked for among that one's matches only."""

from __future__ import annotations

import itertools
import threading
from dataclasses import dataclass, field

import numpy as np
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from viewer.model.event_table import EventTable
from viewer.state.session import IndexArray, Session, search_matches

BACKGROUND_FROM = 200_000  # events: smaller tables are searched at once (≤ ~40 ms)


@dataclass(frozen=True)
class _Search:
    """One search: what it looks for, in which table, among which events (the request)."""

    ticket: int
    text: str
    events: EventTable
    shown: IndexArray  # the session's shown events when it started
    among: IndexArray  # where it looks: ``shown``, or the earlier matches it narrows
    cancelled: threading.Event = field(default_factory=threading.Event)  # a newer key came


class _Signals(QObject):
    done = Signal(object, object)  # _Search, matches


class _SearchTask(QRunnable):
    def __init__(self, search: _Search, signals: _Signals) -> None:
        super().__init__()
        self._search, self._signals = search, signals

    def run(self) -> None:
        s = self._search
        try:
            matches = search_matches(s.events, s.among, s.text, s.cancelled.is_set)
        except Exception:
            self._signals.done.emit(s, None)  # the runner must not wait for it forever
            raise  # to the excepthook, which reports it
        self._signals.done.emit(s, matches)  # None when cancelled: the runner starts the next


class SearchRunner(QObject):
    """``search(text)`` replaces ``Session.set_search`` for typing."""

    def __init__(
        self, session: Session, parent: QObject | None = None, pool: QThreadPool | None = None
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._latest = ""  # the text last asked for: only its result is shown
        self._pool = pool or QThreadPool.globalInstance()
        self._tickets = itertools.count(1)
        self._running: _Search | None = None
        self._wanted: str | None = None  # typed while a search ran
        self._last: tuple[_Search, IndexArray] | None = None  # the last result found
        self._signals = _Signals(self)  # a child: destroyed on the GUI thread
        self._signals.done.connect(self._on_task_done)

    def search(self, text: str) -> None:
        s = self._session
        self._latest = text
        if len(s.events) < BACKGROUND_FROM or not text.strip():
            self._wanted = None  # what was asked before is stale now
            if self._running is not None:
                self._running.cancelled.set()
            s.set_search(text)
            return
        self._wanted = text
        if self._running is None:
            self._start()
        else:
            self._running.cancelled.set()  # its result would be dropped: stop it soon

    def wait(self, msecs: int = 30_000) -> None:
        """Block until a search in flight has ended (before the runner is dropped)."""
        self._pool.waitForDone(msecs)

    def _start(self) -> None:
        text, self._wanted = self._wanted or "", None
        s = self._session
        among = s.shown
        if self._last is not None:
            last, matches = self._last
            narrower = last.text.strip() in text.strip()
            if narrower and last.events is s.events and last.shown is s.shown:
                among = matches
        self._running = _Search(next(self._tickets), text, s.events, s.shown, among)
        self._pool.start(_SearchTask(self._running, self._signals))

    def _on_task_done(self, search: _Search, found: IndexArray | None) -> None:
        self._running = None
        s = self._session
        if found is None:  # stopped for a newer text
            if self._wanted is not None:
                self._start()
            return
        matches = np.asarray(found, dtype=np.int64)
        if search.events is s.events and search.shown is s.shown:
            self._last = (search, matches)  # the next, longer text narrows these, shown or not
        if search.text != self._latest:
            pass  # typed on meanwhile: the newer text is searched next (or was, at once)
        elif not s.set_search_result(search.text, matches, search.events, search.shown):
            self._wanted = search.text  # the events changed meanwhile: search them again
        if self._wanted is not None:
            self._start()
