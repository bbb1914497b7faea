"""A file of very many columns loads (issue 14, item 4); how fast, against its width, is
measured by tests/benchmarks/bench_wide_files.py, not here (a timed unit test fails whenever
the machine is busy)."""

from __future__ import annotations

from pathlib import Path

from viewer.io.load_options import LoadOptions
from viewer.io.loading import load_file
from viewer.io.readers.raw_table import unique_headers


def test_a_file_of_10000_columns_loads_with_its_events(tmp_path: Path) -> None:
    width = 10_000
    header = ",".join(f"c{i}" for i in range(width))
    row = ",".join(["2020-01-01"] + ["x"] * (width - 1))
    path = tmp_path / "wide.csv"
    path.write_text(header + "\n" + "\n".join([row] * 5) + "\n", encoding="utf-8")
    result = load_file(path, LoadOptions())
    assert result.report.error is None
    assert len(result.events) == 5
    assert result.events.texts("date_text") == ["2020-01-01"] * 5


def test_unique_headers_never_repeats_a_name_a_header_already_has() -> None:
    assert unique_headers(["Date", "date", "Date (2)", "", "x"]) == [
        "Date", "date (2)", "Date (2) (2)", "Column 4", "x"
    ]  # fmt: skip
