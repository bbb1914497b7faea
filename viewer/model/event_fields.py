"""The fields every event has, in the event table's (and our exports') order. Apart from the
table itself so that code that only needs the names (the loader recognising our own CSV) does
not import pandas."""

from __future__ import annotations

COLUMNS = (
    "start", "end", "precision", "approximate", "title", "excerpt", "lane", "url",
    "date_text", "source", "row",
)  # fmt: skip
TEXT_COLUMNS = ("title", "excerpt", "lane", "url", "date_text")
# The table's own columns beyond those: the sub-second parts of start and end (int32
# nanoseconds). Exports write them inside the ISO times ("2015-07-21T20:20:03.123456").
SUBSECOND_COLUMNS = ("start_ns", "end_ns")
