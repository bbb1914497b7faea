"""Rows taken from a text column kept in many chunks are the rows asked for, in that order."""

from __future__ import annotations

import itertools

import numpy as np
import pyarrow as pa
import pytest

from viewer.model import chunked_text


def chunked(texts: list[str], sizes: list[int]) -> pa.ChunkedArray:
    cuts = np.cumsum([0, *sizes])
    assert cuts[-1] == len(texts)
    return pa.chunked_array(
        [pa.array(texts[a:b], pa.string()) for a, b in itertools.pairwise(cuts)],
        pa.string(),
    )


TEXTS = [f"text {i}" for i in range(50)]


@pytest.mark.parametrize(
    "indices",
    [
        [],
        [0],
        [49],
        [3, 4, 5, 20, 21, 48],  # ascending, across chunks
        [48, 0, 17, 17, 3, 30],  # any order, repeats
        list(range(49, -1, -1)),  # the whole column reversed (joined first)
        list(range(0, 50, 2)),
    ],
)
@pytest.mark.parametrize("sizes", [[50], [10, 0, 15, 25], [1] * 50])
def test_rows_are_taken_in_the_order_asked(indices: list[int], sizes: list[int]) -> None:
    values = chunked(TEXTS, sizes)
    taken = chunked_text.take(values, np.array(indices, dtype=np.int64))
    assert isinstance(taken, pa.Array)
    assert taken.to_pylist() == [TEXTS[i] for i in indices]


@pytest.mark.parametrize("bad", [[50], [-1], [3, 60]])
def test_a_row_outside_the_column_is_refused(bad: list[int]) -> None:
    with pytest.raises(IndexError):
        chunked_text.take(chunked(TEXTS, [10, 40]), np.array(bad))
