"""Real files whose structure is not a plain table with a header: an object that wraps the
records (Google Takeout), JSON Lines with nested fields (Suricata), Zeek's TSV logs with
``#fields`` lines, old Mac line ends, files without a header row."""

from __future__ import annotations

import json
from pathlib import Path

from viewer.io.formats import readable_suffixes
from viewer.io.loading import LoadResult, load_file
from viewer.io.readers.file_head import FileHead
from viewer.io.readers.zeek_tsv_reader import read_zeek
from viewer.model.instants import seconds_at

DATA = Path(__file__).parent.parent / "data"
TAKEOUT = DATA / "google_takeout_browser_history_sample.json"
SURICATA = DATA / "tenzir_suricata_eve_excerpt.json"
ZEEK = DATA / "zeek_notice_log_excerpt.log"


def by_row(result: LoadResult) -> dict[int, dict[str, object]]:
    return {int(record["row"]): record for record in result.events.records()}  # type: ignore[call-overload]


def utc(*parts: int) -> int:
    year, month, day, hour, minute, second = parts
    return seconds_at(year, month, day) + hour * 3600 + minute * 60 + second


def test_records_wrapped_in_an_object_load_as_events() -> None:
    result = load_file(TAKEOUT)
    assert result.report.error is None
    assert len(result.events) == 7
    first = by_row(result)[1]
    assert first["title"] == "MichaelCurrin (Michael Currin)"
    assert first["url"] == "https://github.com/MichaelCurrin"
    assert first["start"] == utc(2018, 12, 8, 19, 28, 0)  # time_usec 1544297280585907


def test_suricata_alerts_are_titled_by_their_signature_and_other_events_by_their_type() -> None:
    result = load_file(SURICATA)
    assert result.report.columns["start"] == "timestamp"  # not the nested flow.start
    events = by_row(result)
    assert len(events) == 6
    alert = events[1]
    assert alert["title"] == (
        "ET CURRENT_EVENTS SUSPICIOUS IRC - PRIVMSG *.(exe|tar|tgz|zip)  download command"
    )
    assert alert["start"] == utc(2011, 8, 12, 12, 52, 57)  # 14:52:57.716360+0200
    assert alert["lane"] == "alert"
    assert "alert.category: Potentially Bad Traffic" in str(alert["excerpt"])
    assert events[2]["title"] == "dns"
    assert events[2]["start"] == utc(2011, 8, 12, 12, 55, 22)


def test_a_zeek_log_reads_its_fields_line_and_skips_its_header_lines() -> None:
    result = load_file(ZEEK)
    report = result.report
    assert report.error is None
    assert (report.format, report.skipped) == ("zeek", [])
    assert report.columns["start"] == "ts"
    events = by_row(result)
    assert sorted(events) == list(range(9, 21))  # the file's line numbers; #close is no row
    first = events[9]
    assert first["start"] == utc(2018, 3, 24, 17, 15, 20)  # ts 1521911720.629574
    assert first["title"] == (
        "SSL certificate validation failed with (unable to get local issuer certificate)"
    )
    assert first["lane"] == "SSL::Invalid_Server_Cert"
    assert events[11]["excerpt"] == (
        "CN=www.example.com,OU=Certificate generated at installation time,O=Bitnami"
    )


def test_zeek_unset_and_empty_fields_are_empty_cells() -> None:
    raw = read_zeek(FileHead.read(ZEEK))
    assert set(raw.column("file_mime_type").to_pylist()) == {None}  # '-' in every record
    assert set(raw.column("email_dest").to_pylist()) == {None}  # '(empty)' in every record
    assert raw.column("actions").to_pylist()[0] == "Notice::ACTION_LOG"


def test_zeek_logs_are_offered_by_their_suffix() -> None:
    assert ".log" in readable_suffixes()


def test_a_file_with_bare_cr_line_ends_reads_row_by_row() -> None:
    result = load_file(DATA / "fivethirtyeight_cabinet_turnover_mac_cr_excerpt.csv")
    assert (result.report.error, result.report.skipped) == (None, [])
    assert len(result.events) == 20
    events = by_row(result)
    assert events[2]["title"] == "Bert Lance"
    assert events[2]["start"] == seconds_at(1977, 1, 21)
    assert events[21]["start"] != events[2]["start"]


def test_a_file_without_a_header_row_keeps_its_first_row_as_an_event() -> None:
    result = load_file(DATA / "noaa_storm_events_no_header_excerpt.csv")
    assert result.report.columns["start"].startswith("Column 18")
    events = by_row(result)
    assert sorted(events) == [1, 2, 3, 4, 5]  # the first row is row 1, and an event
    assert events[1]["start"] == seconds_at(1950, 4, 28) + 14 * 3600 + 45 * 60


def test_zeek_logs_appended_to_each_other_keep_their_line_numbers(tmp_path: Path) -> None:
    both = tmp_path / "notice.log"
    both.write_bytes(ZEEK.read_bytes() * 2)  # the second log's header lines are in the middle
    result = load_file(both)
    assert (result.report.error, result.report.skipped) == (None, [])
    rows = sorted(by_row(result))
    assert len(rows) == 24
    assert rows[:2] == [9, 10]
    assert rows[12:14] == [30, 31]  # 21 lines of the first log, then 8 header lines


def test_records_wrapped_in_an_object_on_one_line_load_too(tmp_path: Path) -> None:
    path = tmp_path / "BrowserHistory.json"
    records = json.loads(TAKEOUT.read_text(encoding="utf-8"))
    path.write_text(json.dumps(records), encoding="utf-8")
    result = load_file(path)
    assert len(result.events) == 7
    assert by_row(result)[1]["title"] == "MichaelCurrin (Michael Currin)"
