"""The app's loads come back laid out for the timeline (sorted on the loading thread), with
the events in time order, ties in file order."""

from __future__ import annotations

from pathlib import Path

from viewer.io.loading import load_file

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
