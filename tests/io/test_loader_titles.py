"""The title is what a reader would call the headline: a message or description, not a short
source, type or case number (issue 15, class 3)."""

from __future__ import annotations

from pathlib import Path

from viewer.io.load_options import LoadOptions
from viewer.io.loading import LoadResult, load_file

DATA = Path(__file__).parent.parent / "data"
TAIPEI_LABOUR = DATA / "taipei_labour_violations_minguo_excerpt.csv"


def by_row(result: LoadResult) -> dict[int, dict[str, object]]:
    return {int(record["row"]): record for record in result.events.records()}  # type: ignore[call-overload]


def test_taipei_penalties_are_titled_by_the_violation_not_the_case_number() -> None:
    result = load_file(TAIPEI_LABOUR)
    events = by_row(result)
    assert result.report.columns["title"] == "違反法規內容"
    assert events[2]["title"] == "工資未全額給付給勞工"
    assert events[3]["title"] == "延長工作時間未依規定加給工資"
    # The case number is still there to read, among the columns no role took.
    assert "處分字號: 府勞動字第10432263200號" in str(events[2]["excerpt"])


def test_a_log_export_is_titled_by_its_description_and_laned_by_its_source(
    tmp_path: Path,
) -> None:
    # The shape of a Windows Event Viewer export ("Save All Events As..." CSV) with a Description.
    path = tmp_path / "System.csv"
    path.write_text(
        "Level,Date and Time,Source,Event ID,Task Category,Description\n"
        "Information,10/7/2016 06:38:24 PM,Service Control Manager,7036,None,"
        "The Windows Update service entered the running state.\n"
        "Warning,10/7/2016 06:40:02 PM,Disk,153,None,"
        "The IO operation at logical block address 0x1 was retried.\n"
        "Error,10/7/2016 06:41:10 PM,Service Control Manager,7000,None,"
        "The Spooler service failed to start.\n"
        "Information,10/7/2016 06:45:00 PM,Disk,7036,None,"
        "The disk was checked and no problems were found.\n",
        encoding="utf-8",
    )
    result = load_file(path)
    events = by_row(result)
    assert result.report.columns["title"] == "Description"
    assert events[4]["title"] == "The Spooler service failed to start."
    assert events[4]["lane"] in ("Error", "Service Control Manager")


def test_a_short_code_stays_the_title_when_no_column_reads_better(tmp_path: Path) -> None:
    path = tmp_path / "codes.csv"
    path.write_text("date,code\n2026-01-01,A1\n2026-01-02,B2\n2026-01-03,A1\n", encoding="utf-8")
    events = by_row(load_file(path))
    assert events[3]["title"] == "B2"


def test_a_title_the_user_chose_is_kept_even_if_it_is_a_code() -> None:
    result = load_file(TAIPEI_LABOUR, LoadOptions(columns={"title": "處分字號"}))
    assert by_row(result)[2]["title"] == "府勞動字第10432263200號"
