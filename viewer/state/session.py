"""The session every view shows: loaded sources merged into one table, filters, search and the
selected event. Views call its methods and listen to its signals; they never call each other."""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt
from PySide6.QtCore import QObject, Signal

from viewer.io.file_names import display_name
from viewer.io.load_report import LoadReport
from viewer.model.annotations import (
    Annotation,
    AnnotationStore,
    EventKey,
    EventMarks,
    Orphan,
    keys_of,
    seen_as,
)
from viewer.model.event_filter import filtered
from viewer.model.event_table import EventTable
from viewer.model.lane_colours import assign_lane_colours
from viewer.model.lane_order import in_lane_order
from viewer.model.messages import Message
from viewer.model.query_matching import reads_marks, search_matches
from viewer.model.search_query import Node, QueryError, parse_query

IndexArray = npt.NDArray[np.int64]


@dataclass
class Source:
    """One loaded file: how it was read and its events."""

    path: str
    report: LoadReport
    events: EventTable
    marks: EventMarks | None = None  # stars, tags and notes the file carries in its columns

    @property
    def name(self) -> str:
        return display_name(self.path)  # a name that is not UTF-8 shows U+FFFD, as in the events


class Session(QObject):
    sources_changed = Signal(bool)  # the merged table changed (indices are new); keep the view?
    filters_changed = Signal()  # lanes or date range: ``shown`` changed
    date_range_changed = Signal(object)  # (start, end) the user asked for, or None: views follow
    search_changed = Signal()  # ``matches`` or ``search_error`` changed
    selection_changed = Signal(object)  # event index or None
    lane_order_changed = Signal()  # the user moved a lane: ``lane_order``
    annotations_changed = Signal(object)  # the event indices whose marks changed, or None: all

    def __init__(self) -> None:
        super().__init__()
        self.sources: list[Source] = []
        self.events = EventTable.empty()
        self.hidden_lanes: set[str] = set()
        self.lane_colours: dict[str, int] = {}  # lane -> colour number, kept as files come and go
        self.lane_order: list[str] = []  # as the user arranged them; others follow, as they come
        self.date_range: tuple[float, float] | None = None
        self.search_text = ""  # as typed in the search box
        self.search_error: Message | None = None  # what is wrong with it, if it does not parse
        # The query the matches are for: the search text, or while that is wrong the last one
        # that was right (so the lists do not empty and refill at every key of a phrase).
        self.query_text = ""
        self.query: Node | None = None
        self.selected: int | None = None
        self.shown: IndexArray = np.empty(0, np.int64)
        self.shown_mask: npt.NDArray[np.bool_] | None = None  # ``shown`` as flags (None: all)
        self.matches: IndexArray = np.empty(0, np.int64)
        self._match_flags: tuple[IndexArray, npt.NDArray[np.bool_]] | None = None  # (for matches)
        self.annotations = AnnotationStore()
        # Stars, tags and notes of ``events`` by index (for views, and is:, tag:, note:). A new
        # object at each change: a search off the GUI thread reads the one it started with.
        self.marks = EventMarks.none(0)
        self.orphans: list[Orphan] = []  # annotations whose event is not loaded
        self._adopted: set[str] = set()  # files whose own marks were taken in (once each)

    # -- sources ----------------------------------------------------------------------------
    def add_source(
        self,
        source: Source,
        keep_only: Collection[str] | None = None,
        keep_view: bool = False,
        order: Sequence[str] = (),
    ) -> None:
        """Add a loaded file, or replace the one loaded from the same path (a reload); see
        ``Adding`` for the options."""
        self.apply(self.plan_adding(source, Adding(keep_only, keep_view, order)))

    def plan_adding(
        self, source: Source, how: Adding | None = None, after: SourcesChange | None = None
    ) -> SourcesChange:
        """What ``add_source`` would change, to be merged elsewhere (a big merge, off the GUI
        thread) and then ``apply``-ed; ``after``: a change planned before, not applied yet,
        that this one adds to (files that finished loading while a merge ran)."""
        how = how or Adding()
        current = self.sources if after is None else after.sources
        if how.keep_only is not None:
            staying = {Path(p) for p in how.keep_only}
            current = [s for s in current if Path(s.path) in staying]
        kept = [s for s in current if Path(s.path) != Path(source.path)]
        position = next(
            (i for i, s in enumerate(current) if Path(s.path) == Path(source.path)), len(kept)
        )
        renumber = None
        if len(kept) == len(current):  # a new file, not a reload
            position = _place_in_order(kept, source.path, how.order)
            if position < len(kept):  # it finished before a file named earlier did
                renumber = position
        kept.insert(position, source)
        keeps_selection = how.keep_only is None
        if after is None:
            return SourcesChange(self.sources, kept, keeps_selection, how.keep_view, renumber)
        renumbers = [r for r in (after.renumber_from, renumber) if r is not None]
        return SourcesChange(
            after.onto,
            kept,
            after.keeps_selection and keeps_selection,
            after.keep_view and how.keep_view,
            min(renumbers, default=None),
        )

    def apply(self, change: SourcesChange, merged: EventTable | None = None) -> bool:
        """Show the sources of ``change``, with their events ``merged`` beforehand (else
        merged here); refused (False) when the sources changed since it was planned."""
        if change.onto is not self.sources:
            return False
        key = self._selected_key() if change.keeps_selection else None
        self._set_sources(change.sources, key, change.keep_view, change.renumber_from, merged)
        return True

    def remove_source(self, path: str) -> None:
        key = self._selected_key()
        self._set_sources([s for s in self.sources if Path(s.path) != Path(path)], key)

    def replace_all(self, sources: list[Source]) -> None:
        self._set_sources(sources, None)

    def source_paths(self) -> list[str]:
        return [s.path for s in self.sources]

    def _set_sources(
        self,
        sources: list[Source],
        selected_key: tuple[str, int] | None,
        keep_view: bool = False,
        renumber_from: int | None = None,
        merged: EventTable | None = None,
    ) -> None:
        """``renumber_from``: a file was put before others; lanes first seen from there on take
        their colours afresh, so files named together get the same colours however their loads
        finish (as if they had loaded in the order named). ``merged``: the sources' events,
        merged already."""
        self.sources = sources
        self.events = merged if merged is not None else merge_sources(sources)
        previous = self.lane_colours
        if renumber_from is not None:
            before = {lane for s in sources[:renumber_from] for lane in s.events.lanes}
            previous = {lane: n for lane, n in previous.items() if lane in before}
        self.lane_colours = assign_lane_colours(self.events.lanes, previous)
        self.selected = self._find(selected_key)
        self._adopt_file_marks()
        self.marks, self.orphans = self.annotations.resolve(self.events, self._files())
        self._refilter(emit=False)  # searches again too
        self.sources_changed.emit(keep_view)
        self.annotations_changed.emit(None)
        self.selection_changed.emit(self.selected)

    def _selected_key(self) -> tuple[str, int] | None:
        return None if self.selected is None else self.events.source_row(self.selected)

    def _find(self, key: tuple[str, int] | None) -> int | None:
        """The event loaded from the same file and row, if it still exists (after a reload)."""
        return None if key is None else self.events.find(*key)

    # -- filters ----------------------------------------------------------------------------
    def lane_counts(self) -> list[tuple[str, int]]:
        """(lane, events) in the user's order, then the others in order of first appearance."""
        return in_lane_order(self.events.lane_counts(), self.lane_order, lambda lane: lane[0])

    def set_lane_order(self, names: list[str]) -> None:
        """Lanes shown in this order (lanes not named keep their place after the named ones)."""
        if names != self.lane_order:
            self.lane_order = list(names)
            self.lane_order_changed.emit()

    def set_lane_visible(self, lane: str, visible: bool) -> None:
        if visible == (lane not in self.hidden_lanes):
            return
        (self.hidden_lanes.discard if visible else self.hidden_lanes.add)(lane)
        self._refilter()

    def set_hidden_lanes(self, lanes: set[str]) -> None:
        self.hidden_lanes = set(lanes)
        self._refilter()

    def set_date_range(self, start: float | None, end: float | None) -> None:
        self.date_range = (
            None if start is None or end is None else (min(start, end), max(start, end))
        )
        self._refilter()
        self.date_range_changed.emit(self.date_range)

    def _refilter(self, emit: bool = True) -> None:
        self.shown, self.shown_mask = filtered(self.events, self.hidden_lanes, self.date_range)
        self._research(emit=False)
        if emit:
            self.filters_changed.emit()
            self.search_changed.emit()

    @property
    def listed(self) -> IndexArray:
        """The events the lists show: the search's matches while searching, else all shown."""
        return self.matches if self.searching else self.shown

    @property
    def searching(self) -> bool:
        return self.query is not None

    def listed_flags(self) -> npt.NDArray[np.bool_] | None:
        """``listed`` as a flag per event, when they are at hand (the filter's, or a search's
        made on its own thread); None otherwise (a view makes them if it needs them)."""
        if not self.searching:
            return self.shown_mask
        known = self._match_flags
        return known[1] if known is not None and known[0] is self.matches else None

    def match_position(self) -> int | None:
        """Where the selected event is among the matches (None if it is not one)."""
        if not self.searching or self.selected is None:
            return None
        hits = np.flatnonzero(self.matches == self.selected)
        return int(hits[0]) if len(hits) else None

    # -- search -----------------------------------------------------------------------------
    def set_search(self, text: str) -> None:
        """Search for the query ``text``; one that does not parse sets ``search_error`` and
        keeps the matches of the last one that did."""
        if text == self.search_text:
            return
        self.search_text = text
        try:
            query = parse_query(text)
        except QueryError as error:
            self.search_error = error.message
            self.search_changed.emit()
            return
        self.search_error = None
        same = query == self.query
        self.query_text, self.query = text, query
        if same:  # another spelling of the same query (a blank more): the same matches
            self.search_changed.emit()
        else:
            self._research()

    def set_search_result(
        self,
        text: str,
        matches: IndexArray,
        events: EventTable,
        shown: IndexArray,
        typed: str | None = None,
        flags: npt.NDArray[np.bool_] | None = None,
    ) -> bool:
        """Show matches found elsewhere (off the GUI thread) for the query ``text`` among
        ``shown`` of ``events``; refused (False) when those are no longer what the session
        shows. ``typed``: the search box's text, when the user has since typed a query that
        does not parse (its error is shown with these matches); ``flags``: the matches as a
        flag per event, made there too (``listed_flags``)."""
        if events is not self.events or shown is not self.shown or _error_of(text):
            return False
        self.query_text, self.query, self.matches = text, parse_query(text), matches
        if flags is not None and len(flags) == len(events):
            self._match_flags = (matches, flags)
        self.search_text = text if typed is None else typed
        self.search_error = _error_of(self.search_text)
        self.search_changed.emit()
        return True

    def set_marks(self, marks: EventMarks) -> None:
        """Stars, tags and notes changed: a query that reads them is searched again. Pass a new
        object for each change: a search off the GUI thread reads the one it started with, and
        its result is searched again when that is no longer the session's."""
        self.marks = marks
        if reads_marks(self.query):
            self._research()

    def _research(self, emit: bool = True) -> None:
        matches = search_matches(self.events, self.shown, self.query_text, marks=self.marks)
        assert matches is not None  # never cancelled
        self.matches = matches
        if emit:
            self.search_changed.emit()

    # -- annotations ------------------------------------------------------------------------
    def set_starred(self, indices: Sequence[int], starred: bool) -> None:
        self._annotate(
            indices, lambda keys, seen: self.annotations.set_starred(keys, starred, seen)
        )

    def add_tag(self, indices: Sequence[int], tag: str) -> None:
        self._annotate(indices, lambda keys, seen: self.annotations.add_tag(keys, tag, seen))

    def remove_tag(self, indices: Sequence[int], tag: str) -> None:
        self._annotate(indices, lambda keys, seen: self.annotations.remove_tag(keys, tag, seen))

    def set_note(self, indices: Sequence[int], note: str) -> None:
        self._annotate(indices, lambda keys, seen: self.annotations.set_note(keys, note, seen))

    def set_annotations(self, store: AnnotationStore) -> None:
        """Put in place all annotations at once (a project was opened)."""
        self.annotations = store
        marks, self.orphans = store.resolve(self.events, self._files())
        self.set_marks(marks)  # searches again only a query that reads stars, tags or notes
        self.annotations_changed.emit(None)

    def forget_orphans(self) -> None:
        self.annotations.forget(o.key for o in self.orphans)
        self.orphans = []
        self.annotations_changed.emit(None)

    def _annotate(
        self, indices: Sequence[int], change: Callable[[list[EventKey], list[Annotation]], None]
    ) -> None:
        wanted = sorted({int(i) for i in indices if 0 <= int(i) < len(self.events)})
        if not wanted:
            return
        known = self.marks.keys
        missing = [i for i in wanted if i not in known]
        keys = {
            **keys_of(self.events, missing, self._files()),
            **{i: known[i] for i in wanted if i in known},
        }
        change([keys[i] for i in wanted], seen_as(self.events, wanted))
        self.set_marks(self._remarked(wanted, keys))  # searches again if the query reads them
        self.annotations_changed.emit(np.array(wanted, dtype=np.int64))

    def _adopt_file_marks(self) -> None:
        """A file carrying stars, tags and notes in its columns (our export, opened again) hands
        them over the first time it loads; after that the user's own changes win, and an event
        already annotated keeps what the user said."""
        offset, files, store = 0, self._files(), self.annotations
        for source in self.sources:
            marks = source.marks
            if marks is not None and source.path not in self._adopted:
                self._adopted.add(source.path)
                local = sorted({*np.flatnonzero(marks.starred).tolist(), *marks.tags, *marks.notes})
                indices = [offset + i for i in local]
                keys = keys_of(self.events, indices, files)
                for i, index, seen in zip(
                    local, indices, seen_as(self.events, indices), strict=True
                ):
                    key = keys[index]
                    if not store.get(key).empty:
                        continue
                    store.set_starred([key], bool(marks.starred[i]), [seen])
                    for tag in marks.tags.get(i, ()):
                        store.add_tag([key], tag, [seen])
                    store.set_note([key], marks.notes.get(i, ""), [seen])
            offset += len(source.events)

    def _files(self) -> list[tuple[str, int]]:
        """Annotations name an event's file by its path (two files may share a name)."""
        return [(s.path, len(s.events)) for s in self.sources]

    def _remarked(self, indices: list[int], keys: dict[int, EventKey]) -> EventMarks:
        """``marks`` with the changed events' marks updated: one frame's work, not a table's
        (a copy of the flags and the annotated events, not a resolve)."""
        marks = self.marks.copy()
        for index in indices:
            annotation = self.annotations.get(keys[index])
            marks.starred[index] = annotation.starred
            if annotation.tags:
                marks.tags[index] = annotation.tags
            else:
                marks.tags.pop(index, None)
            if annotation.note:
                marks.notes[index] = annotation.note
            else:
                marks.notes.pop(index, None)
            if annotation.empty:
                marks.keys.pop(index, None)
            else:
                marks.keys[index] = keys[index]
        return marks

    # -- selection --------------------------------------------------------------------------
    def select(self, index: int | None) -> None:
        if index == self.selected:
            return
        self.selected = index
        self.selection_changed.emit(index)

    def step_match(self, step: int) -> int | None:
        """Select the next (+1) or previous (-1) search match; returns its position."""
        if len(self.matches) == 0:
            return None
        current = self.match_position()
        if current is None:
            position = 0 if step > 0 else len(self.matches) - 1
        else:
            position = (current + step) % len(self.matches)
        self.select(int(self.matches[position]))
        return position


def merge_sources(sources: Sequence[Source]) -> EventTable:
    """The events of all ``sources`` as one table (on any thread: the sources are read-only)."""
    return EventTable.concat(s.events for s in sources)


@dataclass(frozen=True)
class Adding:
    """How a loaded file joins the others. ``keep_only``: the files that stay (the others are
    dropped: a load that replaces); ``keep_view``: the views keep their visible range (a
    reload); ``order``: the files as the user named them, which a new file keeps among them
    whichever finished loading first."""

    keep_only: Collection[str] | None = None
    keep_view: bool = False
    order: Sequence[str] = ()


@dataclass(frozen=True, eq=False)
class SourcesChange:
    """Sources to show in place of ``onto`` (the session's list when it was planned)."""

    onto: list[Source]
    sources: list[Source]
    keeps_selection: bool  # the selected event stays selected, if it is still there
    keep_view: bool = False
    renumber_from: int | None = None


def _place_in_order(sources: list[Source], path: str, order: Sequence[str]) -> int:
    """Where ``path`` goes: before the first source that ``order`` names after it (or last)."""
    rank = {Path(p): i for i, p in enumerate(order)}
    mine = rank.get(Path(path))
    if mine is None:
        return len(sources)
    later = (i for i, s in enumerate(sources) if rank.get(Path(s.path), -1) > mine)
    return next(later, len(sources))


def _error_of(text: str) -> Message | None:
    try:
        parse_query(text)
    except QueryError as error:
        return error.message
    return None
