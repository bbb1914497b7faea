"""Searching a large table off the GUI thread while the user types: every key reaches the field
at once, and the matches for the latest query follow. One search runs at a time. A key that
narrows its query (typing on a word: ``cour`` → ``court``; see ``query_narrowing``) hands it the
new text for the chunks still to read; any other key stops it at its next chunk, and the newest
text is searched next. A query that narrows one found before is looked for among that one's
matches only (so a search that changed text on the way ends with a short pass over its own
matches). A text that does not parse is shown with its error at once and searches nothing: the
search in flight goes on, and its matches are shown with the error. A result is shown if the
session still shows the same events. Its hand-over to the views is made light on the search's
thread too: the matches as a flag per event (the timeline's highlight), and in the order of
each view that asked (``prepare_for_views``: the Events table's sort); at 10M events out of
time order those took the GUI thread 100-200 ms."""

from __future__ import annotations

import itertools
import threading
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from viewer.model.event_filter import as_flags
from viewer.model.event_table import EventTable
from viewer.model.query_matching import EventMarks, search_matches
from viewer.model.query_narrowing import text_narrows
from viewer.model.search_query import QueryError, parse_query
from viewer.state.session import IndexArray, Session
from viewer.ui.word_indexing import WordIndexer

BACKGROUND_FROM = 200_000  # events: smaller tables are searched at once (≤ ~40 ms), and
# have no word index

BoolArray = npt.NDArray[np.bool_]
# Asked on the GUI thread when a search starts; what it returns (if anything) is called on the
# search's thread with the final matches and their flags, to put them in a view's order.
ViewPreparer = Callable[[], Callable[[IndexArray, BoolArray], None] | None]


@dataclass(eq=False)
class _Search:
    """One search: what it looks for, in which table, among which events (the request). Only
    ``latest`` changes once it runs (set on the GUI thread, read between chunks)."""

    ticket: int
    text: str
    events: EventTable
    shown: IndexArray  # the session's shown events when it started
    among: IndexArray  # where it looks: ``shown``, or the earlier matches it narrows
    marks: EventMarks | None  # the session's stars, tags and notes when it started
    known: str = ""  # a query every event of ``among`` matches (the one it narrows)
    cancelled: threading.Event = field(default_factory=threading.Event)  # a newer key came
    latest: str = ""  # the text to read the next chunk for: ``text`` or a longer one
    # (first event, text) of each chunk read, in order (appended on the worker, read after)
    chunks: list[tuple[int, str]] = field(default_factory=list)
    # Matches already final, all after ``among``'s events: the part of an earlier search that
    # was read for the final text (this one re-reads only the part read for shorter ones).
    carry: IndexArray = field(default_factory=lambda: np.empty(0, np.int64))
    # The views' preparations for the matches (run on the worker when they will be shown).
    prepare: list[Callable[[IndexArray, BoolArray], None]] = field(default_factory=list)

    def text_now(self) -> str:
        """Called on the worker before each chunk."""
        return self.latest or self.text

    def chunk_read(self, first: int, text: str) -> None:
        self.chunks.append((first, text))

    @property
    def used(self) -> set[str]:
        """The texts chunks were read for."""
        return {text for _first, text in self.chunks}

    def read_for_final_from(self) -> int | None:
        """The first event from which every chunk was read for the final text (None: none)."""
        final, first = self.latest or self.text, None
        for start, text in reversed(self.chunks):
            if text != final:
                break
            first = start
        return first


@dataclass(frozen=True, eq=False)
class _Found:
    matches: IndexArray  # every match, ascending (``carry`` joined)
    flags: BoolArray | None  # as a flag per event, when made (a result to be shown)


class _Signals(QObject):
    done = Signal(object, object)  # _Search, _Found (None: cancelled)


class _SearchTask(QRunnable):
    def __init__(self, search: _Search, signals: _Signals) -> None:
        super().__init__()
        self._search, self._signals = search, signals

    def run(self) -> None:
        s = self._search
        try:
            matches = search_matches(
                s.events,
                s.among,
                s.text,
                s.cancelled.is_set,
                s.text_now,
                s.marks,
                s.known,
                s.chunk_read,
            )
            found = None if matches is None else _ready_for_views(s, matches)
        except Exception:
            self._signals.done.emit(s, None)  # the runner must not wait for it forever
            raise  # to the excepthook, which reports it
        self._signals.done.emit(s, found)  # None when cancelled: the runner starts the next


def _ready_for_views(s: _Search, found: IndexArray) -> _Found:
    matches = np.asarray(found, dtype=np.int64)
    carry = s.carry  # the part an earlier search read for this text already
    if len(carry):
        # Both ascending and ``carry`` all after ``among``'s events: joined as they are (a sort
        # of millions, as ``union1d`` does, took ~1 s at 10M).
        if len(matches) and matches[-1] >= carry[0]:
            matches = np.union1d(matches, carry)  # not expected; kept right regardless
        else:
            matches = np.concatenate([matches, carry])
    if s.cancelled.is_set() or s.used - {s.latest or s.text}:
        return _Found(matches, None)  # not shown as it is: the views would not get it
    flags = as_flags(matches, len(s.events))
    flags.setflags(write=False)  # shared by the views
    for prepare in s.prepare:
        prepare(matches, flags)
    return _Found(matches, flags)


class SearchRunner(QObject):
    """``search(text)`` replaces ``Session.set_search`` for typing."""

    def __init__(
        self, session: Session, parent: QObject | None = None, pool: QThreadPool | None = None
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._latest = ""  # the query text last asked for: only its result is shown
        self._typed = ""  # the search box's text: ``_latest``, or after it one that is wrong
        # Its own thread: a search never waits behind file loads in the global pool. A child,
        # so it is destroyed (after its search ends) with the runner, on the GUI thread.
        self._pool = pool or QThreadPool(self, maxThreadCount=1)
        self._tickets = itertools.count(1)
        self._running: _Search | None = None
        self._wanted: str | None = None  # typed while a search ran
        # The last result found, with the text it holds every match of (it may hold more).
        self._last: tuple[str, _Search, IndexArray] | None = None
        # A search to finish: (its matches read for older texts, those read for the final one).
        self._refine: tuple[IndexArray, IndexArray] | None = None
        self._signals = _Signals(self)  # a child: destroyed on the GUI thread
        self._signals.done.connect(self._on_task_done)
        self.indexer = WordIndexer(self)  # a big table's words, so its searches read few texts
        self._preparers: list[ViewPreparer] = []
        session.sources_changed.connect(self._on_session_sources_changed)
        self._on_session_sources_changed()

    def search(self, text: str) -> None:
        s = self._session
        self._typed = text
        try:
            query = parse_query(text)
        except QueryError:
            s.set_search(text)  # its error at once; the matches of the last query stay
            return
        self._latest = text
        if len(s.events) < BACKGROUND_FROM or query is None:
            self._wanted = None  # what was asked before is stale now
            if self._running is not None:
                self._running.cancelled.set()
            s.set_search(text)
            return
        running = self._running
        if query == s.query:  # the query shown (a blank more, or retyped after an error)
            self._wanted = None
            if running is not None:
                running.cancelled.set()
            s.set_search_result(text, s.matches, s.events, s.shown)
            return
        if running is None:
            self._wanted = text
            self._start()
        elif (
            not running.cancelled.is_set()  # a stopped search reads nothing more
            and text_narrows(text, running.latest or running.text)
            and running.shown is s.shown
            and running.marks is s.marks
        ):
            running.latest = text  # typing on: the search in flight reads on for the longer text
            self._wanted = None
        else:
            self._wanted = text
            running.cancelled.set()  # its result would be dropped: stop it soon

    def prepare_for_views(self, preparer: ViewPreparer) -> None:
        """Have a view put a big search's matches in its order on the search's thread."""
        self._preparers.append(preparer)

    def wait(self, msecs: int = 30_000) -> None:
        """Block until a search in flight has ended (before the runner is dropped)."""
        self._pool.waitForDone(msecs)

    def stop(self) -> None:
        """Stop the background work before the app quits (a search ends at its next chunk)."""
        self._wanted = None
        if self._running is not None:
            self._running.cancelled.set()
        self.indexer.stop()
        self.wait()

    def _on_session_sources_changed(self, *_args: object) -> None:
        events = self._session.events
        self.indexer.index(events if len(events) >= BACKGROUND_FROM else None)

    def _start(self) -> None:
        text, self._wanted = self._wanted or "", None
        s = self._session
        among, known, carry = s.shown, "", np.empty(0, np.int64)
        refine, self._refine = self._refine, None
        if refine is not None and self._last is not None and self._last[0] == text:
            among, carry = refine  # only the part read for shorter texts is read again
            known = self._last[1].text
        elif self._last is not None:
            key, last, matches = self._last
            narrower = text_narrows(text, key)
            same = last.events is s.events and last.shown is s.shown and last.marks is s.marks
            if narrower and same:
                # Every match of ``text`` is among them, and each of them matches the text that
                # search began with (it was handed only texts that narrow it).
                among, known = matches, last.text
        prepare = [p for p in (make() for make in self._preparers) if p is not None]
        self._running = _Search(
            next(self._tickets), text, s.events, s.shown, among, s.marks, known, carry=carry,
            prepare=prepare,
        )  # fmt: skip
        self._pool.start(_SearchTask(self._running, self._signals))

    def _on_task_done(self, search: _Search, found: _Found | None) -> None:
        self._running = None
        s = self._session
        if found is None:  # stopped for a newer text
            if self._wanted is not None:
                self._start()
            return
        final = search.latest or search.text
        matches = found.matches
        current = search.events is s.events and search.shown is s.shown and search.marks is s.marks
        if current:
            self._last = (final, search, matches)  # every match of any query narrowing ``final``
        if final != self._latest:
            pass  # typed on meanwhile: the newer text is searched next (or was, at once)
        elif search.used - {final}:
            self._wanted = final  # chunks read for shorter texts: narrow to the final one
            boundary = search.read_for_final_from()
            if current and boundary is not None and not len(search.carry):
                # Chunks go up through the events: those read for the final text are done.
                self._refine = (matches[matches < boundary], matches[matches >= boundary])
        elif not current or not s.set_search_result(
            final, matches, search.events, search.shown, typed=self._typed, flags=found.flags
        ):
            self._wanted = final  # the events or the marks changed meanwhile: search again
        if self._wanted is not None:
            self._start()
