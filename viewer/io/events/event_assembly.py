"""Event columns into the EventTable (the one place the loader meets pandas)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from viewer.io.events.event_columns import EventColumns
from viewer.model.event_table import PRECISION_DTYPE, EventTable


def event_table_from(columns: EventColumns, source: str) -> EventTable:
    """The table of ``columns``, whose text it takes (``columns.text`` is left empty)."""
    n = len(columns)
    end = pd.arrays.IntegerArray(columns.end.astype(np.int64), ~columns.has_end)
    frame = pd.DataFrame(
        {
            "start": columns.start,
            "end": end,
            "precision": pd.Categorical.from_codes(
                columns.precision.astype(np.int8), dtype=PRECISION_DTYPE
            ),
            "approximate": columns.approximate,
            **{
                # Taken out, so each column's cells are freed once copied (not all at the end).
                role: _text(columns.text.pop(role, None), n)
                for role in ("title", "excerpt", "lane", "url", "date_text")
            },
            "source": pd.Categorical.from_codes(
                np.zeros(n, dtype=np.int64), categories=pd.Index([source])
            )
            if columns.sources is None
            else _sources(columns.sources, source),
            "row": columns.rows,
            "start_ns": columns.start_ns,
            "end_ns": np.where(columns.has_end, columns.end_ns, 0).astype(np.int32),
        }
    )
    return EventTable(frame)


def _text(values: pa.ChunkedArray | None, n: int) -> pd.Series:
    if values is None:
        return pd.Series([""] * n, dtype="string[pyarrow]")
    cleaned = pc.utf8_trim_whitespace(values).fill_null("")
    return pd.Series(pd.arrays.ArrowStringArray(cleaned.combine_chunks()), dtype="string[pyarrow]")


def _sources(values: pa.ChunkedArray, fallback: str) -> pd.Categorical:
    return pd.Categorical(values.fill_null(fallback).to_pylist())
