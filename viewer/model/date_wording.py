"""Dates written for people, in one place: the time axis's tick labels, the span line above the
timeline, the details panel and pictures all ask a :class:`DateWording` for their words.

``ENGLISH`` writes ``27 Apr 2026``, ``44 BC``, ``13.8 billion years ago``; ``CHINESE`` writes
``2026年4月27日``, ``公元前44年``, ``138亿年前``. :func:`wording_for` picks one for an interface
language. There is no language switch to set: each view is handed its wording, so two views (or
two tests) in one process can write differently.

Pure Python and numpy (no Qt). Which ticks an axis shows is decided in
:mod:`viewer.timeline.tick_spacing`; only the words are here.
"""

from __future__ import annotations

import math
from abc import ABC, abstractmethod
from collections.abc import Mapping

import numpy as np
import numpy.typing as npt

from viewer.model.date_parsing import YEARS_AGO_ORIGIN
from viewer.model.instants import SECONDS_PER_DAY, civil_from_seconds, fraction_text

# Deep time: years before 10,000 BC read as "years ago" (13.8 billion years ago), on the axis,
# in the span line and in the details panel. The one threshold for all of them. (A view of more
# than 20,000 years that starts later reaches past AD 10,000, where calendar years read better.)
DEEP_BEFORE_YEAR = -9_999

MONTH_NAMES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
YEAR_SECONDS = 365.2425 * SECONDS_PER_DAY
# int64 seconds overflow near ±9.2e18; the universe needs only ±4.4e17, so clamp absurd views.
_LIMIT = 1e18
_MILLION = 1_000_000
# Milliseconds are written only where float64 seconds still hold them (years ±30,000).
_SUBSECOND_LIMIT = 1e12

IntArray = npt.NDArray[np.int64]
Civil = tuple[int, int, int, int, int, int]  # year, month, day, hour, minute, second


def clamped_span(start: float, end: float) -> tuple[float, float]:
    """``(lo, hi)`` in order and inside the seconds dates can be written for; ``hi`` is NaN
    when either end is not finite."""
    if not (math.isfinite(start) and math.isfinite(end)):
        return 0.0, float("nan")
    lo, hi = sorted((float(start), float(end)))
    return max(lo, -_LIMIT), min(hi, _LIMIT)


def civil(seconds: float) -> Civil:
    """(year, month, day, hour, minute, second) of one instant, as Python ints."""
    y, mo, d, h, mi, s = (int(part[0]) for part in civil_from_seconds([math.floor(seconds)]))
    return y, mo, d, h, mi, s


def is_deep(seconds: float) -> bool:
    """True when the instant falls before :data:`DEEP_BEFORE_YEAR`: it reads as "years ago"."""
    return civil(seconds)[0] < DEEP_BEFORE_YEAR


class DateWording(ABC):
    """How one language writes dates. Subclasses give the forms (a year, a day, a month, years
    ago, the span line's parts); the rules shared by every language (which tick carries the day
    or the year, which scale a span is written at) are here."""

    language: str  # "en" or "zh"

    # -- the forms each language writes -------------------------------------------------
    @abstractmethod
    def year(self, year: int) -> str:
        """Historical year for an astronomical one: 1969, 44 BC (-43), 1 BC (0)."""

    @abstractmethod
    def day_month(self, month: int, day: int) -> str:
        """A day without its year: ``27 Apr``."""

    @abstractmethod
    def full_day(self, year: int, month: int, day: int) -> str:
        """A day with its year: ``27 Apr 2026``."""

    @abstractmethod
    def month_year(self, year: int, month: int) -> str:
        """``Apr 2026``."""

    @abstractmethod
    def years_ago(self, ago: int, step: int) -> str:
        """An axis tick ``ago`` years before 1950 on an axis ticked every ``step`` years; 1950
        and later as calendar years."""

    @abstractmethod
    def rounded_years_ago(self, ago: int) -> str:
        """Years ago to three significant figures, for the span line."""

    @abstractmethod
    def event_years_ago(self, ago: int) -> str:
        """An event's deep-time year in the details panel."""

    @abstractmethod
    def _qualified(
        self, when: str, precision: str, approximate: bool, words: Mapping[str, str]
    ) -> str:
        """The details panel's date with its precision word and "approximate"."""

    @abstractmethod
    def _deep_span(self, first_year: int, last_year: int) -> str: ...

    @abstractmethod
    def _clock_span(self, a: Civil, b: Civil, with_seconds: bool) -> str: ...

    @abstractmethod
    def _day_span(self, a: Civil, b: Civil) -> str: ...

    @abstractmethod
    def _month_span(self, a: Civil, b: Civil) -> str: ...

    @abstractmethod
    def _year_span(self, a: int, b: int) -> str: ...

    # -- tick labels, one labeller per step unit -----------------------------------------
    def clock_labels(self, secs: IntArray, with_seconds: bool) -> list[str]:
        """``09:05`` (or ``09:00:05``), with the day on the first tick and where the day
        changes."""
        parts = zip(*(p.tolist() for p in civil_from_seconds(secs)), strict=True)
        labels: list[str] = []
        previous_day = None
        for year, month, day, hour, minute, second in parts:
            clock = _clock(hour, minute, second, with_seconds)
            new_day = previous_day != (year, month, day)
            labels.append(f"{self.day_month(month, day)} {clock}" if new_day else clock)
            previous_day = (year, month, day)
        return labels

    def millisecond_labels(self, secs: npt.NDArray[np.float64]) -> list[str]:
        """``20:20:03.125`` for ticks a few milliseconds apart, with the day on the first tick
        and where the day changes."""
        millis = np.round(np.asarray(secs, dtype=np.float64) * 1000).astype(np.int64)
        whole, rest = np.divmod(millis, 1000)
        labels = self.clock_labels(whole, with_seconds=True)
        return [f"{label}.{ms:03d}" for label, ms in zip(labels, rest.tolist(), strict=True)]

    def day_labels(self, secs: IntArray) -> list[str]:
        """``27 Apr``, with the year on the first tick and on 1 January: ``1 Jan 2027``."""
        year, month, day = (p.tolist() for p in civil_from_seconds(secs)[:3])
        return [
            self.full_day(y, m, d) if i == 0 or (d, m) == (1, 1) else self.day_month(m, d)
            for i, (y, m, d) in enumerate(zip(year, month, day, strict=True))
        ]

    def month_labels(self, secs: IntArray) -> list[str]:
        year, month = (p.tolist() for p in civil_from_seconds(secs)[:2])
        return [self.month_year(y, m) for y, m in zip(year, month, strict=True)]

    def year_labels(self, secs: IntArray) -> list[str]:
        return [self.year(y) for y in civil_from_seconds(secs)[0].tolist()]

    def years_ago_labels(self, secs: IntArray, step: int) -> list[str]:
        years = civil_from_seconds(secs)[0].tolist()
        return [self.years_ago(YEARS_AGO_ORIGIN - y, step) for y in years]

    # -- the span line ---------------------------------------------------------------------
    def span(self, start: float, end: float) -> str:
        """The visible span [start, end] (seconds since 1970) at the span's own scale:
        ``27 Apr 2026 09:00 – 17:30``, ``Apr – Jun 2026``, ``44 BC – AD 14``,
        ``13.8 billion – 4.6 billion years ago``. Empty for a span that is not finite."""
        lo, hi = clamped_span(start, end)
        if not hi >= lo:
            return ""
        length = hi - lo
        a, b = civil(lo), civil(hi)
        if a[0] < DEEP_BEFORE_YEAR and length >= 10 * YEAR_SECONDS:
            return self._deep_span(a[0], b[0])
        if length < 2 and abs(lo) < _SUBSECOND_LIMIT:
            return self._millisecond_span(lo, hi)
        if length < 3 * SECONDS_PER_DAY:
            return self._clock_span(a, b, with_seconds=length < 120)
        if length < 180 * SECONDS_PER_DAY:
            return self._day_span(a, b)
        if length < 10 * YEAR_SECONDS:
            return self._month_span(a, b)
        return self._year_span(a[0], b[0])

    def _millisecond_span(self, lo: float, hi: float) -> str:
        """``21 Jul 2015 20:20:03.120 – 20:20:03.130``: a view of less than two seconds."""
        (a, a_clock), (b, b_clock) = _millisecond_clock(lo), _millisecond_clock(hi)
        start = f"{self.full_day(*a[:3])} {a_clock}"
        return (
            f"{start} – {b_clock}"
            if a[:3] == b[:3]
            else f"{start} – {self.full_day(*b[:3])} {b_clock}"
        )

    # -- the details panel -----------------------------------------------------------------
    def instant(self, seconds: int, precision: str, nanos: int = 0) -> str:
        """One instant to its precision: ``2030``, ``Apr 2026``, ``27 Apr 2026``,
        ``27 Apr 2026 09:00 UTC`` (seconds appear when not zero, and their fraction when there
        is one: ``20:20:03.123456``), ``44 BC``, ``13.8 billion years ago``."""
        year, month, day, hour, minute, second = civil(int(seconds))
        if precision == "year":
            if year < DEEP_BEFORE_YEAR:
                return self.event_years_ago(YEARS_AGO_ORIGIN - year)
            return self.year(year)
        if precision == "month":
            return self.month_year(year, month)
        if precision == "day":
            return self.full_day(year, month, day)
        clock = f"{hour:02d}:{minute:02d}" + (f":{second:02d}" if second or nanos else "")
        clock += fraction_text(nanos)
        return f"{self.full_day(year, month, day)} {clock} UTC"

    def when(
        self,
        start: int,
        end: int | None,
        precision: str,
        approximate: bool,
        words: Mapping[str, str] | None = None,
        start_ns: int = 0,
        end_ns: int = 0,
    ) -> str:
        """An event's date or span with its precision: ``27 Apr 2026 – 31 May 2026 (day)``,
        ``2030 (year, approximate)``. An end equal to the start (at that precision) is left
        out. ``words`` maps ``"year"``, ``"month"``, ``"day"``, ``"time"`` and
        ``"approximate"`` to the words to show (translations); missing ones stay English.
        ``start_ns`` and ``end_ns`` are the sub-second parts."""
        text = self.instant(start, precision, start_ns)
        if end is not None and (end, end_ns) != (start, start_ns):
            last = self.instant(end, precision, end_ns)
            if last != text:
                text = f"{text} – {last}"
        return self._qualified(text, precision, approximate, words or {})


class EnglishWording(DateWording):
    """``27 Apr 2026``, ``44 BC``, ``10,000``, ``4.6 billion years ago``."""

    language = "en"

    def year(self, year: int) -> str:
        return f"{_year_number(1 - year)} BC" if year <= 0 else _year_number(year)

    def day_month(self, month: int, day: int) -> str:
        return f"{day} {MONTH_NAMES[month - 1]}"

    def full_day(self, year: int, month: int, day: int) -> str:
        return f"{self.day_month(month, day)} {self.year(year)}"

    def month_year(self, year: int, month: int) -> str:
        return f"{MONTH_NAMES[month - 1]} {self.year(year)}"

    def years_ago(self, ago: int, step: int) -> str:
        """``300,000 years ago``, ``4.6 million years ago``."""
        if ago <= 0:
            return self.year(YEARS_AGO_ORIGIN - ago)
        unit, word = (10**9, "billion") if ago >= 10**9 else (10**6, "million")
        # Words when the step needs at most three decimals of the unit (4.65 million), else digits.
        if ago >= unit and step * 1000 >= unit:
            decimals = 0
            while step * 10**decimals % unit:
                decimals += 1
            return f"{_trim(f'{ago / unit:.{decimals}f}')} {word} years ago"
        return f"{ago:,} years ago"

    def rounded_years_ago(self, ago: int) -> str:
        """``13.8 billion years ago``, ``312,000 years ago``."""
        ago = _three_figures(ago)
        for unit, word in ((10**9, "billion"), (10**6, "million")):
            if ago >= unit:
                return f"{_trim(f'{ago / unit:.2f}')} {word} years ago"
        return f"{ago:,} years ago"

    def event_years_ago(self, ago: int) -> str:
        """Rounded as on the span line from a million years on (``65.5 million years ago``);
        below, the exact count (``13,949 years ago``)."""
        return self.rounded_years_ago(ago) if ago >= _MILLION else f"{ago:,} years ago"

    def _qualified(
        self, when: str, precision: str, approximate: bool, words: Mapping[str, str]
    ) -> str:
        qualifiers = [words.get(precision, precision)]
        if approximate:
            qualifiers.append(words.get("approximate", "approximate"))
        return f"{when} ({', '.join(qualifiers)})"

    def _deep_span(self, first_year: int, last_year: int) -> str:
        first = self.rounded_years_ago(YEARS_AGO_ORIGIN - first_year)
        if last_year >= YEARS_AGO_ORIGIN:
            return f"{first} – {self._late_year(last_year)}"
        last = self.rounded_years_ago(YEARS_AGO_ORIGIN - last_year)
        return f"{first.removesuffix(' years ago')} – {last}"

    def _late_year(self, year: int) -> str:
        """A span's end after 1950 beside "years ago": ``2026``; a far one names its era, to
        three figures as its other end is: ``AD 12,000``, ``AD 276 million``."""
        if year < 10_000:
            return self.year(year)
        year = _three_figures(year)
        for unit, word in ((10**9, "billion"), (10**6, "million")):
            if year >= unit:
                return f"AD {_trim(f'{year / unit:.2f}')} {word}"
        return f"AD {year:,}"

    def _clock_span(self, a: Civil, b: Civil, with_seconds: bool) -> str:
        start = _clock(a[3], a[4], a[5], with_seconds)
        end = _clock(b[3], b[4], b[5], with_seconds)
        if a[:3] == b[:3]:
            return f"{self.full_day(*a[:3])} {start} – {end}"
        return f"{self._first_day(a, b)} {start} – {self.full_day(*b[:3])} {end}"

    def _day_span(self, a: Civil, b: Civil) -> str:
        return f"{self._first_day(a, b)} – {self.full_day(*b[:3])}"

    def _month_span(self, a: Civil, b: Civil) -> str:
        last = self.month_year(b[0], b[1])
        if a[:2] == b[:2]:
            return last
        first = MONTH_NAMES[a[1] - 1] + ("" if a[0] == b[0] else f" {self.year(a[0])}")
        return f"{first} – {last}"

    def _year_span(self, a: int, b: int) -> str:
        if a == b:
            return self.year(a)
        if a <= 0 < b:
            return f"{self.year(a)} – AD {_year_number(b)}"  # "44 BC – AD 14" reads naturally
        if b <= 0:
            return f"{_year_number(1 - a)} – {self.year(b)}"  # "500 – 44 BC"
        return f"{self.year(a)} – {self.year(b)}"

    def _first_day(self, a: Civil, b: Civil) -> str:
        """The span's first day, with its year only when the last day's year differs."""
        day = self.day_month(a[1], a[2])
        return day if a[0] == b[0] else f"{day} {self.year(a[0])}"


class ChineseWording(DateWording):
    """``2026年4月27日``, ``2026年4月``, ``公元前44年``, ``30万年前``, ``138亿年前``."""

    language = "zh"

    def year(self, year: int) -> str:
        return f"公元前{1 - year}年" if year <= 0 else f"{year}年"

    def day_month(self, month: int, day: int) -> str:
        return f"{month}月{day}日"

    def full_day(self, year: int, month: int, day: int) -> str:
        return f"{self.year(year)}{month}月{day}日"

    def month_year(self, year: int, month: int) -> str:
        return f"{self.year(year)}{month}月"

    def years_ago(self, ago: int, step: int) -> str:
        """``30万年前``, ``460万年前``, ``138亿年前``, whatever the step."""
        return self._years_ago(ago)

    def rounded_years_ago(self, ago: int) -> str:
        """``138亿年前``, ``31.2万年前``."""
        return self._years_ago(_three_figures(ago))

    def event_years_ago(self, ago: int) -> str:
        return self._years_ago(ago)

    def _years_ago(self, ago: int) -> str:
        if ago <= 0:
            return self.year(YEARS_AGO_ORIGIN - ago)
        for unit, word in ((10**8, "亿"), (10**4, "万")):
            if ago >= unit:
                number = f"{ago / unit:.4f}".rstrip("0").rstrip(".")
                return f"{number}{word}年前"
        return f"{ago}年前"

    def _qualified(
        self, when: str, precision: str, approximate: bool, words: Mapping[str, str]
    ) -> str:
        # 约1850年（年）: "approximate" is a prefix in Chinese.
        return f"{'约' if approximate else ''}{when}（{words.get(precision, precision)}）"

    def _deep_span(self, first_year: int, last_year: int) -> str:
        first = self.rounded_years_ago(YEARS_AGO_ORIGIN - first_year)
        if last_year >= YEARS_AGO_ORIGIN:
            return f"{first} – {self._late_year(last_year)}"
        return f"{first} – {self.rounded_years_ago(YEARS_AGO_ORIGIN - last_year)}"

    def _late_year(self, year: int) -> str:
        """``2026年``; a far one with its era, to three figures: ``公元1.2万年``, ``公元2.76亿年``."""
        if year < 10_000:
            return self.year(year)
        year = _three_figures(year)
        for unit, word in ((10**8, "亿"), (10**4, "万")):
            if year >= unit:
                return f"公元{_trim(f'{year / unit:.4f}')}{word}年"
        return f"公元{year}年"

    def _clock_span(self, a: Civil, b: Civil, with_seconds: bool) -> str:
        start = f"{self.full_day(*a[:3])} {_clock(a[3], a[4], a[5], with_seconds)}"
        end = _clock(b[3], b[4], b[5], with_seconds)
        return f"{start} – {end}" if a[:3] == b[:3] else f"{start} – {self.full_day(*b[:3])} {end}"

    def _day_span(self, a: Civil, b: Civil) -> str:
        return f"{self.full_day(*a[:3])} – {self.full_day(*b[:3])}"

    def _month_span(self, a: Civil, b: Civil) -> str:
        return f"{self.month_year(*a[:2])} – {self.month_year(*b[:2])}"

    def _year_span(self, a: int, b: int) -> str:
        return f"{self.year(a)} – {self.year(b)}"


ENGLISH = EnglishWording()
CHINESE = ChineseWording()


def wording_for(language: str) -> DateWording:
    """The wording for an interface language: ``"zh_CN"`` (any Chinese) writes 2026年4月27日;
    anything else writes 27 Apr 2026."""
    return CHINESE if language.lower().startswith("zh") else ENGLISH


def _year_number(n: int) -> str:
    # Four-digit years read as years (3500 BC); longer ones need grouping (10,000 BC).
    return f"{n:,}" if n >= 10_000 else str(n)


def _clock(hour: int, minute: int, second: int, with_seconds: bool) -> str:
    return f"{hour:02d}:{minute:02d}:{second:02d}" if with_seconds else f"{hour:02d}:{minute:02d}"


def _millisecond_clock(seconds: float) -> tuple[Civil, str]:
    """The instant's day and its ``20:20:03.125``, rounded to the millisecond."""
    whole, ms = divmod(round(seconds * 1000), 1000)
    parts = civil(whole)
    return parts, f"{_clock(*parts[3:], with_seconds=True)}.{ms:03d}"


def _three_figures(ago: int) -> int:
    drop = len(str(ago)) - 3
    if drop > 0:
        ago = (ago + 5 * 10 ** (drop - 1)) // 10**drop * 10**drop
    return ago


def _trim(number: str) -> str:
    return number.rstrip("0").rstrip(".") if "." in number else number
