"""Where each visible event's mark and label go inside its lane, in pixels (no Qt here).

Marks are stacked into rows so none hides another (first fit, in time order); what does not
fit in the lane's rows is counted into "+N" badges. Labels follow their mark and stop before the
next mark in the row (or go before the mark, or on its bar, where more of the title shows): they
are elided, or dropped when too little room is left, so labels never overlap each other or a
mark.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

MARK_RADIUS = 5.0
MARK_GAP = 3.0
LABEL_GAP = 4.0
MIN_LABEL = 24.0  # narrower than this, a label says nothing: drop it
BADGE_BUCKET = 40.0
INSIDE_INDENT = 32.0  # clear of an approximate bar's faded end

FloatArray = npt.NDArray[np.float64]


@dataclass
class Label:
    mark: int  # position in the layout's arrays
    x: float
    width: float  # room given (the timeline layout elides the title to it)
    inside: bool = False  # drawn on its own bar


@dataclass
class MarkLayout:
    """Placed marks: ``item`` is the position in the visible slice, ``left``/``right`` the
    pixel extent, ``row`` the sub-row (0 at the top of the lane)."""

    item: npt.NDArray[np.int64]
    left: FloatArray
    right: FloatArray
    row: npt.NDArray[np.int64]
    labels: list[Label] = field(default_factory=list)
    badges: list[tuple[float, int]] = field(default_factory=list)  # (x, count) of hidden events


def layout_marks(
    x_start: FloatArray,
    x_end: FloatArray,
    label_widths: FloatArray,
    max_rows: int,
    clip: tuple[float, float] = (-np.inf, np.inf),
) -> MarkLayout:
    """Lay out marks for events at ``x_start``..``x_end`` (pixels, sorted by start); ``clip`` is
    the visible pixel range (a long bar's label goes inside its visible part)."""
    n = len(x_start)
    left = x_start - MARK_RADIUS
    right = np.maximum(x_end, x_start + MARK_RADIUS)
    row_end = np.full(max(max_rows, 1), -np.inf)
    rows = np.full(n, -1, dtype=np.int64)
    hidden: list[float] = []
    for i in range(n):
        free = np.flatnonzero(row_end + MARK_GAP <= left[i])
        if len(free) == 0 or max_rows < 1:
            hidden.append(float(x_start[i]))
            continue
        rows[i] = free[0]
        row_end[free[0]] = right[i]
    placed = np.flatnonzero(rows >= 0)
    layout = MarkLayout(placed, left[placed], right[placed], rows[placed])
    layout.labels = _labels(layout, label_widths[placed], clip)
    layout.badges = _badges(hidden)
    return layout


def _labels(layout: MarkLayout, widths: FloatArray, clip: tuple[float, float]) -> list[Label]:
    labels = []
    for row in np.unique(layout.row):
        members = np.flatnonzero(layout.row == row)  # already in time order
        used = clip[0]  # where the row's marks and labels so far end
        for k, mark in enumerate(members):
            width = float(widths[mark])
            limit = layout.left[members[k + 1]] - MARK_GAP if k + 1 < len(members) else np.inf
            candidates = [
                _inside_label(layout, int(mark), width, clip),
                _after_label(layout, int(mark), width, min(float(limit), clip[1] - LABEL_GAP)),
                _before_label(layout, int(mark), width, max(used, clip[0]), clip[1]),
            ]
            # Whichever shows more of the title; on a tie the label stays on its bar, then
            # after its mark (where the eye looks first).
            best = max(
                (c for c in candidates if c is not None),
                key=lambda c: (c.width, c.inside, c.x > layout.left[c.mark]),
                default=None,
            )
            used = max(used, float(layout.right[mark]) + MARK_GAP)
            if best is not None and width > 0:
                labels.append(best)
                if not best.inside:
                    used = max(used, best.x + best.width + MARK_GAP)
    return labels


def _after_label(layout: MarkLayout, mark: int, width: float, limit: float) -> Label | None:
    """To the right of the mark, up to ``limit`` (the next mark, or the edge of the view)."""
    x = float(layout.right[mark]) + LABEL_GAP
    room = min(width, limit - x)
    return Label(mark, x, room) if room >= min(MIN_LABEL, width) else None


def _before_label(
    layout: MarkLayout, mark: int, width: float, used: float, view_end: float
) -> Label | None:
    """To the left of the mark, after what the row already shows: for a mark near the right
    edge of the view, or crowded by the next one."""
    end = float(layout.left[mark]) - LABEL_GAP
    if end > view_end - LABEL_GAP:
        return None  # the mark is beyond the view
    room = min(width, end - (used + LABEL_GAP))
    return Label(mark, end - room, room) if room >= min(MIN_LABEL, width) else None


def _inside_label(
    layout: MarkLayout, mark: int, width: float, clip: tuple[float, float]
) -> Label | None:
    """A bar wide enough on screen carries its label inside, from its visible left end."""
    left = max(float(layout.left[mark]) + INSIDE_INDENT, clip[0] + LABEL_GAP)
    right = min(float(layout.right[mark]), clip[1]) - LABEL_GAP
    if width <= 0 or right - left < min(MIN_LABEL * 2, width):
        return None
    return Label(mark, left, min(width, right - left), inside=True)


def _badges(hidden: list[float]) -> list[tuple[float, int]]:
    if not hidden:
        return []
    buckets = np.floor(np.asarray(hidden) / BADGE_BUCKET)
    values, counts = np.unique(buckets, return_counts=True)
    return [(float((v + 0.5) * BADGE_BUCKET), int(c)) for v, c in zip(values, counts, strict=True)]
