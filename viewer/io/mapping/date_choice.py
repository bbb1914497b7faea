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
_MONTH = 30.436875 * _DAY
_YEAR = 365.2425 * _DAY
# A runner-up this close to the chosen column's score could as well be the event's date: the
# user is told ("also a date: modified"). One point is one piece of evidence (a months-only
# column, a generic "date" in the name), so a tie or one piece apart is close.
CLOSE_MARGIN = 1


@dataclass(frozen=True)
class DateCandidate:
    """A column that reads as dates, with what speaks for and against it."""

    column: str
    score: int
    reasons: list[str] = field(default_factory=list, compare=False)

    def describe(self) -> str:
        return f"{self.column} ({', '.join(self.reasons)})" if self.reasons else self.column

    def as_dict(self, chosen: bool) -> dict[str, object]:
        return {"column": self.column, "chosen": chosen, "score": self.score,
                "reasons": [str(r) for r in self.reasons]}  # fmt: skip


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
    elif parsed and coarsest >= Precision.DAY:
        reasons.extend(_spread_words(parsed, finest))
    return DateCandidate(column, score, reasons)


def _spread_words(parsed: list[ParsedDate], finest: Precision) -> list[str]:
    """What the cells are and how far they reach ("full dates", "spread over 3 years"): words
    only, the score is unchanged (so the choice is the same as before they were said)."""
    words: list[str] = [
        Message(QT_TRANSLATE_NOOP("LoadMessages", "dates and times"))
        if finest == Precision.TIME
        else Message(QT_TRANSLATE_NOOP("LoadMessages", "full dates"))
    ]
    span = max(p.start for p in parsed) - min(p.start for p in parsed)
    if span >= 2 * _YEAR:
        words.append(Message(QT_TRANSLATE_NOOP("LoadMessages", "spread over {count} years"),
                             count=round(span / _YEAR)))  # fmt: skip
    elif span >= 2 * _MONTH:
        words.append(Message(QT_TRANSLATE_NOOP("LoadMessages", "spread over {count} months"),
                             count=round(span / _MONTH)))  # fmt: skip
    elif span >= _DAY:
        days = len({p.start // _DAY for p in parsed})
        words.append(Message(QT_TRANSLATE_NOOP("LoadMessages", "spread over {count} days"),
                             count=max(days, 2)))  # fmt: skip
    return words


def is_close(chosen: DateCandidate, runner_up: DateCandidate) -> bool:
    """Could the runner-up as well be the event's date? (see CLOSE_MARGIN)"""
    return runner_up.score >= chosen.score - CLOSE_MARGIN


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
