"""``inspect`` counts a file whose only date column is ISO 8601 in one pass of pyarrow's reader;
its report must be exactly the one the full loader gives, and any other file goes the full way."""

from __future__ import annotations

from pathlib import Path

import pytest

from viewer.io import pipeline
from viewer.io.load_options import LoadOptions
from viewer.io.pipeline import inspect_file, read_file_columns
from viewer.io.readers import file_head

QUICK = {
    "naive.csv": "when,title\n2026-04-27T09:50:01,a\n2026-04-28 10:00,b\n2026-04-29,c\n",
    "zoned.csv": "timestamp,title\n2026-04-27T09:50:01Z,a\n2026-04-28T10:00:00+02:00,b\n",
    "tabs.tsv": "date\ttitle\tlane\n2026-04-27\ta\tx\n2026-04-28\tb\ty\n",
    "crlf_bom.csv": "\ufeffdate,title\r\n2026-04-27,a\r\n2026-04-28,b\r\n",
    "quoted.csv": 'date,title,excerpt\n2026-04-27,a,"two\nlines"\n2026-04-28,b,"one, comma"\n',
    "late_offset.csv": "date,title\n"
    + "".join(f"2026-04-{d:02d}T10:00:00Z,e\n" for d in range(1, 29))
    + "2026-04-29T10:00:00+0200,compact offset beyond the sample\n",
}

FULL_WAY = {
    "empty_cell.csv": "date,title\n2026-04-27,a\n,b\n2026-04-29,c\n",
    "bad_late_row.csv": "date,title\n"
    + "".join(f"2026-04-{d:02d},e\n" for d in range(1, 29))
    + "2026-02-30,no such day\n",
    "mixed_zones.csv": "date,title\n2026-04-27T10:00:00Z,a\n2026-04-28T10:00:00,b\n",
    "natural.csv": "date,title\nApril 27 2026,a\n2026-04-28,b\n",
    "with_end.csv": "start,end,title\n2026-04-27,2026-04-20,backwards\n",
    "fraction.csv": "date,title\n2026-04-27T10:00:00.5,a\n",
    "leap_second.csv": "date,title\n2016-12-31T23:59:60Z,a\n",
    "ragged.csv": "date,title\n2026-04-27,a,extra\n2026-04-28,b\n",
    "header_only.csv": "date,title\n",
    "events.json": '[{"date": "2026-04-27", "title": "a"}]',
}


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    return path


def _quick(path: Path, options: LoadOptions):
    """The one-pass report, or None where inspect goes the full way."""
    return pipeline._quick_iso_report(path, pipeline._open(path, options), options)


def _full(path: Path, options: LoadOptions) -> dict[str, object]:
    return read_file_columns(path, options, with_text=False)[0].as_dict()


@pytest.mark.parametrize("name", sorted(QUICK))
def test_an_iso_only_file_is_counted_in_one_pass_with_the_full_report(tmp_path, name):
    path = _write(tmp_path, name, QUICK[name])
    quick = _quick(path, LoadOptions())
    assert quick is not None, "expected the one-pass count"
    assert quick.as_dict() == _full(path, LoadOptions())
    assert quick.events >= 2


@pytest.mark.parametrize("name", sorted(FULL_WAY))
def test_any_other_file_goes_the_full_way_and_reports_the_same(tmp_path, name):
    path = _write(tmp_path, name, FULL_WAY[name])
    assert _quick(path, LoadOptions()) is None
    assert inspect_file(path, LoadOptions()).as_dict() == _full(path, LoadOptions())


def test_a_forced_column_and_a_bad_time_zone_are_honoured(tmp_path):
    path = _write(tmp_path, "two.csv", "made,title,seen\n2026-04-27,a,2026-05-01\n2026-04-28,b,\n")
    forced = LoadOptions(columns={"start": "seen"})
    assert inspect_file(path, forced).as_dict() == _full(path, forced)
    assert inspect_file(path, forced).skipped  # the empty 'seen' cell is reported
    bad_zone = LoadOptions(tz="Mars/Olympus")
    assert "unknown time zone" in (inspect_file(path, bad_zone).error or "")


def test_a_missing_file_is_reported_not_raised(tmp_path):
    report = inspect_file(tmp_path / "gone.csv", LoadOptions())
    assert report.error
    assert "gone.csv" in report.error


def test_going_the_full_way_does_not_open_the_file_twice(tmp_path, monkeypatch):
    path = tmp_path / "gbk.csv"
    path.write_bytes("日期,标题\n2026年4月27日,开庭前夕\n2026年4月28日,开庭\n".encode("gb18030"))
    calls = []
    detect = file_head.detect_encoding
    monkeypatch.setattr(file_head, "detect_encoding", lambda *a: calls.append(a) or detect(*a))
    report = inspect_file(path, LoadOptions())
    assert (report.events, report.encoding) == (2, "gb18030")
    assert len(calls) == 1  # the encoding guess (the slow part of opening) is made once
