"""A file's events and report kept on disk (Arrow IPC, memory-mapped), so an unchanged file
opens again without being read.

An entry is trusted only when everything about it checks out: its name and its header give
the same key as the file now does (path, size, times, inode, load options, the loader's
version), its format version is ours and its row count and columns are those its header
promises. Anything else (a truncated, damaged or stale entry, a read error) makes it a miss:
the entry is deleted and the file read again. Entries are written whole or not at all
(``viewer.atomic_file``: a temporary name, fsync, rename) and only for a file that did not
change while it was read and was last changed a while before (a file being written is caught
by its next change, not by a time that happened to stay the same). The folder is kept under
its size limit by removing the entries used least recently.

An entry's text columns are a file of their own beside it (``<entry>.text.arrow``, written
first): they stay in the chunks the CSV reader made (``chunked_text``), which an Arrow file can
only hold as many record batches, while the other columns are one batch that is read as numpy
arrays without a copy. A table's word index, built after the load, is kept beside its entry
once complete (``keep_word_index``; ``<entry>.words.arrow``, written and checked the same way;
one that does not check out is removed and the index built again). Both go with their entry.
"""

from __future__ import annotations

import json
import os
import shutil
import threading
import weakref
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import suppress
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.ipc as ipc

from viewer.atomic_file import atomic_output
from viewer.io.cache.cache_key import CacheKey
from viewer.io.cache.layout_codec import COLUMNS as LAYOUT_COLUMNS
from viewer.io.cache.layout_codec import layout_from_arrow, layout_to_arrow
from viewer.io.cache.report_codec import report_from_json, report_to_json
from viewer.io.cache.table_codec import COLUMNS, table_from_arrow, table_to_arrow
from viewer.io.cache.word_index_codec import index_from_arrow, index_to_arrow
from viewer.io.load_options import LoadOptions
from viewer.io.load_report import LoadReport
from viewer.model.event_fields import TEXT_COLUMNS
from viewer.model.event_table import EventTable
from viewer.model.word_index import WordPart

FORMAT_VERSION = 3  # 2: the lane layout is kept beside the table; 3: the text in a file of its own
_HEADER = b"timeline-viewer-cache"  # the schema's metadata key (in the file's head and footer)
_SUFFIX = ".arrow"
_INDEX_SUFFIX = ".words.arrow"  # an entry's word index: the entry's name with this suffix
_TEXT_SUFFIX = ".text.arrow"  # an entry's text columns
_SIDE_SUFFIXES = (_INDEX_SUFFIX, _TEXT_SUFFIX)
INDEX_FORMAT_VERSION = 1
# A file changed this recently may change again within the same timestamp (coarse clocks,
# FAT's 2 s): it is not cached, as git's index treats "racily clean" files.
RACY_SECONDS = 3.0
# An entry is not written when it would leave less room than this on the disk (for the rest).
_KEEP_FREE = 0.1  # of the disk

Loaded = tuple[LoadReport, EventTable]


class EventCache:
    """``limit`` bytes at most in ``folder`` (0: nothing is cached, and what was is removed at
    the next load). With ``background`` an entry is written on a thread of the cache's own,
    after the load has returned; ``close`` waits for the write under way."""

    def __init__(self, folder: Path, limit: int, background: bool = False) -> None:
        self.folder, self.limit = Path(folder), limit
        self._writer = ThreadPoolExecutor(1, "event-cache") if background else None
        self._lock = threading.Lock()  # one write or trim at a time
        # The key of each table this cache gave or kept (loads run on several threads).
        self._keys: weakref.WeakKeyDictionary[EventTable, CacheKey] = weakref.WeakKeyDictionary()
        self._keys_lock = threading.Lock()

    def load_through(
        self, path: str | Path, options: LoadOptions, text_roles: frozenset[str],
        load: Callable[[], Loaded],
    ) -> Loaded:  # fmt: skip
        """The cached result for the file as it is now, or ``load()``'s (which is then kept)."""
        try:
            key = CacheKey.of(path, options, text_roles)
        except OSError:
            return load()  # the load says what is wrong with the file
        if self.limit > 0:
            hit = self._read(key)
            if hit is not None:
                report, events = hit
                report.path = str(path)  # as this load spelled it
                self._remember(events, key)
                return report, events
        report, events = load()
        if not report.error and len(events):
            try:
                kept = report_to_json(report)  # now: the report is the caller's from here on
            except ValueError:
                pass  # a value JSON cannot keep exactly: read this file each time
            else:
                self._remember(events, key)
                self._submit(lambda: self._store(key, kept, events))
        return report, events

    def keep_word_index(self, events: EventTable) -> None:
        """Keep the complete word index of a table this cache gave or kept, beside its entry
        (if that entry is still there), so the next open of the file has it at once."""
        with self._keys_lock:
            key = self._keys.get(events)
        index = events.word_index
        if key is None or self.limit <= 0 or not index.complete:
            return
        parts = index.parts()
        self._submit(lambda: self._store_index(key, index.size, parts))

    def _remember(self, events: EventTable, key: CacheKey) -> None:
        with self._keys_lock:
            self._keys[events] = key

    def close(self) -> None:
        """Finish the write under way (those still waiting are dropped)."""
        if self._writer is not None:
            self._writer.shutdown(wait=True, cancel_futures=True)

    # -- reading --------------------------------------------------------------------------------
    def _read(self, key: CacheKey) -> Loaded | None:
        entry = self.folder / key.entry_name()
        if not entry.is_file():
            return None
        try:
            loaded = _read_entry(entry, key)
        except Exception:  # whatever is wrong with it, it is not used again
            for path in (entry, _index_path(entry), _text_path(entry)):
                with suppress(OSError):
                    path.unlink()
            return None
        with suppress(OSError):
            os.utime(entry)  # its last use: the trim removes the least recently used first
        _adopt_index(entry, key, loaded[1])
        return loaded

    # -- writing --------------------------------------------------------------------------------
    def _submit(self, write: Callable[[], None]) -> None:
        if self._writer is None:
            write()
            return
        with suppress(RuntimeError):  # closed: the app is quitting, nothing more is written
            future: Future[None] = self._writer.submit(write)
            future.add_done_callback(lambda f: f.exception())  # failures are misses, not errors

    def _store(self, key: CacheKey, report: str, events: EventTable) -> None:
        with self._lock:
            try:
                if _fit_to_keep(key, self.limit, events):
                    # Only the user may read it: these are the contents of their files.
                    self.folder.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
                    self.folder.mkdir(mode=0o700, exist_ok=True)
                    self._remove_older_states(key)
                    if _room_for(self.folder, events.nbytes()):
                        _write_entry(self.folder / key.entry_name(), key, report, events)
            except Exception:
                pass  # a cache that cannot be written (disk full, odd column) is only a miss
            finally:
                self._trim()

    def _store_index(self, key: CacheKey, size: int, parts: list[dict[str, WordPart]]) -> None:
        with self._lock:
            entry = self.folder / key.entry_name()
            target = _index_path(entry)
            try:
                if entry.is_file() and not target.exists():
                    table = index_to_arrow(parts)
                    fits = entry.stat().st_size + table.nbytes < self.limit  # not to lose both
                    if fits and _room_for(self.folder, table.nbytes):
                        _write_index(target, key, size, table)
            except Exception:
                pass  # not kept: the index is built again at the next open
            finally:
                self._trim()

    def _remove_older_states(self, key: CacheKey) -> None:
        """Entries of the same path made from the file before it changed: never hits again."""
        prefix, state = f"{key.path_hash()}-", key.entry_name().split("-")[1]
        for entry in self._entries():
            if entry.name.startswith(prefix) and entry.name.split("-")[1] != state:
                with suppress(OSError):
                    entry.unlink()

    def _trim(self) -> None:
        """Remove the least recently used entries (with their indexes) until the rest fit in
        the limit; an index whose entry is gone goes first."""
        groups: dict[str, list[Path]] = {}
        for path in self._entries():
            groups.setdefault(_entry_name_of(path), []).append(path)
        sized = []
        for name, paths in groups.items():
            with suppress(OSError):
                entry = next((p for p in paths if p.name == name), None)
                used = -1 if entry is None else entry.stat().st_mtime_ns
                sized.append((used, sum(p.stat().st_size for p in paths), paths))
        total = sum(size for _, size, _ in sized)
        for used, size, paths in sorted(sized, key=lambda s: s[0]):
            if total <= self.limit and used >= 0:
                break
            with suppress(OSError):
                for path in paths:
                    path.unlink()
                total -= size

    def _entries(self) -> list[Path]:
        try:
            return [e for e in self.folder.iterdir() if e.name.endswith(_SUFFIX)]
        except OSError:
            return []


def _fit_to_keep(key: CacheKey, limit: int, events: EventTable) -> bool:
    """Whether the file was left alone while it was read, and for a while before it was looked
    at, and its events fit in the limit."""
    try:
        now = CacheKey.of(key.path, LoadOptions(), frozenset())
    except OSError:
        return False
    still = now.file == key.file
    settled = key.seen_at - key.file["mtime_ns"] / 1e9 > RACY_SECONDS
    return still and settled and events.nbytes() < limit


def _room_for(folder: Path, nbytes: int) -> bool:
    disk = shutil.disk_usage(folder)
    return disk.free - nbytes > disk.total * _KEEP_FREE


def _write_entry(target: Path, key: CacheKey, report: str, events: EventTable) -> None:
    table, description = table_to_arrow(events)
    texts, table = table.select(list(TEXT_COLUMNS)), table.drop_columns(list(TEXT_COLUMNS))
    text_header = {"format": FORMAT_VERSION, "key": json.loads(key.as_json()), "rows": len(texts)}
    _write_arrow(_text_path(target), text_header, texts, one_batch=False)  # first: see _trim
    layout_arrays, layout = layout_to_arrow(events.lane_layout())  # built on loading, if asked
    for name, array in zip(LAYOUT_COLUMNS, layout_arrays, strict=True):
        table = table.append_column(name, array)
    header = {
        "format": FORMAT_VERSION,
        "key": json.loads(key.as_json()),
        "rows": table.num_rows,
        "columns": description,
        "layout": layout,
        "report": report,
    }
    _write_arrow(target, header, table)


def _index_path(entry: Path) -> Path:
    return entry.with_name(entry.name.removesuffix(_SUFFIX) + _INDEX_SUFFIX)


def _text_path(entry: Path) -> Path:
    return entry.with_name(entry.name.removesuffix(_SUFFIX) + _TEXT_SUFFIX)


def _entry_name_of(path: Path) -> str:
    """The entry a file of the folder belongs to (itself, or the entry its index or text is for)."""
    for suffix in _SIDE_SUFFIXES:
        if path.name.endswith(suffix):
            return path.name.removesuffix(suffix) + _SUFFIX
    return path.name


def _write_index(target: Path, key: CacheKey, size: int, table: pa.Table) -> None:
    header = {"format": INDEX_FORMAT_VERSION, "key": json.loads(key.as_json()), "events": size}
    _write_arrow(target, header, table)


def _write_arrow(
    target: Path, header: dict[str, object], table: pa.Table, one_batch: bool = True
) -> None:
    """``table`` whole, with ``header`` in its schema's metadata, or nothing: as one batch (its
    columns then read back as single arrays), else a batch wherever a column's chunk ends."""
    schema = table.schema.with_metadata({_HEADER: json.dumps(header, ensure_ascii=True)})
    with atomic_output(target, "wb") as stream, ipc.new_file(stream, schema) as writer:
        table = table.replace_schema_metadata(schema.metadata)
        if one_batch:
            writer.write_table(table, max_chunksize=None)
        else:
            for batch in table.to_batches():
                writer.write_batch(batch)


def _header_of(reader: ipc.RecordBatchFileReader, version: int, key: CacheKey) -> dict[str, Any]:
    """The header of a file this cache wrote in format ``version`` for ``key``; raises on any
    other (another version, another state of the file, or none)."""
    header: dict[str, Any] = json.loads(reader.schema.metadata[_HEADER])
    if header["format"] != version or header["key"] != json.loads(key.as_json()):
        raise ValueError("a file of another version or another state of the file")
    return header


def _read_table(
    path: Path, key: CacheKey, rows: int | None = None
) -> tuple[dict[str, Any], pa.Table]:
    """The header and table of a file of ``key`` (of ``rows`` rows, when given); raises on any
    other."""
    with ipc.open_file(pa.memory_map(str(path), "r")) as reader:
        header = _header_of(reader, FORMAT_VERSION, key)
        table = reader.read_all()
    if table.num_rows != header["rows"] or (rows is not None and table.num_rows != rows):
        raise ValueError(f"{table.num_rows} rows where the header says {header['rows']}")
    table.validate()  # buffers of the sizes the lengths need (cheap: no value is read)
    return header, table


def _adopt_index(entry: Path, key: CacheKey, events: EventTable) -> None:
    """Give ``events`` the index kept beside its entry, if there is a whole one of ``key``."""
    path = _index_path(entry)
    if not path.is_file():
        return
    try:
        with ipc.open_file(pa.memory_map(str(path), "r")) as reader:
            header = _header_of(reader, INDEX_FORMAT_VERSION, key)
            if header["events"] != len(events):
                raise ValueError("an index of another number of events")
            table = reader.read_all()
        table.validate()
        events.word_index.adopt(index_from_arrow(table, len(events)))
    except Exception:  # built again instead
        with suppress(OSError):
            path.unlink()
    else:
        with suppress(OSError):
            os.utime(path)


def _read_entry(entry: Path, key: CacheKey) -> Loaded:
    """Raises on anything but a whole entry of ``key``."""
    header, table = _read_table(entry, key)
    _, texts = _read_table(_text_path(entry), key, header["rows"])
    for name in TEXT_COLUMNS:
        table = table.append_column(name, texts.column(name))
    table = table.select([*COLUMNS, *LAYOUT_COLUMNS])
    report = report_from_json(header["report"])
    if report.events != table.num_rows:
        raise ValueError("the report counts other events than the table holds")
    layout = layout_from_arrow(table, header["layout"])
    events = table_from_arrow(table.drop_columns(list(LAYOUT_COLUMNS)), header["columns"])
    events.adopt_layout(layout)  # checked against the table: a damaged one is a miss
    return report, events
