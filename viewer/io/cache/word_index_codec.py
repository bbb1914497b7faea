"""A table's word index (``viewer.model.word_index``) as an Arrow table beside its cache
entry, and back: one row per part, and for each indexed column a list of its words, a list of
where each word's events start and a list of those events. Read from a mapped file, every
part is a view of the mapped pages, not a copy (the check on reading pages them in once)."""

from __future__ import annotations

import numpy as np
import pyarrow as pa

from viewer.model.word_index import INDEXED_COLUMNS, PART_ROWS, WordPart, part_count

FIELDS = ("words", "starts", "events")
_TYPES = {"starts": pa.int64(), "events": pa.uint16()}


def index_to_arrow(parts: list[dict[str, WordPart]]) -> pa.Table:
    columns: dict[str, pa.Array] = {}
    for column in INDEXED_COLUMNS:
        of_column = [part[column] for part in parts]
        words = [p.words.cast(pa.large_string()) for p in of_column]
        columns[f"{column}.words"] = _lists(pa.concat_arrays(words), [len(w) for w in words])
        for field in FIELDS[1:]:  # the numbers
            arrays = [getattr(p, field) for p in of_column]
            values = pa.array(np.concatenate(arrays), type=_TYPES[field])
            columns[f"{column}.{field}"] = _lists(values, [len(a) for a in arrays])
    return pa.table(columns)


def index_from_arrow(table: pa.Table, size: int) -> list[dict[str, WordPart]]:
    """The parts of an index of ``size`` events; raises (KeyError, TypeError, ValueError) when
    ``table`` is not what ``index_to_arrow`` made for such a table, or is damaged."""
    count = part_count(size)
    if table.num_rows != count:
        raise ValueError(f"{table.num_rows} parts where {size} events need {count}")
    parts: list[dict[str, WordPart]] = [{} for _ in range(count)]
    for column in INDEXED_COLUMNS:
        words, starts, events = (_one_chunk(table.column(f"{column}.{f}")) for f in FIELDS)
        if not pa.types.is_large_string(words.type.value_type):
            raise TypeError(f"words of type {words.type}")
        starts_values = _numbers(starts, np.int64)
        events_values = _numbers(events, np.uint16)
        for number in range(count):
            part = WordPart(
                _values_of(words, number),
                _part_of(starts, starts_values, number),
                _part_of(events, events_values, number),
            )
            rows = min(PART_ROWS, size - number * PART_ROWS)
            _check(part, rows)
            parts[number][column] = part
    return parts


def _check(part: WordPart, rows: int) -> None:
    starts, events = part.starts, part.events
    if len(starts) != len(part.words) + 1 or starts[0] != 0 or starts[-1] != len(events):
        raise ValueError("word starts that do not fit their words and events")
    if np.any(np.diff(starts) < 0) or (len(events) and int(events.max()) >= rows):
        raise ValueError("events outside their part")


def _lists(values: pa.Array, lengths: list[int]) -> pa.LargeListArray:
    offsets = pa.array(np.concatenate(([0], np.cumsum(lengths, dtype=np.int64))))
    return pa.LargeListArray.from_arrays(offsets, values)


def _one_chunk(column: pa.ChunkedArray) -> pa.LargeListArray:
    array = column.chunk(0) if column.num_chunks == 1 else column.combine_chunks()
    if not pa.types.is_large_list(array.type) or array.null_count:
        raise TypeError(f"index column of type {array.type}")
    return array


def _numbers(lists: pa.LargeListArray, dtype: type[np.generic]) -> np.ndarray:
    values = lists.values
    if values.type != pa.from_numpy_dtype(np.dtype(dtype)) or values.null_count:
        raise TypeError(f"index numbers of type {values.type}")
    numbers: np.ndarray = values.to_numpy(zero_copy_only=True)
    return numbers


def _bounds(lists: pa.LargeListArray, number: int) -> tuple[int, int]:
    offsets = lists.offsets
    return offsets[number].as_py(), offsets[number + 1].as_py()


def _values_of(lists: pa.LargeListArray, number: int) -> pa.Array:
    first, stop = _bounds(lists, number)
    return lists.values.slice(first, stop - first)


def _part_of(lists: pa.LargeListArray, values: np.ndarray, number: int) -> np.ndarray:
    first, stop = _bounds(lists, number)
    return values[first:stop]
