"""Markup that is not a timeline: recognised only to tell the user what to open instead."""

from __future__ import annotations

import re

from viewer.io.readers.reader_format import ReaderFormat, refused
from viewer.model.messages import QT_TRANSLATE_NOOP, Message

_HTML_RE = re.compile(r"^\s*(<!doctype\s+html|<html|<head|<body)", re.IGNORECASE)

WEB_PAGE = ReaderFormat(
    name="html",
    label=Message(QT_TRANSLATE_NOOP("LoadMessages", "Web page")),
    suffixes=(),
    sniff=lambda head: bool(_HTML_RE.search(head.text)),
    open=refused(
        Message(
            QT_TRANSLATE_NOOP(
                "LoadMessages",
                "is a web page (HTML), not a table; save the table itself as CSV and open that",
            )
        )
    ),
)

OTHER_XML = ReaderFormat(
    name="xml",
    label=Message(QT_TRANSLATE_NOOP("LoadMessages", "XML")),
    suffixes=(),
    sniff=lambda head: head.text_starts_with("<"),
    open=refused(
        Message(
            QT_TRANSLATE_NOOP(
                "LoadMessages",
                "is XML but not a Timeline (.timeline) file; open CSV, JSON or .timeline files",
            )
        )
    ),
)
