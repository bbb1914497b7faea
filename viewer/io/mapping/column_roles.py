"""Deciding each column's role: known layouts, then header names, then the cells themselves."""

from __future__ import annotations

import re
from functools import lru_cache

from viewer.io.load_options import ROLES
from viewer.io.mapping.clock_columns import join_clock_columns
from viewer.io.mapping.column_mapping import ColumnMapping, source_columns
from viewer.io.mapping.context_columns import find_reference_column, find_year_column
from viewer.io.mapping.date_choice import header_says_date, is_yyyymmdd, rank_date_columns
from viewer.io.mapping.header_names import (
    YEAR_HEADERS,
    exact_role_matches,
    header_key,
    hinted_date_columns,
)
from viewer.io.mapping.known_layouts import known_layout
from viewer.io.mapping.title_choice import better_headline
from viewer.io.mapping.zone_columns import join_zone_column
from viewer.model.date_forms import EPOCH_MIN, NUMBER_RE
from viewer.model.date_parsing import parse_date
from viewer.model.messages import QT_TRANSLATE_NOOP, Message
from viewer.model.parsed_date import DateParseError
from viewer.model.relative_dates import read_relative

Sample = dict[str, list[str]]  # column -> its first non-empty cells

_MIN_DATE_SHARE = 0.6
_URL_RE = re.compile(r"^(https?://|www\.)", re.IGNORECASE)
_LETTER_RE = re.compile(r"[^\W\d_]")
# A hash, UUID or token: letters, but no words a reader reads (a SHA-1 is not an excerpt).
_CODE_RE = re.compile(r"[0-9A-Fa-f-]{16,}|(?=[A-Za-z+/=_-]*\d)(?=[\d+/=_-]*[A-Za-z])[\w+/=-]{20,}")


class MappingError(ValueError):
    """The user named a column that is not there, or no column holds dates."""

    def __init__(self, template: str, /, **values: object) -> None:
        self.reason = Message(template, **values)
        super().__init__(self.reason)


def decide_mapping(
    columns: list[str],
    sample: Sample,
    forced: dict[str, str],
    known_roles: dict[str, str] | None = None,
) -> ColumnMapping:
    mapping = known_layout(columns)
    if mapping is None and known_roles:
        mapping = ColumnMapping(layout="structured", roles_by_content=False, **known_roles)  # type: ignore[arg-type]
    if mapping is None:
        mapping = _from_headers(columns, sample)
    _apply_forced(mapping, columns, forced)
    if mapping.layout == "generic":
        _choose_event_date(mapping, columns, sample, chosen_by_user="start" in forced)
    if mapping.start is None or (
        "start" not in forced
        and isinstance(mapping.start, str)
        and date_share(sample, mapping.start) == 0
    ):
        mapping.start = _date_column_by_content(columns, sample, mapping) or mapping.start
    if mapping.start is None:
        raise MappingError(QT_TRANSLATE_NOOP("LoadMessages", "no column holds dates"))
    if mapping.layout == "generic":
        join_clock_columns(mapping, columns, sample, forced)
        if isinstance(mapping.start, str):
            taken = set(_used_columns(mapping))
            mapping.year_column = find_year_column(columns, sample, mapping.start, taken)
            mapping.reference_column = find_reference_column(columns, sample, mapping.start, taken)
        join_zone_column(mapping, columns, sample)
    if mapping.roles_by_content:
        _fill_by_content(mapping, columns, sample, forced)
    used = set(_used_columns(mapping))
    mapping.unused = [c for c in columns if c not in used and sample.get(c)]
    mapping.excerpt_from_rest = mapping.excerpt is None and bool(mapping.unused)
    return mapping


def _from_headers(columns: list[str], sample: Sample) -> ColumnMapping:
    roles = exact_role_matches(columns)
    taken = set(roles.values())
    for role, column in hinted_date_columns(columns, taken).items():
        roles.setdefault(role, column)
    mapping = ColumnMapping(**roles)  # type: ignore[arg-type]
    start = roles.get("start")
    if start is not None:
        mapping.numbers_are_years = header_key(start) in YEAR_HEADERS
    return mapping


def _choose_event_date(
    mapping: ColumnMapping, columns: list[str], sample: Sample, chosen_by_user: bool
) -> None:
    """Among the columns that read as dates, the one that says when the event happened (or
    the user said which: then the others are only weighed, for the report)."""
    header_pick = mapping.start if isinstance(mapping.start, str) else None
    taken = set(_used_columns(mapping)) - set(source_columns(mapping.start))
    candidates = [
        c
        for c in columns
        if c not in taken
        and (
            date_share(sample, c) >= _MIN_DATE_SHARE or (c == header_pick and date_share(sample, c))
        )
    ]
    if not candidates:
        return
    ranked = rank_date_columns(candidates, sample, header_pick)
    if chosen_by_user:
        mapping.date_chosen_by_user = True
        mapping.date_candidates = sorted(ranked, key=lambda d: d.column != header_pick)
        return
    mapping.date_candidates = ranked
    if len(candidates) < 2 and candidates[0] == header_pick:
        return  # the one date column the headers named: nothing was chosen over another
    mapping.start = ranked[0].column
    mapping.numbers_are_years = header_key(ranked[0].column) in YEAR_HEADERS
    mapping.date_choice = [d.describe() for d in ranked]


def _apply_forced(mapping: ColumnMapping, columns: list[str], forced: dict[str, str]) -> None:
    by_key = {header_key(c): c for c in columns}
    for role, name in forced.items():
        if role not in ROLES:
            raise MappingError(
                QT_TRANSLATE_NOOP("LoadMessages", "unknown role {role!r}; roles are {roles}"),
                role=role,
                roles=", ".join(ROLES),
            )
        column = name if name in columns else by_key.get(header_key(name))
        if column is None:
            raise MappingError(
                QT_TRANSLATE_NOOP("LoadMessages", "there is no column {name!r} for {role}"),
                name=name,
                role=role,
            )
        for other in ROLES:  # a column plays one role
            if other != role and getattr(mapping, other) == column:
                setattr(mapping, other, None)
        setattr(mapping, role, column)
        if role == "start":
            mapping.numbers_are_years = header_key(column) in YEAR_HEADERS


def _used_columns(mapping: ColumnMapping) -> list[str]:
    return mapping.columns_needed(with_text=True)


def date_share(sample: Sample, column: str) -> float:
    """The share of a column's sample cells that read as dates (bare small numbers do not)."""
    values = sample.get(column, [])
    if not values:
        return 0.0
    hits = 0
    numbers_are_dates: bool | None = None  # asked once, and only of a column of numbers
    for value in values:
        text = value.strip()
        if (
            NUMBER_RE.match(text)
            and abs(float(text)) < EPOCH_MIN
            and header_key(column) not in YEAR_HEADERS
        ):
            if numbers_are_dates is None:
                numbers_are_dates = header_says_date(column)
            if not (numbers_are_dates and is_yyyymmdd(text)):
                continue
        hits += _reads_as_date(text)
    return hits / len(values)


@lru_cache(maxsize=4096)
def _reads_as_date(text: str) -> bool:
    """(Remembered: a wide file repeats the same few texts over thousands of columns, and each
    column's share is asked for more than once.) A relative date ("昨天 04:44") is a date too:
    the file may give the day it counts from."""
    if read_relative(text) is not None:
        return True
    try:
        parse_date(text)
    except (DateParseError, ValueError, OverflowError):
        return False
    return True


def _date_column_by_content(
    columns: list[str], sample: Sample, mapping: ColumnMapping
) -> str | None:
    taken = set(_used_columns(mapping)) - set(source_columns(mapping.start))
    scores = [(date_share(sample, c), -i, c) for i, c in enumerate(columns) if c not in taken]
    best = max(scores, default=(0.0, 0, None))
    return best[2] if best[0] >= _MIN_DATE_SHARE else None


def _fill_by_content(
    mapping: ColumnMapping, columns: list[str], sample: Sample, forced: dict[str, str]
) -> None:
    taken = set(_used_columns(mapping))
    free = [
        c
        for c in columns
        if c not in taken and sample.get(c) and date_share(sample, c) < _MIN_DATE_SHARE
    ]
    if mapping.url is None:
        mapping.url = next((c for c in free if _share(sample[c], _URL_RE.match) >= 0.8), None)
    free = [c for c in free if c != mapping.url]
    texty = [
        c
        for c in free
        if _share(sample[c], _LETTER_RE.search) >= 0.8
        and _share(sample[c], _CODE_RE.fullmatch) < 0.8
    ]
    if mapping.title is None:
        candidates = [c for c in texty if 2 <= _mean_length(sample[c]) <= 120]
        position = {c: i for i, c in enumerate(columns)}
        mapping.title = max(
            candidates, key=lambda c: (_distinct_share(sample[c]), -position[c]), default=None
        )
    if "title" not in forced:
        _prefer_headline(mapping, texty, sample, forced)
    texty = [c for c in texty if c not in (mapping.title, mapping.excerpt)]
    if mapping.excerpt is None:
        title_length = _mean_length(sample[mapping.title]) if mapping.title else 0
        mapping.excerpt = next(
            (c for c in texty if _mean_length(sample[c]) >= max(40, title_length + 1)), None
        )
    texty = [c for c in texty if c != mapping.excerpt]
    if mapping.lane is None:
        mapping.lane = next((c for c in texty if _is_category(sample[c])), None)


def _prefer_headline(
    mapping: ColumnMapping, texty: list[str], sample: Sample, forced: dict[str, str]
) -> None:
    """A message or description for the title rather than a short source, type or number
    (which stays free for the lane)."""
    pool = list(texty)
    if mapping.excerpt is not None and "excerpt" not in forced:
        pool.append(mapping.excerpt)
    headline = better_headline(mapping.title, pool, sample)
    if headline is None:
        return
    if headline == mapping.excerpt:
        mapping.excerpt = None
    mapping.title = headline


def _share(values: list[str], test: object) -> float:
    assert callable(test)
    return sum(1 for v in values if test(v)) / len(values) if values else 0.0


def _mean_length(values: list[str]) -> float:
    return sum(map(len, values)) / len(values) if values else 0.0  # (statistics.mean: 10x slower)


def _distinct_share(values: list[str]) -> float:
    return len(set(values)) / len(values) if values else 0.0


def _is_category(values: list[str]) -> bool:
    distinct = len(set(values))
    return 2 <= distinct <= min(30, max(2, len(values) // 3)) and _mean_length(values) <= 40
