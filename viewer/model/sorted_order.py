"""All events in one sort's order, and any subset of them put in that order without sorting it
again: what the Events table shows when a filter or a search changes the shown events.

Three ways, by the subset's share of all events (measured at 10M events, 2 cores):
- few (under 1 in 16): their ranks in the order, sorted (40k of 10M: 2 ms);
- up to ~40%: a flag per rank, read back along the order (2.8M of 10M: 80 ms, against 105);
- more: a flag per event, read along the order (90%: 145 ms, against 200 by ranks).
A subset can be put in order ahead, off the GUI thread (``prepare``): the search does so for
its matches, so their hand-over to the table is a look-up.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import numpy.typing as npt

from viewer.model.event_filter import as_flags

IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]

_FEW = 16  # a subset under 1 in this many of all events is few
_BY_RANKS_UP_TO = 0.4  # share of all events up to which flags per rank beat flags per event


class SortedOrder:
    """``every``: all events' indices in the order (read-only, shared); ``rank``: each event's
    place in it, or what gives it (the table's time ranks, which a loading thread may still be
    making), else made when first needed.
    ``ascending``: ``every`` is 0..n-1 (a file in time order, sorted by date): an ascending
    subset is already in order."""

    def __init__(
        self,
        every: IntArray,
        rank: IntArray | Callable[[], IntArray] | None = None,
        ascending: bool = False,
    ) -> None:
        self.every = every
        self._rank = rank
        self._ascending = ascending
        self._prepared: tuple[IntArray, IntArray] | None = None  # (subset, in order)

    def of(self, shown: IntArray, flags: BoolArray | None = None) -> IntArray:
        """The events of ``shown`` (ascending indices) in this order; ``flags``: ``shown`` as a
        flag per event, when the caller has them. Safe on any thread (it reads only shared
        arrays; a rank made twice at once is made the same)."""
        prepared = self._prepared
        if prepared is not None and prepared[0] is shown:
            return prepared[1]
        every, n = self.every, len(self.every)
        if len(shown) == n:
            return every
        if self._ascending:
            return shown
        if len(shown) * _FEW < n:
            return shown[np.argsort(self.rank()[shown])]  # ranks are distinct: no ties
        if len(shown) <= n * _BY_RANKS_UP_TO:
            at_rank = np.zeros(n, dtype=bool)
            at_rank[self.rank()[shown]] = True
            return every[np.flatnonzero(at_rank)]
        keep = as_flags(shown, n, flags)
        return np.compress(keep[every], every)  # (for flags, [] beats take)

    def prepare(self, shown: IntArray, flags: BoolArray | None = None) -> None:
        """Put ``shown`` in order now (off the GUI thread), for a later ``of`` of that very
        array. Only the last one prepared is kept."""
        self._prepared = (shown, self.of(shown, flags))

    def rank(self) -> IntArray:
        if callable(self._rank):
            self._rank = self._rank()
        if self._rank is None:
            rank = np.empty(len(self.every), dtype=np.int64)
            rank[self.every] = np.arange(len(self.every), dtype=np.int64)
            rank.setflags(write=False)
            self._rank = rank
        return self._rank
