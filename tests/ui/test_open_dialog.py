"""The Open dialog offers exactly what the loader reads (the table of formats)."""

from __future__ import annotations

import re

from viewer.io.formats import readable_formats, readable_suffixes
from viewer.ui.open_dialog import open_filter


def test_the_open_dialog_offers_every_suffix_the_loader_reads(qapp):
    entries = open_filter().split(";;")
    every = set(re.findall(r"\*(\.\w+)", entries[0]))
    assert every == set(readable_suffixes())
    assert {".tab", ".ndjson"} <= every  # the two a hand-kept list once forgot
    assert len(entries) == len(readable_formats()) + 2  # all timelines, each format, all files
    assert entries[-1].endswith("(*)")
