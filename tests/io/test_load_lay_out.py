"""The app's loads come back laid out for the timeline (sorted on the loading thread), with
the events in time order, ties in file order."""

from __future__ import annotations

from pathlib import Path

import pytest

from viewer.io.loading import load_file
from viewer.model.lane_layout import ARRAY_FIELDS

TEXT = (
    "date,title,lane\n"
    "2026-04-28 09:30:00.5,Opening statements,Court\n"
    "2026-04-27,Announcement,Deals\n"
    "2026-04-28 09:30:00.25,Jury seated,Court\n"
    "2026-04-27,Jury selection,Court\n"
    "2026-05-10,Models on AWS,Deals\n"
)


def test_a_load_for_the_window_is_laid_out_in_time_order(tmp_path: Path):
    path = tmp_path / "story.csv"
    path.write_text(TEXT, encoding="utf-8")
    events = load_file(path, lay_out=True).events
    assert events.has_layout
    layout = events.lane_layout()
    titles = [events.text_at("title", int(i)) for i in layout.time_order]
    assert titles == [
        "Announcement",
        "Jury selection",
        "Jury seated",
        "Opening statements",
        "Models on AWS",
    ]
    lanes = {
        name: [events.text_at("title", int(i)) for i in layout.index[layout.lane(k)]]
        for k, name in enumerate(layout.names)
    }
    assert lanes == {
        "Court": ["Jury selection", "Jury seated", "Opening statements"],
        "Deals": ["Announcement", "Models on AWS"],
    }


def test_a_load_for_the_command_line_is_not_laid_out(tmp_path: Path):
    path = tmp_path / "story.csv"
    path.write_text(TEXT, encoding="utf-8")
    assert not load_file(path).events.has_layout


def test_lanes_counted_ahead_from_the_cells_as_read_are_the_tables_own(tmp_path: Path, monkeypatch):
    # Padded, missing and Unicode-spaced lane cells, met again in later blocks of the file.
    from viewer.io.readers import delimited_reader

    monkeypatch.setattr(delimited_reader, "_BLOCK", 256)  # many chunks, each its own cells
    lanes = ["Court", " Court", "Deals\u3000", "", "法庭", "Deals", "  ", "Court ", "\u00a0法庭"]
    rows = [
        f'2026-04-{1 + i % 28:02d},Event {i},"{lanes[(i * 7) % len(lanes)]}"' for i in range(200)
    ]
    path = tmp_path / "lanes.csv"
    path.write_text("date,title,lane\n" + "\n".join(rows) + "\n", encoding="utf-8")
    events = load_file(path, lay_out=True).events
    codes, names = events.lane_codes()
    fresh = events.subset(range(len(events)))  # a table of its own: it counts its lanes
    expected_codes, expected_names = fresh.lane_codes()
    assert names == expected_names == ["Court", "Deals", "", "法庭"]
    assert codes.tolist() == expected_codes.tolist()


SPANS = (
    "start,end,title,lane,date\n"
    "2026-04-28T09:30:00.5Z,,Opening statements,Court,\n"
    "2026-04-27,2026-04-29,Trial week,Court,\n"
    "2026-04-28T10:00:00.25Z,2026-04-28T10:00:01.75Z,Sub-second span,Court,\n"
    "c. 1066,,Hastings,History,\n"
    "2026-04,,April,Deals,\n"
    "2026-04-27T08:00:00Z,2026-04-27T07:00:00Z,Backwards,Deals,\n"
    "2026-04-27,,No lane,,\n"
    "1789-07-14,1799-11-09,Revolution,History,\n"
)


@pytest.mark.parametrize(
    "text",
    [
        SPANS,
        SPANS.replace(",lane,", ",,").replace(",Court,", ",,").replace(",Deals,", ",,"),
        "\n".join(line.rsplit(",", 2)[0] for line in SPANS.splitlines()) + "\n",  # no lane column
        "date,title\n2026-04-27T10:00:00Z,One\n",
    ],
    ids=["spans-days-months-years", "empty-lanes", "no-lane-column", "one-event"],
)
def test_the_layout_a_load_builds_ahead_is_the_one_the_table_builds_itself(
    tmp_path: Path, text: str
) -> None:
    path = tmp_path / "events.csv"
    path.write_text(text, encoding="utf-8")
    events = load_file(path, lay_out=True).events
    assert events.has_layout
    assert len(events) == text.count("\n") - 1
    ahead = events.lane_layout()
    own = events.subset(range(len(events))).lane_layout()  # a table of its own builds it
    assert ahead.names == own.names
    assert ahead.origin == own.origin
    for name in (*ARRAY_FIELDS, "offsets", "max_extent", "last_end"):
        assert getattr(ahead, name).tolist() == getattr(own, name).tolist(), name
