"""A load's progress moves with the bytes read, and Cancel stops it between blocks."""

from __future__ import annotations

from pathlib import Path

import pytest

from viewer.io.load_watch import LoadCancelled
from viewer.io.loading import load_file
from viewer.io.readers import delimited_reader, file_access

BLOCK = 64 << 10  # parsed at a time here (8 MB in the app), so a small file has many blocks


def write_big_csv(path: Path, rows: int = 60_000) -> Path:
    """About 4 MB: over 60 blocks of BLOCK bytes."""
    with path.open("w", encoding="utf-8") as out:
        out.write("date,title,lane\n")
        for i in range(rows):
            out.write(f"2026-{1 + i % 12:02d}-{1 + i % 28:02d},Event number {i:08d},Lane {i % 5}\n")
    return path


@pytest.fixture
def big_csv(tmp_path, monkeypatch):
    monkeypatch.setattr(delimited_reader, "_BLOCK", BLOCK)
    monkeypatch.setattr(file_access, "_CHUNK", BLOCK)
    return write_big_csv(tmp_path / "big.csv")


def test_the_progress_rises_block_by_block_to_the_end(big_csv):
    seen: list[float] = []
    result = load_file(big_csv, on_progress=seen.append)
    assert len(result.events) == 60_000
    assert seen == sorted(seen)
    assert seen[-1] == 1.0
    # Many steps while the cells are read (the first 80%), not one jump per step of the load.
    assert len([f for f in seen if 0.1 < f < 0.8]) >= 20


def test_a_cancelled_load_stops_within_a_few_blocks(big_csv):
    seen: list[float] = []
    cancelled = False

    def on_progress(fraction: float) -> None:
        nonlocal cancelled
        seen.append(fraction)
        cancelled = cancelled or fraction > 0.2  # the user clicks Cancel a fifth of the way in

    with pytest.raises(LoadCancelled):
        load_file(big_csv, is_cancelled=lambda: cancelled, on_progress=on_progress)
    # What was read after Cancel: at most the blocks pyarrow had already asked for.
    size = big_csv.stat().st_size
    assert (max(seen) - 0.2) * size < 16 * BLOCK
    assert max(seen) < 0.5


def test_a_load_cancelled_while_the_file_is_read_from_disk_stops_there(big_csv):
    seen: list[float] = []
    with pytest.raises(LoadCancelled):
        load_file(big_csv, is_cancelled=lambda: bool(seen), on_progress=seen.append)
    assert len(seen) == 1  # the first chunk read, then it stopped


def test_a_json_lines_file_reports_its_blocks_and_stops_between_them(tmp_path, monkeypatch):
    from viewer.io.readers import jsonl_reader

    monkeypatch.setattr(jsonl_reader, "_BLOCK", BLOCK)
    path = tmp_path / "big.jsonl"
    lines = (
        f'{{"datetime": "2026-01-{1 + i % 28:02d}", "message": "Event {i:08d}"}}'
        for i in range(40_000)
    )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    seen: list[float] = []
    assert len(load_file(path, on_progress=seen.append).events) == 40_000
    assert len([f for f in seen if 0.1 < f < 0.7]) >= 10  # block by block, not one jump
    seen.clear()
    with pytest.raises(LoadCancelled):
        load_file(path, is_cancelled=lambda: max(seen, default=0) > 0.2, on_progress=seen.append)
    assert max(seen) < 0.5


def test_a_load_cancelled_while_its_table_is_built_stops_there_unreported(big_csv, monkeypatch):
    """Cancel while the table's text columns are made: the load stops (LoadCancelled, not a
    file error) at the next block of cells instead of building the table to its end."""
    from viewer.io.events import event_assembly

    looked, real = [], event_assembly._may_need_trimming

    def look(chunk):  # the user clicks Cancel as the first block of text is looked at
        looked.append(len(chunk))
        return real(chunk)

    monkeypatch.setattr(event_assembly, "_may_need_trimming", look)
    with pytest.raises(LoadCancelled):
        load_file(big_csv, is_cancelled=lambda: bool(looked))
    assert len(looked) == 1
