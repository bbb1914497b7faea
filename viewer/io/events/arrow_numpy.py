"""numpy <-> pyarrow for plain numeric and boolean columns, straight through the buffers.

pyarrow's own ``to_numpy()`` and ``pa.array(ndarray)`` import pandas to check for pandas
objects, which costs ``timeline-viewer inspect`` a third of a second; these do not.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
import pyarrow as pa
import pyarrow.compute as pc

from viewer.model.chunked_text import arrow_indices

_NUMPY_TYPES = {
    pa.int64(): np.int64,
    pa.int32(): np.int32,
    pa.int8(): np.int8,
    pa.float64(): np.float64,
}


def to_numpy(values: pa.Array | pa.ChunkedArray, fill: object = 0) -> npt.NDArray:  # type: ignore[type-arg]
    """A numeric or boolean column as a numpy array; nulls become ``fill`` (False for booleans)."""
    array = values.combine_chunks() if isinstance(values, pa.ChunkedArray) else values
    n, offset = len(array), array.offset
    validity, data = array.buffers()[:2]
    if pa.types.is_boolean(array.type):
        out = _bits(data, offset, n)
        fill = False
    else:
        dtype = _NUMPY_TYPES[array.type]
        out = (
            np.zeros(n, dtype=dtype)
            if data is None
            else np.frombuffer(data, dtype=dtype)[offset : offset + n].copy()
        )
    if array.null_count:
        out[~_bits(validity, offset, n)] = fill
    return out


def _bits(buffer: pa.Buffer | None, offset: int, n: int) -> npt.NDArray[np.bool_]:
    if buffer is None:
        return np.zeros(n, dtype=bool)
    bits = np.unpackbits(np.frombuffer(buffer, dtype=np.uint8), bitorder="little")
    return bits[offset : offset + n].astype(bool)


def from_numpy(values: npt.NDArray) -> pa.Array:  # type: ignore[type-arg]
    """An int64 (or boolean) numpy array as a pyarrow array."""
    if values.dtype == bool:
        packed = np.packbits(values.astype(np.uint8), bitorder="little")
        return pa.Array.from_buffers(pa.bool_(), len(values), [None, pa.py_buffer(packed)])
    return arrow_indices(values)


def dictionary_encoded(
    values: pa.Array | pa.ChunkedArray, nulls: str = "mask"
) -> pa.DictionaryArray:
    """``values`` as codes into one dictionary of their distinct values, for a chunked column
    too (pyarrow encodes each chunk with its own dictionary until they are combined); a null
    is a null code (``nulls="mask"``) or one more value (``"encode"``)."""
    encoded = pc.dictionary_encode(values, null_encoding=nulls)
    return encoded.combine_chunks() if isinstance(encoded, pa.ChunkedArray) else encoded
