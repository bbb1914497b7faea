"""Exports hold exactly the model's fields, are safe to open in a spreadsheet, and load back
to the same events."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from viewer.io.loading import load_file
from viewer.io.writers import event_writer
from viewer.io.writers.event_writer import write_events
from viewer.model.event_fields import COLUMNS
from viewer.model.event_table import EventTable
from viewer.model.instants import seconds_at

DATA = Path(__file__).parents[2] / "data"
FORMATS = [".jsonl", ".csv"]


def sample_events() -> EventTable:
    return EventTable.from_columns(
        start=[
            seconds_at(2026, 4, 27, 9, 50, 1),
            seconds_at(-43, 3, 15),
            seconds_at(1950 - 13_800_000_000),
            seconds_at(10_000, 1, 1),
            seconds_at(383),
            seconds_at(2026, 6, 11),
        ],
        end=[
            None,
            None,
            None,
            seconds_at(100_000, 12, 31),
            seconds_at(410),
            seconds_at(2026, 6, 20),
        ],
        precision=["time", "day", "year", "day", "year", "day"],
        approximate=[False, False, True, False, True, True],
        title=["=SUM(A1)", "+Caesar", "-Big Bang", "@future", 'Rome, "leaves"', "微软与OpenAI"],
        excerpt=["line one\nline two", "", "13.8 billion years ago", "", "c. 383", "摘要"],
        lane=["Cloud", "Rome", "Cosmos", "", "Rome", "行业"],
        url=["https://example.com/a?x=1&y=2", "", "", "", "", ""],
        date_text=[
            "2026-04-27 09:50:01",
            "15 March 44 BC",
            "13.8 billion years ago",
            "+10000-01-01 – +100000-12-31",
            "c. 383 – 410",
            "2026年6月中旬",
        ],
        source=["a.csv", "a.csv", "b.jsonl", "b.jsonl", "c.csv", "c.csv"],
        row=[2, 3, 7, 8, 10, 11],
    )


@pytest.mark.parametrize("suffix", FORMATS)
def test_an_export_loads_back_to_the_same_events(tmp_path: Path, suffix: str) -> None:
    events = sample_events()
    out = tmp_path / f"events{suffix}"
    write_events(events, out)
    result = load_file(out)
    assert result.report.error is None
    assert result.report.skipped == result.report.warnings == []
    assert result.events.records() == events.records()


LOADED = [
    "historicaldate_events_in_british_history.csv",
    "timelinejs_cosmo_mixed.json",
    "handmade_rome_and_conference.timeline",
    "handmade_timesketch.jsonl",
    "aeon_timeline3_orient_express.csv",
    "fivethirtyeight_cabinet_turnover.csv",
    "plaso_l2tcsv_time_zone.csv",
    "timesketch_evtx_part.csv",  # microseconds
    "zeek_snmp_excerpt.json",  # microseconds
]


@pytest.mark.parametrize("suffix", FORMATS)
@pytest.mark.parametrize("name", LOADED)
def test_a_loaded_file_survives_export_and_reload(tmp_path: Path, name: str, suffix: str) -> None:
    original = load_file(DATA / name).events
    out = tmp_path / f"export{suffix}"
    write_events(original, out)
    assert load_file(out).events.records() == original.records()


@pytest.mark.parametrize("suffix", FORMATS)
def test_exporting_an_export_gives_the_same_bytes(tmp_path: Path, suffix: str) -> None:
    first, second = tmp_path / f"first{suffix}", tmp_path / f"second{suffix}"
    write_events(sample_events(), first)
    write_events(load_file(first).events, second)
    assert second.read_bytes() == first.read_bytes()


def test_jsonl_lines_have_exactly_the_models_fields_in_order(tmp_path: Path) -> None:
    out = tmp_path / "events.jsonl"
    write_events(sample_events(), out)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 6
    records = [json.loads(line) for line in lines]
    assert all(list(record) == list(COLUMNS) for record in records)
    assert records[0]["row"] == 2
    assert records[0]["end"] is None
    assert records[2]["approximate"] is True
    assert records[5]["title"] == "微软与OpenAI"  # not \\u-escaped


def test_iso_dates_have_four_digit_years_and_a_sign_beyond_9999(tmp_path: Path) -> None:
    out = tmp_path / "events.jsonl"
    write_events(sample_events(), out)
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["start"] for r in records] == [
        "2026-04-27T09:50:01",
        "-0043-03-15T00:00:00",
        "-13799998050-01-01T00:00:00",
        "+10000-01-01T00:00:00",
        "0383-01-01T00:00:00",
        "2026-06-11T00:00:00",
    ]
    assert records[3]["end"] == "+100000-12-31T00:00:00"


def test_csv_has_the_models_fields_as_its_header(tmp_path: Path) -> None:
    out = tmp_path / "events.csv"
    write_events(sample_events(), out)
    with out.open(encoding="utf-8", newline="") as stream:
        rows = list(csv.reader(stream))
    assert rows[0] == list(COLUMNS)
    assert len(rows) == 7


def test_csv_cells_a_spreadsheet_would_run_as_formulas_are_escaped(tmp_path: Path) -> None:
    out = tmp_path / "events.csv"
    write_events(sample_events(), out)
    with out.open(encoding="utf-8", newline="") as stream:
        rows = list(csv.reader(stream))[1:]
    cells = [cell for row in rows for cell in row]
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "-", "@")]
    titles = [row[4] for row in rows]
    assert titles[:4] == ["'=SUM(A1)", "'+Caesar", "'-Big Bang", "'@future"]


def test_escaped_cells_come_back_without_the_escape(tmp_path: Path) -> None:
    out = tmp_path / "events.csv"
    write_events(sample_events(), out)
    titles = load_file(out).events.frame["title"].tolist()
    assert titles[:4] == ["=SUM(A1)", "+Caesar", "-Big Bang", "@future"]


def test_a_title_that_merely_starts_with_an_apostrophe_round_trips(tmp_path: Path) -> None:
    events = EventTable.from_columns(start=[0, 0], title=["'=not a formula'", "'tis the season"])
    out = tmp_path / "events.csv"
    write_events(events, out)
    assert load_file(out).events.frame["title"].tolist() == ["'=not a formula'", "'tis the season"]


class _FailingJson:
    """json whose dumps fails on the third record: a disk filling up mid-export."""

    def __init__(self) -> None:
        self.calls = 0

    def dumps(self, value: object, **kwargs: object) -> str:
        self.calls += 1
        if self.calls == 3:
            raise OSError("No space left on device")
        return json.dumps(value, **kwargs)  # type: ignore[arg-type]


def _fail_on_third_cell(original: object) -> object:
    calls = {"n": 0}

    def cell(value: object) -> str:
        calls["n"] += 1
        if calls["n"] == 3 * len(COLUMNS):
            raise OSError("No space left on device")
        return original(value)  # type: ignore[operator, no-any-return]

    return cell


@pytest.mark.parametrize("suffix", FORMATS)
def test_a_failed_export_leaves_an_existing_output_exactly_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, suffix: str
) -> None:
    out = tmp_path / f"events{suffix}"
    out.write_bytes(b"the previous export\n")
    if suffix == ".jsonl":
        monkeypatch.setattr(event_writer, "json", _FailingJson())
    else:
        monkeypatch.setattr(event_writer, "csv_cell", _fail_on_third_cell(event_writer.csv_cell))
    with pytest.raises(OSError, match="No space"):
        write_events(sample_events(), out)
    assert out.read_bytes() == b"the previous export\n"
    assert [p.name for p in tmp_path.iterdir()] == [out.name]  # no half-written leftovers


@pytest.mark.parametrize("suffix", FORMATS)
def test_a_successful_export_replaces_an_existing_output_whole(tmp_path: Path, suffix: str) -> None:
    out = tmp_path / f"events{suffix}"
    out.write_text("x" * 100_000, encoding="utf-8")
    write_events(sample_events(), out)
    assert "x" * 100 not in out.read_text(encoding="utf-8")
    assert len(load_file(out).events) == 6
    assert [p.name for p in tmp_path.iterdir()] == [out.name]


def test_an_output_name_without_a_known_suffix_is_refused(tmp_path: Path) -> None:
    with pytest.raises(
        ValueError,
        match=r"\.jsonl, \.csv, \.timelinejs\.json, \.timesketch\.csv or \.timesketch\.jsonl",
    ):
        write_events(sample_events(), tmp_path / "events.xlsx")
    assert list(tmp_path.iterdir()) == []


def test_rows_with_long_cells_are_written_so_csv_reads_the_same_rows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ordinary, long = tmp_path / "ordinary.csv", tmp_path / "long.csv"
    write_events(sample_events(), ordinary)
    monkeypatch.setattr(event_writer, "_LONG_CELL", 10)  # every row has a cell this long
    write_events(sample_events(), long)
    assert long.read_bytes() != ordinary.read_bytes()  # written the other way
    with (
        ordinary.open(encoding="utf-8", newline="") as a,
        long.open(encoding="utf-8", newline="") as b,
    ):
        assert list(csv.reader(b)) == list(csv.reader(a))
    assert load_file(long).events.records() == sample_events().records()


@pytest.mark.parametrize("suffix", FORMATS)
def test_events_written_a_batch_at_a_time_are_all_written_in_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, suffix: str
) -> None:
    whole, batched = tmp_path / f"whole{suffix}", tmp_path / f"batched{suffix}"
    write_events(sample_events(), whole)
    monkeypatch.setattr("viewer.io.writers.event_records._BATCH", 4)
    write_events(sample_events(), batched)
    assert batched.read_bytes() == whole.read_bytes()


@pytest.mark.parametrize("suffix", [*FORMATS, ".timesketch.csv", ".timelinejs.json"])
def test_events_written_in_time_order_are_those_of_the_sorted_table(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, suffix: str
) -> None:
    sorted_first, in_order = tmp_path / f"sorted{suffix}", tmp_path / f"in_order{suffix}"
    write_events(sample_events().sorted_by_time(), sorted_first)
    monkeypatch.setattr("viewer.io.writers.event_records._BATCH", 4)
    write_events(sample_events(), in_order, in_time_order=True)
    assert in_order.read_bytes() == sorted_first.read_bytes()
    assert in_order.read_bytes() != _written(tmp_path, sample_events(), suffix)  # it was sorted


def _written(tmp_path: Path, events: EventTable, suffix: str) -> bytes:
    path = tmp_path / f"as_given{suffix}"
    write_events(events, path)
    return path.read_bytes()
