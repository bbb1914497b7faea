"""Which events a search query (``search_query``) matches, over an EventTable, in chunks that
can stop between them (the search runs off the GUI thread while the user types).

Vectorised: every term reads a whole chunk with pyarrow's string kernels. Within "all of" the
cheap terms go first (a date, a lane, a tag: masks over every event, or arithmetic), and each
later term reads only the rows still in play, so ``court -appeal date:2026-04`` reads the text
of April's events only. Pure: it may run on a worker thread."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Protocol, TypeAlias

import numpy as np
import numpy.typing as npt
import pyarrow as pa
import pyarrow.compute as pc

from viewer.model.event_table import EventTable
from viewer.model.query_narrowing import residual
from viewer.model.search_query import (
    And,
    DateRange,
    Node,
    Not,
    Or,
    Starred,
    Tag,
    Text,
    parse_query,
)

IndexArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]
Rows: TypeAlias = "slice | IndexArray"  # a chunk of the table, or the events at these indices

SEARCH_CHUNK = 262_144  # events read between two looks at ``is_cancelled`` (~15 ms a term)
READ_ONLY_LIVE_BELOW = 0.7  # a term reads only the rows still in play below this share
# (picking them out costs about a third of reading them)


class EventMarks(Protocol):
    """What the user marked, for ``is:starred``, ``tag:`` and ``note:`` (a snapshot: the
    search may read it on another thread)."""

    @property
    def starred(self) -> BoolArray: ...  # one flag per event of the table

    @property
    def tags(self) -> Mapping[int, tuple[str, ...]]: ...  # event index -> its tags

    @property
    def notes(self) -> Mapping[int, str]: ...  # event index -> its note


def search_matches(
    events: EventTable,
    among: IndexArray,
    text: str,
    is_cancelled: Callable[[], bool] = lambda: False,
    text_now: Callable[[], str] | None = None,
    marks: EventMarks | None = None,
    known: str = "",
    chunk_read: Callable[[int, str], None] | None = None,
) -> IndexArray | None:
    """The events at ``among`` that the query ``text`` matches (none for a blank text or one
    that does not parse); None when ``is_cancelled`` said stop between two chunks.
    ``text_now``, asked before each chunk, may give a query whose matches are all among
    ``text``'s (the user typed on, see ``query_narrowing``): each chunk is then searched for the
    query of its time, and the result holds every match of the last one (and maybe more).
    ``known``: a query every event of ``among`` matches (the search this one narrows): terms it
    implies are not tested again (``court ruling`` among the matches of ``court`` reads
    ``ruling`` only). ``chunk_read(first, text)`` is told, for each chunk, its first event (the
    chunks go up through ``among``, which is ascending) and the text it was searched for."""
    if len(among) == 0 or _query(text) is None:
        return np.empty(0, np.int64)
    matcher = QueryMatcher(events, marks)
    known_query = _query(known)

    def query_now(first: int) -> Node | None:
        now = text if text_now is None else text_now()
        if chunk_read is not None:
            chunk_read(first, now)
        query = _query(now)
        if query is None or known_query is None:
            return query
        rest = residual(query, known_query)
        return And(rest) if rest else EVERYTHING

    if len(among) * 4 >= len(events):  # most events: read the table in slices (no copies)
        hit = np.zeros(len(events), dtype=bool)
        for first in range(0, len(events), SEARCH_CHUNK):
            if is_cancelled():
                return None
            rows = slice(first, min(first + SEARCH_CHUNK, len(events)))
            hit[rows] = matcher.flags(query_now(first), rows)
        return among[hit[among]]
    found = []  # a narrowed search: only the earlier matches are read
    for first in range(0, len(among), SEARCH_CHUNK):
        if is_cancelled():
            return None
        chunk = among[first : first + SEARCH_CHUNK]
        found.append(chunk[matcher.flags(query_now(int(chunk[0])), chunk)])
    return np.concatenate(found)


EVERYTHING = And(())  # all of no terms: every event


def reads_marks(node: Node | None) -> bool:
    """Whether the query asks about stars, tags or notes (its matches change with them)."""
    if isinstance(node, And | Or):
        return any(reads_marks(term) for term in node.terms)
    if isinstance(node, Not):
        return reads_marks(node.term)
    return isinstance(node, Starred | Tag) or (isinstance(node, Text) and node.field == "note")


def _query(text: str) -> Node | None:
    try:
        return parse_query(text)
    except ValueError:  # the caller shows the error; nothing matches it
        return None


class QueryMatcher:
    """Evaluates queries over one table; masks over every event (lanes, sources, marks) are
    worked out once per search and shared by its chunks."""

    def __init__(self, events: EventTable, marks: EventMarks | None = None) -> None:
        self._events, self._marks = events, marks
        self._whole: dict[Node, BoolArray] = {}

    def flags(self, node: Node | None, rows: Rows) -> BoolArray:
        """One flag per row of ``rows``: does ``node`` match that event?"""
        if node is None:
            return np.zeros(_count(rows, len(self._events)), dtype=bool)
        if isinstance(node, And):
            return self._all_of(node.terms, rows)
        if isinstance(node, Or):
            return ~self._all_of([Not(term) for term in node.terms], rows)  # De Morgan
        if isinstance(node, Not):
            return ~self.flags(node.term, rows)
        if isinstance(node, Text) and node.field is None:
            return self.flags(Or((Text(node.value, "title"), Text(node.value, "excerpt"))), rows)
        if isinstance(node, Text) and node.field in ("title", "excerpt"):
            return self._containing(node, rows)
        if isinstance(node, DateRange):
            return self._events.reaching_into(node.first, node.stop, rows)
        return self._whole_mask(node)[rows]

    def _all_of(self, terms: Iterable[Node], rows: Rows) -> BoolArray:
        live = np.ones(_count(rows, len(self._events)), dtype=bool)
        for term in sorted(terms, key=_cost):
            left = np.flatnonzero(live)
            if len(left) == 0:
                break
            if len(left) < READ_ONLY_LIVE_BELOW * len(live):
                live[left] = self.flags(term, _pick(rows, left))
            else:
                live &= self.flags(term, rows)
        return live

    def _containing(self, node: Text, rows: Rows) -> BoolArray:
        assert node.field is not None
        if isinstance(rows, slice):
            return self._events.containing(node.value, (node.field,), rows=rows)
        return self._events.containing_among(node.value, rows, (node.field,))

    def _whole_mask(self, node: Node) -> BoolArray:
        if node not in self._whole:
            self._whole[node] = self._mask_of(node)
        return self._whole[node]

    def _mask_of(self, node: Node) -> BoolArray:
        """Terms whose answer for every event costs little: few distinct values to read."""
        n = len(self._events)
        if isinstance(node, Text) and node.field in ("lane", "source"):
            codes, names = (
                self._events.lane_codes() if node.field == "lane" else self._events.source_codes()
            )
            named = np.append(_contains(names, node.value), False)  # code -1: none at all
            return named[codes]
        marks = self._marks
        mask = np.zeros(n, dtype=bool)
        if marks is None:
            return mask  # nothing is starred, tagged or noted
        if isinstance(node, Starred):
            mask[: len(marks.starred)] = np.asarray(marks.starred, dtype=bool)[:n]
        elif isinstance(node, Tag):
            mask[_tagged(marks.tags, node, n)] = True
        elif isinstance(node, Text) and node.field == "note":
            noted = np.fromiter(marks.notes, dtype=np.int64, count=len(marks.notes))
            hit = _contains(list(marks.notes.values()), node.value)
            noted = noted[hit]
            mask[noted[(noted >= 0) & (noted < n)]] = True
        return mask


def _tagged(tags: Mapping[int, tuple[str, ...]], node: Tag, n: int) -> list[int]:
    wanted = node.value.casefold()
    if node.prefix:
        return [i for i, its in tags.items() if 0 <= i < n and any(
            t.casefold().startswith(wanted) for t in its
        )]  # fmt: skip
    return [i for i, its in tags.items() if 0 <= i < n and any(t.casefold() == wanted for t in its)]


def _contains(texts: list[str], value: str) -> BoolArray:
    """Case-insensitive substring, as the title and excerpt search (the same kernel)."""
    if not texts:
        return np.zeros(0, dtype=bool)
    found = pc.match_substring(pa.array(texts, type=pa.string()), value, ignore_case=True)
    return np.asarray(found.fill_null(False).to_numpy(zero_copy_only=False), dtype=bool)


def _cost(node: Node) -> int:
    """Cheap terms first: a mask or arithmetic before reading text, one field before two."""
    if isinstance(node, Text):
        return {"title": 2, "excerpt": 3}.get(node.field or "", 5 if node.field is None else 0)
    if isinstance(node, DateRange):
        return 1
    if isinstance(node, Not):
        return _cost(node.term)
    if isinstance(node, And | Or):
        return sum(_cost(term) for term in node.terms)
    return 0


def _count(rows: Rows, total: int) -> int:
    return len(range(total)[rows]) if isinstance(rows, slice) else len(rows)


def _pick(rows: Rows, positions: IndexArray) -> IndexArray:
    """The events at ``positions`` within ``rows``."""
    if isinstance(rows, slice):
        return (positions + (rows.start or 0)).astype(np.int64)
    return rows[positions]
