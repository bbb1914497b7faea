"""An event table's time order is the order a reader expects: by start to the nanosecond, ties
in file order, whichever way it is sorted (one sort of packed keys for whole seconds in one
file's rows, three keys otherwise)."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from viewer.model import event_order
from viewer.model.event_order import time_order_of


def reference(start: np.ndarray, start_ns: np.ndarray, rows: np.ndarray) -> list[int]:
    """Sorted the slow, plain way: by (start, sub-second, row)."""
    keys = sorted(range(len(start)), key=lambda i: (int(start[i]), int(start_ns[i]), int(rows[i])))
    return keys


@given(
    n=st.integers(0, 300),
    seed=st.integers(0, 2**32 - 1),
    span=st.sampled_from([3, 86_400, 10**11, 2**62]),  # many ties ... wider than packing allows
    sub_seconds=st.booleans(),
    rows_in_order=st.booleans(),  # one file as read, or merged files (rows start again)
)
@settings(max_examples=200, deadline=None)
def test_the_time_order_is_by_start_to_the_nanosecond_with_ties_in_file_order(
    n: int, seed: int, span: int, sub_seconds: bool, rows_in_order: bool
) -> None:
    rng = np.random.default_rng(seed)
    start = rng.integers(-span // 2, span // 2, n, dtype=np.int64)
    start_ns = rng.integers(0, 3, n).astype(np.int32) * 250_000_000 if sub_seconds else None
    start_ns = np.zeros(n, np.int32) if start_ns is None else start_ns
    rows = np.arange(2, n + 2, dtype=np.int64)
    if not rows_in_order:
        rows = rng.permutation(rows)
    order = time_order_of(start, start_ns, rows)
    assert order.dtype == np.int64
    assert not order.flags.writeable  # shared by the views
    assert order.tolist() == reference(start, start_ns, rows)


@pytest.mark.parametrize("n", [1 << 10, (1 << 10) + 1])  # the index's bits at a power of two
def test_ties_keep_file_order_when_the_index_fills_its_bits(n: int) -> None:
    start = np.repeat(np.array([50, 7], dtype=np.int64), [n // 2, n - n // 2])
    rows = np.arange(n, dtype=np.int64)
    order = time_order_of(start, np.zeros(n, np.int32), rows)
    assert order.tolist() == list(range(n // 2, n)) + list(range(n // 2))


@pytest.mark.parametrize("halves_from", [1, 2, 10**9])  # sorted in halves on two threads, or whole
@pytest.mark.parametrize("n", [2, 3, 10_001])
def test_the_order_is_the_same_when_the_sort_is_shared_by_two_threads(
    monkeypatch: pytest.MonkeyPatch, halves_from: int, n: int
) -> None:
    monkeypatch.setattr(event_order, "_HALVES_FROM", halves_from)
    rng = np.random.default_rng(n)
    start = rng.integers(0, max(n // 4, 1), n, dtype=np.int64)  # many ties
    rows = np.arange(2, n + 2, dtype=np.int64)
    order = time_order_of(start, np.zeros(n, np.int32), rows)
    assert order.tolist() == np.lexsort((rows, start)).tolist()
