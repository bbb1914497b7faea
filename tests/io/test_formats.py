"""The table of formats: one place says what the loader reads, and every entrance agrees."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pyarrow as pa
import pytest

from viewer.io import formats
from viewer.io.load_errors import LoadError
from viewer.io.load_options import LoadOptions
from viewer.io.loading import load_file
from viewer.io.readers.file_head import FileHead
from viewer.io.readers.raw_table import RawTable
from viewer.io.readers.reader_format import ReaderFormat, whole_file


def _head(tmp_path: Path, name: str, data: bytes) -> FileHead:
    path = tmp_path / name
    path.write_bytes(data)
    return FileHead.read(path)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"date,title\n2026-04-27,Jury selection\n", "delimited"),
        (b'{"events": []}', "json"),
        (b'{"datetime": "2026-04-27T09:00:00Z", "message": "x"}\n', "json"),
        (b"<?xml version='1.0'?>\n<timeline><events/></timeline>", "timeline"),
        (b"<!DOCTYPE html><html><body>table</body></html>", "html"),
        (b"<rss version='2.0'></rss>", "xml"),
    ],
)
def test_the_head_of_a_file_picks_its_format(tmp_path, data, expected):
    assert formats.format_for(_head(tmp_path, "f.dat", data)).name == expected


def test_a_web_page_is_refused_with_what_to_do_instead(tmp_path):
    path = tmp_path / "page.csv"
    path.write_text("<html><body><table></table></body></html>", encoding="utf-8")
    report = load_file(path).report
    assert report.error == (
        "page.csv: is a web page (HTML), not a table; save the table itself as CSV and open that"
    )


def test_folders_give_every_readable_suffix_of_the_table_and_nothing_else(tmp_path):
    for suffix in [*formats.readable_suffixes(), ".png", ".xlsx", ".md"]:
        (tmp_path / f"file{suffix}").write_text("x", encoding="utf-8")
    found = {Path(p).suffix for p in formats.expand_paths([str(tmp_path)])}
    assert found == set(formats.readable_suffixes())
    assert {".tab", ".ndjson", ".timeline", ".jsonl"} <= found


def test_a_binary_format_is_sniffed_from_bytes_before_any_text_decoding(tmp_path, monkeypatch):
    """A format added to the table (Parquet, say) sees its raw magic bytes; the text formats
    after it would refuse the file as binary."""

    def read_parquet_like(head: FileHead) -> RawTable:
        table = pa.table({"date": ["2026-04-27"], "title": ["Opening statements"]})
        return RawTable(table, np.array([1], dtype=np.int64), "parquet", None, None)

    parquet = ReaderFormat(
        name="parquet",
        label="Parquet",
        suffixes=(".parquet",),
        sniff=lambda head: head.data.startswith(b"PAR1"),
        open=whole_file(read_parquet_like),
    )
    monkeypatch.setattr(formats, "FORMATS", (parquet, *formats.FORMATS))
    path = tmp_path / "events.parquet"
    path.write_bytes(b"PAR1\x00\x00\x15\x04binary\x00data")
    result = load_file(path, LoadOptions())
    assert result.report.error is None
    assert result.events.frame["title"].tolist() == ["Opening statements"]
    assert ".parquet" in formats.readable_suffixes()
    with pytest.raises(LoadError, match="binary"):
        FileHead.read(path).text  # noqa: B018 - what a text format would have met
