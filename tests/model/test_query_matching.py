"""Which events a query matches: words and phrases in titles and excerpts (Chinese too), fields,
exclusion, OR, dates at day, month and year precision (spans counting where they reach), and
what the user starred, tagged and noted."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pytest

from viewer.model import query_matching
from viewer.model.event_table import EventTable
from viewer.model.instants import seconds_at
from viewer.model.query_matching import search_matches

NO_END = None
EVENTS = [  # title, excerpt, lane, source, start, end, precision
    ("Court hears appeal", "The appeal court sat", "Courts", "cases.csv",
     seconds_at(2026, 4, 27), NO_END, "day"),
    ("Opening statements begin", "Jury hears opening statements", "Courts", "cases.csv",
     seconds_at(2026, 5, 2), NO_END, "day"),
    ("Ruling on motion", "The judge issued a RULING", "Rulings", "rulings.csv",
     seconds_at(2026, 3, 15), NO_END, "day"),
    ("微软发布新模型", "微软在北京发布", "科技", "news_zh.csv",
     seconds_at(2026, 4, 10, 9, 30), NO_END, "time"),
    ("Market opens", "", "Markets", "markets.csv",
     seconds_at(2026, 3, 20), seconds_at(2026, 4, 2), "day"),
    ("Year in review", "", "Markets", "markets.csv", seconds_at(2026, 1, 1), NO_END, "year"),
    ("Month of April", "", "Courts", "cases.csv", seconds_at(2026, 4, 1), NO_END, "month"),
    ("Late filing", "court clerk", "Courts", "late cases.csv",
     seconds_at(2026, 5, 4), NO_END, "day"),
]  # fmt: skip
TABLE = EventTable.from_columns(
    title=[e[0] for e in EVENTS],
    excerpt=[e[1] for e in EVENTS],
    lane=[e[2] for e in EVENTS],
    source=[e[3] for e in EVENTS],
    start=[e[4] for e in EVENTS],
    end=[e[5] for e in EVENTS],
    precision=[e[6] for e in EVENTS],
)
EVERY = np.arange(len(EVENTS), dtype=np.int64)


@dataclass
class Marks:
    starred: np.ndarray = field(default_factory=lambda: np.zeros(len(EVENTS), dtype=bool))
    tags: dict[int, tuple[str, ...]] = field(default_factory=dict)
    notes: dict[int, str] = field(default_factory=dict)


def found(text: str, marks: Marks | None = None, among=EVERY) -> list[int]:
    result = search_matches(TABLE, among, text, marks=marks)
    assert result is not None
    return [int(i) for i in result]


@pytest.fixture(params=[1, 3, 65_536], ids=["chunk 1", "chunk 3", "one chunk"])
def chunked(request, monkeypatch):
    """Every answer is the same however the table is cut into chunks."""
    monkeypatch.setattr(query_matching, "SEARCH_CHUNK", request.param)


def test_every_word_must_match_somewhere_in_title_or_excerpt_without_regard_to_case(chunked):
    assert found("court") == [0, 7]
    assert found("COURT hears") == [0]
    assert found("ruling") == [2]  # RULING in its excerpt


def test_a_phrase_matches_only_as_written_together(chunked):
    assert found("hears statements") == [1]
    assert found('"hears statements"') == []
    assert found('"opening statements"') == [1]


def test_chinese_is_matched_as_a_substring_without_word_breaks(chunked):
    assert found("微软") == [3]
    assert found("北京 模型") == [3]  # one in the excerpt, one in the title
    assert found("北京模型") == []


def test_exclusion_leaves_out_events_with_the_word_or_field(chunked):
    assert found("court -appeal") == [7]
    assert found('-"opening statements" lane:courts') == [0, 6, 7]
    assert found("-lane:courts -lane:markets") == [2, 3]


def test_or_binds_closer_than_the_space(chunked):
    assert found("court appeal OR clerk") == [0, 7]  # court and (appeal or clerk)
    assert found("(hears appeal) OR ruling") == [0, 2]
    assert found("hears appeal OR ruling") == [0]  # hears and (appeal or ruling)


def test_fields_read_only_their_own_text(chunked):
    assert found("title:court") == [0]
    assert found("excerpt:court") == [0, 7]
    assert found("lane:rul") == [2]
    assert found('lane:"科技"') == [3]


def test_source_matches_part_of_the_file_name_as_shown(chunked):
    assert found("source:cases") == [0, 1, 6, 7]
    assert found('source:"late cases"') == [7]
    assert found("source:.CSV -source:cases") == [2, 3, 4, 5]


def test_a_day_matches_what_happens_that_day_and_what_spans_it(chunked):
    assert found("date:2026-04-27") == [0, 5, 6]  # the day; 2026 and April reach over it
    assert found("date:2026-04-10") == [3, 5, 6]  # an instant at 09:30 that day


def test_a_month_matches_every_event_reaching_into_it(chunked):
    # the span from 20 March to 2 April reaches in; the year and the month itself too
    assert found("date:2026-04") == [0, 3, 4, 5, 6]
    assert found("date:2026-03") == [2, 4, 5]


def test_a_year_and_a_range_match_every_event_reaching_into_them(chunked):
    assert found("date:2026") == list(range(len(EVENTS)))
    assert found("date:2025") == []
    assert found("date:2026-04-28..2026-05-03") == [1, 5, 6]  # to the end of the last day
    assert found("date:2026-05-03..2026-05-04") == [5, 7]
    assert found("date:2026-05-03..") == [5, 7]
    assert found("date:..2026-03-16 -date:2026-01") == [2]


def test_a_span_counts_on_its_last_day_but_not_the_next(chunked):
    assert 4 in found("date:2026-04-02")
    assert 4 not in found("date:2026-04-03")


def test_starred_tagged_and_noted_events_are_found_through_the_marks(chunked):
    starred = np.zeros(len(EVENTS), dtype=bool)
    starred[[1, 6]] = True
    marks = Marks(
        starred=starred,
        tags={0: ("Evidence", "key"), 2: ("evidence-late",), 7: ("keynote",)},
        notes={2: "Ask the clerk about this", 3: "翻译待核对"},
    )
    assert found("is:starred", marks) == [1, 6]
    assert found("tag:evidence", marks) == [0]  # a whole tag, without regard to case
    assert found("tag:evid*", marks) == [0, 2]
    assert found("tag:key", marks) == [0]
    assert found("note:clerk", marks) == [2]
    assert found("note:核对", marks) == [3]
    assert found("is:starred OR tag:key*", marks) == [0, 1, 6, 7]
    assert found("-is:starred lane:courts", marks) == [0, 7]


def test_without_marks_nothing_is_starred_tagged_or_noted(chunked):
    assert found("is:starred") == []
    assert found("tag:*") == []
    assert found("-is:starred") == list(range(len(EVENTS)))


def test_only_the_events_searched_among_are_returned(chunked):
    assert found("court", among=np.array([1, 7], dtype=np.int64)) == [7]


def test_a_query_that_does_not_parse_matches_nothing():
    assert found('court "opening') == []


def test_a_search_stops_between_chunks_when_cancelled(monkeypatch):
    monkeypatch.setattr(query_matching, "SEARCH_CHUNK", 2)
    asked = []

    def cancelled() -> bool:
        asked.append(True)
        return len(asked) > 2

    assert search_matches(TABLE, EVERY, "court -appeal", is_cancelled=cancelled) is None


@pytest.mark.parametrize(
    ("known", "text"),
    [
        ("court", "court clerk"),
        ("court", "court"),
        ("date:2026-04", "date:2026-04-27 court"),
        ("court OR ruling", "court"),
        ("lane:courts", 'lane:courts -"opening statements"'),
    ],
)
def test_a_search_among_an_earlier_ones_matches_finds_what_a_fresh_one_finds(chunked, known, text):
    earlier = np.array(found(known), dtype=np.int64)
    narrowed = search_matches(TABLE, earlier, text, known=known)
    assert narrowed is not None
    assert [int(i) for i in narrowed] == found(text)
