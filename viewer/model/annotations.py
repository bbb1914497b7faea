"""Stars, tags and notes on events, kept by each event's identity (its file and its content) so
they follow the event across reloads: a row inserted above it does not hand its tag to a
neighbour. An annotation whose event is gone is kept (and listed), never dropped silently."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np
import numpy.typing as npt

from viewer.model.event_table import EventTable

BoolArray = npt.NDArray[np.bool_]
IndexArray = npt.NDArray[np.int64]


@dataclass(frozen=True)
class EventKey:
    """Which event: its file, its start and a digest of the rest of its content. ``occurrence``
    tells apart identical events of one file (0 for the first in row order)."""

    source: str
    start: int
    digest: str
    occurrence: int = 0


@dataclass(frozen=True)
class Annotation:
    """What the user said about one event, and how the event read then (to name it if it goes)."""

    starred: bool = False
    tags: tuple[str, ...] = ()
    note: str = ""
    title: str = ""
    date_text: str = ""
    row: int = 0

    @property
    def empty(self) -> bool:
        return not (self.starred or self.tags or self.note)


@dataclass
class EventMarks:
    """The annotations of one event table, by event index (what views and the search read)."""

    starred: BoolArray
    tags: dict[int, tuple[str, ...]] = field(default_factory=dict)
    notes: dict[int, str] = field(default_factory=dict)
    keys: dict[int, EventKey] = field(default_factory=dict)

    @classmethod
    def none(cls, n: int) -> EventMarks:
        return cls(np.zeros(n, dtype=bool))

    def copy(self) -> EventMarks:
        return EventMarks(self.starred.copy(), dict(self.tags), dict(self.notes), dict(self.keys))

    @property
    def tagged(self) -> BoolArray:
        mask = np.zeros(len(self.starred), dtype=bool)
        mask[list(self.tags)] = True
        return mask

    def annotated(self) -> IndexArray:
        return np.array(sorted(self.keys), dtype=np.int64)

    def subset(self, indices: npt.ArrayLike) -> EventMarks:
        """The marks of the events at ``indices`` (distinct), renumbered 0.. in that order, as
        ``EventTable.subset`` renumbers the events."""
        where = np.asarray(indices, dtype=np.int64)
        position = np.full(len(self.starred), -1, dtype=np.int64)
        position[where] = np.arange(len(where), dtype=np.int64)

        def moved(values: dict[int, Any]) -> dict[int, Any]:
            return {int(position[i]): v for i, v in values.items() if position[i] >= 0}

        return EventMarks(self.starred[where].copy(), moved(self.tags), moved(self.notes),
                          moved(self.keys))  # fmt: skip


ANNOTATION_COLUMNS = ("starred", "tags", "note")  # what exports add to each event


def tags_text(tags: Sequence[str]) -> str:
    """Tags as one cell, as Timesketch reads its ``tag`` column: comma-separated, or a JSON
    list when a tag holds a comma itself."""
    if any("," in tag for tag in tags):
        return json.dumps(list(tags), ensure_ascii=False)
    return ",".join(tags)


def parse_tags(text: object) -> tuple[str, ...]:
    """A tag cell back into tags: a list, a JSON list (``["a", "b"]``), or comma-separated
    words; ``-`` and blanks are none (Timesketch's rules)."""
    if isinstance(text, list | tuple):
        items = [str(t) for t in text]
    else:
        cell = "" if text is None else str(text).strip()
        items = []
        if cell.startswith("[") and cell.endswith("]"):
            try:
                loaded = json.loads(cell)
            except ValueError:
                loaded = None
            items = [str(t) for t in loaded] if isinstance(loaded, list) else cell[1:-1].split(",")
        elif cell != "-":
            items = cell.split(",")
    tags: list[str] = []
    for item in items:
        tag = clean_tag(item)
        if tag and tag.casefold() not in (t.casefold() for t in tags):
            tags.append(tag)
    return tuple(tags)


@dataclass(frozen=True)
class Orphan:
    """An annotation whose event is no longer in its file (or the file is not loaded)."""

    key: EventKey
    annotation: Annotation
    source_loaded: bool


class FileSpans:
    """Which file each event of a merged table came from: ``(path, events)`` per file in table
    order. Without them an event's file is its table ``source`` (the file's name)."""

    def __init__(self, events: EventTable, files: Sequence[tuple[str, int]] | None = None) -> None:
        self._files = list(files) if files is not None else None
        self._events = events
        if self._files is not None:
            self._ends = np.cumsum([n for _path, n in self._files], dtype=np.int64)

    def paths(self) -> list[str]:
        if self._files is None:
            return _sources(self._events)
        return [path for path, _n in self._files]

    def at(self, indices: IndexArray) -> list[str]:
        if self._files is None:
            return self._events.sources_at(indices)
        numbers = np.searchsorted(self._ends, indices, side="right")
        return [self._files[n][0] for n in numbers.tolist()]


def content_digest(
    end: int | None, title: str, excerpt: str, lane: str, start_ns: int = 0, end_ns: int = 0
) -> str:
    """Stable across runs and versions (unlike pandas' hashing): it is saved in projects.
    Sub-seconds count only when there are some, so whole-second events keep their digest."""
    end_text = "" if end is None else str(end)
    if start_ns or end_ns:
        end_text += f".{start_ns}.{end_ns}"
    text = "\x1f".join((end_text, title, excerpt, lane))
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=8).hexdigest()


class AnnotationStore:
    """Every annotation, by :class:`EventKey`. Pure: the session owns one and tells views."""

    def __init__(self, items: Mapping[EventKey, Annotation] | None = None) -> None:
        self._items: dict[EventKey, Annotation] = dict(items or {})

    def __len__(self) -> int:
        return len(self._items)

    def items(self) -> list[tuple[EventKey, Annotation]]:
        return list(self._items.items())

    def get(self, key: EventKey) -> Annotation:
        return self._items.get(key, Annotation())

    def tags(self) -> list[str]:
        """Every tag in use, for completion: most used first, then alphabetically."""
        counts: dict[str, int] = {}
        for annotation in self._items.values():
            for tag in annotation.tags:
                counts[tag] = counts.get(tag, 0) + 1
        return sorted(counts, key=lambda tag: (-counts[tag], tag.casefold()))

    # -- changes (by key; the session turns event indices into keys) -------------------------
    def set_starred(
        self, keys: Iterable[EventKey], starred: bool, seen: Sequence[Annotation]
    ) -> None:
        self._change(keys, seen, lambda a: replace(a, starred=starred))

    def add_tag(self, keys: Iterable[EventKey], tag: str, seen: Sequence[Annotation]) -> None:
        tag = clean_tag(tag)
        if tag:
            self._change(
                keys, seen, lambda a: a if _has_tag(a, tag) else replace(a, tags=(*a.tags, tag))
            )

    def remove_tag(self, keys: Iterable[EventKey], tag: str, seen: Sequence[Annotation]) -> None:
        folded = tag.casefold()
        self._change(
            keys,
            seen,
            lambda a: replace(a, tags=tuple(t for t in a.tags if t.casefold() != folded)),
        )

    def set_note(self, keys: Iterable[EventKey], note: str, seen: Sequence[Annotation]) -> None:
        note = note.strip()
        self._change(keys, seen, lambda a: replace(a, note=note))

    def forget(self, keys: Iterable[EventKey]) -> None:
        """Drop annotations outright (the user removed orphans on purpose)."""
        for key in keys:
            self._items.pop(key, None)

    def _change(
        self,
        keys: Iterable[EventKey],
        seen: Sequence[Annotation],
        change: Callable[[Annotation], Annotation],
    ) -> None:
        for key, how_it_reads in zip(keys, seen, strict=True):
            old = self._items.get(key, how_it_reads)
            new = change(replace(old, title=how_it_reads.title, date_text=how_it_reads.date_text,
                                 row=how_it_reads.row))  # fmt: skip
            if new.empty:
                self._items.pop(key, None)
            else:
                self._items[key] = new

    # -- finding the events -------------------------------------------------------------------
    def resolve(
        self, events: EventTable, files: Sequence[tuple[str, int]] | None = None
    ) -> tuple[EventMarks, list[Orphan]]:
        """Each annotation's event in ``events``: by its exact content first; else, when its
        text was edited, the one event of its file with the same start and title. Annotations
        found the second way are re-keyed to the event as it now reads, so they keep following."""
        marks = EventMarks.none(len(events))
        spans = FileSpans(events, files)
        loaded = set(spans.paths())
        if not self._items or len(events) == 0:
            return marks, [Orphan(k, a, k.source in loaded) for k, a in self._items.items()]
        candidates = _candidate_rows(events, {k.start for k in self._items})
        exact = {key: index for index, key in keys_of(events, candidates, files).items()}
        loose = _by_start_and_title(events, candidates, spans)
        orphans: list[Orphan] = []
        loosely: dict[int, EventKey] = {}
        claimed = {exact[key] for key in self._items if key in exact}
        for key, annotation in self._items.items():
            index = exact.get(key)
            if index is None:
                index = loose.get((key.source, key.start, annotation.title))
                if index is None or index in marks.keys or index in claimed:
                    orphans.append(Orphan(key, annotation, key.source in loaded))
                    continue
                loosely[index] = key
            marks.keys[index] = key
            if annotation.starred:
                marks.starred[index] = True
            if annotation.tags:
                marks.tags[index] = annotation.tags
            if annotation.note:
                marks.notes[index] = annotation.note
        # The loosely found take the key their event has now, so they keep following it.
        for index, now in keys_of(events, list(loosely), files).items():
            self._items[now] = self._items.pop(loosely[index])
            marks.keys[index] = now
        return marks, orphans


def keys_of(
    events: EventTable, indices: npt.ArrayLike, files: Sequence[tuple[str, int]] | None = None
) -> dict[int, EventKey]:
    """The key of each event at ``indices``. Occurrences are counted among the file's events
    with the same start, so the candidates of every start are read once."""
    wanted = np.unique(np.asarray(indices, dtype=np.int64))
    if len(wanted) == 0:
        return {}
    starts = events.start
    pool = _candidate_rows(events, set(starts[wanted].tolist()))
    pool = pool[np.argsort(events.rows()[pool], kind="stable")]
    paths = FileSpans(events, files).at(pool)
    counted: dict[tuple[str, int, str], int] = {}
    keys: dict[int, EventKey] = {}
    want = set(wanted.tolist())
    ends, titles = events.ends_at(pool), events.texts_at("title", pool)
    start_ns = events.start_ns[pool].tolist()
    end_ns = events.end_ns_at(pool)
    excerpts, lanes = events.texts_at("excerpt", pool), events.texts_at("lane", pool)
    for at, (index, path) in enumerate(zip(pool.tolist(), paths, strict=True)):
        digest = content_digest(
            ends[at], titles[at], excerpts[at], lanes[at], start_ns[at], end_ns[at]
        )
        ident = (path, int(starts[index]), digest)
        occurrence = counted.get(ident, 0)
        counted[ident] = occurrence + 1
        if index in want:
            keys[index] = EventKey(*ident, occurrence)
    return keys


def seen_as(events: EventTable, indices: Iterable[int]) -> list[Annotation]:
    """How each event reads now, kept with its annotation to name it should it disappear."""
    at = np.fromiter(indices, dtype=np.int64)
    titles, dates = events.texts_at("title", at), events.texts_at("date_text", at)
    rows = events.rows()[at].tolist()
    return [
        Annotation(title=title, date_text=date, row=row)
        for title, date, row in zip(titles, dates, rows, strict=True)
    ]


def clean_tag(tag: str) -> str:
    """A tag is one line: a word or a phrase, its blanks folded."""
    return " ".join(tag.split())


def _has_tag(annotation: Annotation, tag: str) -> bool:
    return tag.casefold() in (t.casefold() for t in annotation.tags)


def _candidate_rows(events: EventTable, starts: set[int]) -> IndexArray:
    """Events starting at one of ``starts``: a cheap first cut before any text is read."""
    column = events.start
    if (
        len(starts) <= _FEW_STARTS
    ):  # a star or a tag: a compare or two beats isin's sort (7 ms at 1M)
        found = np.zeros(len(column), dtype=bool)
        for start in starts:
            found |= column == start
        return np.flatnonzero(found).astype(np.int64)
    wanted = np.fromiter(starts, dtype=np.int64, count=len(starts))
    return np.flatnonzero(np.isin(column, wanted)).astype(np.int64)


_FEW_STARTS = 4


def _by_start_and_title(
    events: EventTable, rows: IndexArray, spans: FileSpans
) -> dict[tuple[str, int, str], int]:
    """(file, start, title) -> the event, for those that are unique among ``rows``."""
    found: dict[tuple[str, int, str], int] = {}
    twice: set[tuple[str, int, str]] = set()
    titles, starts = events.texts_at("title", rows), events.start[rows].tolist()
    for at, (index, path) in enumerate(zip(rows.tolist(), spans.at(rows), strict=True)):
        ident = (path, starts[at], titles[at])
        if ident in found:
            twice.add(ident)
        found[ident] = index
    return {ident: index for ident, index in found.items() if ident not in twice}


def _sources(events: EventTable) -> list[str]:
    return events.source_names() if len(events) else []
