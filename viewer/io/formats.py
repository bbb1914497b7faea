"""Every kind of file the loader knows, in one table. The first entry whose sniff of the file's
head says yes reads it; binary formats come first and sniff raw bytes, since a text format's
sniff decodes the head (and refuses binary data); delimited text takes whatever is left.

The open dialog's filter, the files taken from dropped folders and the command line all come
from this table. Adding a format: a reader module that declares a ``ReaderFormat``, and its
entry here."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from viewer.io.readers import delimited_reader, json_reader, timeline_xml_reader, zeek_tsv_reader
from viewer.io.readers.file_head import FileHead
from viewer.io.readers.markup_refusals import OTHER_XML, WEB_PAGE
from viewer.io.readers.reader_format import ReaderFormat

FORMATS: tuple[ReaderFormat, ...] = (
    timeline_xml_reader.READER,
    WEB_PAGE,
    OTHER_XML,
    json_reader.READER,
    zeek_tsv_reader.READER,
    delimited_reader.READER,
)


def format_for(head: FileHead) -> ReaderFormat:
    """The format that reads this file (its sniff may raise LoadError: binary data, say)."""
    return next(f for f in FORMATS if f.sniff(head))


def readable_formats() -> list[ReaderFormat]:
    """The formats a user can open, for dialogs and help: the most general first (the table
    sniffs the most particular first)."""
    return [f for f in reversed(FORMATS) if f.suffixes]


def readable_suffixes() -> list[str]:
    return [suffix for f in readable_formats() for suffix in f.suffixes]


def expand_paths(paths: Iterable[str]) -> list[str]:
    """Files as given; folders replaced by the readable files inside them (sorted)."""
    suffixes = set(readable_suffixes())
    out: list[str] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            out.extend(
                str(p)
                for p in sorted(path.rglob("*"))
                if p.is_file() and p.suffix.lower() in suffixes
            )
        else:
            out.append(str(path))
    return out
