"""A file read in many blocks keeps its text in the reader's chunks (joining them copied 1.9 GB
at 10M rows), and every view of its events still reads the right cells: subsets in any order,
rows picked for a search or a check, and the same events again from the cache."""

from __future__ import annotations

import csv
import os
import time
from pathlib import Path

import numpy as np

from viewer.io.cache.event_cache import EventCache
from viewer.io.loading import load_file
from viewer.io.readers import delimited_reader

ROWS = 3_000


def many_block_file(tmp_path: Path) -> tuple[Path, list[str], list[str]]:
    titles = [f"Event {i}" for i in range(ROWS)]
    excerpts = [("café 東京 " * (i % 4) + f"note {i}").strip() for i in range(ROWS)]
    path = tmp_path / "blocks.csv"
    with path.open("w", newline="", encoding="utf-8") as stream:
        out = csv.writer(stream)
        out.writerow(["date", "title", "lane", "excerpt"])
        for i in range(ROWS):
            out.writerow([f"2026-04-{1 + i % 28:02}", titles[i], f"Lane {i % 3}", excerpts[i]])
    settled = time.time() - 60  # the cache keeps only files left alone for a while
    os.utime(path, (settled, settled))
    return path, titles, excerpts


def test_every_view_of_a_file_read_in_many_blocks_reads_the_right_text(
    tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setattr(delimited_reader, "_BLOCK", 4096)  # many blocks from a small file
    path, titles, excerpts = many_block_file(tmp_path)
    cache = EventCache(tmp_path / "cache", 10**9)
    first = load_file(path, cache=cache).events
    again = load_file(path, cache=cache).events  # from the cache
    assert len(list(cache.folder.glob("*.text.arrow"))) == 1  # kept, and read back
    assert first.text_values("title").num_chunks > 10
    order = np.random.default_rng(3).permutation(ROWS)
    for events in (first, again):
        assert events.texts("title") == titles
        assert events.subset(order).texts("excerpt") == [excerpts[i] for i in order]
        picked = order[:40]
        assert events.texts_at("title", picked) == [titles[i] for i in picked]
        assert events.texts_at("title", np.sort(picked)) == [titles[i] for i in np.sort(picked)]
        assert events.text_at("excerpt", ROWS - 1) == excerpts[-1]
        assert events.containing("note 2999").tolist() == [i == ROWS - 1 for i in range(ROWS)]
