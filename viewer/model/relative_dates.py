"""Dates written relative to when a page was read: ``yesterday 04:44``, ``3 hours ago``,
``昨天 04:44``, ``前天``, ``5分钟前``, ``刚刚``. They name no day of their own: the loader counts
them from a day the file gives (a crawl date, a date in its name), never from today."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from viewer.model.date_forms import clock_seconds
from viewer.model.parsed_date import DateParseError
from viewer.model.precision import Precision

_DAYS_BACK = {
    "today": 0, "yesterday": 1, "今天": 0, "今日": 0, "昨天": 1, "昨日": 1, "前天": 2,
}  # fmt: skip
_DAY_WORD_RE = re.compile(
    r"^(?P<day>today|yesterday|今天|今日|昨天|昨日|前天)\s*(?:at\s+)?"
    r"(?:(?P<hour>\d{1,2})[:：](?P<minute>\d{2})(?::(?P<second>\d{2}))?\s*(?P<ampm>am|pm)?)?$"
)
_UNITS = {
    "second": 1, "minute": 60, "min": 60, "hour": 3600, "hr": 3600, "day": 86_400,
    "week": 604_800, "秒": 1, "分钟": 60, "分鐘": 60, "小时": 3600, "小時": 3600, "天": 86_400,
    "周": 604_800, "週": 604_800, "星期": 604_800,
}  # fmt: skip
_AGO_RE = re.compile(
    r"^(?P<n>\d{1,4}|an?)\s*(?P<unit>second|minute|min|hour|hr|day|week)s?\s+ago$"
    r"|^(?P<cn>\d{1,4})\s*(?P<cunit>秒|分钟|分鐘|小时|小時|天|周|週|星期)\s*前$"
)
_JUST_NOW = frozenset({"just now", "now", "刚刚", "剛剛"})
# How every relative form begins (a number or "a(n)" only when it ends in "ago" or 前): the
# rest of a million dates is turned away by a look at two characters.
_FIRST_WORDS = frozenset({"tod", "yes", "jus", "now"})


@dataclass(frozen=True, slots=True)
class RelativeDate:
    """``days_back`` days before the reference day at ``clock`` (seconds after midnight; None
    for the whole day), or ``seconds_back`` before the reference instant."""

    days_back: int = 0
    clock: int | None = None
    seconds_back: int | None = None
    precision: Precision = Precision.TIME
    approximate: bool = False

    def counted_from(self, reference: int) -> int:
        """The instant this names, from a reference instant (UTC seconds)."""
        if self.seconds_back is not None:
            return reference - self.seconds_back
        midnight = reference - reference % 86_400
        return midnight - self.days_back * 86_400 + (self.clock or 0)


def _may_be_relative(text: str) -> bool:
    text = text.strip()
    first = text[:1]
    if first.isdigit() or first in ("a", "A"):
        return text[-3:].lower() == "ago" or text.endswith("前")
    if first.isascii():
        return text[:3].lower() in _FIRST_WORDS
    return True  # 今天, 昨天, 前天, 刚刚, and full-width letters (NFKC) are looked at closely


def read_relative(text: str) -> RelativeDate | None:
    """The relative date ``text`` writes, or None when it writes none."""
    if not _may_be_relative(text):
        return None
    s = unicodedata.normalize("NFKC", text).strip().lower()
    s = re.sub(r"\s+", " ", s)
    if s in _JUST_NOW:
        return RelativeDate(seconds_back=0)
    if m := _DAY_WORD_RE.match(s):
        days = _DAYS_BACK[m["day"]]
        if m["hour"] is None:
            return RelativeDate(days_back=days, precision=Precision.DAY)
        try:
            clock = clock_seconds(m["hour"], m["minute"], m["second"], m["ampm"])
        except DateParseError:
            return None
        return RelativeDate(days_back=days, clock=clock)
    if m := _AGO_RE.match(s):
        count = m["n"] or m["cn"]
        n = 1 if count in ("a", "an") else int(count)
        unit = _UNITS[m["unit"] or m["cunit"]]
        precision = Precision.DAY if unit >= 86_400 else Precision.TIME
        return RelativeDate(seconds_back=n * unit, precision=precision, approximate=n > 0)
    return None
