"""Typing into a large table's search: the matches are found off the GUI thread, only the
latest text's result is shown, and a result for events no longer shown is never shown."""

from __future__ import annotations

import numpy as np
import pytest

from viewer.io.load_report import LoadReport
from viewer.model import query_matching
from viewer.model.event_table import EventTable
from viewer.model.query_matching import search_matches
from viewer.state.session import Session, Source
from viewer.ui import search_runner
from viewer.ui.search_runner import SearchRunner


def source(path: str, titles: list[str]) -> Source:
    events = EventTable.from_columns(start=np.arange(len(titles)) * 86_400, title=titles)
    return Source(path, LoadReport(path), events)


TITLES = ["alpha one", "beta two", "alpha three", "gamma", "Alphabet", "beta alpha"]


@pytest.fixture
def runner(qtbot, monkeypatch):
    monkeypatch.setattr(search_runner, "BACKGROUND_FROM", 1)  # every table counts as large
    session = Session()
    session.replace_all([source("a.csv", TITLES)])
    built = SearchRunner(session)
    yield built
    built.wait()


def shown_texts(session: Session) -> list[str]:
    heard: list[str] = []
    session.search_changed.connect(lambda: heard.append(session.search_text))
    return heard


def test_a_large_table_is_searched_in_the_background_and_the_matches_follow(runner, qtbot):
    session = runner._session
    runner.search("alpha")
    assert session.search_text == ""  # the key returned before the search ended
    qtbot.waitUntil(lambda: session.search_text == "alpha")
    assert list(session.matches) == [0, 2, 4, 5]


def test_only_the_latest_text_typed_is_shown(runner, qtbot):
    session = runner._session
    heard = shown_texts(session)
    for text in ("a", "al", "alp", "alpha", "alpha t"):
        runner.search(text)
    qtbot.waitUntil(lambda: session.search_text == "alpha t")
    assert heard == ["alpha t"]
    assert list(session.matches) == [2, 4, 5]  # both words, anywhere: "alpha" and a "t"


def test_a_longer_text_finds_the_same_as_a_fresh_search_when_narrowed(runner, qtbot):
    session = runner._session
    runner.search("beta")
    qtbot.waitUntil(lambda: session.search_text == "beta")
    runner.search('beta "a a"')  # looked for among the matches of "beta"
    qtbot.waitUntil(lambda: session.search_text == 'beta "a a"')
    assert list(session.matches) == [5]  # "beta alpha"


def test_a_result_for_events_no_longer_shown_is_searched_again(runner, qtbot):
    session = runner._session
    runner.search("beta")
    session.replace_all([source("b.csv", ["nothing", "beta max"])])  # before the result comes
    qtbot.waitUntil(lambda: session.search_text == "beta" and runner._running is None)
    assert list(session.matches) == [1]


def test_clearing_the_text_clears_at_once_and_drops_the_search_in_flight(runner, qtbot):
    session = runner._session
    heard = shown_texts(session)
    runner.search("alpha")
    runner.search("")
    runner.wait()
    qtbot.waitUntil(lambda: runner._running is None)
    assert session.search_text == ""
    assert "alpha" not in heard


def test_a_search_in_chunks_finds_what_one_pass_finds_and_stops_when_cancelled(monkeypatch):
    monkeypatch.setattr(query_matching, "SEARCH_CHUNK", 2)
    events = source("a.csv", TITLES).events
    everything = np.arange(len(TITLES), dtype=np.int64)
    assert list(search_matches(events, everything, "ALPHA")) == [0, 2, 4, 5]
    assert list(search_matches(events, np.array([1, 5], np.int64), "alpha")) == [5]
    assert search_matches(events, everything, "alpha", is_cancelled=lambda: True) is None


def test_deleting_a_letter_while_a_search_runs_finds_the_shorter_texts_matches(runner, qtbot):
    session = runner._session
    for text in ("alpha", "alpha t", "alpha"):  # typed on, then Backspace twice
        runner.search(text)
    qtbot.waitUntil(lambda: runner._running is None and session.search_text == "alpha")
    assert list(session.matches) == [0, 2, 4, 5]


def test_a_search_handed_a_longer_text_midway_keeps_every_match_of_it(monkeypatch):
    monkeypatch.setattr(query_matching, "SEARCH_CHUNK", 2)
    events = source("a.csv", TITLES).events
    texts = iter(["a", "alpha", "alpha"])  # the user typed on after the first chunk
    found = search_matches(
        events, np.arange(len(TITLES), dtype=np.int64), "a", text_now=lambda: next(texts)
    )
    assert set(found) >= {0, 2, 4, 5}  # every match of "alpha"; "beta two" (1) as well
    assert 3 not in found  # "gamma" was read for "alpha"


def test_retyping_a_deleted_letter_while_a_search_runs_still_ends_with_its_matches(runner, qtbot):
    session = runner._session
    for text in ("alpha", "alph", "alpha"):  # Backspace stops the first search; retyped
        runner.search(text)
    qtbot.waitUntil(lambda: runner._running is None and session.search_text == "alpha")
    assert list(session.matches) == [0, 2, 4, 5]


def test_typing_or_after_a_search_widens_it_instead_of_narrowing(runner, qtbot):
    session = runner._session
    runner.search("gamma")
    qtbot.waitUntil(lambda: session.search_text == "gamma")
    for text in ("gamma O", "gamma OR", "gamma OR beta"):  # "gamma OR" does not parse
        runner.search(text)
    qtbot.waitUntil(lambda: runner._running is None and session.search_text == "gamma OR beta")
    assert list(session.matches) == [1, 3, 5]  # not only among the matches of "gamma"


def test_lengthening_an_excluded_word_leaves_out_fewer(runner, qtbot):
    session = runner._session
    for text in ("alpha -t", "alpha -th"):  # typed on while the first search runs
        runner.search(text)
    qtbot.waitUntil(lambda: runner._running is None and session.search_text == "alpha -th")
    assert list(session.matches) == [0, 4, 5]  # "Alphabet" and "beta alpha" are back


def test_a_query_that_does_not_parse_keeps_the_search_in_flight_and_shows_both(runner, qtbot):
    session = runner._session
    runner.search("beta")
    runner.search('beta "al')  # typing a phrase: before the result for "beta" came
    assert session.search_error is not None
    assert "Unclosed quote" in session.search_error
    qtbot.waitUntil(lambda: runner._running is None and len(session.matches) == 2)
    assert list(session.matches) == [1, 5]  # the matches of "beta"
    assert session.search_text == 'beta "al'  # the box's text, with its error
    assert session.search_error is not None
    runner.search('beta "al"')
    qtbot.waitUntil(lambda: session.search_text == 'beta "al"')
    assert session.search_error is None
    assert list(session.matches) == [5]


def test_each_chunk_read_is_told_with_its_first_event_and_its_text(monkeypatch):
    monkeypatch.setattr(query_matching, "SEARCH_CHUNK", 2)
    events = source("a.csv", TITLES).events
    texts = iter(["a", "alpha", "alpha"])
    told: list[tuple[int, str]] = []
    search_matches(
        events, np.arange(6, dtype=np.int64), "a", text_now=lambda: next(texts),
        chunk_read=lambda first, text: told.append((first, text)),
    )  # fmt: skip
    assert told == [(0, "a"), (2, "alpha"), (4, "alpha")]
    told.clear()
    many = source("b.csv", TITLES * 4).events  # few events among many: the narrowed way
    search_matches(
        many, np.array([1, 5, 9, 13, 20]), "a", chunk_read=lambda f, t: told.append((f, t))
    )
    assert told == [(1, "a"), (9, "a"), (20, "a")]


def test_a_search_typed_on_midway_reads_again_only_the_events_read_for_the_shorter_text(
    runner, qtbot, monkeypatch
):
    """``alpha`` typed while ``a`` was searched: chunks from event 2 on were read for
    ``alpha``; only the matches before it are read again, and the matches are a fresh
    search's."""
    session = runner._session
    runner._latest = runner._typed = "alpha"
    search = search_runner._Search(
        1, "a", session.events, session.shown, session.shown, session.marks
    )
    search.latest = "alpha"
    search.chunks = [(0, "a"), (2, "alpha"), (4, "alpha")]
    # "a" matched 0 and 1 in the first chunk; "alpha" matched 2, 4 and 5 after it.
    started: list[search_runner._Search] = []
    start = runner._pool.start
    monkeypatch.setattr(
        runner._pool, "start", lambda task: (started.append(task._search), start(task))
    )
    found = np.array([0, 1, 2, 4, 5], dtype=np.int64)
    runner._on_task_done(search, search_runner._Found(found, None))
    (again,) = started
    assert list(again.among) == [0, 1]  # "beta two" (1) is read again, nothing after 2
    assert list(again.carry) == [2, 4, 5]
    qtbot.waitUntil(lambda: runner._running is None and session.search_text == "alpha")
    fresh = search_matches(session.events, session.shown, "alpha")
    assert list(session.matches) == list(fresh) == [0, 2, 4, 5]


def test_a_big_result_is_made_ready_for_the_views_on_the_search_thread(qtbot, monkeypatch):
    """At 10M events out of time order, ordering a search's millions of matches for the
    Events table and flagging them for the timeline held the GUI thread 100-200 ms: both are
    done on the search's thread, and the views show them as the GUI thread would have."""
    import threading

    from viewer.model import sorted_order
    from viewer.ui.main_window import MainWindow

    monkeypatch.setattr(search_runner, "BACKGROUND_FROM", 1)
    rng = np.random.default_rng(5)
    n = 3_000
    titles = [("alpha " if rng.random() < 0.4 else "beta ") + str(i) for i in range(n)]
    starts = rng.permutation(n) * 3_600  # dates in no order: the table reorders the matches
    events = EventTable.from_columns(start=starts, title=titles)
    session, window = Session(), MainWindow()
    window.bind(session)
    session.replace_all([Source("a.csv", LoadReport("a.csv"), events)])
    ordered: list[tuple[bool, bool]] = []  # (on the GUI thread, taken as made ahead)
    of = sorted_order.SortedOrder.of

    def recorded(self, shown, flags=None):
        ahead = self._prepared is not None and self._prepared[0] is shown
        ordered.append((threading.current_thread() is threading.main_thread(), ahead))
        return of(self, shown, flags)

    monkeypatch.setattr(sorted_order.SortedOrder, "of", recorded)
    window.search.runner.search("alpha")
    qtbot.waitUntil(lambda: session.search_text == "alpha")
    window.search.runner.wait()
    expected = [i for i in range(n) if titles[i].startswith("alpha")]
    assert session.matches.tolist() == expected
    model = window.table.model
    rows = [model.event_at(r) for r in range(model.rowCount())]
    assert rows == sorted(expected, key=lambda i: starts[i])  # date order, as the table is sorted
    assert window.timeline.events_item.highlighted.tolist() == expected
    assert ordered == [(False, False), (True, True)]  # made on the search's thread, then taken
    window.close()
