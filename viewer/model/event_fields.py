"""The fields every event has, in the event table's (and our exports') order. Apart from the
table itself so that code that only needs the names (the loader recognising our own CSV) does
not import pandas."""

from __future__ import annotations

COLUMNS = (
    "start", "end", "precision", "approximate", "title", "excerpt", "lane", "url",
    "date_text", "source", "row",
)  # fmt: skip
TEXT_COLUMNS = ("title", "excerpt", "lane", "url", "date_text")
