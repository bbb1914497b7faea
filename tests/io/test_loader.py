"""Real third-party timeline files load with no options, the way their authors meant them."""

from __future__ import annotations

import csv
import hashlib
import shutil
from pathlib import Path

import pytest

from viewer.io.load_options import LoadOptions
from viewer.io.loading import LoadResult, load_file, load_files
from viewer.io.pipeline import read_file_columns
from viewer.model.instants import seconds_at

DATA = Path(__file__).parent.parent / "data"

TIMELINEJS = DATA / "timelinejs_women_in_computing.csv"
TIMESKETCH = DATA / "timesketch_evtx_part.csv"
PLASO = DATA / "plaso_l2tcsv_time_zone.csv"
BRITISH = DATA / "historicaldate_events_in_british_history.csv"
AEON = DATA / "aeon_timeline3_orient_express.csv"
CABINET = DATA / "fivethirtyeight_cabinet_turnover.csv"
EARTHQUAKES = DATA / "plotly_earthquakes_23k_mixed_formats.csv"
SMALL_FILES = [TIMELINEJS, TIMESKETCH, PLASO, BRITISH, AEON, CABINET]


def by_row(result: LoadResult) -> dict[int, dict[str, object]]:
    return {int(record["row"]): record for record in result.events.records()}  # type: ignore[call-overload]


def records_of(path: Path, encoding: str = "utf-8") -> list[list[str]]:
    """The file's records as Python's csv module reads them (header first): the test's oracle."""
    with path.open(encoding=encoding, newline="") as stream:
        return list(csv.reader(stream))


@pytest.fixture(scope="module")
def earthquakes() -> LoadResult:
    return load_file(EARTHQUAKES)


@pytest.mark.parametrize("path", SMALL_FILES, ids=lambda p: p.name)
def test_every_corpus_file_loads_with_no_options(path: Path) -> None:
    result = load_file(path)
    assert result.report.error is None
    assert len(result.events) == result.report.events > 0
    assert set(result.events.frame["source"]) == {path.name}


def test_timelinejs_title_slide_is_not_an_event_nor_a_skipped_row() -> None:
    result = load_file(TIMELINEJS)
    assert len(result.events) == 10
    assert "Women in Computing" not in set(result.events.frame["title"])
    assert min(result.events.frame["row"]) == 3
    assert result.report.skipped == []


def test_timelinejs_split_date_columns_give_spans_and_precision() -> None:
    events = by_row(load_file(TIMELINEJS))
    ada = events[3]
    assert (ada["title"], ada["start"], ada["end"], ada["precision"]) == (
        "Ada Lovelace",
        seconds_at(1815, 12, 10),
        seconds_at(1852, 11, 27),
        "day",
    )
    assert (events[5]["start"], events[5]["precision"]) == (seconds_at(1943, 7), "month")
    assert (events[8]["start"], events[8]["precision"]) == (seconds_at(1952), "year")
    assert events[9]["end"] == seconds_at(1962)


def test_timelinejs_sheet_with_bc_years_and_groups_puts_events_in_lanes(tmp_path: Path) -> None:
    header = (
        "Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text,"
        "Media,Media Credit,Media Caption,Media Thumbnail,Type,Group,Background\n"
    )
    rows = [
        ",,,,,,,,,Rome,An empire,,,,,title,,\n",
        "-44,3,15,,,,,,Ides of March,Caesar killed,,,,,,,Rome,\n",
        "-753,,,,-509,,,,,Kingdom,,,,,,,Rome,\n",
        "1066,10,14,,,,,,,Hastings,,,,,,,England,\n",
    ]
    path = tmp_path / "sheet.csv"
    path.write_text(header + "".join(rows), encoding="utf-8")
    result = load_file(path)
    assert result.report.error is None
    events = by_row(result)
    assert sorted(events) == [3, 4, 5]
    assert (events[3]["start"], events[3]["precision"]) == (seconds_at(-43, 3, 15), "day")
    assert events[3]["date_text"] == "Ides of March"
    assert (events[4]["start"], events[4]["end"]) == (seconds_at(-752), seconds_at(-508))
    assert result.events.lanes == ["Rome", "England"]


def test_timesketch_rows_count_records_not_lines_despite_multi_line_xml_cells() -> None:
    result = load_file(TIMESKETCH)
    assert result.report.columns["start"] == "datetime"
    assert result.events.frame["row"].tolist() == list(range(2, 15))
    assert set(result.events.frame["title"]) == {r[8] for r in records_of(TIMESKETCH)[1:]}


def test_timesketch_times_with_offsets_are_utc_and_ignore_the_time_zone_option() -> None:
    for options in (LoadOptions(), LoadOptions(tz="Europe/Berlin")):
        events = by_row(load_file(TIMESKETCH, options))
        assert (events[2]["start"], events[2]["precision"]) == (
            seconds_at(2012, 3, 14, 4, 17, 38),
            "time",
        )
        assert events[14]["start"] == seconds_at(2012, 3, 14, 4, 17, 43)


def test_plaso_cet_and_cest_times_are_converted_to_utc_month_first() -> None:
    result = load_file(PLASO)
    assert len(result.events) == 19
    events = by_row(result)
    assert events[2]["start"] == seconds_at(2012, 1, 22, 7, 52, 33)  # 08:52:33 CET
    assert events[18]["start"] == seconds_at(2026, 7, 2, 17, 47, 57)  # 07/02/2026 19:47:57 CEST
    assert events[18]["lane"] == "FILE"


def test_british_history_reads_bc_circa_and_between() -> None:
    result = load_file(BRITISH)
    assert (result.report.events, result.report.skipped) == (99, [])
    events = by_row(result)
    caesar = events[2]
    assert (caesar["start"], caesar["end"], caesar["precision"]) == (
        seconds_at(-54),
        seconds_at(-53),
        "year",
    )
    london = events[4]
    assert (london["start"], london["end"], london["approximate"]) == (
        seconds_at(47),
        seconds_at(50),
        True,
    )
    rome_leaves = events[10]
    assert (rome_leaves["start"], rome_leaves["end"], rome_leaves["approximate"]) == (
        seconds_at(383),
        seconds_at(410),
        True,
    )
    assert events[14]["start"] == seconds_at(1066, 10, 14)


def test_british_history_years_below_1000_stay_in_the_first_millennium() -> None:
    events = by_row(load_file(BRITISH))
    assert events[3]["start"] == seconds_at(43)  # "43", not 1943 or 2043
    assert events[11]["start"] == seconds_at(597)
    assert events[13]["start"] == seconds_at(878)


def test_aeon_undated_rows_are_skipped_and_each_reported_with_its_row_number() -> None:
    records = records_of(AEON)
    start = records[0].index("Start Date")
    undated = [row for row, r in enumerate(records[1:], start=2) if not r[start].strip()]
    result = load_file(AEON)
    assert result.report.events == len(records) - 1 - len(undated) == 137
    assert [p.row for p in result.report.skipped] == undated
    assert {(p.column, p.reason) for p in result.report.skipped} == {("Start Date", "empty")}


def test_aeon_multi_line_cells_do_not_shift_rows_and_spans_keep_their_end() -> None:
    events = by_row(load_file(AEON))
    assert events[2]["title"] == "The Conductor answers the bell of Mrs Hubbard"
    assert (events[2]["start"], events[2]["end"]) == (
        seconds_at(1933, 2, 7, 1, 17),
        seconds_at(1933, 2, 7, 1, 25),
    )
    assert events[4]["title"] == "Hardman"  # the record after it holds a multi-line cell
    assert events[4]["start"] == seconds_at(1900, 2, 13)


def test_aeon_duplicated_header_names_are_both_usable() -> None:
    first = load_file(AEON, LoadOptions(columns={"lane": "Parent"}))
    second = load_file(AEON, LoadOptions(columns={"lane": "Parent (2)"}))
    assert first.report.error is None
    assert second.report.error is None
    assert (first.report.columns["lane"], second.report.columns["lane"]) == ("Parent", "Parent (2)")


def test_cabinet_file_with_a_bom_keeps_its_first_header_clean() -> None:
    result = load_file(CABINET)
    assert result.report.columns["lane"] == "president"
    assert by_row(result)[2]["lane"] == "Carter"


def test_cabinet_two_digit_years_fall_on_both_sides_of_2000() -> None:
    events = by_row(load_file(CABINET))
    assert (events[2]["start"], events[2]["end"]) == (
        seconds_at(1977, 1, 21),
        seconds_at(1977, 9, 23),
    )
    assert events[356]["start"] == seconds_at(2021, 1, 20)
    assert (events[58]["start"], events[58]["precision"]) == (seconds_at(1981, 8), "month")


def test_cabinet_sentinel_end_dates_are_warnings_and_the_events_stay() -> None:
    result = load_file(CABINET)
    still = [p for p in result.report.warnings if p.value == "Still in office"]
    assert [p.row for p in still] == list(range(356, 381))
    assert {p.column for p in still} == {"end_date"}
    assert by_row(result)[356]["end"] is None


def test_cabinet_rows_without_a_start_date_are_skipped_with_row_numbers() -> None:
    result = load_file(CABINET)
    skipped = [(p.row, p.column, p.value) for p in result.report.skipped]
    reagan = [(row, "start_date", "Reagan admin") for row in (95, 97, 100, 101, 111)]
    assert set(reagan) <= set(skipped)
    assert all(p.reason for p in result.report.skipped)
    assert result.report.events == 379 - len(skipped)


def test_earthquakes_load_every_row_including_three_iso_rows_deep_inside(
    earthquakes: LoadResult,
) -> None:
    assert (earthquakes.report.events, earthquakes.report.skipped) == (23_412, [])
    events = earthquakes.events.frame.set_index("row")
    assert events.loc[3380, "start"] == seconds_at(1975, 2, 23, 2, 58, 41)
    assert events.loc[7514, "start"] == seconds_at(1985, 4, 28, 2, 53, 41)
    assert events.loc[20652, "start"] == seconds_at(2011, 3, 13, 2, 23, 34)
    assert events.loc[3380, "precision"] == "time"


def test_earthquakes_are_read_month_first(earthquakes: LoadResult) -> None:
    events = earthquakes.events.frame.set_index("row")
    assert events.loc[2, "start"] == seconds_at(1965, 1, 2)  # 01/02/1965
    assert events.loc[13, "start"] == seconds_at(1965, 1, 24)  # 01/24/1965


def test_several_files_merge_and_each_event_keeps_its_source_and_row() -> None:
    events, reports = load_files([BRITISH, PLASO])
    assert [r.error for r in reports] == [None, None]
    assert len(events) == 99 + 19
    frame = events.frame
    assert frame.groupby("source", observed=True).size().to_dict() == {
        BRITISH.name: 99,
        PLASO.name: 19,
    }
    plaso = frame[frame["source"] == PLASO.name].set_index("row")
    assert plaso.loc[18, "start"] == seconds_at(2026, 7, 2, 17, 47, 57)
    british = frame[frame["source"] == BRITISH.name].set_index("row")
    assert british.loc[2, "start"] == seconds_at(-54)


def test_a_failed_file_among_several_is_reported_and_the_others_still_load(tmp_path: Path) -> None:
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    events, reports = load_files([PLASO, empty])
    assert len(events) == 19
    assert reports[0].error is None
    assert reports[1].error is not None
    assert "empty.csv" in reports[1].error


def test_inspecting_counts_the_same_events_and_skips_as_loading() -> None:
    for path in SMALL_FILES:
        report, _ = read_file_columns(path, LoadOptions(), with_text=False)
        loaded = load_file(path).report
        assert (report.events, report.skipped) == (loaded.events, loaded.skipped), path.name


def digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def test_loading_never_writes_to_the_input_files_or_beside_them(tmp_path: Path) -> None:
    for path in SMALL_FILES:
        shutil.copy(path, tmp_path / path.name)
    before = digest(tmp_path)
    load_files(sorted(tmp_path.iterdir()))
    for path in sorted(tmp_path.iterdir()):
        read_file_columns(path, LoadOptions(tz="Europe/Berlin", year=2020))
    assert digest(tmp_path) == before


def test_a_file_without_dates_names_all_its_columns_in_file_order(tmp_path: Path) -> None:
    path = tmp_path / "notes.csv"
    path.write_text("name,when,note\nalpha,someday,beta\n", encoding="utf-8")
    for with_text in (True, False):  # inspect reads only the date columns, yet names them all
        report, _ = read_file_columns(path, LoadOptions(), with_text=with_text)
        assert report.error is not None
        assert "found columns 'name', 'when', 'note';" in report.error
        assert "(row 2: 'someday', 'someday' is not part of a date we know)" in report.error
