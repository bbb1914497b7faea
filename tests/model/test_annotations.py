"""Stars, tags and notes follow their events by content, not by row number."""

from __future__ import annotations

import numpy as np

from viewer.model.annotation_records import from_records, to_records
from viewer.model.annotations import AnnotationStore, clean_tag, keys_of, seen_as
from viewer.model.event_table import EventTable

DAY = 86_400


def table(titles: list[str], starts: list[int] | None = None, source: str = "/d/news.csv",
          excerpts: list[str] | None = None) -> EventTable:  # fmt: skip
    starts = starts if starts is not None else [i * DAY for i in range(len(titles))]
    return EventTable.from_columns(
        start=starts,
        title=titles,
        excerpt=excerpts if excerpts is not None else [""] * len(titles),
        source=source,
    )


def tag(store: AnnotationStore, events: EventTable, index: int, word: str) -> None:
    store.add_tag(keys_of(events, [index]).values(), word, seen_as(events, [index]))


def test_a_tag_stays_on_its_event_when_a_row_is_inserted_above_it() -> None:
    before = table(["Announcement", "Jury selection", "Opening statements"], [0, DAY, 2 * DAY])
    store = AnnotationStore()
    tag(store, before, 1, "trial")
    after = table(["Announcement", "Filing", "Jury selection", "Opening statements"],
                  [0, DAY // 2, DAY, 2 * DAY])  # fmt: skip
    marks, orphans = store.resolve(after)
    assert marks.tags == {2: ("trial",)}
    assert orphans == []


def test_an_event_whose_excerpt_was_edited_keeps_its_star_and_then_follows_the_new_text() -> None:
    before = table(["Announcement", "Jury selection"], excerpts=["", "Day one"])
    store = AnnotationStore()
    keys = keys_of(before, [1])
    store.set_starred(keys.values(), True, seen_as(before, [1]))
    edited = table(["Announcement", "Jury selection"], excerpts=["", "Day one, in Oakland"])
    marks, orphans = store.resolve(edited)
    assert marks.starred.tolist() == [False, True]
    assert orphans == []
    # Re-keyed to the event as it reads now: a later edit of the same kind is followed too.
    again = table(["Announcement", "Jury selection"], excerpts=["", "Day one, in Oakland, CA"])
    assert store.resolve(again)[0].starred.tolist() == [False, True]


def test_an_annotation_whose_event_is_gone_is_listed_and_kept_for_when_it_returns() -> None:
    events = table(["Announcement", "Jury selection"])
    store = AnnotationStore()
    tag(store, events, 1, "trial")
    marks, orphans = store.resolve(table(["Announcement"]))
    assert marks.tags == {}
    assert [(o.annotation.title, o.annotation.tags, o.source_loaded) for o in orphans] == [
        ("Jury selection", ("trial",), True)
    ]
    assert store.resolve(events)[0].tags == {1: ("trial",)}


def test_identical_events_of_one_file_are_told_apart_by_their_order() -> None:
    events = table(["Ping", "Ping", "Ping"], [0, 0, 0])
    store = AnnotationStore()
    tag(store, events, 2, "third")
    marks, _ = store.resolve(events)
    assert marks.tags == {2: ("third",)}


def test_the_same_event_in_two_files_is_two_events() -> None:
    merged = EventTable.concat(
        [table(["Ruling"], source="/a.csv"), table(["Ruling"], source="/b.csv")]
    )
    store = AnnotationStore()
    tag(store, merged, 1, "b only")
    assert store.resolve(merged)[0].tags == {1: ("b only",)}


def test_removing_the_last_mark_removes_the_annotation() -> None:
    events = table(["Ruling"])
    store = AnnotationStore()
    tag(store, events, 0, "court")
    store.remove_tag(keys_of(events, [0]).values(), "COURT", seen_as(events, [0]))
    assert len(store) == 0


def test_tags_are_offered_most_used_first_and_are_not_doubled() -> None:
    events = table(["a", "b", "c"])
    store = AnnotationStore()
    for i in range(3):
        tag(store, events, i, "court")
    tag(store, events, 0, "Court")  # the same tag in other letters
    tag(store, events, 2, "appeal")
    assert store.tags() == ["court", "appeal"]
    assert clean_tag("  opening   statements ") == "opening statements"


def test_records_round_trip_with_relative_paths_and_damaged_records_are_named() -> None:
    events = table(["Announcement", "Jury selection"], source="/work/d/news.csv")
    store = AnnotationStore()
    tag(store, events, 1, "trial")
    store.set_note(keys_of(events, [1]).values(), "Check the docket", seen_as(events, [1]))
    records = to_records(store, lambda p: p.removeprefix("/work/"))
    assert records[0]["source"] == "d/news.csv"
    assert records[0]["note"] == "Check the docket"
    back, problems = from_records([*records, {"source": 3}, "junk"], lambda p: "/work/" + p)
    assert problems == [
        "Annotation 2 could not be read ('source' is not text); it was left out.",
        "Annotation 3 could not be read (it is not a record); it was left out.",
    ]
    marks, _ = back.resolve(events)
    assert marks.tags == {1: ("trial",)}
    assert marks.notes == {1: "Check the docket"}
    assert np.flatnonzero(marks.tagged).tolist() == [1]


def test_events_of_one_second_are_told_apart_by_their_fraction_of_it() -> None:
    def log(order: list[int]) -> EventTable:
        ns = [120_000_000, 450_000_000]
        return EventTable.from_columns(
            start=[100, 100],
            start_ns=[ns[i] for i in order],
            title=["Login", "Login"],
            source="z.log",
        )

    store = AnnotationStore()
    written = log([0, 1])
    tag(store, written, 1, "second")
    assert store.resolve(log([1, 0]))[0].tags == {0: ("second",)}
