"""Running out of memory while a file loads is said in words naming the file and what to do,
never as an "unexpected error"; the other files still load."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from viewer.commands.inspect_command import run_inspect
from viewer.io import loading, pipeline
from viewer.io.load_options import LoadOptions
from viewer.io.loading import load_files
from viewer.io.readers import delimited_reader, jsonl_reader


def _no_memory(*_args: object, **_kwargs: object) -> None:
    raise MemoryError


def _no_memory_the_first_time(real: Callable[..., Any]) -> Callable[..., Any]:
    """``real``, but out of memory on its first call (the first file's load)."""
    calls = []

    def step(*args: object, **kwargs: object) -> Any:
        calls.append(args)
        if len(calls) == 1:
            raise MemoryError
        return real(*args, **kwargs)

    return step


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    big = tmp_path / "big.jsonl"
    big.write_text('{"date": "2020-01-01", "title": "a"}\n' * 100, encoding="utf-8")
    small = tmp_path / "small.csv"
    small.write_text("date,title\n2020-01-02,b\n", encoding="utf-8")
    return big, small


@pytest.mark.parametrize(
    ("module", "step"),
    [
        (jsonl_reader, "_read_lines"),  # reading the cells
        (pipeline, "build_event_columns"),  # parsing the dates
        (loading, "event_table_from"),  # making the table
    ],
)
def test_a_file_too_big_for_memory_is_named_with_its_size_and_the_others_load(
    monkeypatch: pytest.MonkeyPatch, files: tuple[Path, Path], module: object, step: str
) -> None:
    big, small = files
    monkeypatch.setattr(module, step, _no_memory_the_first_time(getattr(module, step)))
    events, reports = load_files([big, small])
    assert reports[0].error == (
        "not enough memory to read big.jsonl (4 kB): reading a file needs a few times "
        "its size in memory; close other programs, or split the file into smaller ones"
    )
    assert "unexpected" not in reports[0].error
    assert "MemoryError" not in reports[0].error
    assert reports[1].error is None
    assert events.texts("title") == ["b"]


def test_inspect_says_the_same_of_a_csv_file_and_exits_1(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], files: tuple[Path, Path]
) -> None:
    big, small = files
    monkeypatch.setattr(delimited_reader, "read_whole_buffer", _no_memory)
    monkeypatch.setattr(delimited_reader, "open_file_blocks", _no_memory)
    assert run_inspect([str(big), str(small)], LoadOptions(), as_json=False) == 1
    out = capsys.readouterr().out
    assert "100 events" in out  # the JSON Lines file
    assert f"{small}: error: not enough memory to read small.csv (24 bytes): " in out
