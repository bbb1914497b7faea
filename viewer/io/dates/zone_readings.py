"""Which zone an ambiguous abbreviation names in this file: CST is China's +08:00 in a Chinese
file or beside other rows' +08:00 offsets, and US Central's -06:00 beside CDT, EST or PST.

The choice holds for the whole column and is said in words (the load report lists it), since a
reader cannot see it in the dates themselves.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
import pyarrow as pa
import pyarrow.compute as pc

from viewer.io.events.arrow_numpy import to_numpy
from viewer.model.chunked_text import take
from viewer.model.messages import QT_TRANSLATE_NOOP, Message
from viewer.model.time_zones import AMBIGUOUS_ZONES, ZoneReading

_SAMPLE = 5_000
_CJK = r"[\x{4e00}-\x{9fff}]"
# What points to each reading besides the abbreviation itself: offsets and zones of the same
# region in other rows (pyarrow RE2, case-insensitive).
_EVIDENCE: dict[str, str] = {
    "China Standard Time": (
        r"(?i)(\+08:?00|\bhkt\b|\bawst\b|\bsgt\b|asia/(shanghai|hong_kong|taipei|chongqing|macau))"
    ),
    "US Central Standard Time": r"(?i)(\b(est|edt|cdt|mst|mdt|pst|pdt)\b|america/|us/|-0[4-8]:?00)",
    "India Standard Time": r"(?i)(\+05:?30|asia/(kolkata|calcutta))",
    "Irish Standard Time": r"(?i)(\+01:?00|europe/dublin|\bgmt\b)",
    "British Summer Time": r"(?i)(\bgmt\b|europe/london|\+01:?00)",
    "Bangladesh Standard Time": r"(?i)(\+06:?00|asia/dhaka)",
}
_CHINESE_READING = "China Standard Time"


def decide_zone_readings(
    text: pa.ChunkedArray, rows: npt.NDArray[np.bool_], chinese_file: bool
) -> tuple[tuple[tuple[str, str], ...], list[str]]:
    """The readings that differ from the default, as (abbreviation, offset) pairs for
    ``DateContext.zone_readings``, and a sentence for each abbreviation the column holds."""
    sample = _sample(text, rows)
    if len(sample) == 0 or not _any(sample, r"(?i)\b(cst|ist|bst)\b"):
        return (), []  # (the common case)
    chinese = chinese_file or _any(sample, _CJK)
    readings: list[tuple[str, str]] = []
    notes: list[str] = []
    for abbreviation, choices in AMBIGUOUS_ZONES.items():
        if not _any(sample, rf"(?i)\b{abbreviation}\b"):
            continue
        chosen, why = _choose(sample, choices, chinese)
        if chosen is not choices[0]:
            readings.append((abbreviation, chosen.offset_text))
        notes.append(
            Message(
                QT_TRANSLATE_NOOP(
                    "LoadMessages", "{abbreviation} read as {zone} (UTC{offset}): {why}"
                ),
                abbreviation=abbreviation.upper(),
                zone=chosen.name,
                offset=chosen.offset_text,
                why=why,
            )
        )
    return tuple(readings), notes


def _choose(
    sample: pa.ChunkedArray, choices: tuple[ZoneReading, ...], chinese: bool
) -> tuple[ZoneReading, str]:
    if chinese and any(c.name == _CHINESE_READING for c in choices):
        chosen = next(c for c in choices if c.name == _CHINESE_READING)
        return chosen, Message(QT_TRANSLATE_NOOP("LoadMessages", "the file's text is Chinese"))
    counts = [_count(sample, _EVIDENCE[c.name]) for c in choices]
    best = int(np.argmax(counts))
    if counts[best] > 0 and counts.count(counts[best]) == 1:
        return choices[best], Message(
            QT_TRANSLATE_NOOP("LoadMessages", "other rows' zones are in the same region")
        )
    return choices[0], Message(
        QT_TRANSLATE_NOOP(
            "LoadMessages", "the usual reading; nothing in the file points to another"
        )
    )


def _sample(text: pa.ChunkedArray, rows: npt.NDArray[np.bool_]) -> pa.ChunkedArray:
    picks = np.flatnonzero(rows)
    if len(picks) > _SAMPLE:
        picks = picks[np.unique(np.linspace(0, len(picks) - 1, _SAMPLE).astype(np.int64))]
    return take(text, picks)


def _count(sample: pa.ChunkedArray, pattern: str) -> int:
    hits = to_numpy(pc.match_substring_regex(sample, pattern))
    return int(np.count_nonzero(np.asarray(hits, dtype=bool)))


def _any(sample: pa.ChunkedArray, pattern: str) -> bool:
    return _count(sample, pattern) > 0
