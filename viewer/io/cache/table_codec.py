"""The event table's columns as Arrow arrays and back, without copying the big ones.

Written, each column is kept as the table holds it: int64 and bool as they are, the nullable
``end`` as int64 with nulls, categories as their codes (the names go in the description), text
as the large strings the table's ``string[pyarrow]`` columns already are. Read from a mapped
file, int64 columns and text are views of the mapped pages (nothing is read until used); the
nulls of ``end``, the flags and the codes are small copies (a byte an event).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa

from viewer.model.event_fields import COLUMNS as EVENT_COLUMNS
from viewer.model.event_fields import SUBSECOND_COLUMNS
from viewer.model.event_table import EventTable

COLUMNS = (*EVENT_COLUMNS, *SUBSECOND_COLUMNS)  # every column of the table, as it is

Description = dict[str, dict[str, Any]]  # column -> {"kind": ..., "categories": [...], ...}


class UnencodableTable(ValueError):
    """A column whose type the cache does not know (such a table is not cached)."""


def table_to_arrow(events: EventTable) -> tuple[pa.Table, Description]:
    arrays, description = [], {}
    for name in COLUMNS:
        array, description[name] = _encode(events.column(name))
        arrays.append(array)
    return pa.Table.from_arrays(arrays, names=list(COLUMNS)), description


def table_from_arrow(table: pa.Table, description: Description) -> EventTable:
    """Raises (KeyError, TypeError, ValueError, pa.ArrowInvalid) when ``table`` is not what
    ``table_to_arrow`` made with ``description``."""
    if table.column_names != list(COLUMNS) or set(description) != set(COLUMNS):
        raise ValueError(f"columns {table.column_names} are not the event table's")
    columns = {name: _decode(table.column(name), description[name]) for name in COLUMNS}
    # copy=False: a dict of arrays is otherwise copied, and like columns joined into blocks.
    return EventTable(pd.DataFrame(columns, copy=False))


def _encode(series: pd.Series) -> tuple[pa.Array | pa.ChunkedArray, dict[str, Any]]:
    dtype = series.dtype
    if isinstance(dtype, pd.CategoricalDtype):
        categories = [str(c) for c in dtype.categories]
        if list(dtype.categories) != categories:
            raise UnencodableTable(f"column {series.name} has categories that are not text")
        codes = pa.array(series.cat.codes.to_numpy())
        return codes, {"kind": "category", "categories": categories, "ordered": dtype.ordered}
    if isinstance(dtype, pd.StringDtype) and dtype.storage == "pyarrow":
        chunks = pa.array(series.array)  # the column's own array (one chunk: no copy)
        if chunks.type != pa.large_string():
            chunks = chunks.cast(pa.large_string())
        return chunks, {"kind": "text"}
    if isinstance(dtype, pd.Int64Dtype):
        return pa.array(series.array), {"kind": "nullable int64"}
    if dtype in (np.int64, np.int32, np.bool_):
        return pa.array(series.to_numpy()), {"kind": str(dtype)}
    raise UnencodableTable(f"column {series.name} is of type {dtype}")


def _decode(column: pa.ChunkedArray, description: dict[str, Any]) -> Any:
    kind = description["kind"]
    if kind == "text":
        if column.type != pa.large_string():
            raise TypeError(f"text column of type {column.type}")
        return pd.Series(pd.arrays.ArrowStringArray(column), dtype="string[pyarrow]", copy=False)
    array = _one_chunk(column)
    if kind == "category":
        dtype = pd.CategoricalDtype(description["categories"], ordered=description["ordered"])
        codes = array.to_numpy(zero_copy_only=False)
        return pd.Categorical.from_codes(codes, dtype=dtype)  # checks every code is in range
    if kind == "nullable int64":
        if array.type != pa.int64():
            raise TypeError(f"nullable int64 column of type {array.type}")
        values = np.frombuffer(array.buffers()[1], np.int64, len(array), array.offset * 8)
        return pd.arrays.IntegerArray(values, array.is_null().to_numpy(zero_copy_only=False))
    if kind in ("int64", "int32", "bool") and array.type == pa.from_numpy_dtype(np.dtype(kind)):
        return array.to_numpy(zero_copy_only=kind != "bool")
    raise TypeError(f"column of kind {kind!r} and type {array.type}")


def _one_chunk(column: pa.ChunkedArray) -> pa.Array:
    # A cached table is written as one batch; combining more would copy.
    return column.chunk(0) if column.num_chunks == 1 else column.combine_chunks()
