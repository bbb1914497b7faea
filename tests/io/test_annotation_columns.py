"""Exported stars, tags and notes come back when the export is opened again."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from viewer.io.loading import load_annotated_files, load_file
from viewer.io.writers.event_writer import write_events
from viewer.model.annotations import EventMarks
from viewer.model.event_table import EventTable
from viewer.model.instants import seconds_at


def annotated() -> tuple[EventTable, EventMarks]:
    events = EventTable.from_columns(
        start=[seconds_at(2026, 5, d) for d in (1, 2, 3)],
        title=["Filing", "Jury selection", "Verdict"],
        lane="Court",
        source="news.csv",
        row=[2, 12, 13],
    )
    marks = EventMarks(
        np.array([False, True, False]),
        tags={1: ("trial", "a, b")},
        notes={2: "-starts like a formula\nline two"},
    )
    return events, marks


@pytest.mark.parametrize("suffix", [".csv", ".jsonl", ".timesketch.csv", ".timesketch.jsonl"])
def test_an_export_opened_again_has_its_stars_tags_and_notes(tmp_path: Path, suffix: str) -> None:
    events, marks = annotated()
    out = tmp_path / f"out{suffix}"
    write_events(events, out, marks=marks)
    result = load_file(out)
    assert result.marks is not None
    titles = [result.events.event(i).title for i in range(3)]
    back = {titles[i]: t for i, t in result.marks.tags.items()}
    assert back == {"Jury selection": ("trial", "a, b")}
    assert [titles[i] for i in np.flatnonzero(result.marks.starred)] == ["Jury selection"]
    assert {titles[i]: n for i, n in result.marks.notes.items()} == {
        "Verdict": "-starts like a formula\nline two"
    }


def test_a_files_own_tags_or_notes_column_is_data_not_annotations(tmp_path: Path) -> None:
    path = tmp_path / "mine.csv"
    path.write_text("date,title,notes,tags\n2026-05-01,Filing,call back,x\n", encoding="utf-8")
    assert load_file(path).marks is None


def test_rows_skipped_on_loading_do_not_shift_the_tags_of_a_timesketch_file(tmp_path: Path) -> None:
    path = tmp_path / "ts.csv"
    path.write_text(
        "message,datetime,timestamp_desc,tag\n"
        "First,2026-05-01T00:00:00+00:00,Event time,one\n"
        "Broken,not a date,Event time,lost\n"
        'Third,2026-05-03T00:00:00+00:00,Event time,"[""three""]"\n',
        encoding="utf-8",
    )
    result = load_file(path)
    titles = [result.events.event(i).title for i in range(len(result.events))]
    assert titles == ["First", "Third"]
    assert result.marks is not None
    assert {titles[i]: t for i, t in result.marks.tags.items()} == {
        "First": ("one",),
        "Third": ("three",),
    }


def test_files_loaded_together_keep_each_files_marks_on_its_own_events(tmp_path: Path) -> None:
    events, marks = annotated()
    first, second = tmp_path / "a.csv", tmp_path / "b.jsonl"
    write_events(events, first)
    write_events(events, second, marks=marks)
    table, _reports, merged = load_annotated_files([first, second])
    assert len(table) == 6
    assert merged.starred.tolist() == [False] * 4 + [True, False]
    assert merged.tags == {4: ("trial", "a, b")}
