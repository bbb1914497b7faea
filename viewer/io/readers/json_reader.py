"""JSON files of every shape we read: TimelineJS documents, arrays of records, JSON Lines."""

from __future__ import annotations

import json

from viewer.io.readers.file_head import FileHead
from viewer.io.readers.jsonl_reader import read_jsonl
from viewer.io.readers.raw_table import RawTable
from viewer.io.readers.reader_format import ReaderFormat, whole_file
from viewer.io.readers.timelinejs_json_reader import (
    looks_like_timelinejs_json,
    read_timelinejs_json,
    story_title,
)
from viewer.model.messages import QT_TRANSLATE_NOOP, Message


def read_json(head: FileHead) -> RawTable:
    data = head.whole()
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError):
        return read_jsonl(head.path, data)  # one document per line, or damaged: it says which
    if looks_like_timelinejs_json(document):
        return read_timelinejs_json(head.path, data)
    table = read_jsonl(head.path, data)
    table.title = story_title(document)
    return table


READER = ReaderFormat(
    name="json",
    label=Message(
        QT_TRANSLATE_NOOP("LoadMessages", "JSON and JSON Lines (TimelineJS, Timesketch)")
    ),
    suffixes=(".json", ".jsonl", ".ndjson"),
    sniff=lambda head: head.text_starts_with("{["),
    open=whole_file(read_json),
)
