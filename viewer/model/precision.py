"""How much of a date the data gave: a year, a month, a day or a time of day."""

from __future__ import annotations

from enum import IntEnum


class Precision(IntEnum):
    """Ordered from coarse to fine, so ``min()`` gives the coarser of two."""

    YEAR = 0
    MONTH = 1
    DAY = 2
    TIME = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def from_label(cls, text: str) -> Precision:
        return cls[text.strip().upper()]


PRECISION_LABELS = tuple(p.label for p in Precision)
