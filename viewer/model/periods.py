"""Where the period a date names ends: the day, month or year it starts (a time is an instant)."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from viewer.model.instants import SECONDS_PER_DAY, civil_from_seconds, seconds_from_civil
from viewer.model.precision import Precision

IntArray = npt.NDArray[np.int64]


def period_end(seconds: npt.ArrayLike, precision: npt.ArrayLike) -> IntArray:
    """The first second after each day, month or year that ``seconds`` falls in; a time (an
    instant) ends where it starts. ``precision`` holds Precision values, one per instant.

    Calendar arithmetic runs only on the month and year rows, the costly part at a million.
    When every row is a time the result is ``seconds`` itself (as an int64 array), not a copy:
    at 10M events a copy is 80 MB of fresh memory."""
    codes = np.broadcast_to(np.asarray(precision, dtype=np.int8), np.shape(seconds))
    if not (codes != Precision.TIME).any():
        return np.asarray(seconds, dtype=np.int64)
    out = np.array(seconds, dtype=np.int64)
    is_day = codes == Precision.DAY
    out[is_day] = out[is_day] - (out[is_day] % SECONDS_PER_DAY) + SECONDS_PER_DAY
    is_month = np.flatnonzero(codes == Precision.MONTH)
    if len(is_month):
        year, month, *_ = civil_from_seconds(out[is_month])
        out[is_month] = seconds_from_civil(
            np.where(month == 12, year + 1, year), np.where(month == 12, 1, month + 1), 1
        )
    is_year = np.flatnonzero(codes == Precision.YEAR)
    if len(is_year):
        year = civil_from_seconds(out[is_year])[0]
        out[is_year] = seconds_from_civil(year + 1, 1, 1)
    return out


def last_second(seconds: int, precision: Precision) -> int:
    """The last second of the period ``seconds`` starts (itself for a time)."""
    end = int(period_end(np.array([seconds]), np.array([int(precision)]))[0])
    return end if precision is Precision.TIME else end - 1
