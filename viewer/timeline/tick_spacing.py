"""Tick positions for a time axis that runs from milliseconds to the age of the universe.

Pure Python and numpy (no Qt), so it is unit-testable: the axis item measures labels with its
font and asks :func:`choose_ticks` for the finest step of a fixed ladder whose labels do not
collide. Month and year ticks sit on calendar boundaries computed with the proleptic Gregorian
functions of :mod:`viewer.model.instants`, so they stay exact far outside numpy's datetime range.
The labels' words come from the :class:`~viewer.model.date_wording.DateWording` handed in.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

import numpy as np
import numpy.typing as npt

from viewer.model.date_parsing import YEARS_AGO_ORIGIN
from viewer.model.date_wording import (
    ENGLISH,
    YEAR_SECONDS,
    DateWording,
    IntArray,
    civil,
    clamped_span,
    is_deep,
)
from viewer.model.instants import SECONDS_PER_DAY, seconds_from_civil

# Millisecond ticks only where float64 seconds hold milliseconds exactly (years ±30,000).
_MILLISECOND_LIMIT = 1e12

# Labels keep this far inside the axis ends: pyqtgraph's axis length is the widget's plus 2 px.
_EDGE_PX = 2

_Labeller = Callable[[npt.NDArray[Any]], list[str]]


@dataclass(frozen=True)
class Tick:
    seconds: float
    label: str


@dataclass(frozen=True)
class _Step:
    unit: str  # "millisecond", "second", "day", "week", "month" or "year"
    count: int

    @property
    def nominal_seconds(self) -> float:
        per_unit = {
            "millisecond": 0.001,
            "second": 1.0,
            "day": float(SECONDS_PER_DAY),
            "week": 7.0 * SECONDS_PER_DAY,
            "month": YEAR_SECONDS / 12,
            "year": YEAR_SECONDS,
        }
        return per_unit[self.unit] * self.count


_LADDER = (
    *(_Step("millisecond", n) for n in (1, 2, 5, 10, 20, 50, 100, 200, 500)),
    *(_Step("second", n) for n in (1, 2, 5, 10, 15, 30)),
    *(_Step("second", 60 * n) for n in (1, 2, 5, 10, 15, 30)),
    *(_Step("second", 3600 * n) for n in (1, 2, 3, 6, 12)),
    _Step("day", 1),
    _Step("day", 2),
    _Step("week", 1),
    *(_Step("month", n) for n in (1, 2, 3, 6)),
    *(_Step("year", n) for n in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000)),
    *(_Step("year", m * 10**e) for e in range(3, 10) for m in (2, 5, 10)),
)


def choose_ticks(
    start: float,
    end: float,
    width_px: float,
    label_width: Callable[[str], float],
    min_gap_px: float = 12,
    *,
    wording: DateWording = ENGLISH,
) -> list[Tick]:
    """Ticks for the visible span [start, end] (seconds since the epoch) on an axis
    ``width_px`` wide: the finest ladder step whose labels, written by ``wording`` and
    measured with ``label_width``, keep ``min_gap_px`` apart and lie whole inside the axis.
    Empty for a degenerate span or width."""
    lo, hi = clamped_span(start, end)
    if not hi > lo or not width_px > 0:
        return []
    deep = is_deep(lo)
    fine = max(abs(lo), abs(hi)) < _MILLISECOND_LIMIT
    # A step with more ticks than this cannot fit, whatever its labels: skip it unbuilt.
    most_ticks = width_px / max(min_gap_px, 1.0) + 2
    coarsest: list[Tick] = []
    for step in _LADDER:
        if (hi - lo) / step.nominal_seconds > most_ticks or (
            step.unit == "millisecond" and not fine
        ):
            continue
        secs, labeller = _positions(step, lo, hi, deep, wording)
        ticks = _whole_labels(secs, labeller, lo, hi, width_px, label_width)
        if ticks and _labels_fit(ticks, lo, hi, width_px, label_width, min_gap_px):
            return ticks
        coarsest = ticks or coarsest
    # Labels too long for two ticks (deep time on a narrow axis): one central tick still orients.
    centre = (lo + hi) / 2
    return [min(coarsest, key=lambda t: abs(t.seconds - centre))] if coarsest else []


# --- tick positions ---------------------------------------------------------------------


def _multiples(first: int, last: int, step: int) -> IntArray:
    """Multiples of ``step`` in [first, last], ascending."""
    return np.arange(-(-first // step) * step, last + 1, step, dtype=np.int64)


def _positions(
    step: _Step, lo: float, hi: float, deep: bool, wording: DateWording
) -> tuple[npt.NDArray[Any], _Labeller]:
    """Tick instants of one ladder step inside [lo, hi], and the labeller for them."""
    if step.unit == "millisecond":
        millis = _multiples(math.ceil(lo * 1000), math.floor(hi * 1000), step.count)
        return millis / 1000, wording.millisecond_labels
    if step.unit == "second":
        secs = _multiples(math.ceil(lo), math.floor(hi), step.count)
        return secs, partial(wording.clock_labels, with_seconds=step.count < 60)
    if step.unit in ("day", "week"):
        days = np.arange(math.ceil(lo / SECONDS_PER_DAY), math.floor(hi / SECONDS_PER_DAY) + 1)
        # Day 4 (1970-01-05) was a Monday, so weeks start where (day + 3) % 7 == 0.
        keep = (days + 3) % 7 == 0 if step.unit == "week" else days % step.count == 0
        return days[keep].astype(np.int64) * SECONDS_PER_DAY, wording.day_labels
    y0, m0 = civil(lo)[:2]
    y1, m1 = civil(hi)[:2]
    if step.unit == "month":
        index = _multiples(y0 * 12 + m0 - 1, y1 * 12 + m1 - 1, step.count)
        return _inside(
            seconds_from_civil(index // 12, index % 12 + 1, 1), lo, hi
        ), wording.month_labels
    if deep:
        ago = _multiples(YEARS_AGO_ORIGIN - y1, YEARS_AGO_ORIGIN - y0, step.count)[::-1]
        secs = seconds_from_civil(YEARS_AGO_ORIGIN - ago)
        return _inside(secs, lo, hi), partial(wording.years_ago_labels, step=step.count)
    # Ticks go where the *displayed* year is a round number: 500 BC is astronomical -499.
    bc = 1 - _multiples(1 - min(y1, 0), 1 - y0, step.count)[::-1]
    ad = _multiples(max(y0, 1), y1, step.count)
    return _inside(seconds_from_civil(np.concatenate([bc, ad])), lo, hi), wording.year_labels


def _inside(secs: IntArray, lo: float, hi: float) -> IntArray:
    return secs[(secs >= lo) & (secs <= hi)]


def _whole_labels(
    secs: npt.NDArray[Any],
    labeller: _Labeller,
    lo: float,
    hi: float,
    width_px: float,
    label_width: Callable[[str], float],
) -> list[Tick]:
    """Ticks whose centred labels lie whole inside the axis. pyqtgraph hides the others, so
    dropping them here keeps the day or year that the first label carries visible."""
    px = (secs - lo) * (width_px / (hi - lo))
    labels = labeller(secs)
    while len(secs) and px[0] - label_width(labels[0]) / 2 < _EDGE_PX:
        secs, px = secs[1:], px[1:]
        labels = labeller(secs)  # the new first label takes the context
    while len(secs) and px[-1] + label_width(labels[-1]) / 2 > width_px - _EDGE_PX:
        secs, px, labels = secs[:-1], px[:-1], labels[:-1]
    return [Tick(float(s), label) for s, label in zip(secs.tolist(), labels, strict=True)]


def _labels_fit(
    ticks: list[Tick],
    lo: float,
    hi: float,
    width_px: float,
    label_width: Callable[[str], float],
    min_gap_px: float,
) -> bool:
    """Labels are centred on their ticks: neighbours need half of each width plus the gap."""
    px_per_second = width_px / (hi - lo)
    widths = [label_width(t.label) for t in ticks]
    for i in range(len(ticks) - 1):
        gap = (ticks[i + 1].seconds - ticks[i].seconds) * px_per_second
        if gap < (widths[i] + widths[i + 1]) / 2 + min_gap_px:
            return False
    return True
