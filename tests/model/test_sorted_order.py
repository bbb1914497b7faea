"""A subset of the events put in a sort's order (what the Events table shows after a filter or
a search) is the same, whichever of its ways the subset's size picks, and a subset put in order
ahead (by the search, on its own thread) is the one shown."""

from __future__ import annotations

import numpy as np
import pytest

from viewer.model.sorted_order import SortedOrder

N = 10_000


def reference(every: np.ndarray, shown: np.ndarray) -> list[int]:
    keep = set(shown.tolist())
    return [int(i) for i in every if int(i) in keep]


@pytest.fixture
def every() -> np.ndarray:
    return np.random.default_rng(3).permutation(N).astype(np.int64)


# 1 in 100 (few: ranks sorted), 30% (flags per rank), 90% (flags per event), all
@pytest.mark.parametrize("share", [0.01, 0.3, 0.9, 1.0])
@pytest.mark.parametrize("with_flags", [False, True])
def test_a_subset_comes_in_the_sorts_order_at_any_size(every, share, with_flags):
    rng = np.random.default_rng(int(share * 100))
    shown = np.flatnonzero(rng.random(N) < share) if share < 1 else np.arange(N)
    flags = np.zeros(N, bool)
    flags[shown] = True
    order = SortedOrder(every)
    assert order.of(shown, flags if with_flags else None).tolist() == reference(every, shown)


def test_ranks_given_are_used_and_a_sort_of_ascending_events_keeps_them(every):
    shown = np.array([5, 17, 400, 9_000], dtype=np.int64)
    rank = np.empty(N, np.int64)
    rank[every] = np.arange(N)
    assert SortedOrder(every, rank).of(shown).tolist() == reference(every, shown)
    asked = []  # the table's ranks, which the loading thread may still be making: asked late
    late = SortedOrder(every, lambda: asked.append(1) or rank)
    assert asked == []
    assert late.of(shown).tolist() == reference(every, shown)
    assert late.of(shown[:2]).tolist() == reference(every, shown[:2])
    assert asked == [1]  # once
    ascending = SortedOrder(np.arange(N, dtype=np.int64), ascending=True)
    assert ascending.of(shown).tolist() == [5, 17, 400, 9_000]


def test_a_subset_put_in_order_ahead_is_taken_as_it_was_made(every, monkeypatch):
    order = SortedOrder(every)
    shown = np.flatnonzero(np.random.default_rng(1).random(N) < 0.3)
    order.prepare(shown)
    expected = reference(every, shown)
    monkeypatch.setattr(order, "rank", lambda: pytest.fail("put in order again"))
    assert order.of(shown).tolist() == expected  # the very array: a look-up
    with pytest.raises(pytest.fail.Exception):
        order.of(shown.copy())  # an equal array of another search is ordered afresh
