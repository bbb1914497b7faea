"""Tick positions and labels for a time axis that runs from seconds to the age of the universe.

Pure Python and numpy (no Qt), so it is unit-testable: the axis item measures labels with its
font and asks :func:`choose_ticks` for the finest step of a fixed ladder whose labels do not
collide. Month and year ticks sit on calendar boundaries computed with the proleptic Gregorian
functions of :mod:`viewer.model.instants`, so they stay exact far outside numpy's datetime range.
Label wording lives in one small function per scale, so translation can swap them later.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

import numpy as np
import numpy.typing as npt

from viewer.model.date_parsing import YEARS_AGO_ORIGIN
from viewer.model.instants import SECONDS_PER_DAY, civil_from_seconds, seconds_from_civil
from viewer.timeline import chinese_labels as zh

MONTH_NAMES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_YEAR_SECONDS = 365.2425 * SECONDS_PER_DAY
# int64 seconds overflow near ±9.2e18; the universe needs only ±4.4e17, so clamp absurd views.
_LIMIT = 1e18
# Deep time ("years ago") labels take over when the view starts before 10,000 BC. (A view of more
# than 20,000 years that starts later reaches past AD 10,000, where calendar years read better.)
_DEEP_BEFORE_YEAR = -9_999
# Labels keep this far inside the axis ends: pyqtgraph's axis length is the widget's plus 2 px.
_EDGE_PX = 2

IntArray = npt.NDArray[np.int64]
_Labeller = Callable[[IntArray], list[str]]

# The language dates are written in, set once at start-up from the interface language
# (like Qt's installed translators, it holds for the whole application).
_language = "en"


def set_date_language(language: str) -> None:
    """``"zh_CN"`` (or any Chinese) writes 2026年4月27日; anything else writes 27 Apr 2026."""
    global _language
    _language = "zh" if language.lower().startswith("zh") else "en"


def date_language() -> str:
    return _language


@dataclass(frozen=True)
class Tick:
    seconds: float
    label: str


@dataclass(frozen=True)
class _Step:
    unit: str  # "second", "day", "week", "month" or "year"
    count: int

    @property
    def nominal_seconds(self) -> float:
        per_unit = {
            "second": 1.0,
            "day": float(SECONDS_PER_DAY),
            "week": 7.0 * SECONDS_PER_DAY,
            "month": _YEAR_SECONDS / 12,
            "year": _YEAR_SECONDS,
        }
        return per_unit[self.unit] * self.count


_LADDER = (
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
) -> list[Tick]:
    """Ticks for the visible span [start, end] (seconds since the epoch) on an axis
    ``width_px`` wide: the finest ladder step whose labels, measured with ``label_width``,
    keep ``min_gap_px`` apart and lie whole inside the axis. Empty for a degenerate span or
    width."""
    lo, hi = _clamped_span(start, end)
    if not hi > lo or not width_px > 0:
        return []
    deep = _is_deep(lo)
    # A step with more ticks than this cannot fit, whatever its labels: skip it unbuilt.
    most_ticks = width_px / max(min_gap_px, 1.0) + 2
    coarsest: list[Tick] = []
    for step in _LADDER:
        if (hi - lo) / step.nominal_seconds > most_ticks:
            continue
        secs, labeller = _positions(step, lo, hi, deep)
        ticks = _whole_labels(secs, labeller, lo, hi, width_px, label_width)
        if ticks and _labels_fit(ticks, lo, hi, width_px, label_width, min_gap_px):
            return ticks
        coarsest = ticks or coarsest
    # Labels too long for two ticks (deep time on a narrow axis): one central tick still orients.
    centre = (lo + hi) / 2
    return [min(coarsest, key=lambda t: abs(t.seconds - centre))] if coarsest else []


def format_span(start: float, end: float) -> str:
    """A short description of the visible span for a status line, at the span's own scale:
    ``27 Apr 2026 09:00 – 17:30``, ``Apr – Jun 2026``, ``44 BC – AD 14``,
    ``13.8 billion – 4.6 billion years ago``."""
    lo, hi = _clamped_span(start, end)
    if not hi >= lo:
        return ""
    if _language == "zh":
        return _zh_span(lo, hi)
    span = hi - lo
    if _is_deep(lo) and span >= 10 * _YEAR_SECONDS:
        return _deep_span(lo, hi)
    a = _civil(lo)
    b = _civil(hi)
    if span < 3 * SECONDS_PER_DAY:
        return _clock_span(a, b, with_seconds=span < 120)
    if span < 180 * SECONDS_PER_DAY:
        return _day_span(a, b)
    if span < 10 * _YEAR_SECONDS:
        return _month_span(a, b)
    return _year_span(a[0], b[0])


# --- tick positions ---------------------------------------------------------------------


def _clamped_span(start: float, end: float) -> tuple[float, float]:
    if not (math.isfinite(start) and math.isfinite(end)):
        return 0.0, float("nan")
    lo, hi = sorted((float(start), float(end)))
    return max(lo, -_LIMIT), min(hi, _LIMIT)


def _civil(seconds: float) -> tuple[int, ...]:
    """(year, month, day, hour, minute, second) of one instant, as Python ints."""
    return tuple(int(part[0]) for part in civil_from_seconds([math.floor(seconds)]))


def _is_deep(lo: float) -> bool:
    return _civil(lo)[0] < _DEEP_BEFORE_YEAR


def _multiples(first: int, last: int, step: int) -> IntArray:
    """Multiples of ``step`` in [first, last], ascending."""
    return np.arange(-(-first // step) * step, last + 1, step, dtype=np.int64)


def _positions(step: _Step, lo: float, hi: float, deep: bool) -> tuple[IntArray, _Labeller]:
    """Tick instants of one ladder step inside [lo, hi], and the labeller for them."""
    if step.unit == "second":
        secs = _multiples(math.ceil(lo), math.floor(hi), step.count)
        return secs, partial(_clock_labels, with_seconds=step.count < 60)
    if step.unit in ("day", "week"):
        days = np.arange(math.ceil(lo / SECONDS_PER_DAY), math.floor(hi / SECONDS_PER_DAY) + 1)
        # Day 4 (1970-01-05) was a Monday, so weeks start where (day + 3) % 7 == 0.
        keep = (days + 3) % 7 == 0 if step.unit == "week" else days % step.count == 0
        return days[keep].astype(np.int64) * SECONDS_PER_DAY, _day_labels
    y0, m0 = _civil(lo)[:2]
    y1, m1 = _civil(hi)[:2]
    if step.unit == "month":
        index = _multiples(y0 * 12 + m0 - 1, y1 * 12 + m1 - 1, step.count)
        return _inside(seconds_from_civil(index // 12, index % 12 + 1, 1), lo, hi), _month_labels
    if deep:
        ago = _multiples(YEARS_AGO_ORIGIN - y1, YEARS_AGO_ORIGIN - y0, step.count)[::-1]
        secs = seconds_from_civil(YEARS_AGO_ORIGIN - ago)
        return _inside(secs, lo, hi), partial(_years_ago_labels, step=step.count)
    # Ticks go where the *displayed* year is a round number: 500 BC is astronomical -499.
    bc = 1 - _multiples(1 - min(y1, 0), 1 - y0, step.count)[::-1]
    ad = _multiples(max(y0, 1), y1, step.count)
    return _inside(seconds_from_civil(np.concatenate([bc, ad])), lo, hi), _year_labels


def _inside(secs: IntArray, lo: float, hi: float) -> IntArray:
    return secs[(secs >= lo) & (secs <= hi)]


def _whole_labels(
    secs: IntArray,
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


# --- labels: one small function per scale (English) -------------------------------------


def format_year(year: int) -> str:
    """Historical year for an astronomical one: 1969, 43, 44 BC (-43), 1 BC (0), 10,000."""
    if _language == "zh":
        return zh.year(year)
    if year <= 0:
        return f"{_year_number(1 - year)} BC"
    return _year_number(year)


def _year_number(n: int) -> str:
    # Four-digit years read as years (3500 BC); longer ones need grouping (10,000 BC).
    return f"{n:,}" if n >= 10_000 else str(n)


def _clock(hour: int, minute: int, second: int, with_seconds: bool) -> str:
    return f"{hour:02d}:{minute:02d}:{second:02d}" if with_seconds else f"{hour:02d}:{minute:02d}"


def _day_month(day: int, month: int) -> str:
    return f"{day} {MONTH_NAMES[month - 1]}"


def _clock_labels(secs: IntArray, with_seconds: bool) -> list[str]:
    """``09:05`` (or ``09:00:05``), with the day on the first tick and where the day changes."""
    parts = zip(*(p.tolist() for p in civil_from_seconds(secs)), strict=True)
    labels: list[str] = []
    previous_day = None
    for year, month, day, hour, minute, second in parts:
        clock = _clock(hour, minute, second, with_seconds)
        new_day = previous_day != (year, month, day)
        day_text = zh.day_month(month, day) if _language == "zh" else _day_month(day, month)
        labels.append(f"{day_text} {clock}" if new_day else clock)
        previous_day = (year, month, day)
    return labels


def _day_labels(secs: IntArray) -> list[str]:
    """``27 Apr``, with the year on the first tick and on 1 January: ``1 Jan 2027``."""
    year, month, day = (p.tolist() for p in civil_from_seconds(secs)[:3])
    if _language == "zh":
        return [
            zh.full_day(y, m, d) if i == 0 or (d, m) == (1, 1) else zh.day_month(m, d)
            for i, (y, m, d) in enumerate(zip(year, month, day, strict=True))
        ]
    return [
        f"{_day_month(d, m)} {format_year(y)}" if i == 0 or (d, m) == (1, 1) else _day_month(d, m)
        for i, (y, m, d) in enumerate(zip(year, month, day, strict=True))
    ]


def _month_labels(secs: IntArray) -> list[str]:
    """``Apr 2026``."""
    year, month = (p.tolist() for p in civil_from_seconds(secs)[:2])
    if _language == "zh":
        return [zh.month_year(y, m) for y, m in zip(year, month, strict=True)]
    return [f"{MONTH_NAMES[m - 1]} {format_year(y)}" for y, m in zip(year, month, strict=True)]


def _year_labels(secs: IntArray) -> list[str]:
    """``1969``, ``44 BC``, ``10,000``."""
    return [format_year(y) for y in civil_from_seconds(secs)[0].tolist()]


def _years_ago_labels(secs: IntArray, step: int) -> list[str]:
    """``300,000 years ago``, ``4.6 million years ago``; 1950 and later as calendar years."""
    return [_years_ago(YEARS_AGO_ORIGIN - y, step) for y in civil_from_seconds(secs)[0].tolist()]


def _years_ago(ago: int, step: int) -> str:
    if _language == "zh":
        return zh.years_ago(ago)
    if ago <= 0:
        return format_year(YEARS_AGO_ORIGIN - ago)
    unit, word = (10**9, "billion") if ago >= 10**9 else (10**6, "million")
    # Words when the step needs at most three decimals of the unit (4.65 million), else digits.
    if ago >= unit and step * 1000 >= unit:
        decimals = 0
        while step * 10**decimals % unit:
            decimals += 1
        return f"{_trim(f'{ago / unit:.{decimals}f}')} {word} years ago"
    return f"{ago:,} years ago"


def _trim(number: str) -> str:
    return number.rstrip("0").rstrip(".") if "." in number else number


# --- spans ------------------------------------------------------------------------------


def _clock_span(a: tuple[int, ...], b: tuple[int, ...], with_seconds: bool) -> str:
    start = _clock(a[3], a[4], a[5], with_seconds)
    end = _clock(b[3], b[4], b[5], with_seconds)
    if a[:3] == b[:3]:
        return f"{_day_month(a[2], a[1])} {format_year(a[0])} {start} – {end}"
    first = _day_month(a[2], a[1]) + ("" if a[0] == b[0] else f" {format_year(a[0])}")
    return f"{first} {start} – {_day_month(b[2], b[1])} {format_year(b[0])} {end}"


def _day_span(a: tuple[int, ...], b: tuple[int, ...]) -> str:
    first = _day_month(a[2], a[1]) + ("" if a[0] == b[0] else f" {format_year(a[0])}")
    return f"{first} – {_day_month(b[2], b[1])} {format_year(b[0])}"


def _month_span(a: tuple[int, ...], b: tuple[int, ...]) -> str:
    last = f"{MONTH_NAMES[b[1] - 1]} {format_year(b[0])}"
    if a[:2] == b[:2]:
        return last
    first = MONTH_NAMES[a[1] - 1] + ("" if a[0] == b[0] else f" {format_year(a[0])}")
    return f"{first} – {last}"


def _year_span(a: int, b: int) -> str:
    if a == b:
        return format_year(a)
    if a <= 0 < b:
        return f"{format_year(a)} – AD {_year_number(b)}"  # "44 BC – AD 14" reads naturally
    if b <= 0:
        return f"{_year_number(1 - a)} – {format_year(b)}"  # "500 – 44 BC"
    return f"{format_year(a)} – {format_year(b)}"


def _deep_span(lo: float, hi: float) -> str:
    first = rounded_years_ago(YEARS_AGO_ORIGIN - _civil(lo)[0])
    end_year = _civil(hi)[0]
    if end_year >= YEARS_AGO_ORIGIN:
        return f"{first} – {format_year(end_year)}"
    last = rounded_years_ago(YEARS_AGO_ORIGIN - end_year)
    return f"{first.removesuffix(' years ago')} – {last}"


def rounded_years_ago(ago: int) -> str:
    """Three significant figures: ``13.8 billion years ago``, ``312,000 years ago``."""
    if _language == "zh":
        return zh.rounded_years_ago(ago)
    drop = len(str(ago)) - 3
    if drop > 0:
        ago = (ago + 5 * 10 ** (drop - 1)) // 10**drop * 10**drop
    for unit, word in ((10**9, "billion"), (10**6, "million")):
        if ago >= unit:
            return f"{_trim(f'{ago / unit:.2f}')} {word} years ago"
    return f"{ago:,} years ago"


def _zh_span(lo: float, hi: float) -> str:
    """The span line in Chinese, at the span's own scale: ``2026年4月27日 09:00 – 17:30``,
    ``2026年4月 – 2026年6月``, ``公元前44年 – 14年``, ``138亿年前 – 46亿年前``."""
    span = hi - lo
    a, b = _civil(lo), _civil(hi)
    if _is_deep(lo) and span >= 10 * _YEAR_SECONDS:
        return f"{zh.rounded_years_ago(YEARS_AGO_ORIGIN - a[0])} – {zh.rounded_years_ago(YEARS_AGO_ORIGIN - b[0])}"
    if span < 3 * SECONDS_PER_DAY:
        with_seconds = span < 120
        start = f"{zh.full_day(*a[:3])} {_clock(a[3], a[4], a[5], with_seconds)}"
        end = _clock(b[3], b[4], b[5], with_seconds)
        return f"{start} – {end}" if a[:3] == b[:3] else f"{start} – {zh.full_day(*b[:3])} {end}"
    if span < 180 * SECONDS_PER_DAY:
        return f"{zh.full_day(*a[:3])} – {zh.full_day(*b[:3])}"
    if span < 10 * _YEAR_SECONDS:
        return f"{zh.month_year(*a[:2])} – {zh.month_year(*b[:2])}"
    return f"{zh.year(a[0])} – {zh.year(b[0])}"
