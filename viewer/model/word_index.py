"""A word index of the title and excerpt columns, built in the background once a big table is
shown, so that a search term reads each part's distinct words instead of every text (at ten
million events a term read ~1 s of text; its words are read in milliseconds).

A text is cut into words at spaces (U+0020 only). A search text without a space is held by a
text exactly when one of its words holds it: a match cannot cross a space, since the
case-insensitive kernel matches a space with nothing but a space. So the index answers such a
text exactly, with the kernel the plain search uses, run over the words. A text with spaces
(a phrase) can be held only where each of its space-free pieces is: the index gives those
events, and the kernel reads just them.

The index is built part by part, first events first; a part serves searches as soon as it is
added (by the builder's thread, read by the search's), and events beyond the last part are read
as before. Pure: no Qt."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import pyarrow as pa
import pyarrow.compute as pc

from viewer.model import chunked_text

PART_SHIFT = 16  # events of one part: their numbers within it fit in 16 bits
PART_ROWS = 1 << PART_SHIFT
INDEXED_COLUMNS = ("title", "excerpt")
SEPARATOR = " "

BoolArray = npt.NDArray[np.bool_]
IndexArray = npt.NDArray[np.int64]
Rows = slice | IndexArray


@dataclass(frozen=True)
class WordPart:
    """One column's words within one part: ``words[i]`` is in the texts of the events
    ``events[starts[i]:starts[i + 1]]`` (numbered within the part, ascending)."""

    words: pa.Array  # distinct, as written
    starts: npt.NDArray[np.int64]
    events: npt.NDArray[np.uint16]

    def events_holding(self, piece: str) -> npt.NDArray[np.uint16]:
        """The events (within the part) with a word holding ``piece``; an event may repeat."""
        found = pc.match_substring(self.words, piece, ignore_case=True)
        matched = np.flatnonzero(found.to_numpy(zero_copy_only=False))
        if len(matched) == 0:
            return self.events[:0]
        if len(matched) == 1:
            return self.events[self.starts[matched[0]] : self.starts[matched[0] + 1]]
        firsts, stops = self.starts[matched], self.starts[matched + 1]
        lengths = stops - firsts
        if lengths.sum() * 4 > len(self.events):  # most words: pick by flags over them all
            wanted = np.zeros(len(self.starts) - 1, dtype=bool)
            wanted[matched] = True
            picked: npt.NDArray[np.uint16] = self.events[np.repeat(wanted, np.diff(self.starts))]
            return picked
        ends = np.cumsum(lengths)  # the matched words' runs, one after another
        positions = np.arange(ends[-1]) + np.repeat(firsts - (ends - lengths), lengths)
        runs: npt.NDArray[np.uint16] = self.events[positions]
        return runs


def build_word_part(values: pa.Array | pa.ChunkedArray) -> WordPart:
    """The words of up to PART_ROWS texts (an empty text has none)."""
    if isinstance(values, pa.ChunkedArray):
        values = values.combine_chunks()
    pieces = pc.split_pattern(values, SEPARATOR)
    encoded = pc.dictionary_encode(pieces.flatten())
    words = encoded.dictionary
    word = np.asarray(encoded.indices.to_numpy(zero_copy_only=False), dtype=np.uint64)
    event = np.asarray(pc.list_parent_indices(pieces).to_numpy(), dtype=np.uint64)
    key = (word << np.uint64(16)) | event  # sorted: by word, then event
    key.sort()
    if len(key):
        key = key[np.concatenate(([True], key[1:] != key[:-1]))]  # a word twice in one text
    counts = np.bincount((key >> np.uint64(16)).astype(np.int64), minlength=len(words))
    starts = np.concatenate(([0], np.cumsum(counts))).astype(np.int64)
    return WordPart(words, starts, (key & np.uint64(0xFFFF)).astype(np.uint16))


class WordIndex:
    """The word parts of one table, in order; ``covered`` events have them so far."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._parts: list[dict[str, WordPart]] = []  # appended by the builder only

    @property
    def covered(self) -> int:
        return min(len(self._parts) * PART_ROWS, self.size)

    @property
    def complete(self) -> bool:
        return self.covered == self.size

    def add(self, part: dict[str, WordPart]) -> None:
        self._parts.append(part)

    def parts(self) -> list[dict[str, WordPart]]:
        """The parts built so far (to keep beside the table's cache entry)."""
        return self._parts[:]

    def adopt(self, parts: list[dict[str, WordPart]]) -> None:
        """Take a whole index made before (read from the cache) in place of building one."""
        if self._parts or len(parts) != part_count(self.size):
            raise ValueError(f"{len(parts)} parts for {self.size} events")
        self._parts = list(parts)

    def flags(self, column: str, text: str, rows: Rows) -> tuple[BoolArray, bool] | None:
        """For each event of ``rows``: may its ``column`` hold ``text``? With whether that is
        sure (True) or only a candidate to read (a phrase). None: the index cannot tell (those
        events are not indexed yet, or the text is only spaces)."""
        pieces = [piece for piece in text.split(SEPARATOR) if piece]
        if not pieces or column not in INDEXED_COLUMNS:
            return None
        sure = SEPARATOR not in text
        parts = self._parts[:]  # as many as are built now
        covered = min(len(parts) * PART_ROWS, self.size)
        if isinstance(rows, slice):
            first, stop, _step = rows.indices(self.size)
            if stop <= first:
                return np.zeros(0, dtype=bool), sure
            if stop > covered:
                return None
            numbers = list(range(first // PART_ROWS, (stop - 1) // PART_ROWS + 1))
            base, flags = self._flags_over(parts, column, pieces, numbers)
            return flags[first - base : stop - base], sure
        if len(rows) == 0:
            return np.zeros(0, dtype=bool), sure
        if int(rows.max()) >= covered:
            return None
        touched = np.flatnonzero(np.bincount(rows >> PART_SHIFT)).tolist()  # parts asked about
        base, flags = self._flags_over(parts, column, pieces, touched)
        return flags[rows - base], sure

    def _flags_over(
        self, parts: list[dict[str, WordPart]], column: str, pieces: list[str], numbers: list[int]
    ) -> tuple[int, BoolArray]:
        """Flags from the first of the parts ``numbers`` (ascending) to the end of the last
        (parts between that are not asked for stay False); with the first event they are for."""
        base = numbers[0] * PART_ROWS
        flags = np.zeros(min((numbers[-1] + 1) * PART_ROWS, self.size) - base, dtype=bool)
        for number in numbers:
            first = number * PART_ROWS - base
            part_flags = flags[first : first + PART_ROWS]
            words = parts[number][column]
            part_flags[words.events_holding(pieces[0])] = True
            for piece in pieces[1:]:
                also = np.zeros(len(part_flags), dtype=bool)
                also[words.events_holding(piece)] = True
                part_flags &= also
        return base, flags


def part_count(size: int) -> int:
    """How many parts an index of ``size`` events has (the last may be short)."""
    return -(-size // PART_ROWS)


def build_word_index(
    index: WordIndex,
    texts: Callable[[str], pa.ChunkedArray],
    is_cancelled: Callable[[], bool] = lambda: False,
) -> bool:
    """Add the parts ``index`` lacks, each column's texts read by ``texts(column)``; False when
    ``is_cancelled`` said stop between two parts."""
    columns = {column: texts(column) for column in INDEXED_COLUMNS}
    for first in range(index.covered, index.size, PART_ROWS):
        if is_cancelled():
            return False
        index.add({name: build_word_part(values.slice(first, PART_ROWS))
                   for name, values in columns.items()})  # fmt: skip
    return True


def holding(
    index: WordIndex | None, column: str, values: pa.ChunkedArray, text: str, rows: Rows
) -> BoolArray:
    """Case-insensitive substring match of ``text`` in the events ``rows`` of ``values`` (the
    column's texts): through the index where it has the events, else by reading them."""
    found = None if index is None else index.flags(column, text, rows)
    if found is None:
        return read_holding(_pick(values, rows), text)
    flags, sure = found
    if not sure:  # a phrase: read the events that hold each of its pieces
        candidates = np.flatnonzero(flags)
        at = _positions(rows, candidates)
        flags[candidates] = read_holding(chunked_text.take(values, at), text)
    return flags


def read_holding(values: pa.ChunkedArray | pa.Array, text: str) -> BoolArray:
    """The kernel: reads every text."""
    found = pc.match_substring(values, text, ignore_case=True).fill_null(False)
    return np.asarray(found.to_numpy(zero_copy_only=False), dtype=bool)


def _pick(values: pa.ChunkedArray, rows: Rows) -> pa.ChunkedArray | pa.Array:
    if isinstance(rows, slice):
        first, stop, _step = rows.indices(len(values))
        return values.slice(first, max(stop - first, 0))
    return chunked_text.take(values, rows)


def _positions(rows: Rows, picked: IndexArray) -> IndexArray:
    if isinstance(rows, slice):
        return picked + (rows.start or 0)
    return np.asarray(rows, dtype=np.int64)[picked]
