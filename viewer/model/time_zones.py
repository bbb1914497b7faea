"""Time zones written after a date: tz database names (``Europe/Berlin``, with daylight saving
time as the database has it), ``UTC+8``-style offsets, and the readings of abbreviations that
name more than one zone (CST is China's +08:00 and US Central's -06:00).

The date parser reads fixed offsets and the abbreviations of ``date_words`` itself; this module
rewrites the other forms into what it reads, or hands back the named zone to convert with.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from viewer.model.messages import QT_TRANSLATE_NOOP, Message
from viewer.model.parsed_date import DateParseError

# A tz database name at the end of a text that holds a digit before it: "… 10:00 Europe/Berlin".
_NAMED_ZONE_RE = re.compile(
    r"^(?P<rest>.*\d.*?)\s+(?P<zone>[A-Za-z][A-Za-z_+-]*(?:/[A-Za-z0-9_+-]+){1,2})$"
)
# "UTC+8", "GMT-05:00", "UTC +5:30" (on lower-cased text), as ±HH:MM.
_PREFIXED_OFFSET_RE = re.compile(
    r"(?<![a-z])(?:utc|gmt)\s*(?P<sign>[+-])\s*(?P<hours>\d{1,2})(?::?(?P<minutes>\d{2}))?(?!\d)"
)
# An abbreviation with its offset in hours after it, ending the text: NOAA's "CST-6", "PST-8",
# "GST10" (Guam, UTC+10). The number says the offset, whatever the letters could mean.
_LABELLED_OFFSET_RE = re.compile(r"(?<=\s)[a-z]{2,5}(?P<sign>[+-]?)(?P<hours>\d{1,2})$")


@dataclass(frozen=True)
class ZoneReading:
    """One meaning of an abbreviation: its name for people and its offset from UTC."""

    name: str
    hours: float

    @property
    def offset_text(self) -> str:
        """``+08:00``, ``-06:00``, ``+05:30``."""
        minutes = round(abs(self.hours) * 60)
        sign = "-" if self.hours < 0 else "+"
        return f"{sign}{minutes // 60:02d}:{minutes % 60:02d}"


# Abbreviations with more than one common meaning; the first is the reading taken when nothing
# in the file tells (as date_words.TIME_ZONE_OFFSETS reads them: plaso writes pytz's names).
def _reading(name: str, hours: float) -> ZoneReading:
    return ZoneReading(Message(name), hours)


AMBIGUOUS_ZONES: dict[str, tuple[ZoneReading, ...]] = {
    "cst": (
        _reading(QT_TRANSLATE_NOOP("LoadMessages", "US Central Standard Time"), -6),
        _reading(QT_TRANSLATE_NOOP("LoadMessages", "China Standard Time"), 8),
    ),
    "ist": (
        _reading(QT_TRANSLATE_NOOP("LoadMessages", "India Standard Time"), 5.5),
        _reading(QT_TRANSLATE_NOOP("LoadMessages", "Irish Standard Time"), 1),
    ),
    "bst": (
        _reading(QT_TRANSLATE_NOOP("LoadMessages", "British Summer Time"), 1),
        _reading(QT_TRANSLATE_NOOP("LoadMessages", "Bangladesh Standard Time"), 6),
    ),
}


@lru_cache(maxsize=256)
def named_zone(name: str) -> dt.tzinfo:
    """The tz database zone called ``name``; DateParseError when there is none."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise DateParseError(
            QT_TRANSLATE_NOOP("LoadMessages", "unknown time zone {zone}"), zone=name
        ) from error


def split_named_zone(text: str) -> tuple[str, dt.tzinfo | None]:
    """The text without a tz database name that ends it, and that zone (None when it names
    none). A name the database does not know raises DateParseError."""
    match = _NAMED_ZONE_RE.match(text.strip()) if "/" in text else None
    if match is None:
        return text, None
    return match["rest"], named_zone(match["zone"])


def with_zone_readings(text: str, readings: tuple[tuple[str, str], ...]) -> str:
    """Lower-cased ``text`` with ``UTC+8`` written ``+08:00`` and each abbreviation of
    ``readings`` (abbreviation, offset text) replaced by its offset."""
    if "utc" in text or "gmt" in text:
        text = _PREFIXED_OFFSET_RE.sub(_offset_text, text)
    # (only after a time of day: "ad43" is a year)
    if text[-1:].isdigit() and ":" in text and (labelled := _LABELLED_OFFSET_RE.search(text)):
        return text[: labelled.start()] + _offset_text(labelled)
    for abbreviation, offset in readings:
        if abbreviation in text:
            text = re.sub(rf"(?<![a-z]){abbreviation}(?![a-z])", offset, text)
    return text


def _offset_text(match: re.Match[str]) -> str:
    minutes = match.groupdict().get("minutes") or "00"
    return f"{match['sign'] or '+'}{int(match['hours']):02d}:{minutes}"
