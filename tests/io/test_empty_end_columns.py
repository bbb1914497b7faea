"""An end column no row fills, in files large enough for the repeated-values path (issue 14,
item 6: 20,000 rows failed with "IndexError", 19,999 loaded)."""

from __future__ import annotations

from pathlib import Path

from viewer.io.load_options import LoadOptions
from viewer.io.loading import LoadResult, load_file


def load_text(tmp_path: Path, text: str, name: str) -> LoadResult:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return load_file(path, LoadOptions())


def test_an_end_column_empty_in_20000_rows_leaves_every_event_a_point(tmp_path: Path) -> None:
    rows = "".join(f"2020-01-{i % 28 + 1:02d},,t{i}\n" for i in range(20_000))
    result = load_text(tmp_path, "date,end,title\n" + rows, "events.csv")
    assert result.report.error is None, result.report.error
    assert len(result.events) == 20_000
    assert result.report.skipped == []


def test_a_timeline_file_of_20000_point_events_loads(tmp_path: Path) -> None:
    event = (
        "<event><start>2020-01-{day:02d} 00:00:00</start><end>2020-01-{day:02d} 00:00:00</end>"
        "<text>t{n}</text></event>"
    )
    events = "".join(event.format(day=n % 28 + 1, n=n) for n in range(20_000))
    text = f'<?xml version="1.0" encoding="utf-8"?><timeline><events>{events}</events></timeline>'
    result = load_text(tmp_path, text, "points.timeline")
    assert result.report.error is None, result.report.error
    assert len(result.events) == 20_000
