"""The order lanes are shown in: the ones the user arranged first, in that order, then the
others in their own order (first appearance), so a new file's lanes join at the end."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

T = TypeVar("T")


def in_lane_order(items: Iterable[T], order: Sequence[str], name: Callable[[T], str]) -> list[T]:
    """``items`` sorted by ``order`` of their ``name`` (stable: others keep their order)."""
    rank = {lane: i for i, lane in enumerate(order)}
    return sorted(items, key=lambda item: rank.get(name(item), len(rank)))
