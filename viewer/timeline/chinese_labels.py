"""Dates written the Chinese way, for the time axis, the details panel and pictures:
``2026年4月27日``, ``2026年4月``, ``公元前44年``, ``30万年前``, ``138亿年前``."""

from __future__ import annotations

from viewer.model.date_parsing import YEARS_AGO_ORIGIN


def year(y: int) -> str:
    """Astronomical year to the historical one: ``1969年``, ``公元前44年`` (-43)."""
    return f"公元前{1 - y}年" if y <= 0 else f"{y}年"


def month_year(y: int, m: int) -> str:
    return f"{year(y)}{m}月"


def day_month(m: int, d: int) -> str:
    return f"{m}月{d}日"


def full_day(y: int, m: int, d: int) -> str:
    return f"{year(y)}{m}月{d}日"


def years_ago(ago: int) -> str:
    """``30万年前``, ``460万年前``, ``138亿年前``; the calendar year from 1950 on."""
    if ago <= 0:
        return year(YEARS_AGO_ORIGIN - ago)
    for unit, word in ((10**8, "亿"), (10**4, "万")):
        if ago >= unit:
            number = f"{ago / unit:.4f}".rstrip("0").rstrip(".")
            return f"{number}{word}年前"
    return f"{ago}年前"


def rounded_years_ago(ago: int) -> str:
    """Three significant figures, as the English span line: ``138亿年前``, ``31.2万年前``."""
    drop = len(str(ago)) - 3
    if drop > 0:
        ago = (ago + 5 * 10 ** (drop - 1)) // 10**drop * 10**drop
    return years_ago(ago)
