"""The events cache: an unchanged file opens again from it with the same events and report; a
changed file, other options, or an entry that is damaged, stale or odd is never used."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest

from viewer.io.cache import cache_key
from viewer.io.cache.event_cache import EventCache, Loaded
from viewer.io.load_options import LoadOptions
from viewer.io.load_report import LoadReport
from viewer.io.loading import load_file
from viewer.io.mapping.column_mapping import TEXT_ROLES
from viewer.model.lane_layout import ARRAY_FIELDS

TEXT = (
    "date,end,title,lane,excerpt\n"
    '2026-04-27,2026-04-30,Alpha,Court,"x, ""quoted"""\n'
    "banana,,Beta,Court,b\n"
    "2026-04-28,soon,Gamma,Press,东京\n"
    "1850,,Delta,,\n"
)
HOUR = 3600.0


def settled(path: Path, age: float = HOUR) -> Path:
    """The file as last changed ``age`` seconds ago (a file changed just now is not cached)."""
    stamp = time.time() - age
    os.utime(path, (stamp, stamp))
    return path


def timeline(folder: Path, name: str = "story.csv", text: str = TEXT) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return settled(path)


class CountedLoad:
    """The real load, counting how often the file was read."""

    def __init__(self, path: Path, options: LoadOptions | None = None) -> None:
        self.path, self.options, self.reads = path, options or LoadOptions(), 0

    def __call__(self) -> Loaded:
        self.reads += 1
        result = load_file(self.path, self.options)
        return result.report, result.events

    def through(self, cache: EventCache) -> Loaded:
        return cache.load_through(self.path, self.options, TEXT_ROLES, self)


@pytest.fixture
def cache(tmp_path: Path) -> EventCache:
    return EventCache(tmp_path / "cache", 10**9)


def entries(cache: EventCache) -> list[Path]:
    """The entries in the cache (not the text and word index files beside them)."""
    beside = (".text.arrow", ".words.arrow")
    return sorted(p for p in cache.folder.glob("*.arrow") if not p.name.endswith(beside))


def text_file(entry: Path) -> Path:
    return entry.with_name(entry.name.removesuffix(".arrow") + ".text.arrow")


def test_a_second_load_of_an_unchanged_file_comes_from_the_cache_with_the_same_events_and_report(
    tmp_path: Path, cache: EventCache
):
    path = timeline(tmp_path)
    first = load_file(path, cache=cache)
    again = load_file(path, cache=cache)
    assert len(entries(cache)) == 1
    pd.testing.assert_frame_equal(again.events.frame, first.events.frame, check_exact=True)
    assert again.report == first.report
    assert [(p.row, p.value) for p in again.report.skipped] == [(3, "banana")]
    # The Problems panel translates a reason by its template, nested ones too.
    (warning,) = again.report.warnings
    assert warning.reason.template == first.report.warnings[0].reason.template  # type: ignore[attr-defined]
    inner = warning.reason.values["reason"]  # type: ignore[attr-defined]
    assert inner.template == first.report.warnings[0].reason.values["reason"].template  # type: ignore[attr-defined]


def test_the_second_load_does_not_read_the_file(tmp_path: Path, cache: EventCache):
    load = CountedLoad(timeline(tmp_path))
    load.through(cache)
    report, events = load.through(cache)
    assert load.reads == 1
    assert events.texts("title") == ["Alpha", "Gamma", "Delta"]
    assert report.events == 3


def test_a_hit_reports_the_path_as_this_load_spelled_it(
    tmp_path: Path, cache: EventCache, monkeypatch: pytest.MonkeyPatch
):
    path = timeline(tmp_path)
    load_file(path, cache=cache)
    monkeypatch.chdir(tmp_path)
    again = load_file("story.csv", cache=cache)
    assert again.report.path == "story.csv"
    assert len(entries(cache)) == 1  # the same file, spelled otherwise: the same entry


@pytest.mark.parametrize("change", ["touched", "edited, same size", "grown"])
def test_a_changed_file_misses_and_gives_its_new_events(
    tmp_path: Path, cache: EventCache, change: str
):
    load = CountedLoad(timeline(tmp_path))
    load.through(cache)
    if change == "touched":
        settled(load.path, age=HOUR / 2)
    elif change == "edited, same size":
        timeline(tmp_path, text=TEXT.replace("Alpha", "Omega"))
    else:
        timeline(tmp_path, text=TEXT + "2027-01-01,,Epsilon,Press,e\n")
    _, events = load.through(cache)
    assert load.reads == 2
    expected = {"touched": "Alpha", "edited, same size": "Omega", "grown": "Alpha"}[change]
    assert events.texts("title")[0] == expected
    assert len(entries(cache)) == 1  # the entry of the file as it was is gone


def test_other_load_options_miss(tmp_path: Path, cache: EventCache):
    path = timeline(tmp_path, text="date,title\n01/02/2026,A\n03/04/2026,B\n")
    month_first = CountedLoad(path, LoadOptions(day_first=False))
    day_first = CountedLoad(path, LoadOptions(day_first=True))
    _, by_month = month_first.through(cache)
    _, by_day = day_first.through(cache)
    assert day_first.reads == 1
    assert by_month.start[0] != by_day.start[0]  # 2 January against 1 February
    assert month_first.through(cache)[1].start[0] == by_month.start[0]
    assert month_first.reads == 1


def test_a_file_changed_just_now_is_not_kept(tmp_path: Path, cache: EventCache):
    """Its next change could come within the same timestamp, and go unseen."""
    path = tmp_path / "live.csv"
    path.write_text(TEXT, encoding="utf-8")
    load = CountedLoad(path)
    load.through(cache)
    load.through(cache)
    assert load.reads == 2
    assert entries(cache) == []


def test_a_file_changed_while_it_was_read_is_not_kept(tmp_path: Path, cache: EventCache):
    path = timeline(tmp_path)
    load = CountedLoad(path)

    def read_then_edit() -> Loaded:
        loaded = load()
        path.write_text(TEXT.replace("Alpha", "Omega"), encoding="utf-8")
        settled(path)
        return loaded

    cache.load_through(path, LoadOptions(), TEXT_ROLES, read_then_edit)
    assert entries(cache) == []
    assert load.through(cache)[1].texts("title")[0] == "Omega"


def test_a_file_that_fails_is_not_kept(tmp_path: Path, cache: EventCache):
    path = timeline(tmp_path, text="when,what\nsoon,A\nlater,B\n")
    result = load_file(path, cache=cache)
    assert result.report.error
    assert entries(cache) == []
    assert load_file(path, cache=cache).report == result.report


def damage_truncated(entry: Path) -> None:
    entry.write_bytes(entry.read_bytes()[: entry.stat().st_size // 2])


def damage_garbage(entry: Path) -> None:
    entry.write_bytes(os.urandom(entry.stat().st_size))


def damage_footer(entry: Path) -> None:
    data = bytearray(entry.read_bytes())
    data[-200:-10] = os.urandom(190)
    entry.write_bytes(bytes(data))


def damage_empty(entry: Path) -> None:
    entry.write_bytes(b"")


def damage_removed(entry: Path) -> None:
    entry.unlink()


@pytest.mark.parametrize("part", ["entry", "its text"])
@pytest.mark.parametrize(
    "damage",
    [damage_truncated, damage_garbage, damage_footer, damage_empty, damage_removed],
    ids=lambda d: d.__name__,
)
def test_a_damaged_entry_is_ignored_and_replaced(
    tmp_path: Path, cache: EventCache, damage, part: str
):
    load = CountedLoad(timeline(tmp_path))
    _, first = load.through(cache)
    (entry,) = entries(cache)
    damage(entry if part == "entry" else text_file(entry))
    _, again = load.through(cache)
    assert load.reads == 2
    pd.testing.assert_frame_equal(again.frame, first.frame)
    assert entries(cache) == [entry]  # written anew, whole
    assert text_file(entry).is_file()
    assert load.through(cache)[1].texts("title") == first.texts("title")
    assert load.reads == 2


def test_an_entry_of_another_file_under_this_files_name_is_not_trusted(
    tmp_path: Path, cache: EventCache
):
    """The header's key is checked, not only the entry's name."""
    ours = CountedLoad(timeline(tmp_path, "ours.csv"))
    other = CountedLoad(timeline(tmp_path, "other.csv", TEXT.replace("Alpha", "Intruder")))
    ours.through(cache)
    (our_entry,) = entries(cache)
    other.through(cache)
    (other_entry,) = (e for e in entries(cache) if e != our_entry)
    os.replace(other_entry, our_entry)
    _, events = ours.through(cache)
    assert ours.reads == 2
    assert events.texts("title")[0] == "Alpha"


def rewrite_entry(entry: Path, change: Callable[[pa.Table], pa.Table]) -> None:
    """The entry written again with ``change`` made to its table (its header kept)."""
    with pa.ipc.open_file(entry) as reader:
        table = reader.read_all()
    with pa.OSFile(str(entry), "wb") as sink, pa.ipc.new_file(sink, table.schema) as writer:
        writer.write_table(change(table))


def test_an_entry_whose_rows_disagree_with_its_header_is_not_trusted(
    tmp_path: Path, cache: EventCache
):
    load = CountedLoad(timeline(tmp_path))
    load.through(cache)
    (entry,) = entries(cache)
    rewrite_entry(entry, lambda table: table.slice(0, 2))
    _, events = load.through(cache)
    assert load.reads == 2
    assert len(events) == 3


def test_the_least_recently_used_entries_go_first_when_the_cache_is_full(tmp_path: Path):
    big = TEXT + "".join(f"2026-05-{d:02},Event {d},Lane,{'x' * 2000}\n" for d in range(1, 29))
    loads = [CountedLoad(timeline(tmp_path, f"{name}.csv", big)) for name in "abc"]
    probe = EventCache(tmp_path / "probe", 10**9)
    loads[0].through(probe)
    one_entry = sum(p.stat().st_size for p in probe.folder.glob("*.arrow"))  # with its text
    cache = EventCache(tmp_path / "cache", int(one_entry * 2.5))  # room for two
    a, b, c = loads
    a.through(cache)
    b.through(cache)
    a.through(cache)  # a is used again: b is now the least recently used
    c.through(cache)
    assert len(entries(cache)) == 2
    for load in (a, c, b):  # b last: keeping it again pushes another out
        load.reads = 0
        load.through(cache)
    assert (a.reads, c.reads, b.reads) == (0, 0, 1)


def test_a_limit_of_zero_keeps_nothing_and_empties_the_cache(tmp_path: Path):
    load = CountedLoad(timeline(tmp_path))
    load.through(EventCache(tmp_path / "cache", 10**9))
    off = EventCache(tmp_path / "cache", 0)
    load.through(off)
    load.through(off)
    assert load.reads == 3
    assert entries(off) == []


def test_an_entry_larger_than_the_limit_is_not_written(tmp_path: Path):
    cache = EventCache(tmp_path / "cache", 100)
    load = CountedLoad(timeline(tmp_path))
    load.through(cache)
    assert entries(cache) == []


def test_a_cache_folder_that_cannot_be_made_only_costs_the_speed(tmp_path: Path):
    (tmp_path / "blocked").write_text("a file where the folder would be")
    cache = EventCache(tmp_path / "blocked" / "events", 10**9)
    load = CountedLoad(timeline(tmp_path))
    assert load.through(cache)[1].texts("title") == ["Alpha", "Gamma", "Delta"]
    assert load.through(cache)[0].events == 3
    assert load.reads == 2


def test_the_folder_is_the_users_alone(tmp_path: Path, cache: EventCache):
    CountedLoad(timeline(tmp_path)).through(cache)
    assert cache.folder.stat().st_mode & 0o077 == 0


def test_in_the_background_the_entry_is_written_after_the_load_and_close_waits_for_it(
    tmp_path: Path,
):
    cache = EventCache(tmp_path / "cache", 10**9, background=True)
    load = CountedLoad(timeline(tmp_path))
    report, _ = load.through(cache)
    cache.close()
    assert len(entries(cache)) == 1
    assert load.through(EventCache(cache.folder, 10**9))[0] == report
    assert load.reads == 1


def test_a_missing_file_is_the_loads_to_report(tmp_path: Path, cache: EventCache):
    result = load_file(tmp_path / "gone.csv", cache=cache)
    assert isinstance(result.report, LoadReport)
    assert result.report.error
    assert entries(cache) == []


def test_an_entry_left_half_written_by_a_killed_app_is_never_read_and_is_cleaned_up(
    tmp_path: Path, cache: EventCache
):
    load = CountedLoad(timeline(tmp_path))
    load.through(cache)
    (entry,) = entries(cache)
    half = cache.folder / f".{entry.name}.999999999.0123abcd.tmp"  # atomic_file's temporary name
    half.write_bytes(entry.read_bytes()[:1000])
    entry.unlink()
    load.through(cache)  # a miss: the temporary is not an entry
    assert load.reads == 2
    assert not half.exists()  # its writer is gone: removed by the next write
    assert entries(cache) == [entry]


def test_cached_text_is_read_from_the_mapped_file_not_copied_into_memory(
    tmp_path: Path, cache: EventCache
):
    excerpt = "x" * 10_000
    rows = "".join(f"2026-05-{1 + i % 28:02},Event {i},Lane,{excerpt}\n" for i in range(500))
    load = CountedLoad(timeline(tmp_path, text="date,title,lane,excerpt\n" + rows))
    load.through(cache)
    before = pa.total_allocated_bytes()
    _, events = load.through(cache)
    assert load.reads == 1
    assert events.text_at("excerpt", 499) == excerpt
    assert pa.total_allocated_bytes() - before < len(excerpt) * 500 / 10


def test_an_entry_made_by_another_version_of_the_loader_misses(
    tmp_path: Path, cache: EventCache, monkeypatch: pytest.MonkeyPatch
):
    load = CountedLoad(timeline(tmp_path))
    load.through(cache)
    monkeypatch.setattr(cache_key, "loader_version", lambda: "a version with other rules")
    load.through(cache)
    assert load.reads == 2


def test_sub_seconds_and_the_weighed_date_columns_come_back_from_the_cache(
    tmp_path: Path, cache: EventCache
):
    text = (
        "when,recorded,message\n"
        "2015-07-21T20:20:03.123456Z,2015-07-22,login\n"
        "2015-07-21T20:20:03.000250Z,2015-07-22,logout\n"
    )
    path = timeline(tmp_path, "log.csv", text)
    first = load_file(path, cache=cache)
    again = load_file(path, cache=cache)
    assert len(entries(cache)) == 1
    assert again.events.start_ns.tolist() == [123_456_000, 250_000]
    assert again.report.date_candidates == first.report.date_candidates
    assert len(first.report.date_candidates) == 2


def test_the_timelines_layout_comes_back_from_the_cache_without_being_built_again(
    tmp_path: Path, cache: EventCache, monkeypatch: pytest.MonkeyPatch
):
    path = timeline(tmp_path)
    first = load_file(path, cache=cache, lay_out=True)
    layout = first.events.lane_layout()
    monkeypatch.setattr(
        "viewer.model.event_table.build_lane_layout", lambda **_: pytest.fail("built again")
    )
    again = load_file(path, cache=cache, lay_out=True)
    kept = again.events.lane_layout()
    assert kept.names == layout.names == ("Court", "Press", "")
    for name in ARRAY_FIELDS:
        np.testing.assert_array_equal(getattr(kept, name), getattr(layout, name))
    assert again.events.time_bounds() == first.events.time_bounds()


def test_an_entry_whose_layout_points_outside_its_table_is_not_trusted(
    tmp_path: Path, cache: EventCache
):
    load = CountedLoad(timeline(tmp_path))
    load.through(cache)
    (entry,) = entries(cache)

    def point_outside(table: pa.Table) -> pa.Table:
        where = table.column_names.index("layout.index")
        return table.set_column(where, "layout.index", pa.array([0, 1, 7], pa.int64()))

    rewrite_entry(entry, point_outside)
    _, events = load.through(cache)
    assert load.reads == 2
    assert sorted(events.lane_layout().index.tolist()) == [0, 1, 2]
