"""The search box's query language: each form parses to what it asks for, and each mistake is
reported in words, at the character it concerns, without throwing anything else."""

from __future__ import annotations

import pytest

from viewer.model.instants import seconds_at
from viewer.model.query_narrowing import text_narrows
from viewer.model.search_query import (
    And,
    DateRange,
    Not,
    Or,
    QueryError,
    Starred,
    Tag,
    Text,
    parse_query,
)


def test_a_blank_query_asks_for_nothing():
    assert parse_query("") is None
    assert parse_query("   ") is None


def test_words_must_all_match_and_a_phrase_is_kept_whole():
    assert parse_query('court "opening statements"') == And(
        (Text("court"), Text("opening statements"))
    )


def test_or_binds_closer_than_the_space_between_words():
    assert parse_query("court appeal OR ruling") == And(
        (Text("court"), Or((Text("appeal"), Text("ruling"))))
    )


def test_parentheses_group_and_and_is_the_same_as_a_space():
    assert parse_query("(court appeal) OR ruling") == Or(
        (And((Text("court"), Text("appeal"))), Text("ruling"))
    )
    assert parse_query("court AND appeal") == parse_query("court appeal")


def test_lower_case_or_and_a_quoted_or_are_words():
    assert parse_query("war or peace") == And((Text("war"), Text("or"), Text("peace")))
    assert parse_query('"OR"') == Text("OR")


def test_exclusions_of_a_word_a_phrase_a_field_and_a_group():
    assert parse_query('-appeal -"jury trial" -lane:Court NOT -(a OR b)') == And(
        (
            Not(Text("appeal")),
            Not(Text("jury trial")),
            Not(Text("Court", "lane")),
            Not(Not(Or((Text("a"), Text("b"))))),
        )
    )


def test_a_dash_inside_a_word_is_part_of_it():
    assert parse_query("e-mail 2026-04-27") == And((Text("e-mail"), Text("2026-04-27")))


@pytest.mark.parametrize("field", ["title", "excerpt", "lane", "source", "note"])
def test_text_fields_take_a_word_or_a_phrase(field):
    assert parse_query(f"{field}:court") == Text("court", field)
    assert parse_query(f'{field}:"opening statements"') == Text("opening statements", field)


def test_field_names_are_read_without_regard_to_case():
    assert parse_query("Title:court IS:STARRED") == And((Text("court", "title"), Starred()))


def test_tags_are_whole_or_a_prefix_and_starred_events_are_asked_by_is():
    assert parse_query("tag:Evidence") == Tag("Evidence")
    assert parse_query("tag:evid*") == Tag("evid", prefix=True)
    assert parse_query("is:starred") == Starred()


def day(year: int, month: int, day: int) -> int:
    return seconds_at(year, month, day)


@pytest.mark.parametrize(
    ("value", "first", "stop"),
    [
        ("2026", day(2026, 1, 1), day(2027, 1, 1)),
        ("2026-04", day(2026, 4, 1), day(2026, 5, 1)),
        ("2026-12", day(2026, 12, 1), day(2027, 1, 1)),
        ("2026-04-27", day(2026, 4, 27), day(2026, 4, 28)),
        ("2026-04-27..2026-05-03", day(2026, 4, 27), day(2026, 5, 4)),
        ("2025..2026-02", day(2025, 1, 1), day(2026, 3, 1)),
        ("2026-05..2026-04", day(2026, 4, 1), day(2026, 6, 1)),  # backwards: taken either way
    ],
)
def test_dates_name_a_year_a_month_a_day_or_a_range_of_them(value, first, stop):
    assert parse_query(f"date:{value}") == DateRange(first, stop)


def test_a_range_may_be_open_at_either_end():
    until = parse_query("date:..2026")
    since = parse_query("date:2026-04..")
    assert isinstance(until, DateRange)
    assert isinstance(since, DateRange)
    assert until.stop == day(2027, 1, 1)
    assert until.first < day(-40_000, 1, 1)
    assert since.first == day(2026, 4, 1)
    assert since.stop > day(40_000, 1, 1)


def test_chinese_words_are_searched_as_text():
    assert parse_query("微软 发布") == And((Text("微软"), Text("发布")))
    assert parse_query("标题:会议") == Text("标题:会议")  # not one of our fields: text


def test_a_word_with_a_colon_that_names_no_field_is_text_when_it_is_a_url_or_a_time():
    assert parse_query("http://example.com/a") == Text("http://example.com/a")
    assert parse_query("12:30") == Text("12:30")
    assert parse_query("file:///tmp/x") == Text("file:///tmp/x")


def error_of(text: str) -> QueryError:
    with pytest.raises(QueryError) as caught:
        parse_query(text)
    return caught.value


@pytest.mark.parametrize(
    ("text", "position", "message"),
    [
        ('court "opening', 6, 'Unclosed quote: add a closing " (the quote at character 7)'),
        ('""', 0, "Nothing between the quotes"),
        (
            "titel:court",
            0,
            'Unknown field "titel:" (fields are title, excerpt, lane, source, tag, note, date, '
            'is); to search for the text, put it in quotes: "titel:court"',
        ),
        ("a title:", 2, 'Nothing after "title:": write title:word or title:"some words"'),
        (
            "date:2026-13",
            0,
            '"2026-13" is not a date: write date:2026, date:2026-04, date:2026-04-27 or '
            "date:2026-04-27..2026-05-03",
        ),
        (
            "date:2026-02-30",
            0,
            '"2026-02-30" is not a date: write date:2026, date:2026-04, date:2026-04-27 or '
            "date:2026-04-27..2026-05-03",
        ),
        (
            "date:..",
            0,
            '".." is not a date: write date:2026, date:2026-04, date:2026-04-27 or '
            "date:2026-04-27..2026-05-03",
        ),
        ("is:tagged", 0, 'Unknown "is:tagged": write is:starred'),
        ("court OR", 6, "OR needs a search term on each side"),
        ("OR court", 0, "OR needs a search term on each side"),
        ("court OR OR ruling", 6, "OR needs a search term on each side"),
        ("(court OR) ruling", 7, "OR needs a search term on each side"),
        ("court AND", 6, "AND needs a search term on each side"),
        ("court -", 6, 'Nothing after "-": write -word to leave out events with that word'),
        ("court NOT", 6, 'Nothing after "NOT": write NOT word to leave out events with that word'),
        ("(court ruling", 0, 'Unclosed "(": add a ")"'),
        ("court)", 5, '")" without "(" before it'),
        ("court ()", 6, 'Nothing between "(" and ")"'),
    ],
)
def test_each_mistake_is_reported_in_words_where_it_is(text, position, message):
    error = error_of(text)
    assert str(error.message) == message
    assert error.position == position


def test_the_error_message_is_translatable_with_its_values():
    error = error_of("titel:court")
    assert error.message.template.startswith('Unknown field "{name}:"')
    assert error.message.values["name"] == "titel"


@pytest.mark.parametrize(
    ("old", "new", "narrower"),
    [
        ("cour", "court", True),  # typing on a word
        ("court", "court rul", True),
        ("court", "title:court", True),
        ("date:2026", "date:2026-04", True),
        ("court OR ruling", "court", True),
        ("tag:ev*", "tag:evidence", True),
        ("court", "court OR ruling", False),  # OR widens
        ("court -appe", "court -appeal", False),  # leaving out less
        ("court", "-court", False),
        ("title:court", "court", False),
        ("date:2026-04", "date:2026", False),
        ("court", 'court "op', False),  # does not parse
        ("", "court", False),
    ],
)
def test_a_query_narrows_an_earlier_one_only_when_its_matches_are_all_among_them(
    old, new, narrower
):
    assert text_narrows(new, old) is narrower
