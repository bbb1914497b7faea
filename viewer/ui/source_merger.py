"""Adding loaded files to the session without freezing the window: a big merge (a file added to
others, hundreds of thousands of events in all) is made on a thread of its own, with what the
views then ask of the merged table (time order, lane layout), and the session takes it whole.
At 2×1M events that work held the GUI thread 0.85 s. Files that come while a merge runs wait,
and are merged together in the next one. A merge planned on sources that changed meanwhile (a
file removed, or replaced) is planned again on the session's current sources."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from viewer.model.event_table import EventTable
from viewer.state.session import Adding, Session, Source, SourcesChange, merge_sources

MERGE_IN_BACKGROUND_FROM = 300_000  # events in all: a smaller merge is done at once (< 0.1 s)


@dataclass(frozen=True)
class _Arrival:
    source: Source
    how: Adding


class _Signals(QObject):
    done = Signal(object, object)  # SourcesChange, merged EventTable (None: it failed)


class _MergeTask(QRunnable):
    def __init__(self, change: SourcesChange, signals: _Signals) -> None:
        super().__init__()
        self._change, self._signals = change, signals

    def run(self) -> None:
        try:
            merged = merged_for_views(self._change.sources)
        except Exception:
            self._signals.done.emit(self._change, None)  # merged on the GUI thread instead
            raise  # to the excepthook, which reports it
        self._signals.done.emit(self._change, merged)


def merged_for_views(sources: Sequence[Source]) -> EventTable:
    """The sources' events as one table, with what the window's views read of it first."""
    merged = merge_sources(sources)
    merged.order.work_out_for_views()
    merged.lane_layout()  # the timeline's (with the time order it is built on)
    merged.time_bounds()
    return merged


class SourceMerger(QObject):
    """``add`` in place of ``Session.add_source`` for files as they finish loading."""

    merging_changed = Signal(bool)  # a merge runs in the background (True), or none (False)
    added = Signal(object)  # the sources the session now shows, as added (a list of Source)

    def __init__(
        self, session: Session, parent: QObject | None = None, pool: QThreadPool | None = None
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._pool = pool or QThreadPool(self, maxThreadCount=1)
        self._waiting: list[_Arrival] = []
        self._running: tuple[SourcesChange, list[_Arrival]] | None = None
        self._signals = _Signals(self)  # a child: destroyed on the GUI thread
        self._signals.done.connect(self._on_task_done)

    @property
    def merging(self) -> bool:
        return self._running is not None

    def add(self, source: Source, how: Adding | None = None) -> None:
        self._waiting.append(_Arrival(source, how or Adding()))
        if self._running is None:
            self._start()

    def wait(self, msecs: int = 60_000) -> None:
        """Block until a merge in flight has ended (before the app quits)."""
        self._pool.waitForDone(msecs)

    def _start(self) -> None:
        arrivals, self._waiting = self._waiting, []
        change: SourcesChange | None = None
        for a in arrivals:
            change = self._session.plan_adding(a.source, a.how, change)
        if change is None:
            return
        if len(change.sources) < 2 or sum(len(s.events) for s in change.sources) < (
            MERGE_IN_BACKGROUND_FROM
        ):
            self._session.apply(change)  # small, or one file (no merge at all)
            self.added.emit([a.source for a in arrivals])
            return
        self._running = (change, arrivals)
        self.merging_changed.emit(True)
        self._pool.start(_MergeTask(change, self._signals))

    def _on_task_done(self, change: SourcesChange, merged: EventTable | None) -> None:
        assert self._running is not None  # one merge at a time: this one
        arrivals = self._running[1]
        self._running = None
        if self._session.apply(change, merged):  # (None: merged here, as before)
            self.added.emit([a.source for a in arrivals])
        else:
            self._waiting[:0] = arrivals  # the sources changed meanwhile: planned again
        if self._waiting:
            self._start()
        if self._running is None:
            self.merging_changed.emit(False)
