"""An event's normalised date written out for people: ``27 Apr 2026 (day)``, ``44 BC (year)``,
``13.8 billion years ago (year, approximate)``, ``27 Apr 2026 – 31 May 2026 (day)``.

Pure Python (no Qt), so it is unit-testable. Years are written by the time axis's own
:func:`~viewer.timeline.tick_spacing.format_year`, so the panel and the axis agree. The
precision and "approximate" words can be swapped for translated ones through ``words``.
"""

from __future__ import annotations

from collections.abc import Mapping

from viewer.model.date_parsing import YEARS_AGO_ORIGIN
from viewer.model.instants import civil_from_seconds
from viewer.timeline import chinese_labels as zh
from viewer.timeline.tick_spacing import MONTH_NAMES, date_language, format_year, rounded_years_ago

# Years before 10,000 BC read as "years ago", as on the time axis.
DEEP_BEFORE_YEAR = -9_999
_MILLION = 1_000_000


def describe_instant(seconds: int, precision: str) -> str:
    """One instant to its precision: ``2030``, ``Apr 2026``, ``27 Apr 2026``,
    ``27 Apr 2026 09:00 UTC`` (seconds appear when not zero), ``44 BC``,
    ``13.8 billion years ago``."""
    year, month, day, hour, minute, second = (
        int(part[0]) for part in civil_from_seconds([int(seconds)])
    )
    if date_language() == "zh":
        return _chinese_instant(year, month, day, (hour, minute, second), precision)
    if precision == "year":
        return _years_ago(YEARS_AGO_ORIGIN - year) if year < DEEP_BEFORE_YEAR else format_year(year)
    month_year = f"{MONTH_NAMES[month - 1]} {format_year(year)}"
    if precision == "month":
        return month_year
    if precision == "day":
        return f"{day} {month_year}"
    clock = f"{hour:02d}:{minute:02d}" + (f":{second:02d}" if second else "")
    return f"{day} {month_year} {clock} UTC"


def describe_when(
    start: int,
    end: int | None,
    precision: str,
    approximate: bool,
    words: Mapping[str, str] | None = None,
) -> str:
    """An event's date or span with its precision: ``27 Apr 2026 – 31 May 2026 (day)``,
    ``2030 (year, approximate)``. An end equal to the start (at that precision) is left out.
    ``words`` maps ``"year"``, ``"month"``, ``"day"``, ``"time"`` and ``"approximate"`` to the
    words to show (translations); missing ones stay English."""
    words = words or {}
    when = describe_instant(start, precision)
    if end is not None and end != start:
        last = describe_instant(end, precision)
        if last != when:
            when = f"{when} – {last}"
    if date_language() == "zh":  # 约1850年（年）: "approximate" is a prefix in Chinese
        return f"{'约' if approximate else ''}{when}（{words.get(precision, precision)}）"
    qualifiers = [words.get(precision, precision)]
    if approximate:
        qualifiers.append(words.get("approximate", "approximate"))
    return f"{when} ({', '.join(qualifiers)})"


def _chinese_instant(
    year: int, month: int, day: int, clock: tuple[int, int, int], precision: str
) -> str:
    if precision == "year":
        return zh.years_ago(YEARS_AGO_ORIGIN - year) if year < DEEP_BEFORE_YEAR else zh.year(year)
    if precision == "month":
        return zh.month_year(year, month)
    if precision == "day":
        return zh.full_day(year, month, day)
    hour, minute, second = clock
    return (
        f"{zh.full_day(year, month, day)} {hour:02d}:{minute:02d}"
        + (f":{second:02d}" if second else "")
        + " UTC"
    )


def _years_ago(ago: int) -> str:
    """``13.8 billion years ago``, ``65.5 million years ago`` (rounded as on the axis's span
    line, whose helper this reuses so the two agree); under a million years the exact
    count, ``13,949 years ago``."""
    return rounded_years_ago(ago) if ago >= _MILLION else f"{ago:,} years ago"
