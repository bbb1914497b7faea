"""The event table: every loaded event as one row of a pandas DataFrame.

Times are int64 seconds since 1970-01-01 UTC (see ``instants``); ``end`` is a nullable Int64.
``start_ns`` and ``end_ns`` hold their sub-second parts as int32 nanoseconds (0 where none).
Text columns hold "" rather than missing values, so views never have to test for NaN.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, TypeAlias, TypeVar

import numpy as np
import numpy.typing as npt
import pandas as pd
import pyarrow as pa

from viewer.model import chunked_text
from viewer.model.event_fields import COLUMNS, SUBSECOND_COLUMNS, TEXT_COLUMNS
from viewer.model.event_order import EventOrder
from viewer.model.lane_layout import CodeArray, LaneLayout, build_lane_layout, narrow_codes
from viewer.model.periods import period_end
from viewer.model.precision import PRECISION_LABELS, Precision
from viewer.model.word_index import WordIndex, holding

PRECISION_DTYPE = pd.CategoricalDtype(list(PRECISION_LABELS), ordered=True)
IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]
_Number = TypeVar("_Number", bound=np.generic)


@dataclass(frozen=True)
class Event:
    """One event as plain values (``end`` None for a point in time)."""

    start: int
    end: int | None
    precision: str
    approximate: bool
    title: str
    excerpt: str
    lane: str
    url: str
    date_text: str
    source: str
    row: int
    start_ns: int = 0  # nanoseconds after ``start``
    end_ns: int = 0

    @property
    def end_or_start(self) -> int:
        return self.start if self.end is None else self.end


# One value for every row, or one per row.
Values: TypeAlias = "str | list[Any] | npt.NDArray[Any] | pd.Series[Any]"


class EventTable:
    """A read-only view of events; build one with :meth:`from_columns` or :meth:`concat`."""

    def __init__(self, frame: pd.DataFrame) -> None:
        missing = [c for c in _TABLE_COLUMNS if c not in frame.columns]
        if missing:
            raise ValueError(f"event table lacks columns {missing}")
        self.frame = frame.loc[:, list(_TABLE_COLUMNS)]
        self._lane_codes: tuple[CodeArray, list[str]] | None = None
        self._lanes: list[str] | None = None
        self._arrow_texts: dict[str, pa.ChunkedArray] = {}
        self._last_seconds: IntArray | None = None
        self._layout: LaneLayout | None = None
        self._end_or_start: IntArray | None = None
        self.order = EventOrder(self.frame)  # every index, time order, ranks: once each
        # Built in the background for a big table (``build_word_index``); searches use what
        # it has so far.
        self.word_index = WordIndex(len(self.frame))

    @classmethod
    def empty(cls) -> EventTable:
        return cls.from_columns(start=np.empty(0, dtype=np.int64))

    @classmethod
    def from_columns(
        cls,
        *,
        start: npt.ArrayLike,
        end: npt.ArrayLike | None = None,
        precision: Values = "day",
        approximate: npt.ArrayLike | bool = False,
        title: Values = "",
        excerpt: Values = "",
        lane: Values = "",
        url: Values = "",
        date_text: Values = "",
        source: Values = "",
        row: npt.ArrayLike | None = None,
        start_ns: npt.ArrayLike = 0,
        end_ns: npt.ArrayLike = 0,
    ) -> EventTable:
        start_values = np.asarray(start, dtype=np.int64)
        n = len(start_values)
        end_values = (
            pd.array(np.zeros(n, dtype=np.int64), dtype="Int64")
            if end is None
            else pd.array(np.asarray(end), dtype="Int64")
        )
        if end is None:
            end_values[:] = pd.NA
        frame = pd.DataFrame(
            {
                "start": start_values,
                "end": end_values,
                "precision": pd.Categorical(_broadcast(precision, n), dtype=PRECISION_DTYPE),
                "approximate": np.broadcast_to(np.asarray(approximate, dtype=bool), (n,)).copy(),
                **{
                    name: _text(value, n)
                    for name, value in zip(
                        TEXT_COLUMNS, (title, excerpt, lane, url, date_text), strict=True
                    )
                },
                "source": pd.Categorical(_broadcast(source, n)),
                "row": np.arange(2, n + 2, dtype=np.int64)
                if row is None
                else np.asarray(row, dtype=np.int64),
                "start_ns": _nanos(start_ns, n),
                "end_ns": np.where(end_values.isna(), 0, _nanos(end_ns, n)).astype(np.int32),
            }
        )
        return cls(frame)

    @classmethod
    def concat(cls, tables: Iterable[EventTable]) -> EventTable:
        tables = list(tables)
        if len(tables) == 1 and tables[0].frame.index.equals(pd.RangeIndex(len(tables[0]))):
            return tables[0]  # read-only: one file's table serves as it is, with what it knows
        frames = [t.frame for t in tables]
        if not frames:
            return cls.empty()
        # One source dtype for all first (the names sorted, as pandas sorted them): pandas joins
        # categoricals of other categories as Python objects, holding the GIL for 0.6 s at 2M
        # events, and the window froze meanwhile.
        sources = [f["source"].astype("category") for f in frames]
        every = sources[0].cat.categories.append([s.cat.categories for s in sources[1:]])
        names = every.unique().sort_values()
        frames = [f.assign(source=s.cat.set_categories(names)) for f, s in zip(frames, sources, strict=True)]  # fmt: skip
        frame = pd.concat(frames, ignore_index=True)
        frame["source"] = frame["source"].astype("category")
        frame["precision"] = frame["precision"].astype(PRECISION_DTYPE)
        return cls(frame)

    def __len__(self) -> int:
        return len(self.frame)

    # -- whole columns ------------------------------------------------------------------------
    @property
    def start(self) -> IntArray:
        return self.frame["start"].to_numpy(dtype=np.int64)

    @property
    def start_ns(self) -> npt.NDArray[np.int32]:
        """Each start's sub-second part in nanoseconds."""
        return self.frame["start_ns"].to_numpy(dtype=np.int32)

    def end_ns_at(self, indices: npt.NDArray[np.int64]) -> list[int]:
        """The sub-second part of each own end at ``indices`` (0 for a point in time)."""
        return self.frame["end_ns"].to_numpy(dtype=np.int32)[indices].tolist()  # type: ignore[no-any-return]

    def end_or_start_ns(self) -> npt.NDArray[np.int32]:
        """The sub-second part of :meth:`end_or_start`."""
        ns = self.frame["end_ns"].to_numpy(dtype=np.int32)
        return end_or_start_of(self.start_ns, ns, self.has_end())

    def has_end(self) -> BoolArray:
        """Which events are spans (have an end of their own)."""
        return self.frame["end"].notna().to_numpy(dtype=bool)

    def end_or_start(self) -> IntArray:
        """Each event's end, or its start when it has none (read-only: worked out once, as
        every change of the Dates filter asks)."""
        if self._end_or_start is None:
            # In numpy: pandas' fillna took 0.27 s at 10M events, this 0.03 s.
            has_end, start = self.has_end(), self.start
            if has_end.any():
                own = self.frame["end"].to_numpy(dtype=np.int64, na_value=0)
                ends = np.where(has_end, own, start)
            else:
                ends = start.view()  # the same memory, read-only through this view
            ends.setflags(write=False)
            self._end_or_start = ends
        return self._end_or_start

    def precision_codes(self) -> npt.NDArray[np.int8]:
        """Each event's Precision as its number (YEAR 0 ... TIME 3)."""
        return self.frame["precision"].cat.codes.to_numpy().astype(np.int8)

    def precision_labels(self) -> list[str]:
        return self.frame["precision"].astype(str).tolist()

    def approximate(self) -> BoolArray:
        return self.frame["approximate"].to_numpy(dtype=bool)

    def texts_at(self, column: str, indices: npt.NDArray[np.int64]) -> list[str]:
        """A text column's values at ``indices`` (in bulk: reading cells one by one is slow)."""
        texts: list[str] = chunked_text.take(self._arrow_text(column), indices).to_pylist()
        return texts

    def ends_at(self, indices: npt.NDArray[np.int64]) -> list[int | None]:
        """The own end of each event at ``indices`` (None for a point in time)."""
        ends = self.frame["end"].iloc[indices]
        return [None if missing else int(value)
                for value, missing in zip(ends.fillna(0).tolist(), ends.isna().tolist(), strict=True)]  # fmt: skip

    def source_names(self) -> list[str]:
        """The names in the ``source`` column, once each."""
        return [str(name) for name in self.frame["source"].cat.categories]

    def sources_at(self, indices: npt.NDArray[np.int64]) -> list[str]:
        column = self.frame["source"]
        names = column.cat.categories
        return [str(names[code]) for code in column.cat.codes.to_numpy()[indices]]

    def rows(self) -> IntArray:
        return self.frame["row"].to_numpy(dtype=np.int64)

    def text_at(self, column: str, index: int) -> str:
        """One event's text (fast: no row is built)."""
        return str(self.frame[column].iat[index])

    def text_array(self, column: str) -> Sequence[str]:
        """A text column as an array that indexes by position (for list views over millions)."""
        values: Sequence[str] = self.frame[column].array
        return values

    def column(self, name: str) -> pd.Series[Any]:
        """A column as the table holds it, for code that keeps the whole table as it is (the
        events cache); views use the accessors above."""
        return self.frame[name]

    def nbytes(self) -> int:
        """The bytes the columns hold (text counted by its Arrow buffers)."""
        return int(self.frame.memory_usage(deep=False, index=False).sum())

    def lane_codes(self) -> tuple[CodeArray, list[str]]:
        """Each event's lane as a number (-1: none), and the lane names in order of first
        appearance. Counted once (the table is read-only): the timeline and the lane filter
        both ask."""
        if self._lane_codes is None:
            codes, uniques = pd.factorize(self.frame["lane"], sort=False)
            self._lane_codes = narrow_codes(codes, len(uniques)), [str(n) for n in uniques]
        numbers, names = self._lane_codes
        return numbers, list(names)

    def lane_layout(self) -> LaneLayout:
        """Where each event is drawn (``lane_layout``): built once per table, seconds at
        millions of events, so the loading thread asks first and the timeline then has it."""
        if self._layout is None:
            codes, names = self.lane_codes()
            self._layout = build_lane_layout(
                start=self.start,
                start_ns=self.start_ns,
                end_or_start=self.end_or_start(),
                end_or_start_ns=self.end_or_start_ns(),
                precision=self.precision_codes(),
                has_span=self.has_end(),
                approximate=self.approximate(),
                time_order=self.order.time_order(),
                codes=codes,
                names=names,
            )
        return self._layout

    @property
    def has_layout(self) -> bool:
        return self._layout is not None

    def adopt_built_layout(self, layout: LaneLayout) -> None:
        """Take the layout a load built from the columns this table was made of
        (``build_lane_layout``, on another core while the table was assembled)."""
        if len(layout) != len(self):
            raise ValueError(f"a layout of {len(layout)} events for {len(self)}")
        self._layout = layout
        self.order.adopt_time_order(layout.time_order)
        self._lane_codes = layout.codes, list(layout.names)

    def adopt_layout(self, layout: LaneLayout) -> None:
        """Take a layout built before (the events cache keeps one with the table): checked
        against the table first, DamagedLayout (a ValueError) when it cannot be this table's."""
        self.adopt_built_layout(layout.checked(len(self)))

    def source_codes(self) -> tuple[IntArray, list[str]]:
        """Each event's source as a number (-1: none), and the sources' names."""
        sources = self.frame["source"].astype("category")  # a no-op: the column is one
        names = [str(name) for name in sources.cat.categories]
        return sources.cat.codes.to_numpy().astype(np.int64), names

    def texts(self, column: str) -> list[str]:
        """A text column (title, excerpt, lane, url, date_text or source) as Python strings."""
        return self.frame[column].astype(str).tolist()

    def last_instants(self) -> IntArray:
        """Where each event's drawn extent ends: the end (or start) of the period it names, so
        a day reaches to midnight and "2026" to the year's end."""
        return period_end(self.end_or_start(), self.precision_codes())

    def time_bounds(self) -> tuple[int, int]:
        """The first start and the last drawn end; (0, 0) when empty."""
        if len(self) == 0:
            return 0, 0
        layout = self._layout
        if layout is not None and len(layout) == len(self):  # every event is laid out
            return int(self.start.min()), layout.origin + int(np.floor(layout.last_end.max()))
        last, codes = self.end_or_start(), self.precision_codes()
        # Within one precision the period end grows with the instant: only each one's latest counts.
        present = np.unique(codes)
        ends = period_end(np.array([last[codes == code].max() for code in present]), present)
        return int(self.start.min()), int(ends.max())

    @property
    def lanes(self) -> list[str]:
        """Lane names in the order they are first met."""
        if self._lanes is None:  # asked by several views after a load; the table is read-only
            known = self._lane_codes
            if known is not None and (len(self) == 0 or known[0].min() >= 0):
                self._lanes = list(known[1])  # every event has a lane: the same names
            else:
                self._lanes = list(pd.unique(self.frame["lane"]))
        return list(self._lanes)

    def lane_counts(self) -> list[tuple[str, int]]:
        """(lane, events) in order of first appearance."""
        codes, names = self.lane_codes()
        if names == self.lanes:  # every event has a lane: count the lane numbers
            layout = self._layout  # which counted them already
            counts = (
                np.bincount(codes, minlength=len(names))
                if layout is None
                else np.diff(layout.offsets)
            )
            return [(name, int(count)) for name, count in zip(names, counts, strict=True)]
        by_name = self.frame["lane"].value_counts(sort=False)
        return [(str(name), int(by_name[name])) for name in self.lanes]

    # -- masks and subsets --------------------------------------------------------------------
    def in_lanes(self, lanes: Iterable[str]) -> BoolArray:
        return self.frame["lane"].isin(list(lanes)).to_numpy(dtype=bool)

    def overlapping(self, first: float, last: float) -> BoolArray:
        """Events that reach into [first, last] (a span counts from its start to its end)."""
        return (self.end_or_start() >= first) & (self.start <= last)

    def reaching_into(
        self, first: int, stop: int, rows: slice | IntArray = slice(None)
    ) -> BoolArray:
        """Which events (of ``rows``: a slice or indices) reach into [first, stop) as drawn: from
        the start to the end of the period the end names (a day, a month...), so "2026" reaches
        into April 2026 and a span from March to May into April. One flag per row."""
        return (self.start[rows] < stop) & (self.last_seconds()[rows] >= first)

    def last_seconds(self) -> IntArray:
        """The last second each event reaches into as drawn (worked out once per table, as
        every chunk of a search by date asks; ~1 s at 10M events)."""
        if self._last_seconds is None:
            codes = self.precision_codes()
            after = self.last_instants()  # the first second after; an instant's own second
            self._last_seconds = np.maximum(
                np.where(codes == Precision.TIME, after, after - 1), self.start
            )
        return self._last_seconds

    def containing(
        self,
        text: str,
        columns: Iterable[str] = ("title", "excerpt"),
        rows: slice = slice(None),
    ) -> BoolArray:
        """Case-insensitive substring match in any of ``columns`` (Unicode-aware), over all
        events or the ``rows`` slice (one chunk of a search that can stop)."""
        first, stop, _step = rows.indices(len(self))
        hit = np.zeros(max(stop - first, 0), dtype=bool)
        for column in columns:
            hit |= holding(self.word_index, column, self._arrow_text(column), text, rows)
        return hit

    def containing_among(
        self, text: str, among: npt.NDArray[np.int64], columns: Iterable[str] = ("title", "excerpt")
    ) -> BoolArray:
        """:meth:`containing` over the events at ``among`` only (a narrowed search reads only
        the earlier matches, or one chunk); one flag per position of ``among``."""
        hit = np.zeros(len(among), dtype=bool)
        rows = np.asarray(among, dtype=np.int64)
        for column in columns:
            hit |= holding(self.word_index, column, self._arrow_text(column), text, rows)
        return hit

    def text_values(self, column: str) -> pa.ChunkedArray:
        """A text column's values as pyarrow holds them (read-only; what the index reads)."""
        return self._arrow_text(column)

    def _arrow_text(self, column: str) -> pa.ChunkedArray:
        """A text column as pyarrow holds it (no copy for our pyarrow-backed columns, which
        are large strings: asking for other strings copied every text): its kernels read it
        without pandas' per-call costs (a third of a search's time)."""
        if column not in self._arrow_texts:
            values = pa.array(self.frame[column].array)
            if not pa.types.is_large_string(values.type):
                values = values.cast(pa.large_string())
            if not isinstance(values, pa.ChunkedArray):
                values = pa.chunked_array([values])
            self._arrow_texts[column] = values
        return self._arrow_texts[column]

    def subset(self, indices: npt.ArrayLike) -> EventTable:
        """The events at ``indices``, in that order."""
        return EventTable(self._rows_at(np.asarray(indices, dtype=np.int64)))

    def _rows_at(self, indices: IntArray) -> pd.DataFrame:
        """The frame's rows at ``indices``; text taken chunk by chunk (``chunked_text``)."""
        rows = self.frame.drop(columns=list(TEXT_COLUMNS)).iloc[indices].reset_index(drop=True)
        for name in TEXT_COLUMNS:
            taken = chunked_text.take(self._arrow_text(name), indices)
            rows[name] = pd.Series(pd.arrays.ArrowStringArray(taken), dtype="string[pyarrow]")
        return rows

    # -- one event ----------------------------------------------------------------------------
    def event(self, index: int) -> Event:
        row = self.frame.iloc[index]
        end = row["end"]
        return Event(
            start=int(row["start"]),
            end=None if pd.isna(end) else int(end),
            precision=str(row["precision"]),
            approximate=bool(row["approximate"]),
            title=str(row["title"]),
            excerpt=str(row["excerpt"]),
            lane=str(row["lane"]),
            url=str(row["url"]),
            date_text=str(row["date_text"]),
            source=str(row["source"]),
            row=int(row["row"]),
            start_ns=int(row["start_ns"]),
            end_ns=int(row["end_ns"]),
        )

    def find(self, source: str, row: int) -> int | None:
        """The event loaded from ``source`` at ``row`` (a file's row names an event across reloads)."""
        if len(self) == 0:
            return None
        frame = self.frame
        hits = np.flatnonzero(
            (frame["source"] == source).to_numpy() & (frame["row"] == row).to_numpy()
        )
        return int(hits[0]) if len(hits) else None

    def sorted_by_time(self) -> EventTable:
        return EventTable(self._rows_at(self.order.time_order()))

    def records(self) -> list[dict[str, object]]:
        """Plain Python rows, for tests and small exports."""
        out = []
        for record in self.frame.to_dict("records"):
            row = {str(name): value for name, value in record.items()}
            row["end"] = None if pd.isna(row["end"]) else int(row["end"])
            out.append(row)
        return out

    def source_row(self, index: int) -> tuple[str, int]:
        """The file and row (header = row 1) event ``index`` was read from."""
        return str(self.frame["source"].array[index]), int(self.frame["row"].to_numpy()[index])


_TABLE_COLUMNS = (*COLUMNS, *SUBSECOND_COLUMNS)


def _nanos(value: npt.ArrayLike, n: int) -> npt.NDArray[np.int32]:
    return np.broadcast_to(np.asarray(value, dtype=np.int32), (n,)).copy()


def _broadcast(value: Values, n: int) -> list[Any] | npt.NDArray[Any] | pd.Series[Any]:
    if isinstance(value, str):
        return [value] * n
    return value


def _text(value: Values, n: int) -> pd.Series[str]:
    series = pd.Series(_broadcast(value, n), dtype="string[pyarrow]")
    return series.fillna("")


def end_or_start_of(
    start: npt.NDArray[_Number], end: npt.NDArray[_Number], has_end: BoolArray
) -> npt.NDArray[_Number]:
    """``end`` where an event has one, else ``start`` (``start`` itself when none has)."""
    return np.where(has_end, end, start) if has_end.any() else start
