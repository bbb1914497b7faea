"""The first rows of a delimited file as text, for a person choosing what each column means."""

from __future__ import annotations

import codecs
from pathlib import Path

from viewer.io.formats import format_for
from viewer.io.load_errors import LoadError
from viewer.io.load_options import LoadOptions
from viewer.io.readers import delimited_reader
from viewer.io.readers.delimited_reader import sniff_layout, split_records
from viewer.io.readers.file_access import read_head
from viewer.io.readers.file_head import FileHead
from viewer.io.readers.text_decoding import HEAD_BYTES, detect_encoding, python_codec
from viewer.model.messages import QT_TRANSLATE_NOOP


def preview_rows(
    path: str | Path, options: LoadOptions, limit: int = 20
) -> tuple[list[str], list[list[str]]]:
    """(column names, first rows); raises LoadError when the file cannot be read as a table."""
    path = Path(path)
    if format_for(FileHead.read(path, options.encoding)) is not delimited_reader.READER:
        raise LoadError(path, QT_TRANSLATE_NOOP("LoadMessages", "is not a table of columns"))
    head, _size = read_head(path, HEAD_BYTES)
    encoding = (
        python_codec(options.encoding) if options.encoding else detect_encoding(head, str(path))
    )
    text = (
        codecs.getincrementaldecoder(encoding)(errors="replace").decode(head).removeprefix("\ufeff")
    )
    layout = sniff_layout(path, text, options.delimiter)
    records = split_records(text, layout.delimiter, limit + 1)
    body = records[1:] if layout.has_header else records
    width = len(layout.names)
    return layout.names, [(row + [""] * width)[:width] for row in body[:limit]]
