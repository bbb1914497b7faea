"""The session: sources added, reloaded and removed, the selection kept across a reload, lane and
date filters, search inside what is shown, stepping through matches, and the signals views hear."""

from __future__ import annotations

import numpy as np
import pytest

from viewer.io.load_report import LoadReport
from viewer.model.event_table import EventTable
from viewer.model.instants import seconds_at
from viewer.state.session import Session, Source

DAY = 86_400


def source(path: str, rows: list[tuple[str, str, int]], excerpt: str = "") -> Source:
    """A loaded file: ``rows`` are (title, lane, day of May 2026); file rows start at 2."""
    start = [seconds_at(2026, 5, day) for _title, _lane, day in rows]
    events = EventTable.from_columns(
        start=start,
        title=[title for title, _lane, _day in rows],
        lane=[lane for _title, lane, _day in rows],
        excerpt=excerpt,
        source=path.rsplit("/", 1)[-1],
    )
    return Source(path, LoadReport(path, events=len(rows)), events)


class Heard:
    """The session's signals in the order they came."""

    def __init__(self, session: Session) -> None:
        self.signals: list[str] = []
        self.selections: list[int | None] = []
        session.sources_changed.connect(lambda: self.signals.append("sources"))
        session.filters_changed.connect(lambda: self.signals.append("filters"))
        session.search_changed.connect(lambda: self.signals.append("search"))
        session.selection_changed.connect(self._on_selection_changed)

    def _on_selection_changed(self, index: int | None) -> None:
        self.signals.append("selection")
        self.selections.append(index)

    def clear(self) -> None:
        self.signals.clear()
        self.selections.clear()


A = "/data/a.csv"
B = "/data/b.csv"
A_ROWS = [("Alpha one", "Work", 1), ("Alpha two", "Home", 2), ("Alpha three", "Work", 3)]
B_ROWS = [("Beta one", "Travel", 10), ("Beta two", "Work", 20)]


@pytest.fixture
def session() -> Session:
    s = Session()
    s.add_source(source(A, A_ROWS))
    s.add_source(source(B, B_ROWS))
    return s


def titles(session: Session, indices=None) -> list[str]:
    frame = session.events.frame
    shown = frame if indices is None else frame.iloc[list(indices)]
    return shown["title"].tolist()


def selected_title(session: Session) -> str | None:
    return None if session.selected is None else titles(session, [session.selected])[0]


# -- sources --------------------------------------------------------------------------------
def test_added_sources_are_merged_in_the_order_they_came_and_all_shown(session):
    assert session.source_paths() == [A, B]
    assert titles(session) == ["Alpha one", "Alpha two", "Alpha three", "Beta one", "Beta two"]
    assert session.shown.tolist() == [0, 1, 2, 3, 4]
    assert session.lane_counts() == [("Work", 3), ("Home", 1), ("Travel", 1)]


def test_adding_a_source_tells_views_the_table_changed_then_the_selection():
    s = Session()
    heard = Heard(s)
    s.add_source(source(A, A_ROWS))
    assert heard.signals == ["sources", "selection"]
    assert heard.selections == [None]


def test_a_file_loaded_again_replaces_its_old_events_in_place(session):
    session.add_source(source(A, [("Alpha new", "Work", 5)]))
    assert session.source_paths() == [A, B]
    assert titles(session) == ["Alpha new", "Beta one", "Beta two"]


def test_a_reload_keeps_the_selected_event_by_file_and_row_though_its_index_moves(session):
    session.select(3)  # "Beta one", b.csv row 2
    heard = Heard(session)
    session.add_source(source(A, [("Only alpha", "Work", 1)]))  # a.csv shrank: indices shift
    assert session.selected == 1
    assert selected_title(session) == "Beta one"
    assert heard.selections == [1]


def test_a_reload_that_drops_the_selected_row_clears_the_selection(session):
    session.select(2)  # "Alpha three", a.csv row 4
    heard = Heard(session)
    session.add_source(source(A, A_ROWS[:2]))
    assert session.selected is None
    assert heard.selections == [None]


def test_removing_a_file_drops_its_events_and_keeps_a_selection_elsewhere(session):
    session.select(4)  # "Beta two"
    session.remove_source(A)
    assert session.source_paths() == [B]
    assert titles(session) == ["Beta one", "Beta two"]
    assert selected_title(session) == "Beta two"
    session.remove_source(B)
    assert len(session.events) == 0
    assert session.selected is None


def test_replacing_everything_clears_the_selection(session):
    session.select(0)
    session.replace_all([source("/data/c.csv", [("Gamma", "Work", 7)])])
    assert session.source_paths() == ["/data/c.csv"]
    assert titles(session) == ["Gamma"]
    assert session.selected is None


# -- filters --------------------------------------------------------------------------------
def test_a_hidden_lane_leaves_the_shown_events_and_comes_back(session):
    heard = Heard(session)
    session.set_lane_visible("Work", False)
    assert titles(session, session.shown) == ["Alpha two", "Beta one"]
    assert heard.signals == ["filters", "search"]
    heard.clear()
    session.set_lane_visible("Work", False)  # already hidden: nothing to tell
    assert heard.signals == []
    session.set_lane_visible("Work", True)
    assert len(session.shown) == 5
    assert heard.signals == ["filters", "search"]


def test_hidden_lanes_stay_hidden_when_files_change(session):
    session.set_hidden_lanes({"Home", "Travel"})
    session.add_source(source("/data/c.csv", [("Gamma", "Home", 7), ("Delta", "Work", 8)]))
    assert titles(session, session.shown) == [
        "Alpha one", "Alpha three", "Beta two", "Delta"
    ]  # fmt: skip


def test_the_date_range_shows_events_inside_it_and_spans_reaching_into_it():
    s = Session()
    events = EventTable.from_columns(
        start=[seconds_at(2026, 5, 1), seconds_at(2026, 5, 5), seconds_at(2026, 4, 1)],
        end=[None, None, seconds_at(2026, 5, 3)],  # the third is a span ending inside the range
        title=["Before", "Inside", "Span into it"],
    )
    s.add_source(Source(A, LoadReport(A, events=3), events))
    s.set_date_range(seconds_at(2026, 5, 2), seconds_at(2026, 5, 31))
    assert titles(s, s.shown) == ["Inside", "Span into it"]
    s.set_date_range(seconds_at(2026, 5, 31), seconds_at(2026, 5, 2))  # either order
    assert titles(s, s.shown) == ["Inside", "Span into it"]
    s.set_date_range(None, None)
    assert len(s.shown) == 3


# -- search ---------------------------------------------------------------------------------
def test_search_matches_titles_and_excerpts_without_regard_to_case(session):
    session.add_source(source("/data/c.csv", [("Gamma", "Work", 7)], excerpt="About ALPHA too"))
    heard = Heard(session)
    session.set_search("alpha")
    assert titles(session, session.matches) == ["Alpha one", "Alpha two", "Alpha three", "Gamma"]
    assert heard.signals == ["search"]
    session.set_search("")
    assert session.matches.tolist() == []


def test_search_finds_only_events_that_are_shown(session):
    session.set_search("alpha")
    session.set_lane_visible("Work", False)
    assert titles(session, session.matches) == ["Alpha two"]
    session.set_date_range(seconds_at(2026, 5, 3), seconds_at(2026, 5, 31))
    assert titles(session, session.matches) == []


def test_search_reads_chinese_text():
    s = Session()
    s.add_source(source(A, [("微软宣布新协议", "科技", 1), ("其他事件", "科技", 2)]))
    s.set_search("微软")
    assert titles(s, s.matches) == ["微软宣布新协议"]


def test_regex_characters_are_searched_for_literally(session):
    session.add_source(
        source("/data/c.csv", [("Costs (est.) rise", "Work", 7), ("Costs estimated", "Work", 8)])
    )
    session.set_search("est.")
    assert titles(session, session.matches) == ["Costs (est.) rise"]


# -- selection and stepping -------------------------------------------------------------------
def test_selecting_tells_views_once(session):
    heard = Heard(session)
    session.select(2)
    session.select(2)
    assert heard.selections == [2]
    session.select(None)
    assert heard.selections == [2, None]


def test_stepping_through_matches_wraps_round_both_ways(session):
    session.set_search("alpha")  # matches 0, 1, 2
    assert session.step_match(1) == 0
    assert session.selected == 0
    assert session.step_match(1) == 1
    assert session.step_match(1) == 2
    assert session.step_match(1) == 0  # past the last: the first again
    assert session.step_match(-1) == 2  # before the first: the last
    assert selected_title(session) == "Alpha three"


def test_stepping_back_with_no_match_selected_starts_at_the_last(session):
    session.select(4)  # "Beta two" is not a match
    session.set_search("alpha")
    assert session.step_match(-1) == 2
    assert selected_title(session) == "Alpha three"


def test_stepping_with_no_matches_changes_nothing(session):
    session.select(3)
    session.set_search("no such words")
    heard = Heard(session)
    assert session.step_match(1) is None
    assert session.selected == 3
    assert heard.signals == []


def test_a_replacing_load_keeps_only_the_files_of_its_request(session):
    session.add_source(source("/data/c.csv", [("Gamma", "Work", 7)]), keep_only=["/data/c.csv"])
    assert session.source_paths() == ["/data/c.csv"]
    assert session.events.texts("title") == ["Gamma"]


def test_views_hear_whether_to_keep_their_view(session):
    kept: list[bool] = []
    session.sources_changed.connect(kept.append)
    session.add_source(source(A, A_ROWS), keep_view=True)  # a reload
    session.add_source(source("/data/c.csv", [("Gamma", "Work", 7)]))  # a new file
    assert kept == [True, False]


def test_the_lists_show_the_matches_while_searching_and_all_shown_otherwise(session):
    session.set_lane_visible("Home", False)
    assert session.listed.tolist() == session.shown.tolist()
    session.set_search("one")
    assert session.listed.tolist() == session.matches.tolist() == [0, 3]
    session.select(3)
    assert session.match_position() == 1
    session.select(2)  # not a match
    assert session.match_position() is None
    session.set_search("")
    assert session.listed.tolist() == session.shown.tolist()


def test_files_named_together_get_the_same_lane_colours_whichever_loads_first():
    in_order = Session()
    in_order.add_source(source(A, A_ROWS), order=[A, B])
    in_order.add_source(source(B, B_ROWS), order=[A, B])
    b_first = Session()
    b_first.add_source(source(B, B_ROWS), order=[A, B])  # the later-named file finished first
    b_first.add_source(source(A, A_ROWS), order=[A, B])
    assert [s.path for s in b_first.sources] == [A, B]
    assert b_first.lane_colours == in_order.lane_colours
    # A file added later (not named with them) still leaves the others' colours alone.
    before = dict(b_first.lane_colours)
    b_first.add_source(source("/data/c.csv", [("Gamma", "Garden", 5), ("Delta", "Work", 6)]))
    assert {lane: b_first.lane_colours[lane] for lane in before} == before


def test_a_query_about_stars_follows_the_marks_and_others_keep_their_matches():
    from dataclasses import dataclass, field

    @dataclass
    class Marks:
        starred: np.ndarray
        tags: dict = field(default_factory=dict)
        notes: dict = field(default_factory=dict)

    s = Session()
    events = EventTable.from_columns(start=[0, 86_400, 172_800], title=["a x", "b x", "c"])
    s.replace_all([Source("m.csv", LoadReport("m.csv"), events)])
    s.set_search("is:starred x")
    assert list(s.matches) == []
    s.set_marks(Marks(starred=np.array([False, True, True])))
    assert list(s.matches) == [1]
    s.set_search("x")
    before = s.matches
    s.set_marks(Marks(starred=np.array([True, True, True])))
    assert s.matches is before  # not searched again: the query reads no marks
