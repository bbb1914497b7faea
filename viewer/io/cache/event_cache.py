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
"""

from __future__ import annotations

import json
import os
import shutil
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import suppress
from pathlib import Path

import pyarrow as pa
import pyarrow.ipc as ipc

from viewer.atomic_file import atomic_output
from viewer.io.cache.cache_key import CacheKey
from viewer.io.cache.layout_codec import COLUMNS as LAYOUT_COLUMNS
from viewer.io.cache.layout_codec import layout_from_arrow, layout_to_arrow
from viewer.io.cache.report_codec import report_from_json, report_to_json
from viewer.io.cache.table_codec import table_from_arrow, table_to_arrow
from viewer.io.load_options import LoadOptions
from viewer.io.load_report import LoadReport
from viewer.model.event_table import EventTable

FORMAT_VERSION = 2  # 2: the lane layout is kept beside the table
_HEADER = b"timeline-viewer-cache"  # the schema's metadata key (in the file's head and footer)
_SUFFIX = ".arrow"
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
                return report, events
        report, events = load()
        if not report.error and len(events):
            try:
                kept = report_to_json(report)  # now: the report is the caller's from here on
            except ValueError:
                pass  # a value JSON cannot keep exactly: read this file each time
            else:
                self._submit(lambda: self._store(key, kept, events))
        return report, events

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
            with suppress(OSError):
                entry.unlink()
            return None
        with suppress(OSError):
            os.utime(entry)  # its last use: the trim removes the least recently used first
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
                    if _room_for(self.folder, events):
                        _write_entry(self.folder / key.entry_name(), key, report, events)
            except Exception:
                pass  # a cache that cannot be written (disk full, odd column) is only a miss
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
        """Remove the least recently used entries until the rest fit in the limit."""
        sized = []
        for entry in self._entries():
            with suppress(OSError):
                info = entry.stat()
                sized.append((info.st_mtime_ns, info.st_size, entry))
        total = sum(size for _, size, _ in sized)
        for _, size, entry in sorted(sized, key=lambda s: s[0]):
            if total <= self.limit:
                break
            with suppress(OSError):
                entry.unlink()
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


def _room_for(folder: Path, events: EventTable) -> bool:
    disk = shutil.disk_usage(folder)
    return disk.free - events.nbytes() > disk.total * _KEEP_FREE


def _write_entry(target: Path, key: CacheKey, report: str, events: EventTable) -> None:
    table, description = table_to_arrow(events)
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
    schema = table.schema.with_metadata({_HEADER: json.dumps(header, ensure_ascii=True)})
    with atomic_output(target, "wb") as stream, ipc.new_file(stream, schema) as writer:
        writer.write_table(table.replace_schema_metadata(schema.metadata), max_chunksize=None)


def _read_entry(entry: Path, key: CacheKey) -> Loaded:
    """Raises on anything but a whole entry of ``key``."""
    with ipc.open_file(pa.memory_map(str(entry), "r")) as reader:
        header = json.loads(reader.schema.metadata[_HEADER])
        if header["format"] != FORMAT_VERSION or header["key"] != json.loads(key.as_json()):
            raise ValueError("an entry of another version or another state of the file")
        table = reader.read_all()
    if table.num_rows != header["rows"]:
        raise ValueError(f"{table.num_rows} rows where the header says {header['rows']}")
    table.validate()  # buffers of the sizes the lengths need (cheap: no value is read)
    report = report_from_json(header["report"])
    if report.events != table.num_rows:
        raise ValueError("the report counts other events than the table holds")
    layout = layout_from_arrow(table, header["layout"])
    events = table_from_arrow(table.drop_columns(list(LAYOUT_COLUMNS)), header["columns"])
    events.adopt_layout(layout)  # checked against the table: a damaged one is a miss
    return report, events
