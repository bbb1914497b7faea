"""Which of several date columns holds when the event happened.

A file often carries more than one date: when the thing happened, and when the record of it
was made, edited or fetched (``created``, ``modified``, ``timestamp`` of an export run), or only
the year. Header words and the cells are weighed together; the first column wins a tie.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from viewer.io.mapping.header_names import YEAR_HEADERS, header_key
from viewer.model.date_parsing import parse_date
from viewer.model.messages import QT_TRANSLATE_NOOP, Message
from viewer.model.parsed_date import DateParseError, ParsedDate
from viewer.model.precision import Precision

# Words for when the event happened, in the languages the loader reads headers in.
EVENT_WORDS = frozenset(
    {
        "date", "when", "occurred", "occurrence", "happened", "start", "begin", "beginn",
        "anfang", "published", "pubdate", "datum", "fecha", "data", "début", "debut", "inicio",
        "início", "tatzeit", "event", "incident", "日期", "时间", "時間", "发生", "發生", "开始",
        "開始", "发布", "發布",
    }
)  # fmt: skip
# Words for when a record was made, changed or fetched, or a deadline: not the event.
RECORD_WORDS = frozenset(
    {
        "created", "creation", "modified", "modification", "updated", "update", "edited",
        "added", "ingested", "ingestion", "crawled", "crawl", "scraped", "fetched", "retrieved",
        "accessed", "downloaded", "imported", "deadline", "due", "recorded", "entered",
        "checked", "last", "documented", "posted", "reported", "angelegt", "erfasst",
        "geändert", "aktualisiert", "erstellt", "créé", "modifié", "creado", "modificado",
        "actualizado", "创建", "創建", "更新", "修改", "录入", "錄入", "入库", "抓取", "采集", "截止",
    }
)  # fmt: skip
_COMPOUND_DATE = re.compile(r"^[a-z]+date$|^date[a-z]+$")  # polldate, datefiled
_CAMEL_HUMP = re.compile(r"(?<=[a-z])(?=[A-Z])")  # dateChecked, lastUpdateEt
_YYYYMMDD = re.compile(r"^(1[6-9]|20)\d\d(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$")
_SPREAD_MIN_CELLS = 5  # fewer cells than this say nothing about being one day
_DAY = 86_400


@dataclass(frozen=True)
class DateCandidate:
    """A column that reads as dates, with what speaks for and against it."""

    column: str
    score: int
    reasons: list[str] = field(default_factory=list, compare=False)

    def describe(self) -> str:
        return f"{self.column} ({', '.join(self.reasons)})" if self.reasons else self.column


def rank_date_columns(
    candidates: list[str], sample: dict[str, list[str]], preferred: str | None
) -> list[DateCandidate]:
    """Candidates best first: ``preferred`` (the header rules' pick) wins ties, then order."""
    ranked = [_weigh(c, sample.get(c, [])) for c in candidates]
    order = {c: i for i, c in enumerate(candidates)}
    return sorted(ranked, key=lambda d: (-d.score, d.column != preferred, order[d.column]))


def _weigh(column: str, values: list[str]) -> DateCandidate:
    score, reasons = _header_weight(column)
    parsed = [p for p in (_parsed(v.strip()) for v in values) if p is not None]
    coarsest = min((p.precision for p in parsed), default=Precision.TIME)
    finest = max((p.precision for p in parsed), default=Precision.TIME)
    if finest == Precision.YEAR:
        score -= 2
        reasons.append(Message(QT_TRANSLATE_NOOP("LoadMessages", "years only")))
    elif finest == Precision.MONTH:
        score -= 1
        reasons.append(Message(QT_TRANSLATE_NOOP("LoadMessages", "months only")))
    # (A column of years is all on one day as well: that is not said twice.)
    one_day = len({p.start // _DAY for p in parsed}) == 1 and coarsest >= Precision.DAY
    if len(parsed) >= _SPREAD_MIN_CELLS and one_day:
        score -= 3
        reasons.append(Message(QT_TRANSLATE_NOOP("LoadMessages", "all on one day")))
    return DateCandidate(column, score, reasons)


def header_says_date(column: str) -> bool:
    """Does the header name a date (``date``, ``Datum``, ``polldate``; not ``created``)?"""
    return _header_weight(column)[0] > 0


def is_yyyymmdd(text: str) -> bool:
    """``20200425``: a date written as one number (read as such under a date header)."""
    return bool(_YYYYMMDD.match(text))


def _header_weight(column: str) -> tuple[int, list[str]]:
    key = header_key(_CAMEL_HUMP.sub(" ", column))
    words = set(key.split())
    wide = {w for w in EVENT_WORDS | RECORD_WORDS if not w.isascii() and w in key}
    if words & RECORD_WORDS or wide & RECORD_WORDS:
        return -2, [Message(QT_TRANSLATE_NOOP("LoadMessages", "a record's date by its name"))]
    if words & EVENT_WORDS or wide & EVENT_WORDS:
        return 2, [Message(QT_TRANSLATE_NOOP("LoadMessages", "an event's date by its name"))]
    if key in YEAR_HEADERS:
        return 0, []
    if any(_COMPOUND_DATE.match(w) for w in words):
        return 1, [Message(QT_TRANSLATE_NOOP("LoadMessages", "a date by its name"))]
    return 0, []


@lru_cache(maxsize=4096)
def _parsed(text: str) -> ParsedDate | None:
    try:
        result = parse_date(text)
    except (DateParseError, ValueError, OverflowError):
        return None
    return result if isinstance(result, ParsedDate) else None
