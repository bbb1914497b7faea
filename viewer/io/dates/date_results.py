"""What a date column reads as, row by row (``parse_date_column``'s result)."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from viewer.model.parsed_date import YearlessDate
from viewer.model.relative_dates import RelativeDate


@dataclass
class DateColumn:
    """Per-row results; ``ok`` is False where ``reasons`` (row index -> reason) says why.
    ``start_ns``/``end_ns`` are the sub-second parts (int32 nanoseconds, see ``instants``)."""

    start: npt.NDArray[np.int64]
    end: npt.NDArray[np.int64]
    start_ns: npt.NDArray[np.int32]
    end_ns: npt.NDArray[np.int32]
    has_end: npt.NDArray[np.bool_]
    precision: npt.NDArray[np.int8]
    approximate: npt.NDArray[np.bool_]
    ok: npt.NDArray[np.bool_]
    reasons: dict[int, str]
    yearless: dict[int, YearlessDate]
    ambiguous_order: bool = False  # 01/02/2026-style dates with nothing to tell the order
    notes: list[str] = field(default_factory=list)  # how ambiguous zone abbreviations were read
    # "yesterday 04:44", "5分钟前": counted later from a day the file gives.
    relative: dict[int, RelativeDate] = field(default_factory=dict)

    @classmethod
    def empty(cls, n: int) -> DateColumn:
        return cls(
            start=np.zeros(n, np.int64),
            end=np.zeros(n, np.int64),
            start_ns=np.zeros(n, np.int32),
            end_ns=np.zeros(n, np.int32),
            has_end=np.zeros(n, bool),
            precision=np.zeros(n, np.int8),
            approximate=np.zeros(n, bool),
            ok=np.zeros(n, bool),
            reasons={},
            yearless={},
        )
