"""Which encoding a file is in: BOMs first, then UTF-8, then charset-normalizer's guess."""

from __future__ import annotations

import codecs

from viewer.io.load_errors import LoadError
from viewer.model.messages import QT_TRANSLATE_NOOP, Message

HEAD_BYTES = 1 << 20  # enough text for detection and for sniffing the layout

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Detected names mapped to the superset a real file of that family is most likely in.
_SUPERSETS = {
    "gb2312": "gb18030", "gbk": "gb18030", "cp936": "gb18030", "hz": "gb18030",
    "big5": "big5hkscs", "cp950": "big5hkscs",
    "shift_jis": "cp932", "shift-jis": "cp932", "sjis": "cp932",
    "ascii": "utf-8", "latin_1": "cp1252", "iso-8859-1": "cp1252", "iso8859_1": "cp1252",
}  # fmt: skip


def python_codec(name: str) -> str:
    """A user's or detector's encoding name as Python's canonical codec name."""
    try:
        return codecs.lookup(name).name
    except LookupError as error:
        raise ValueError(
            Message(QT_TRANSLATE_NOOP("LoadMessages", "unknown encoding {name!r}"), name=name)
        ) from error


def detect_encoding(head: bytes, path: str, whole: bool = False) -> str:
    """The encoding of a file starting with ``head``; raises LoadError for binary data.

    ``whole`` says ``head`` is the entire file, so a multi-byte character cut at its end is an
    error rather than the edge of the sample.
    """
    for bom, name in _BOMS:
        if head.startswith(bom):
            return name
    if b"\x00" in head[:65536]:
        raise LoadError(
            path,
            QT_TRANSLATE_NOOP(
                "LoadMessages", "is a binary file, not a text table (it contains NUL bytes)"
            ),
        )
    if _is_utf8(head, whole):
        return "utf-8"
    from charset_normalizer import from_bytes  # only for files that are not UTF-8: ~20 ms saved

    guess = from_bytes(head[:HEAD_BYTES]).best()
    if guess is None:
        raise LoadError(
            path,
            QT_TRANSLATE_NOOP(
                "LoadMessages",
                "is not text in any encoding we recognise; if it is, name it with --encoding",
            ),
        )
    name = python_codec(guess.encoding)
    return _SUPERSETS.get(name, name)


def _is_utf8(head: bytes, whole: bool) -> bool:
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        decoder.decode(head, final=whole)
    except UnicodeDecodeError:
        return False
    return True


def decode(data: bytes, encoding: str, path: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise LoadError(
            path,
            QT_TRANSLATE_NOOP(
                "LoadMessages",
                "is not valid {encoding} (byte {byte:,} cannot be read); name the right encoding with --encoding",
            ),
            encoding=encoding,
            byte=error.start,
        ) from error
    except LookupError as error:
        raise LoadError(
            path,
            QT_TRANSLATE_NOOP("LoadMessages", "names an unknown encoding {encoding!r}"),
            encoding=encoding,
        ) from error
