"""Whether the loaded text needs a CJK font that is not installed (so the user is told, rather
than shown empty boxes)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

import numpy as np
from PySide6.QtGui import QFontDatabase

from viewer.model.event_table import EventTable

_CJK = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_SAMPLE_BLOCKS, _BLOCK = 250, 20  # runs of rows, not every n-th: see has_cjk_text
CJK_SYSTEMS = (
    QFontDatabase.WritingSystem.SimplifiedChinese,
    QFontDatabase.WritingSystem.TraditionalChinese,
    QFontDatabase.WritingSystem.Japanese,
    QFontDatabase.WritingSystem.Korean,
)
FontFamilies = Callable[[QFontDatabase.WritingSystem], Iterable[str]]


def has_cjk_text(events: EventTable) -> bool:
    """CJK characters in the lanes or in (a sample of) the titles and excerpts."""
    if any(_CJK.search(lane) for lane in events.lanes):
        return True
    if len(events) == 0:
        return False
    # Runs of neighbouring rows: a row every n-th would touch every page of a memory-mapped
    # table (the events cache), pulling gigabytes into memory for 5,000 cells.
    firsts = np.linspace(0, max(len(events) - _BLOCK, 0), _SAMPLE_BLOCKS).astype(np.int64)
    rows = np.unique((firsts[:, None] + np.arange(_BLOCK)).ravel().clip(0, len(events) - 1))
    return any(
        _CJK.search(text)
        for column in ("title", "excerpt")
        for text in events.texts_at(column, rows)
    )


def cjk_font_missing(events: EventTable, families: FontFamilies = QFontDatabase.families) -> bool:
    # The fonts first: where one is installed no text is read (25 ms of a 10M-row table's
    # hand-over to the window).
    return not any(list(families(system)) for system in CJK_SYSTEMS) and has_cjk_text(events)
