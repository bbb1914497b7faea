"""Sub-second times through the loader: the bulk paths agree with the one-text parser, real
forensic files keep their order within a second, and exports load back to the nanosecond."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pytest

from viewer.io.dates.date_column import parse_date_column
from viewer.io.load_options import LoadOptions
from viewer.io.loading import load_file
from viewer.io.writers.event_writer import write_events
from viewer.model.date_parsing import parse_date
from viewer.model.parsed_date import ParsedDate

DATA = Path(__file__).resolve().parents[1] / "data"

TEXTS = [
    "2015-07-21T20:20:03.123456Z",
    "2015-07-21T20:20:03Z",
    "2015-07-21 20:20:03.5",
    "2015-07-21T20:20:03.123456789+02:00",
    "07/21/2015 20:20:03.250",
    "1437510003123",
    "1437510003123456",
    "1437510003123456789",
    "1437510003.123456",
    "1437510003.5",
    "1521912953.529248",
    "-1437510003.25",
]


def _expected(texts: list[str]) -> list[tuple[int, int]]:
    out = []
    for text in texts:
        parsed = parse_date(text)
        assert isinstance(parsed, ParsedDate)
        out.append((parsed.start, parsed.start_ns))
    return out


@pytest.mark.parametrize("repeat", [1, 1_000, 3_000])  # per text; numeric; repeated values
def test_the_bulk_paths_read_fractions_as_the_one_text_parser_does(repeat):
    texts = TEXTS * repeat
    column = parse_date_column(pa.array(texts))
    assert column.ok.all()
    got = list(zip(column.start.tolist(), column.start_ns.tolist(), strict=True))
    assert got == _expected(texts)


@pytest.mark.parametrize(
    "texts",
    [
        ["2015-07-21T20:20:03.123456Z", "2015-07-21T20:20:04.000001Z"] * 600,  # one cast
        ["2015-07-21T20:20:03.123456789Z", "2015-07-21T20:20:03.000000001Z"] * 600,  # ns
        ["2015-07-21 20:20:03.123456", "2015-07-21"] * 600,  # naive, with days
        ["07/21/2015 20:20:03.25", "07/22/2015 20:20:03"] * 600,  # numeric, fast path
        ["1521912953.529248", "1521912953.527051"] * 600,  # Zeek epoch seconds
    ],
)
def test_whole_columns_of_one_form_keep_their_fractions(texts):
    column = parse_date_column(pa.array(texts))
    got = list(zip(column.start.tolist(), column.start_ns.tolist(), strict=True))
    assert got == _expected(texts)


def test_timesketch_events_within_one_second_come_out_in_their_true_order():
    events = load_file(DATA / "timesketch_evtx_part.csv").events
    rows = events.rows()
    ordered = [int(rows[i]) for i in events.order.time_order()]
    # Rows 12-14 are at 04:17:43.354562, .354563, .354562: the later one goes last.
    assert ordered[-3:] == [12, 14, 13]
    assert events.start_ns.tolist()[-3:] == [354_562_000, 354_563_000, 354_562_000]


def test_zeek_connections_written_out_of_order_are_put_back_in_order():
    result = load_file(DATA / "zeek_snmp_excerpt.json", LoadOptions(columns={"start": "ts"}))
    assert result.report.error is None
    events = result.events
    texts = [events.text_at("date_text", int(i)) for i in events.order.time_order()]
    # The log wrote .529248, .527051, .524905 (in that order) as its last three lines.
    assert texts[-3:] == [
        "2018-03-24T17:35:53.524905Z",
        "2018-03-24T17:35:53.527051Z",
        "2018-03-24T17:35:53.529248Z",
    ]
    assert texts == sorted(texts)


@pytest.mark.parametrize("suffix", [".csv", ".jsonl", ".timesketch.csv"])
def test_microseconds_and_deep_time_survive_export_and_reload(tmp_path, suffix):
    source = tmp_path / "mixed.csv"
    source.write_text(
        "date,title\n"
        "2015-07-21T20:20:03.123457Z,second\n"
        "2015-07-21T20:20:03.123456Z,first\n"
        "13.8 billion years ago,Big Bang\n"
        "1437510003.000001,just after\n",
        encoding="utf-8",
    )
    original = load_file(source).events
    out = tmp_path / f"export{suffix}"
    write_events(original, out, in_time_order=True)
    again = load_file(out).events
    titles = [again.text_at("title", int(i)) for i in again.order.time_order()]
    assert titles == ["Big Bang", "just after", "first", "second"]
    by_title = {again.text_at("title", i): i for i in range(len(again))}
    nanos = {title: int(again.start_ns[i]) for title, i in by_title.items()}
    assert nanos == {
        "Big Bang": 0,
        "just after": 1_000,
        "first": 123_456_000,
        "second": 123_457_000,
    }
    assert sorted(again.start.tolist()) == sorted(original.start.tolist())


def test_a_timelinejs_export_keeps_milliseconds(tmp_path):
    source = tmp_path / "ms.csv"
    source.write_text(
        "date,title\n2015-07-21T20:20:03.125Z,later\n2015-07-21T20:20:03.120999Z,earlier\n",
        encoding="utf-8",
    )
    out = tmp_path / "story.timelinejs.json"
    write_events(load_file(source).events, out)
    again = load_file(out).events
    by_title = {again.text_at("title", i): int(again.start_ns[i]) for i in range(len(again))}
    # TimelineJS counts milliseconds, no finer.
    assert by_title == {"later": 125_000_000, "earlier": 120_000_000}
