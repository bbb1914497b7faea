"""A file's first bytes, read once: what every format's sniff looks at, and their text."""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from viewer.io.load_errors import LoadError
from viewer.io.readers.file_access import read_head, read_whole
from viewer.io.readers.text_decoding import HEAD_BYTES, detect_encoding, python_codec
from viewer.model.messages import QT_TRANSLATE_NOOP

_BLANK = b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"


@dataclass
class FileHead:
    """The raw head first (a binary format is told by its bytes); the encoding is guessed, and
    the head decoded, only when a text format asks."""

    path: Path
    data: bytes
    size: int
    forced_encoding: str | None = None

    @classmethod
    def read(cls, path: Path, forced_encoding: str | None = None) -> FileHead:
        data, size = read_head(path, HEAD_BYTES)
        if size <= HEAD_BYTES and not data.strip(_BLANK):
            raise LoadError(path, QT_TRANSLATE_NOOP("LoadMessages", "is empty"))
        return cls(path, data, size, forced_encoding)

    @property
    def is_whole_file(self) -> bool:
        return self.size <= HEAD_BYTES

    @cached_property
    def encoding(self) -> str:
        """Raises LoadError for binary data or an unknown forced encoding."""
        if self.forced_encoding:
            try:
                return python_codec(self.forced_encoding)
            except ValueError as error:
                raise LoadError(self.path, error.args[0]) from error
        return detect_encoding(self.data, str(self.path), self.is_whole_file)

    @cached_property
    def text(self) -> str:
        decoder = codecs.getincrementaldecoder(self.encoding)(errors="replace")
        return decoder.decode(self.data).removeprefix("\ufeff")

    def text_starts_with(self, characters: str) -> bool:
        """Whether the first non-blank character of the text is one of ``characters``."""
        first = self.text.lstrip()[:1]
        return bool(first) and first in characters

    def whole(self) -> bytes:
        """The whole file (for formats that read it at once)."""
        return self.data if self.is_whole_file else read_whole(self.path)
