"""Annotating through the session: the marks views draw change at once, survive a reload that
moves rows, and an annotation whose event went is listed as an orphan."""

from __future__ import annotations

import numpy as np

from tests.state.test_session import source
from viewer.state.session import Session


def test_starring_tells_views_which_events_changed_and_marks_them() -> None:
    session = Session()
    session.add_source(
        source("/d/news.csv", [("Announcement", "Deals", 27), ("Jury", "Court", 27)])
    )
    heard: list[object] = []
    session.annotations_changed.connect(heard.append)
    session.set_starred([1], True)
    assert session.marks.starred.tolist() == [False, True]
    assert [np.asarray(h).tolist() for h in heard] == [[1]]
    session.add_tag([0, 1], "musk-v-openai")
    session.set_note([0], "Contract change")
    assert session.marks.tags == {0: ("musk-v-openai",), 1: ("musk-v-openai",)}
    assert session.marks.notes == {0: "Contract change"}
    session.set_starred([1], False)
    session.remove_tag([1], "musk-v-openai")
    assert 1 not in session.marks.keys
    assert len(session.annotations) == 1


def test_a_reload_with_a_row_inserted_above_keeps_the_tag_on_its_event() -> None:
    session = Session()
    session.add_source(
        source("/d/news.csv", [("Announcement", "Deals", 27), ("Jury", "Court", 27)])
    )
    session.add_tag([1], "trial")
    rows = [("Announcement", "Deals", 27), ("Filing", "Court", 27), ("Jury", "Court", 27)]
    session.add_source(source("/d/news.csv", rows), keep_view=True)
    assert session.marks.tags == {2: ("trial",)}
    session.add_source(source("/d/news.csv", rows[:2]), keep_view=True)
    assert session.marks.tags == {}
    assert [o.annotation.title for o in session.orphans] == ["Jury"]


def test_a_search_for_stars_sees_a_new_star_at_once_and_others_are_not_searched_again() -> None:
    session = Session()
    session.add_source(
        source("/d/news.csv", [("Announcement", "Deals", 27), ("Jury", "Court", 28)])
    )
    session.set_search("is:starred")
    heard: list[str] = []
    session.search_changed.connect(lambda: heard.append("search"))
    session.set_starred([1], True)
    assert heard == ["search"]
    assert session.matches.tolist() == [1]
    session.set_search("Jury")
    heard.clear()
    session.add_tag([1], "trial")
    assert heard == []  # a search that does not read marks is not run again


def test_two_files_of_one_name_keep_their_own_annotations() -> None:
    session = Session()
    session.add_source(source("/a/news.csv", [("Ruling", "Court", 27)]))
    session.add_source(source("/b/news.csv", [("Ruling", "Court", 27)]))
    session.add_tag([1], "from b")
    session.remove_source("/a/news.csv")
    assert session.marks.tags == {0: ("from b",)}
    assert session.orphans == []
