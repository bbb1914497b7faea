"""Taking rows of a text column that is kept in many chunks (as the CSV reader made them).

A loaded file's text stays in the reader's blocks: joining a 10M-row file's columns into one
chunk each copied 1.9 GB, 2.7 of a 10 s load and 1 GB more at its peak. But pyarrow's ``take``
from a chunked array joins all its chunks first (18 ms for 100 rows of a 1M-row column in
100 chunks, each time a view asked), so rows are taken from each chunk on its own here.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
import pyarrow as pa

IntArray = npt.NDArray[np.int64]

# Rows out of chunk order above this share of the column: joining the chunks first is cheaper
# than grouping the rows by chunk.
_WHOLE_SHARE = 0.25


def take(values: pa.ChunkedArray | pa.Array, indices: npt.ArrayLike) -> pa.Array:
    """``values`` at ``indices`` (in that order) as one array."""
    at = np.asarray(indices, dtype=np.int64).ravel()
    if isinstance(values, pa.Array):
        return values.take(arrow_indices(at))
    if values.num_chunks == 1:
        return values.chunk(0).take(arrow_indices(at))
    if values.num_chunks == 0:
        return pa.array([], values.type).take(arrow_indices(at))  # raises for any index
    if len(at) and (at.min() < 0 or at.max() >= len(values)):
        raise IndexError(f"rows outside a column of {len(values)}")
    bounds = np.cumsum([0, *(len(chunk) for chunk in values.chunks)])
    chunk_of = np.searchsorted(bounds, at, side="right") - 1
    ascending = bool(np.all(chunk_of[1:] >= chunk_of[:-1]))
    if not ascending and len(at) > len(values) * _WHOLE_SHARE:
        return values.combine_chunks().take(arrow_indices(at))  # a big shuffle: grouping costs more
    order = None if ascending else np.argsort(chunk_of, kind="stable")
    grouped, groups = (at, chunk_of) if order is None else (at[order], chunk_of[order])
    cuts = np.searchsorted(groups, np.arange(values.num_chunks + 1))
    parts = [
        values.chunk(k).take(arrow_indices(grouped[cuts[k] : cuts[k + 1]] - bounds[k]))
        for k in range(values.num_chunks)
        if cuts[k + 1] > cuts[k]
    ]
    joined = pa.concat_arrays(parts) if parts else pa.array([], values.type)
    if order is None:
        return joined
    back = np.empty_like(order)
    back[order] = np.arange(len(order))
    return joined.take(arrow_indices(back))


def arrow_indices(indices: IntArray) -> pa.Array:
    """int64 indices as an Arrow array, straight through the buffer: pyarrow's own conversion
    of a numpy array imports pandas (a third of a second ``inspect`` does without)."""
    data = np.ascontiguousarray(indices, dtype=np.int64)
    return pa.Array.from_buffers(pa.int64(), len(data), [None, pa.py_buffer(data)])
