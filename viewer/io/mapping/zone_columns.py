"""A time-zone column beside the date (``timezone``: CET, CEST, -0500, Europe/Berlin): each
row's zone joins its date and time, so every row is converted to UTC by its own zone."""

from __future__ import annotations

import re
from dataclasses import replace

from viewer.io.mapping.column_mapping import ColumnMapping, JoinedColumns
from viewer.io.mapping.header_names import header_key
from viewer.model.date_words import TIME_ZONE_OFFSETS
from viewer.model.time_zones import AMBIGUOUS_ZONES

Sample = dict[str, list[str]]

# Words of a header that names a zone column (NOAA's CZ_TIMEZONE, "Time Zone", "utc_offset").
_ZONE_WORDS = frozenset({"tz", "timezone", "timezones", "zone", "zeitzone", "offset"})
_ZONE_PHRASES = ("time zone", "fuseau horaire", "zona horaria", "时区", "時區")
_OFFSET = re.compile(r"^(?:utc|gmt)?\s*[+-]\d{1,2}(?::?\d{2})?$", re.IGNORECASE)
_LABELLED_OFFSET = re.compile(r"^[a-z]{2,5}[+-]?\d{1,2}$", re.IGNORECASE)  # CST-6, GST10
_NAMED = re.compile(r"^[A-Za-z]+(?:_[A-Za-z]+)*/[A-Za-z0-9_+-]+(?:/[A-Za-z_]+)?$")
_ZONE_SHARE = 0.8  # of the sample's cells that must read as zones (a few may be mistyped)


def looks_like_zone(text: str) -> bool:
    word = text.strip().lower()
    return (
        word in TIME_ZONE_OFFSETS
        or word in AMBIGUOUS_ZONES
        or bool(_OFFSET.match(word) or _LABELLED_OFFSET.match(word) or _NAMED.match(text.strip()))
    )


def join_zone_column(mapping: ColumnMapping, columns: list[str], sample: Sample) -> None:
    """Give the start (and the end) the zone column that goes with them, if there is one (also
    to a date column the user named: the zone is part of the date)."""
    used = set(mapping.columns_needed(with_text=True))
    zone = next((c for c in columns if c not in used and _is_zone_column(c, sample)), None)
    if zone is None:
        return
    for role in ("start", "end"):
        date = getattr(mapping, role)
        if isinstance(date, str):
            setattr(mapping, role, JoinedColumns((date,), zone=zone))
        elif isinstance(date, JoinedColumns) and date.zone is None:
            setattr(mapping, role, replace(date, zone=zone))


def _is_zone_column(column: str, sample: Sample) -> bool:
    values = sample.get(column, [])
    key = header_key(column)
    named = bool(set(key.split()) & _ZONE_WORDS) or any(p in key for p in _ZONE_PHRASES)
    if not named or not values:
        return False
    return sum(map(looks_like_zone, values)) >= _ZONE_SHARE * len(values)
