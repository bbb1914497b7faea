"""The command line as a user runs it: ``python -m viewer inspect|export``."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "tests" / "data"
BRITISH = DATA / "historicaldate_events_in_british_history.csv"
CABINET = DATA / "fivethirtyeight_cabinet_turnover.csv"
REPORT_KEYS = {"path", "format", "encoding", "delimiter", "columns", "events", "skipped", "error"}


def run(*args: str | Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "viewer", *map(str, args)],
        cwd=REPO,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})},
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        check=False,
    )


def assert_one_line_error(result: subprocess.CompletedProcess[str]) -> str:
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


@pytest.fixture
def no_dates(tmp_path: Path) -> Path:
    path = tmp_path / "fruit.csv"
    path.write_text("name,colour\napple,red\npear,green\n", encoding="utf-8")
    return path


def test_inspect_json_describes_each_file(tmp_path: Path) -> None:
    result = run("inspect", "--json", BRITISH, CABINET)
    assert result.returncode == 0, result.stderr
    files = json.loads(result.stdout)["files"]
    assert [set(f) >= REPORT_KEYS for f in files] == [True, True]
    british, cabinet = files
    assert british["path"].endswith(BRITISH.name)
    assert (british["format"], british["encoding"], british["delimiter"]) == ("csv", "utf-8", ",")
    assert british["columns"]["start"] == "hdate"
    assert (british["events"], british["skipped"], british["error"]) == (99, [], None)
    assert cabinet["encoding"] == "utf-8-sig"
    assert {"row": 95, "column": "start_date", "value": "Reagan admin"}.items() <= cabinet[
        "skipped"
    ][0].items()
    assert set(cabinet["skipped"][0]) == {"row", "column", "value", "reason"}


def test_inspect_exits_1_when_a_file_cannot_be_loaded_without_a_traceback(no_dates: Path) -> None:
    result = run("inspect", "--json", BRITISH, no_dates)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    good, bad = json.loads(result.stdout)["files"]
    assert good["error"] is None
    assert bad["error"].startswith("fruit.csv")
    assert "'colour'" in bad["error"]
    assert bad["events"] == 0


def test_inspect_as_text_names_the_failure_and_exits_1(tmp_path: Path) -> None:
    missing = tmp_path / "missing.csv"
    result = run("inspect", missing)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "missing.csv" in result.stdout


@pytest.mark.parametrize("suffix", [".jsonl", ".csv"])
def test_export_writes_the_events_in_the_format_its_name_asks_for(
    tmp_path: Path, suffix: str
) -> None:
    out = tmp_path / f"british{suffix}"
    result = run("export", BRITISH, "-o", out)
    assert result.returncode == 0, result.stderr
    if suffix == ".jsonl":
        records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    else:
        with out.open(encoding="utf-8", newline="") as stream:
            records = list(csv.DictReader(stream))
    assert len(records) == 99
    first = records[0]
    assert (first["start"].lstrip("'"), first["source"], str(first["row"])) == (
        "-0054-01-01T00:00:00",
        BRITISH.name,
        "2",
    )


def test_export_refuses_to_overwrite_an_input_file(tmp_path: Path) -> None:
    target = tmp_path / "british.csv"
    target.write_bytes(BRITISH.read_bytes())
    result = run("export", target, "-o", target)
    assert result.returncode != 0
    assert "british.csv" in assert_one_line_error(result)
    assert target.read_bytes() == BRITISH.read_bytes()


def test_export_of_a_bad_input_prints_one_line_and_writes_nothing(
    tmp_path: Path, no_dates: Path
) -> None:
    out = tmp_path / "out.jsonl"
    result = run("export", no_dates, "-o", out)
    assert result.returncode == 1
    assert "fruit.csv" in assert_one_line_error(result)
    assert not out.exists()


@pytest.mark.parametrize("value", ["start", "colour=Date", "start="])
def test_a_bad_column_option_is_a_usage_error(value: str) -> None:
    result = run("inspect", "--column", value, BRITISH)
    assert result.returncode == 2
    assert "--column" in assert_one_line_error(result)


def test_a_forced_column_is_used(tmp_path: Path) -> None:
    path = tmp_path / "de.csv"
    path.write_text("Erstellt,Datum,Titel\n2020-01-01,2026-04-27,Eins\n", encoding="utf-8")
    result = run("inspect", "--json", "--column", "start=Datum", "--column", "title=Titel", path)
    assert result.returncode == 0, result.stderr
    (report,) = json.loads(result.stdout)["files"]
    assert report["columns"]["start"] == "Datum"
    assert report["columns"]["title"] == "Titel"


def test_a_chinese_locale_does_not_change_how_the_command_line_is_read(tmp_path: Path) -> None:
    path = tmp_path / "时间线.csv"
    path.write_text(
        "日期,标题,分类\n2026年4月27日,开庭,法律\n27/04/2026,发布,行业\n", encoding="utf-8"
    )
    args = ("inspect", "--json", "--column", "start=日期", path)
    plain = run(*args, env={"LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"})
    chinese = run(*args, env={"LANG": "zh_CN.UTF-8", "LC_ALL": "zh_CN.UTF-8"})
    assert plain.returncode == chinese.returncode == 0, chinese.stderr
    assert json.loads(chinese.stdout) == json.loads(plain.stdout)
    (report,) = json.loads(chinese.stdout)["files"]
    assert (report["events"], report["columns"]["start"]) == (2, "日期")
    bad = run("inspect", "--column", "start", path, env={"LANG": "zh_CN.UTF-8"})
    assert bad.returncode == 2


def test_inspect_reads_a_folder_as_the_timeline_files_inside_it(tmp_path: Path) -> None:
    (tmp_path / "a.tab").write_text("date\ttitle\n2026-04-27\tJury selection\n", encoding="utf-8")
    (tmp_path / "b.ndjson").write_text(
        '{"datetime": "2026-04-28T09:00:00Z", "message": "Opening statements"}\n', encoding="utf-8"
    )
    (tmp_path / "notes.md").write_text("not a timeline", encoding="utf-8")
    result = run("inspect", "--json", tmp_path)
    assert result.returncode == 0, result.stderr
    files = [Path(f["path"]).name for f in json.loads(result.stdout)["files"]]
    assert files == ["a.tab", "b.ndjson"]


def test_a_folder_without_timeline_files_is_refused_in_one_line(tmp_path: Path) -> None:
    result = run("inspect", tmp_path)
    assert result.returncode == 2
    assert "no timeline files in" in assert_one_line_error(result)


def test_help_lists_the_formats_the_loader_reads() -> None:
    result = run("inspect", "--help")
    for suffix in (".csv", ".tab", ".json", ".ndjson", ".timeline"):
        assert suffix in result.stdout


def _name_not_utf8(folder: Path, raw: bytes) -> Path:
    """A path whose name holds ``raw``, bytes that are not UTF-8; skips where names must be."""
    path = folder / os.fsdecode(raw)
    try:
        path.write_text("date,title\n2020-01-01,One\n2020-01-02,Two\n", encoding="utf-8")
    except (OSError, UnicodeError):
        pytest.skip("this file system accepts only UTF-8 names")
    return path


def run_bytes(*args: str | Path) -> subprocess.CompletedProcess[bytes]:
    """``run``, with the output as bytes and a strict UTF-8 output encoding (a desktop locale)."""
    return subprocess.run(
        [sys.executable, "-m", "viewer", *map(str, args)],
        cwd=REPO,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONIOENCODING": "utf-8"},
        capture_output=True,
        timeout=60,
        check=False,
    )


def test_a_file_name_that_is_not_utf8_is_inspected_and_printed_as_it_is(tmp_path: Path) -> None:
    path = _name_not_utf8(tmp_path, b"caf\xe9.csv")
    text = run_bytes("inspect", path)
    assert text.returncode == 0, text.stderr
    assert text.stdout.splitlines()[0] == os.fsencode(path)
    as_json = run_bytes("inspect", "--json", path)
    assert as_json.returncode == 0, as_json.stderr
    (report,) = json.loads(as_json.stdout.decode("utf-8"))["files"]  # valid UTF-8 JSON
    assert (os.fsencode(report["path"]), report["events"]) == (os.fsencode(path), 2)


def test_a_file_name_that_is_not_utf8_is_exported_and_named_in_text(tmp_path: Path) -> None:
    path = _name_not_utf8(tmp_path, b"caf\xe9.csv")
    out = tmp_path / "out.jsonl"
    result = run_bytes("export", path, "-o", out)
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["source"] for r in records] == ["caf\ufffd.csv"] * 2


@pytest.mark.parametrize("suffix", [".csv", ".svg", ".png"])
def test_an_output_name_that_is_not_utf8_gets_the_whole_file(tmp_path: Path, suffix: str) -> None:
    source = tmp_path / "events.csv"
    source.write_text("date,title\n2020-01-01,One\n", encoding="utf-8")
    out = tmp_path / os.fsdecode(b"out\xff" + suffix.encode())
    result = run_bytes("export", source, "-o", out)
    assert result.returncode == 0, result.stderr
    assert os.fsencode(out) in result.stderr
    assert out.stat().st_size > 50
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["events.csv", out.name])


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full (Linux)")
@pytest.mark.parametrize("as_json", [False, True])
def test_inspect_into_a_full_disk_fails_in_one_line(as_json: bool) -> None:
    with open("/dev/full", "w", encoding="utf-8") as full:
        result = subprocess.run(
            [sys.executable, "-m", "viewer", "inspect", *(["--json"] * as_json), BRITISH],
            cwd=REPO,
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
            check=False,
        )
    assert result.returncode == 1
    assert "No space left on device" in assert_one_line_error(result)


IMPORT_ORDER_PROBE = """
import sys
from viewer import cli

class Probe:  # stands in for Qt, or what imports it: records what was imported before
    def find_spec(self, name, path=None, target=None):
        if name in ("PySide6", "viewer.app", "viewer.commands.export_command"):
            loaded = sorted(m for m in ("pandas", "pyarrow", "numpy") if m in sys.modules)
            print(name, *loaded)
            raise SystemExit(0)

sys.meta_path.insert(0, Probe())
cli.main(sys.argv[1:])
"""


@pytest.mark.parametrize("args", [[], ["export", "in.csv", "-o", "out.png"]])
def test_the_window_and_export_import_the_core_libraries_before_qt(args: list[str]) -> None:
    # Start-up speed: Qt's import hook reads every module imported after Qt (bench_open.py).
    result = subprocess.run(
        [sys.executable, "-c", IMPORT_ORDER_PROBE, *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    module, *loaded = result.stdout.split()
    # The first of them is imported (the probe stops there) after the core libraries.
    assert module in ("PySide6", "viewer.app", "viewer.commands.export_command")
    assert loaded == ["numpy", "pandas", "pyarrow"]
