"""A table's word index is kept beside its cache entry once built: the next open of the file
has it at once; one that is damaged or of another state is removed, never used; it goes with
its entry."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.ipc as ipc
import pytest

from tests.io.cache.test_event_cache import CountedLoad, rewrite_entry, settled, timeline
from viewer.io.cache.event_cache import EventCache
from viewer.model import word_index
from viewer.model.event_table import EventTable
from viewer.model.word_index import build_word_index

ROWS = 3_000
TEXT = "date,title,excerpt\n" + "".join(
    f"2026-04-{1 + i % 28:02d},{'Court ruling' if i % 3 else 'Press note'} {i},word{i % 7}\n"
    for i in range(ROWS)
)


@pytest.fixture
def cache(tmp_path: Path) -> EventCache:
    return EventCache(tmp_path / "cache", 10**9)


def indexes(cache: EventCache) -> list[Path]:
    return sorted(cache.folder.glob("*.words.arrow"))


def kept_entries(cache: EventCache) -> set[str]:
    """The entries in the folder, each named once (with its text and index files)."""
    return {p.name.split(".")[0] for p in cache.folder.glob("*.arrow")}


def opened_and_indexed(load: CountedLoad, cache: EventCache) -> EventTable:
    _report, events = load.through(cache)
    assert build_word_index(events.word_index, events.text_values)
    cache.keep_word_index(events)
    return events


def test_the_index_comes_back_with_the_events_and_finds_the_same(
    tmp_path: Path, cache: EventCache, monkeypatch: pytest.MonkeyPatch
):
    load = CountedLoad(timeline(tmp_path, text=TEXT))
    first = opened_and_indexed(load, cache)
    assert len(indexes(cache)) == 1
    monkeypatch.setattr(word_index, "build_word_part", lambda _v: pytest.fail("built again"))
    read: list[int] = []
    real = word_index.read_holding
    monkeypatch.setattr(word_index, "read_holding", lambda v, t: read.append(len(v)) or real(v, t))
    _report, again = load.through(cache)
    assert load.reads == 1
    assert again.word_index.complete
    for query in ("court", "ote 1", "WORD3", "ruling 2"):
        assert np.array_equal(again.containing(query), first.containing(query)), query
    read.clear()
    assert again.containing("court").sum() == 2_000
    assert read == []  # a word is answered from the kept index


def test_an_index_is_kept_only_for_a_table_the_cache_has_and_only_when_complete(
    tmp_path: Path, cache: EventCache
):
    load = CountedLoad(timeline(tmp_path, text=TEXT))
    _report, events = load.through(cache)
    cache.keep_word_index(events)  # not built yet
    other = EventTable.from_columns(start=np.arange(5), title=list("abcde"))
    build_word_index(other.word_index, other.text_values)
    cache.keep_word_index(other)  # not from this cache (a merged table, say)
    assert indexes(cache) == []


def damage_truncated(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def damage_event_outside(path: Path) -> None:
    def point_outside(table: pa.Table) -> pa.Table:
        where = table.column_names.index("title.events")
        lists = table.column(where).chunk(0)
        values = pa.array(np.full(len(lists.values), 60_000, np.uint16))
        return table.set_column(
            where, "title.events", pa.LargeListArray.from_arrays(lists.offsets, values)
        )

    rewrite_entry(path, point_outside)


def damage_other_state(path: Path) -> None:
    with ipc.open_file(path) as reader:  # read whole: the file is written again below
        table = reader.read_all()
    header = table.schema.metadata[b"timeline-viewer-cache"].replace(b'"format": 1', b'"format": 0')
    table = table.replace_schema_metadata({b"timeline-viewer-cache": header})
    with pa.OSFile(str(path), "wb") as out, ipc.new_file(out, table.schema) as writer:
        writer.write_table(table)


@pytest.mark.parametrize("damage", [damage_truncated, damage_event_outside, damage_other_state])
def test_a_damaged_index_is_removed_and_the_events_still_come_from_the_cache(
    tmp_path: Path, cache: EventCache, damage
):
    load = CountedLoad(timeline(tmp_path, text=TEXT))
    opened_and_indexed(load, cache)
    (kept,) = indexes(cache)
    damage(kept)
    _report, again = load.through(cache)
    assert load.reads == 1  # the entry itself was sound
    assert again.word_index.covered == 0  # to be built again
    assert indexes(cache) == []
    assert again.containing("court").sum() == 2_000


def test_the_index_goes_with_its_entry_when_the_file_changes_or_the_cache_is_trimmed(
    tmp_path: Path,
):
    cache = EventCache(tmp_path / "cache", 10**9)
    path = timeline(tmp_path, text=TEXT)
    opened_and_indexed(CountedLoad(path), cache)
    path.write_text(TEXT + "2026-05-01,Late,x\n", encoding="utf-8")
    settled(path)
    CountedLoad(path).through(cache)  # the new state is kept; the old one, and its index, go
    assert indexes(cache) == []
    assert len(kept_entries(cache)) == 1

    entry_size = sum(p.stat().st_size for p in cache.folder.glob("*.arrow"))
    small = EventCache(tmp_path / "cache", int(entry_size * 1.5))
    opened_and_indexed(CountedLoad(path), small)  # index + entry: over the limit
    second = timeline(tmp_path, "second.csv", TEXT)
    CountedLoad(second).through(small)  # the least recently used entry goes with its index
    assert indexes(small) == []
    assert len(kept_entries(small)) == 1


def test_an_index_whose_entry_is_gone_is_removed(tmp_path: Path, cache: EventCache):
    load = CountedLoad(timeline(tmp_path, text=TEXT))
    opened_and_indexed(load, cache)
    (kept,) = indexes(cache)
    entry = kept.with_name(kept.name.replace(".words.arrow", ".arrow"))
    os.remove(entry)
    CountedLoad(timeline(tmp_path, "other.csv", TEXT)).through(cache)  # a write trims
    assert indexes(cache) == []
