"""JSON files of every shape we read: TimelineJS documents, arrays of records, JSON Lines."""

from __future__ import annotations

from viewer.io.load_watch import LoadWatch
from viewer.io.readers.file_head import FileHead
from viewer.io.readers.jsonl_reader import read_jsonl
from viewer.io.readers.raw_table import RawTable
from viewer.io.readers.reader_format import ReaderFormat, whole_file_in_blocks
from viewer.model.messages import QT_TRANSLATE_NOOP, Message


def read_json(head: FileHead, watch: LoadWatch) -> RawTable:
    # The reader tells the shape from the first lines, so a big JSON Lines file is never
    # decoded or parsed as one document.
    return read_jsonl(head.path, head.whole(), watch)


READER = ReaderFormat(
    name="json",
    label=Message(
        QT_TRANSLATE_NOOP("LoadMessages", "JSON and JSON Lines (TimelineJS, Timesketch)")
    ),
    suffixes=(".json", ".jsonl", ".ndjson"),
    sniff=lambda head: head.text_starts_with("{["),
    open=whole_file_in_blocks(read_json),
)
