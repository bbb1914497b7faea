"""Event columns into the EventTable (the one place the loader meets pandas)."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from viewer.io.events.arrow_numpy import dictionary_encoded, to_numpy
from viewer.io.events.event_columns import EventColumns
from viewer.io.load_watch import checkpoint
from viewer.model.event_table import PRECISION_DTYPE, EventTable
from viewer.model.lane_layout import narrow_codes


def event_table_from(columns: EventColumns, source: str) -> EventTable:
    """The table of ``columns``, whose text it takes (``columns.text`` is left empty)."""
    n = len(columns)
    # The columns' own arrays where they have the table's types: at 10M rows each copy is tens
    # of MB of fresh memory, and first touching it is most of the time.
    spans = columns.has_end.any()
    end = pd.arrays.IntegerArray(columns.end.astype(np.int64, copy=False), ~columns.has_end)
    frame = pd.DataFrame(
        {
            "start": columns.start,
            "end": end,
            "precision": pd.Categorical.from_codes(
                columns.precision.astype(np.int8, copy=False), dtype=PRECISION_DTYPE
            ),
            "approximate": columns.approximate,
            **{
                # Taken out, so each column's cells are freed once copied (not all at the end).
                role: _text(columns.text.pop(role, None), n)
                for role in ("title", "excerpt", "lane", "url", "date_text")
            },
            "source": pd.Categorical.from_codes(
                np.zeros(n, dtype=np.int8), categories=pd.Index([source])
            )
            if columns.sources is None
            else _sources(columns.sources, source),
            "row": columns.rows,
            "start_ns": columns.start_ns,
            "end_ns": np.where(columns.has_end, columns.end_ns, 0).astype(np.int32, copy=False)
            if spans
            else np.zeros(n, np.int32),
        },
        copy=False,  # else like columns are copied into blocks: 0.5 s at 10M rows
    )
    return EventTable(frame)


def lane_codes_of(values: pa.ChunkedArray) -> tuple[npt.NDArray[np.integer], list[str]]:
    """The lane numbers and names the table counts from its lane column (``lane_codes``:
    ``pd.factorize`` of the cells as ``_text`` leaves them, trimmed and missing ones empty),
    from the cells as read: each distinct cell is cleaned once, so another thread can count
    them while the table is assembled (0.6 s at 10M rows)."""
    encoded = dictionary_encoded(values, nulls="encode")
    distinct = encoded.dictionary.cast(pa.string())
    cleaned = pc.utf8_trim_whitespace(distinct).fill_null("").to_pylist()
    numbers, names = pd.factorize(np.array(cleaned, dtype=object), sort=False)
    numbers = narrow_codes(numbers, len(names))
    return numbers[to_numpy(encoded.indices)], [str(name) for name in names]


def _text(values: pa.ChunkedArray | None, n: int) -> pd.Series:
    if values is None:  # empty cells (a list of n "" took 0.7 s at 10M rows)
        values = pa.chunked_array([pa.repeat(pa.scalar("", pa.large_string()), n)])
        return pd.Series(pd.arrays.ArrowStringArray(values), dtype="string[pyarrow]")
    # Block by block, and a block's cells copied only when they must change: at 10M rows a
    # trimmed and a filled copy of every column were 1.5 GB more memory, and seconds.
    cleaned = pa.chunked_array([_cleaned(chunk) for chunk in values.chunks], pa.string())
    checkpoint()
    # Left in the reader's chunks (joining them copied 1.9 GB at 10M rows): see chunked_text.
    return pd.Series(pd.arrays.ArrowStringArray(cleaned), dtype="string[pyarrow]")


# Bytes a cell may begin or end with when trimming could change it: ASCII spaces and
# controls; a Unicode space is U+0085, U+00A0 (lead byte C2), U+1680, U+2000-U+205F or U+3000
# (lead bytes E1-E3), so a cell ending in one has that lead byte two or three bytes back.
_MAY_TRIM = np.zeros(256, dtype=bool)
_MAY_TRIM[:0x21] = _MAY_TRIM[0x7F] = True
_SPACE_LEADS = np.zeros(256, dtype=bool)
_SPACE_LEADS[[0xC2, 0xE1, 0xE2, 0xE3]] = True
_MAY_BEGIN = _MAY_TRIM | _SPACE_LEADS
# A last byte that is not ASCII needs a closer look (the space's lead byte is further back):
# plain text passes on its last byte alone.
_LOOK_CLOSER = _MAY_TRIM | (np.arange(256) >= 0x80)


def _cleaned(chunk: pa.Array) -> pa.Array:
    """The chunk's cells trimmed of spaces, missing ones empty; the chunk itself if no cell
    changes."""
    checkpoint()
    chunk = chunk.cast(pa.string()) if chunk.type != pa.string() else chunk
    if _may_need_trimming(chunk):
        chunk = pc.utf8_trim_whitespace(chunk)
    if chunk.null_count == 0:
        return chunk
    offsets = _offsets(chunk)
    missing = np.asarray(chunk.is_null().to_numpy(zero_copy_only=False), dtype=bool)
    if (offsets[1:][missing] == offsets[:-1][missing]).all():  # missing cells hold no bytes
        return pa.Array.from_buffers(
            pa.string(), len(chunk), [None, *chunk.buffers()[1:]], offset=chunk.offset
        )
    return chunk.fill_null("")


def _offsets(chunk: pa.Array) -> npt.NDArray[np.int32]:
    buffer = chunk.buffers()[1]
    return np.frombuffer(buffer, np.int32)[chunk.offset : chunk.offset + len(chunk) + 1]


def _may_need_trimming(chunk: pa.Array) -> bool:
    """Whether a cell may begin or end with a space (never no when one does). Indices are
    clipped, not masked: an empty cell or one at the edge may look at its neighbour's bytes,
    which can only say yes where no is the answer."""
    data = chunk.buffers()[2]
    if data is None or len(chunk) == 0:
        return False
    offsets = _offsets(chunk).astype(np.intp)
    cells = np.frombuffer(data, np.uint8)
    if len(cells) == 0:
        return False  # every cell empty
    n = len(chunk)
    if _MAY_BEGIN[cells[min(offsets[0], len(cells) - 1)]] or _may_end_in_space(cells, offsets[n:]):
        return True
    # Where two cells meet, the last byte of one and the first of the next: two gathers per
    # cell, where each cell's first and last three bytes took four (0.6 s at 10M rows).
    # A block's cells (tens of thousands) at a time: small temporaries are reused, a whole
    # column's fault in fresh pages each time (4 of 7 s at 10M rows); a few thousand at a
    # time cost as much again in calls (1.5 s against 1.1 s at 10M rows).
    for begin in range(1, n, _CELLS_PER_LOOK):
        meets = offsets[begin : min(begin + _CELLS_PER_LOOK, n)]
        if _MAY_BEGIN[cells.take(meets, mode="clip")].any():
            return True
        closer = _LOOK_CLOSER[cells.take(meets - 1, mode="clip")]
        if closer.any() and _may_end_in_space(cells, meets[closer]):
            return True
    return False


def _may_end_in_space(cells: npt.NDArray[np.uint8], ends: npt.NDArray[np.intp]) -> bool:
    """Whether a cell ending at one of ``ends`` may end with a space, looking back up to three
    bytes (clipped to the data, which can only say yes)."""
    last = len(cells) - 1
    return bool(
        _MAY_TRIM[cells.take(np.clip(ends - 1, 0, last))].any()
        or (cells.take(np.clip(ends - 2, 0, last)) == 0xC2).any()
        or _SPACE_LEADS[cells.take(np.clip(ends - 3, 0, last))].any()
    )


_CELLS_PER_LOOK = 65536


def _sources(values: pa.ChunkedArray, fallback: str) -> pd.Categorical:
    return pd.Categorical(values.fill_null(fallback).to_pylist())
