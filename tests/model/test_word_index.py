"""The word index answers a search exactly as reading every text does, reads no text for a
word it can answer, and is used part by part as it is built."""

from __future__ import annotations

import numpy as np
import pytest

from viewer.model import word_index
from viewer.model.event_table import EventTable
from viewer.model.query_matching import search_matches
from viewer.model.word_index import PART_ROWS, build_word_index, build_word_part

# Case folds that change a letter (σ/ς/Σ, ſ/s, K/k/Kelvin sign), accents, CJK with no spaces,
# doubled and leading spaces, punctuation inside words, an empty text.
WORDS = ["Court", "ruling", "Ürteil", "σοφίας", "ſtraße", "", "a-b", "KELVIN", "法院裁决", "x.y"]
QUERIES = ["court", "COURT", "ourt r", "ling  ür", "ürt", "Σ", "ς", "straße", "STRASSE", "s",
           "-b x", "y  a", "ruling court", "ſ", "kelvin", "法院", "院裁", "t r", "x.y a",
           " court", "court ", "zzz", "法院裁决 court"]  # fmt: skip
EVENTS = 2 * PART_ROWS + 1_000  # two whole parts and a short one


@pytest.fixture(scope="module")
def texts() -> tuple[list[str], list[str]]:
    rng = np.random.default_rng(7)
    words = np.array(WORDS)[rng.integers(0, len(WORDS), (EVENTS, 4))]
    titles = [" ".join(w) for w in words]
    excerpts = ["  ".join(w[::-1]) if i % 3 else "" for i, w in enumerate(words)]
    return titles, excerpts


def table(texts: tuple[list[str], list[str]]) -> EventTable:
    titles, excerpts = texts
    return EventTable.from_columns(start=np.arange(EVENTS), title=titles, excerpt=excerpts)


def answers(events: EventTable, query: str) -> tuple[np.ndarray, ...]:
    some = np.arange(5, EVENTS, 3)
    return (
        events.containing(query),
        events.containing(query, rows=slice(PART_ROWS - 10, EVENTS - 7)),
        events.containing_among(query, some),
        events.containing(query, ("title",)),
    )


def test_the_index_finds_what_reading_every_text_finds(texts):
    read = table(texts)
    indexed = table(texts)
    assert build_word_index(indexed.word_index, indexed.text_values)
    assert indexed.word_index.complete
    for query in QUERIES:
        expected, got = answers(read, query), answers(indexed, query)
        for want, have in zip(expected, got, strict=True):
            assert np.array_equal(want, have), query
    assert answers(read, "court")[0].sum() > 1_000  # the texts do hold the words


def test_a_whole_query_finds_the_same_events_with_and_without_the_index(texts):
    read, indexed = table(texts), table(texts)
    build_word_index(indexed.word_index, indexed.text_values)
    among = np.arange(EVENTS)
    for query in ('court -ruling', '"ruling court" OR kelvin', "title:ürt excerpt:x.y",
                  "σ -(a-b OR 法院)", "court ruling"):  # fmt: skip
        assert np.array_equal(
            search_matches(read, among, query), search_matches(indexed, among, query)
        ), query


def test_a_word_is_found_without_reading_any_text(texts, monkeypatch):
    events = table(texts)
    build_word_index(events.word_index, events.text_values)
    read: list[int] = []
    real = word_index.read_holding
    monkeypatch.setattr(word_index, "read_holding", lambda v, t: read.append(len(v)) or real(v, t))
    events.containing("court")
    events.containing_among("ürt", np.arange(0, EVENTS, 2))
    assert read == []
    events.containing("ruling court")  # a phrase: only the events holding both words are read
    assert 0 < sum(read) < 0.2 * 2 * EVENTS


def test_events_not_indexed_yet_are_read_and_the_built_parts_serve(texts, monkeypatch):
    events = table(texts)
    events.word_index.add(
        {
            c: build_word_part(events.text_values(c).slice(0, PART_ROWS))
            for c in ("title", "excerpt")
        }
    )
    assert events.word_index.covered == PART_ROWS
    read: list[int] = []
    real = word_index.read_holding
    monkeypatch.setattr(word_index, "read_holding", lambda v, t: read.append(len(v)) or real(v, t))
    first_part = events.containing("court", rows=slice(0, PART_ROWS))
    assert read == []
    whole = events.containing("court")
    assert read == [EVENTS, EVENTS]  # title and excerpt: the part not built reads them all
    assert np.array_equal(whole[:PART_ROWS], first_part)
    assert np.array_equal(whole, table(texts).containing("court"))


def test_a_stopped_build_goes_on_from_where_it_stopped(texts):
    events = table(texts)
    asked = iter([False, True])  # one part, then stop
    assert not build_word_index(events.word_index, events.text_values, lambda: next(asked))
    assert events.word_index.covered == PART_ROWS
    assert build_word_index(events.word_index, events.text_values)
    assert events.word_index.covered == EVENTS
    for query in ("court", "kelvin x.y"):
        assert np.array_equal(events.containing(query), table(texts).containing(query))


def test_a_word_in_every_text_and_one_in_none():
    events = EventTable.from_columns(start=np.arange(10), title=[f"common w{i}" for i in range(10)])
    build_word_index(events.word_index, events.text_values)
    assert events.containing("common").all()
    assert events.containing("w").all()
    assert not events.containing("absent").any()
    assert list(np.flatnonzero(events.containing("w7"))) == [7]
