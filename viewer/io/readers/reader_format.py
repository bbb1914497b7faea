"""What a format declares to the loader: one entry of the table in ``viewer.io.formats``."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from viewer.io.load_errors import LoadError
from viewer.io.load_options import LoadOptions
from viewer.io.load_watch import NO_WATCH, LoadWatch
from viewer.io.readers.file_head import FileHead
from viewer.io.readers.raw_table import RawTable

Sample = dict[str, list[str]]  # column -> its first non-empty cells


class OpenedTable(Protocol):
    """A file its format has opened, before its cells are read."""

    @property
    def header(self) -> list[str] | None:
        """The column names when the head tells them (then only the columns needed are read);
        None when the format must read the whole file first."""

    @property
    def sample(self) -> Sample: ...

    def read(self, needed: list[str] | None, watch: LoadWatch = NO_WATCH) -> RawTable:
        """The cells; ``needed`` (with a header) limits the columns read. A reader that reads
        in blocks reports its progress to ``watch`` and asks it between blocks whether to stop."""


@dataclass(frozen=True)
class ReaderFormat:
    """``sniff`` sees the head; it must look only at ``head.data`` unless the format is text
    (``head.text`` guesses the encoding, and refuses binary data). ``label`` is for people
    (translated in the UI); a format without suffixes is never offered in the open dialog."""

    name: str
    label: str
    suffixes: tuple[str, ...]
    sniff: Callable[[FileHead], bool]
    open: Callable[[FileHead, LoadOptions], OpenedTable]


@dataclass
class WholeFileTable:
    """A format read at once (JSON, XML): the columns are known only after reading."""

    head: FileHead
    reader: Callable[[FileHead, LoadWatch], RawTable]
    header: None = None

    @property
    def sample(self) -> Sample:
        return {}

    def read(self, needed: list[str] | None, watch: LoadWatch = NO_WATCH) -> RawTable:
        return self.reader(self.head, watch)


def whole_file(
    reader: Callable[[FileHead], RawTable],
) -> Callable[[FileHead, LoadOptions], OpenedTable]:
    """``open`` for a format that reads the whole file in one call (progress and Cancel come
    after it)."""
    return lambda head, _options: WholeFileTable(head, lambda h, _watch: reader(h))


def whole_file_in_blocks(
    reader: Callable[[FileHead, LoadWatch], RawTable],
) -> Callable[[FileHead, LoadOptions], OpenedTable]:
    """``open`` for a format whose reader takes the file in blocks, telling ``watch`` how far
    it is and stopping between blocks when it is cancelled."""
    return lambda head, _options: WholeFileTable(head, reader)


def refused(message: str) -> Callable[[FileHead, LoadOptions], OpenedTable]:
    """``open`` for a kind of file that is recognised only to say why it cannot be read."""

    def refuse(head: FileHead, _options: LoadOptions) -> OpenedTable:
        raise LoadError(head.path, message)

    return refuse
