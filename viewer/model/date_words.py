"""Vocabulary of written dates: month and weekday names, seasons, eras, time-zone abbreviations."""

from __future__ import annotations

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip

WEEKDAYS = frozenset(
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "mon",
        "tue",
        "tues",
        "wed",
        "thu",
        "thur",
        "thurs",
        "fri",
        "sat",
        "sun",
    ]
)

# Words that carry no date information between the parts ("the 27th of April, 2026").
FILLERS = frozenset({"the", "of", "on", "at", "in", "de", ","})

APPROXIMATE_PREFIXES = (
    "approximately", "approx.", "approx", "circa", "around", "about", "ca.", "ca", "c.", "c",
    "~", "大约", "大約", "大概", "约", "約",
)  # fmt: skip

# Meteorological seasons (northern hemisphere): first month and the last month.
SEASONS = {
    "spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2),
    "春": (3, 5), "夏": (6, 8), "秋": (9, 11), "冬": (12, 2),
}  # fmt: skip

# Parts of a month: first and last day (the last is clipped to the month's length).
MONTH_THIRDS = {
    "early": (1, 10), "mid": (11, 20), "late": (21, 31),
    "上旬": (1, 10), "中旬": (11, 20), "下旬": (21, 31),
}  # fmt: skip

BCE_MARKERS = frozenset({"bc", "bce", "b.c.", "b.c.e.", "b.c", "b.c.e"})
CE_MARKERS = frozenset({"ad", "ce", "a.d.", "c.e.", "a.d", "c.e"})

# Abbreviations that name one UTC offset (hours). Ambiguous ones (CST, IST) are read as the
# forensic tools we support write them (plaso uses pytz names; CST there is US Central).
TIME_ZONE_OFFSETS = {
    "utc": 0, "gmt": 0, "z": 0, "ut": 0, "wet": 0, "west": 1, "bst": 1,
    "cet": 1, "cest": 2, "met": 1, "mest": 2, "eet": 2, "eest": 3, "msk": 3,
    "est": -5, "edt": -4, "cst": -6, "cdt": -5, "mst": -7, "mdt": -6, "pst": -8, "pdt": -7,
    "akst": -9, "akdt": -8, "hst": -10, "jst": 9, "kst": 9, "hkt": 8, "sgt": 8, "awst": 8,
    "aest": 10, "aedt": 11, "nzst": 12, "nzdt": 13, "ist": 5.5,
}  # fmt: skip

CHINESE_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}
