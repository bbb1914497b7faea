"""``inspect`` of several files reports each of them, whatever one of them does."""

from __future__ import annotations

from pathlib import Path

import pytest

from viewer.commands import inspect_command
from viewer.io.load_options import LoadOptions
from viewer.io.load_report import LoadReport


def test_a_bug_met_on_one_file_is_its_error_and_the_other_files_are_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    good, bad = tmp_path / "good.csv", tmp_path / "bad.csv"
    good.write_text("date,title\n2020-01-01,a\n", encoding="utf-8")
    bad.write_text("date,title\n2020-01-01,a\n", encoding="utf-8")
    real = inspect_command.inspect_file

    def inspect_file(path: str, options: LoadOptions) -> LoadReport:
        if Path(path).name == "bad.csv":
            raise OverflowError("Python int too large to convert to C long")
        return real(path, options)

    monkeypatch.setattr(inspect_command, "inspect_file", inspect_file)
    status = inspect_command.run_inspect([str(bad), str(good)], LoadOptions(), as_json=False)
    out = capsys.readouterr().out
    assert status == 1
    assert f"{bad}: error: bad.csv: could not be read" in out
    assert f"{good}\n" in out
    assert "1 events" in out


def test_a_header_with_a_huge_year_does_not_stop_inspect_of_the_next_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = tmp_path / "a.csv", tmp_path / "b.csv"
    a.write_text("May 99999999999999999999,title\n2020-01-01,a\n", encoding="utf-8")
    b.write_text("date,title\n2020-01-01,b\n", encoding="utf-8")
    status = inspect_command.run_inspect([str(a), str(b)], LoadOptions(), as_json=False)
    out = capsys.readouterr().out
    assert status == 0
    assert out.count("1 events") == 2
