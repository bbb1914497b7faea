"""Files that change, are not files, or hold bytes that are not their text (issue 14)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from viewer.io.load_options import LoadOptions
from viewer.io.loading import load_file
from viewer.io.pipeline import inspect_file

ROOT = Path(__file__).resolve().parents[3]


def _rows(count: int, title: str = "t") -> str:
    return "date,title\n" + "".join(f"2020-01-{i % 28 + 1:02d},{title}{i}\n" for i in range(count))


def test_a_file_truncated_while_it_loads_gives_an_error_not_a_crash(tmp_path):
    """The memory-mapped read died with SIGBUS when the file shrank under it."""
    path = tmp_path / "big.csv"
    path.write_text(_rows(300_000))
    script = textwrap.dedent(
        f"""
        import os, threading, time
        from viewer.io.loading import load_file
        path = {str(path)!r}
        for _ in range(5):
            with open(path, "w") as f:
                f.write("date,title\\n" + "".join(f"2020-01-{{i % 28 + 1:02d}},t{{i}}\\n" for i in range(300_000)))
            timer = threading.Timer(0.02, os.truncate, (path, 1000))
            timer.start()
            load_file(path)
            timer.join()
        print("survived")
        """
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, env=env
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "survived" in done.stdout


def test_a_file_that_changes_size_while_it_is_read_is_reported(tmp_path, monkeypatch):
    from viewer.io.readers import file_access

    path = tmp_path / "a.csv"
    path.write_text(_rows(50))
    real_bytes, real_buffer = file_access._read_open_file, file_access._fill_buffer

    def shrinking(stream, path_):
        data = real_bytes(stream, path_)
        os.truncate(path_, 100)
        return data

    def shrinking_buffer(stream, path_, size, *watch):
        filled = real_buffer(stream, path_, size, *watch)
        os.truncate(path_, 100)
        return filled

    real_block = file_access._read_block

    def shrinking_block(stream, path_, view):  # the file read block by block as it parses
        count = real_block(stream, path_, view)
        os.truncate(path_, 100)
        return count

    monkeypatch.setattr(file_access, "_read_open_file", shrinking)
    monkeypatch.setattr(file_access, "_fill_buffer", shrinking_buffer)
    monkeypatch.setattr(file_access, "_read_block", shrinking_block)
    report = load_file(path).report
    assert report.error is not None
    assert "changed while it was being read" in str(report.error)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
@pytest.mark.parametrize("command", ["inspect", "export"])
def test_a_fifo_named_csv_is_refused_without_hanging(tmp_path, command):
    fifo = tmp_path / "x.csv"
    os.mkfifo(fifo)
    args = [sys.executable, "-m", "viewer", command, str(fifo)]
    if command == "export":
        args += ["-o", str(tmp_path / "out.csv")]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(args, capture_output=True, text=True, timeout=30, env=env, cwd=tmp_path)
    assert done.returncode != 0
    assert "is not a regular file (a pipe)" in done.stdout + done.stderr


def test_a_device_is_not_called_empty():
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero")
    message = str(load_file("/dev/zero").report.error)
    assert "is not a regular file (a device)" in message
    assert "empty" not in message


def test_a_stray_byte_in_a_small_utf8_file_keeps_the_other_letters(tmp_path):
    path = tmp_path / "a.csv"
    path.write_bytes("date,title\n2020-01-01,Café\n2020-01-02,Bad ".encode() + b"\xff here\n")
    result = load_file(path)
    assert result.report.error is None
    assert result.report.encoding == "utf-8"
    text = repr(result.events.frame["title"].tolist())
    assert "Café" in text
    assert "\ufffd" in text
    assert [w.row for w in result.report.warnings] == [3]


def test_one_stray_byte_in_many_utf8_rows_costs_nothing_but_a_warning(tmp_path):
    path = tmp_path / "a.csv"
    data = _rows(2_000, "Été ").encode()
    data = data.replace(b" 1000\n", b" 1000\xff\n")
    path.write_bytes(data)
    report = load_file(path).report
    assert report.error is None
    assert report.events == 2_000
    assert [w.row for w in report.warnings] == [1002]


def test_one_stray_byte_in_an_ascii_file_is_a_warning_not_another_codec(tmp_path):
    path = tmp_path / "a.csv"
    path.write_bytes(_rows(2_000).encode().replace(b",t1000\n", b",t1000\xff\n"))
    result = load_file(path)
    assert result.report.encoding == "utf-8"
    assert [w.row for w in result.report.warnings] == [1002]
    titles = result.events.texts("title")
    assert titles[1000] == "t1000\ufffd"
    assert sum("\ufffd" in title for title in titles) == 1


def test_a_stray_byte_after_the_head_is_read_the_same_by_inspect_and_export(tmp_path):
    path = tmp_path / "a.csv"
    data = _rows(60_000).encode() + b"2021-01-01,tail \xff byte\n"
    assert len(data) > 1 << 20
    path.write_bytes(data)
    loaded = load_file(path).report
    inspected = inspect_file(path, LoadOptions())
    assert loaded.error is None
    assert inspected.error is None
    assert loaded.events == inspected.events == 60_001
    assert [w.row for w in loaded.warnings] == [60_002]
    # inspect reads only the dates, but the stray byte in a title is named all the same
    assert [w.row for w in inspected.warnings] == [60_002]


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom_is_detected(tmp_path, codec):
    path = tmp_path / "a.csv"
    path.write_bytes(_rows(20, "Zoë ").encode(codec))
    report = load_file(path).report
    assert report.error is None, str(report.error)
    assert report.events == 20


@pytest.mark.parametrize("where", [10, 200_000, 1_500_000])
def test_nul_bytes_are_refused_wherever_they_are(tmp_path, where):
    path = tmp_path / "a.csv"
    data = bytearray(_rows(100_000).encode())
    data[where] = 0
    path.write_bytes(bytes(data))
    report = load_file(path).report
    assert "NUL bytes" in str(report.error)
    assert "NUL bytes" in str(inspect_file(path, LoadOptions()).error)


def test_a_ragged_row_with_a_stray_byte_goes_to_the_python_reader_quietly(tmp_path):
    """pyarrow's invalid-row handler decodes the rejected row itself, and raised (unraisably,
    so only a warning said it) on invalid UTF-8: found by test_fuzz's mutations."""
    rows = "".join(f"2026-04-{1 + i % 28:02d},café {i}\n" for i in range(50))
    data = ("date,title\n" + rows).encode() + b"2026-04-28,bad \xc8 byte,extra cell\n"
    path = tmp_path / "ragged.csv"
    path.write_bytes(data)
    result = load_file(path)
    assert result.report.error is None
    assert len(result.events) == 51
    assert "\ufffd" in result.events.texts("title")[-1]
