"""Stars, tags and notes travel with exported events: our CSV and JSON Lines get ``starred``,
``tags`` and ``note``; Timesketch's CSV and JSON Lines its ``tag`` list and a ``comment``."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import numpy as np
import pytest

from viewer.io.loading import load_file
from viewer.io.writers.event_writer import write_events
from viewer.model.annotations import EventMarks, parse_tags, tags_text
from viewer.model.event_table import EventTable
from viewer.model.instants import seconds_at


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


def events_and_marks() -> tuple[EventTable, EventMarks]:
    events = EventTable.from_columns(
        start=[seconds_at(2026, 5, 3), seconds_at(2026, 5, 1), seconds_at(2026, 5, 2)],
        title=["Verdict", "Jury selection", "Opening"],
        lane="Court",
    )
    marks = EventMarks(
        np.array([False, True, False]),
        tags={1: ("trial", "key, witness"), 2: ("trial",)},
        notes={1: "Ask the clerk <b>x</b>\nsecond line"},
    )
    return events, marks


def test_csv_export_writes_star_tags_and_note_columns_in_time_order(tmp_path: Path) -> None:
    events, marks = events_and_marks()
    out = tmp_path / "events.csv"
    write_events(events, out, in_time_order=True, marks=marks)
    rows = read_csv(out)
    assert [r["title"] for r in rows] == ["Jury selection", "Opening", "Verdict"]
    assert [r["starred"] for r in rows] == ["true", "false", "false"]
    assert [parse_tags(r["tags"]) for r in rows] == [("trial", "key, witness"), ("trial",), ()]
    assert rows[0]["note"] == "Ask the clerk <b>x</b>\nsecond line"
    assert len(load_file(out).events) == 3  # still our own CSV, read without questions


def test_jsonl_export_writes_tags_as_a_list(tmp_path: Path) -> None:
    events, marks = events_and_marks()
    out = tmp_path / "events.jsonl"
    write_events(events, out, marks=marks)
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["tags"] for r in records] == [[], ["trial", "key, witness"], ["trial"]]
    assert [r["starred"] for r in records] == [False, True, False]


@pytest.mark.parametrize("suffix", [".timesketch.csv", ".timesketch.jsonl"])
def test_timesketch_export_has_its_tag_field_and_the_note_as_comment(
    tmp_path: Path, suffix: str
) -> None:
    events, marks = events_and_marks()
    out = tmp_path / f"events{suffix}"
    write_events(events, out, in_time_order=True, marks=marks)
    if suffix.endswith(".csv"):
        rows = read_csv(out)
        tags = [parse_tags(r["tag"]) for r in rows]
    else:
        rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
        tags = [tuple(r["tag"]) for r in rows]
    assert tags == [("trial", "key, witness"), ("trial",), ()]
    assert rows[0]["message"] == "Jury selection"
    assert rows[0]["comment"].startswith("Ask the clerk")
    assert {"datetime", "timestamp_desc"} <= set(rows[0])
    assert [e.title for e in map(load_file(out).events.event, range(3))] == [
        "Jury selection",
        "Opening",
        "Verdict",
    ]


def test_without_marks_the_columns_are_the_tables_alone(tmp_path: Path) -> None:
    events, _ = events_and_marks()
    out = tmp_path / "events.csv"
    write_events(events, out)
    assert "tags" not in out.read_text(encoding="utf-8").splitlines()[0]


@pytest.mark.parametrize(
    ("cell", "tags"),
    [
        ("trial,key", ("trial", "key")),
        ('["a, b", "c"]', ("a, b", "c")),
        ("-", ()),
        ("", ()),
        (" trial , Trial ,x", ("trial", "x")),
        (["a", "b"], ("a", "b")),
    ],
)
def test_tag_cells_read_as_timesketch_reads_them(cell: object, tags: tuple[str, ...]) -> None:
    assert parse_tags(cell) == tags


def test_tags_with_commas_survive_a_round_trip_through_one_cell() -> None:
    for tags in (("a", "b"), ("a, b", "c"), ()):
        assert parse_tags(tags_text(tags)) == tags


def test_marks_of_a_subset_are_renumbered_with_it() -> None:
    _, marks = events_and_marks()
    part = marks.subset(np.array([2, 1]))
    assert part.starred.tolist() == [False, True]
    assert part.tags == {0: ("trial",), 1: ("trial", "key, witness")}
    assert part.notes == {1: "Ask the clerk <b>x</b>\nsecond line"}
