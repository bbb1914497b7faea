"""A cell longer than pyarrow's parsing block is still read by pyarrow: the Python reader that
took such files before needs several times the file in memory (13x for one 100 MB cell)."""

from __future__ import annotations

from pathlib import Path

import pytest

from viewer.io.loading import load_file
from viewer.io.readers import delimited_reader


def test_a_cell_longer_than_a_block_is_read_whole_without_the_python_reader(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    def python_reader(*_args: object) -> None:
        raise AssertionError("the Python reader was used")

    monkeypatch.setattr(delimited_reader, "_BLOCK", 1024)
    monkeypatch.setattr(delimited_reader, "_read_with_python", python_reader)
    path = tmp_path / "long.csv"
    long_text = "word " * 2000
    path.write_text(
        f'date,title,excerpt\n2024-01-01,first,short\n2024-01-02,long,"{long_text}"\n',
        encoding="utf-8",
    )
    result = load_file(path)
    assert result.report.error is None
    assert result.events.texts("excerpt") == ["short", long_text.strip()]
