"""Chinese date forms: ``2026年4月27日``, ``2026年4月``, ``2026年``, ``4月27日``, ``公元前44年``,
Minguo years (``民國105年7月29日``), ``2026年6月中旬``, ``2026年春``, ``2026年第二季度``, ``1850年代``."""

from __future__ import annotations

import re

from viewer.model.date_forms import MINGUO_OFFSET, check_month, clock_seconds, instant
from viewer.model.date_words import CHINESE_DIGITS, MONTH_THIRDS, SEASONS
from viewer.model.instants import days_in_month, seconds_at
from viewer.model.messages import QT_TRANSLATE_NOOP
from viewer.model.parsed_date import DateContext, DateParseError, ParsedDate, YearlessDate
from viewer.model.precision import Precision

_CHINESE_RE = re.compile(
    r"^(?P<era>公元前|西元前|公元|西元|民國|民国)?\s*"
    r"(?:(?P<year>\d{1,12})\s*年(?P<decade>代)?)?\s*"
    r"(?:(?P<season>[春夏秋冬])[季天]?)?\s*"
    r"(?:第?(?P<quarter>[一二三四1-4])\s*季度?)?\s*"
    r"(?:(?P<month>\d{1,2})\s*月份?)?\s*"
    r"(?:(?P<day>\d{1,2})\s*[日号號])?\s*"
    r"(?P<third>上旬|中旬|下旬|初|中|底|末)?\s*"
    r"(?P<clock>.*)$"
)
_CLOCK_RE = re.compile(
    r"^(?P<period>凌晨|早上|上午|中午|下午|晚上)?\s*"
    r"(?:(?P<hour>\d{1,2})\s*[:点點时時]\s*(?:(?P<minute>\d{1,2})\s*[:分]?\s*)?"
    r"(?:(?P<second>\d{1,2})\s*秒?)?)$"
)
_THIRD_NAMES = {"初": "上旬", "中": "中旬", "底": "下旬", "末": "下旬"}
_AFTERNOON = {"下午", "晚上"}

CHINESE_MARKS = re.compile(r"[年月日号號旬季代]")


def parse_chinese(text: str, context: DateContext) -> ParsedDate | YearlessDate:
    m = _CHINESE_RE.match(text)
    if m is None or not any(m[g] for g in ("year", "month")):
        raise DateParseError(QT_TRANSLATE_NOOP("LoadMessages", "not a Chinese date form we know"))
    year = _year(m, context.minguo)
    clock = _clock(m["clock"])
    if m["decade"]:
        if year is None or year % 10:
            raise DateParseError(QT_TRANSLATE_NOOP("LoadMessages", "a decade should end in 0"))
        return ParsedDate(seconds_at(year), Precision.YEAR, True, seconds_at(year + 9))
    if m["season"] or m["quarter"]:
        return _season_or_quarter(m, year)
    if m["month"] is None:
        if m["day"] or m["third"] or clock is not None or year is None:
            raise DateParseError(QT_TRANSLATE_NOOP("LoadMessages", "a day without a month"))
        return ParsedDate(seconds_at(year), Precision.YEAR)
    return _month_form(m, year, clock, context)


def _month_form(
    m: re.Match[str], year: int | None, clock: int | None, context: DateContext
) -> ParsedDate | YearlessDate:
    month = int(m["month"])
    check_month(month)
    day = int(m["day"]) if m["day"] else None
    precision = Precision.TIME if clock is not None else (Precision.DAY if day else Precision.MONTH)
    if clock is not None and day is None:
        raise DateParseError(QT_TRANSLATE_NOOP("LoadMessages", "a time of day without a day"))
    if year is None:
        if day is None:
            raise DateParseError(QT_TRANSLATE_NOOP("LoadMessages", "a month without a year"))
        return YearlessDate(month, day, clock or 0, precision)
    if m["third"]:
        if day is not None:
            raise DateParseError(
                QT_TRANSLATE_NOOP("LoadMessages", "both a day and a part of the month")
            )
        first, last = MONTH_THIRDS[_THIRD_NAMES.get(m["third"], m["third"])]
        last = min(last, days_in_month(year, month))
        return ParsedDate(
            seconds_at(year, month, first), Precision.DAY, True, seconds_at(year, month, last)
        )
    if day is None:
        return ParsedDate(seconds_at(year, month), Precision.MONTH)
    return ParsedDate(instant(year, month, day, clock or 0, None, precision, context), precision)


def _year(m: re.Match[str], minguo: bool = False) -> int | None:
    if m["year"] is None:
        if m["era"]:
            raise DateParseError(QT_TRANSLATE_NOOP("LoadMessages", "an era without a year"))
        return None
    year = int(m["year"])
    era = m["era"] or ""
    if era.endswith("前"):
        if year == 0:
            raise DateParseError(QT_TRANSLATE_NOOP("LoadMessages", "there is no year 0 BC"))
        return 1 - year
    # (a Minguo column writes 107年01月01日 without the 民國 before it)
    if era in ("民國", "民国") or (minguo and not era and len(m["year"]) in (2, 3)):
        return year + MINGUO_OFFSET
    return year


def _clock(text: str) -> int | None:
    text = text.strip()
    if not text:
        return None
    m = _CLOCK_RE.match(text)
    if m is None or m["hour"] is None:
        raise DateParseError(
            QT_TRANSLATE_NOOP("LoadMessages", "'{text}' is not a time of day we know"), text=text
        )
    hour = int(m["hour"])
    if m["period"] in _AFTERNOON and hour < 12:
        hour += 12
    return clock_seconds(str(hour), m["minute"], m["second"], None)


def _season_or_quarter(m: re.Match[str], year: int | None) -> ParsedDate:
    if year is None or m["month"] or m["day"]:
        raise DateParseError(
            QT_TRANSLATE_NOOP("LoadMessages", "a season or quarter needs a year and no month")
        )
    if m["season"]:
        first, last = SEASONS[m["season"]]
    else:
        first = (CHINESE_DIGITS[m["quarter"]] - 1) * 3 + 1
        last = first + 2
    end_year = year + 1 if last < first else year
    return ParsedDate(seconds_at(year, first), Precision.MONTH, True, seconds_at(end_year, last))
