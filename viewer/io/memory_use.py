"""Memory a load holds: freed Arrow memory given back between steps, and the sentence for a
file that needs more memory than there is."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

import pyarrow as pa

from viewer.model.messages import QT_TRANSLATE_NOOP, Message


def release_unused_memory() -> None:
    """Give the memory Arrow freed (a file's bytes, a parser's blocks) back to the system.
    Its allocator keeps freed pages for reuse, but the next steps allocate through numpy and
    Python, which cannot use them: kept, they would add up to twice the file."""
    pa.default_memory_pool().release_unused()


def use_reusing_allocator() -> None:
    """Arrow allocates through jemalloc where it is built in (not its default, mimalloc):
    jemalloc hands a freed block (a parsed CSV block, a column's cells) to the next allocation,
    where mimalloc gives it back and the next one faults fresh pages in, which is slow on a
    busy machine (at 1M rows the CSV read took 1.0-3.3 s instead of 0.6 s; at 10M the peak
    memory was 1 GB higher)."""
    if pa.default_memory_pool().backend_name == "jemalloc":
        return
    # No purging thread of its own: where threads cannot start (a capped address space) it
    # would print "background thread creation failed" on stderr. Read when jemalloc starts.
    os.environ.setdefault("JE_ARROW_MALLOC_CONF", "background_thread:false")
    with contextlib.suppress(NotImplementedError):  # a build without it (Windows) keeps its own
        pa.set_memory_pool(pa.jemalloc_memory_pool())


def out_of_memory(path: Path) -> Message:
    """What a user reads when ``path`` needs more memory than the system gives."""
    return Message(
        QT_TRANSLATE_NOOP(
            "LoadMessages",
            "not enough memory to read {file} ({size}): reading a file needs a few times its "
            "size in memory; close other programs, or split the file into smaller ones",
        ),
        file=path.name,
        size=file_size_text(path),
    )


def file_size_text(path: Path) -> str:
    """The file's size for people (``1.0 GB``, ``350 MB``); ``?`` when it cannot be told."""
    try:
        size = path.stat().st_size
    except OSError:
        return "?"
    if size >= 1e9:
        return f"{size / 1e9:.1f} GB"
    if size >= 1e6:
        return f"{size / 1e6:.0f} MB"
    if size >= 1e3:
        return f"{size / 1e3:.0f} kB"
    return f"{size} bytes"
