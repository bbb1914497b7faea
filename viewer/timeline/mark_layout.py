"""Where each visible event's mark and title go inside its lane, in pixels (no Qt here).

vis-timeline's stacking, in one sweep (O(n * rows), rows at most ``max_rows``): each event takes
a box (its mark, and its title after it, before it near the right edge, or on its bar), stacked
into the lowest free row, so no title overlaps another or a mark. The lane grows to the rows it
needs, up to ``max_rows``; past that, the title that frees a row soonest is shortened to make
room, so titles are cut only when the lane is full. Only marks that truly coincide (more of them
at one spot than the lane has rows) are counted into "+N" badges. A collapsed lane draws every mark on one row and titles only where they fit.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

MARK_RADIUS = 5.0
MARK_GAP = 3.0
LABEL_GAP = 6.0  # clear of the selection outline around the mark
MIN_LABEL = 24.0  # narrower than this, a title says nothing: drop it
COINCIDENT_PX = 2 * MARK_RADIUS  # hidden marks closer than this share one badge
INSIDE_INDENT = 32.0  # clear of an approximate bar's faded end

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]


@dataclass
class Label:
    mark: int  # position in the layout's arrays
    x: float
    width: float  # room given (the timeline layout elides the title to it)
    inside: bool = False  # drawn on its own bar


@dataclass
class Badge:
    x: float  # centre, in pixels
    count: int
    first: float  # where the marks it stands for begin and end
    last: float


@dataclass
class MarkLayout:
    """Placed marks: ``item`` is the position in the visible slice, ``left``/``right`` the
    pixel extent, ``row`` the sub-row (0 at the top of the lane); ``rows`` how many rows the
    lane needs."""

    item: IntArray
    left: FloatArray
    right: FloatArray
    row: IntArray
    rows: int = 1
    labels: list[Label] = field(default_factory=list)
    badges: list[Badge] = field(default_factory=list)


def layout_marks(
    x_start: FloatArray,
    x_end: FloatArray,
    label_widths: FloatArray,
    max_rows: int,
    clip: tuple[float, float] = (-np.inf, np.inf),
    collapsed: bool = False,
) -> MarkLayout:
    """Lay out marks for events at ``x_start``..``x_end`` (pixels, sorted by start); ``clip`` is
    the visible pixel range: only marks in it are placed, and titles stay inside it."""
    left = x_start - MARK_RADIUS
    right = np.maximum(x_end, x_start + MARK_RADIUS)
    seen = np.flatnonzero((right >= clip[0]) & (left <= clip[1]))
    widths = label_widths[seen]
    if collapsed:
        rows = np.zeros(len(seen), dtype=np.int64)
        layout = MarkLayout(seen, left[seen], right[seen], rows, 1)
        layout.labels = _labels_between_marks(layout, widths, clip)
        return layout
    stack = _Stack(max(max_rows, 1), clip)
    for a, b, w in zip(left[seen].tolist(), right[seen].tolist(), widths.tolist(), strict=True):
        stack.add(a, b, w)
    rows = np.asarray(stack.rows, dtype=np.int64)
    placed = rows >= 0
    shown = seen[placed]
    layout = MarkLayout(shown, left[shown], right[shown], rows[placed], max(stack.used, 1))
    position = np.cumsum(placed) - 1  # an item's position among the placed ones
    layout.labels = [
        Label(int(position[k]), x, width, inside)
        for k, (x, width, inside) in enumerate(stack.labels)
        if placed[k] and width >= min(MIN_LABEL, float(widths[k])) and width > 0
    ]
    layout.badges = _badges(x_start[seen[~placed]])
    return layout


class _Stack:
    """Rows of boxes filled in time order: each mark, with its title, goes into the lowest row
    free at its left end; a new row while the lane has fewer than ``max_rows``; else the title
    that frees a row soonest is shortened (or dropped) to make room. A mark finds no row only
    when ``max_rows`` others cover its left end: they truly coincide."""

    def __init__(self, max_rows: int, clip: tuple[float, float]) -> None:
        self.max_rows = max_rows
        self.clip = clip
        self.used = 0
        self.row_end: list[float] = []  # where each row's last box ends
        self.row_mark_end: list[float] = []  # where its last mark ends
        self.row_owner: list[int] = []  # the item that ends it
        self.rows: list[int] = []
        self.labels: list[tuple[float, float, bool]] = []  # per item: title x, width, on bar

    def add(self, left: float, right: float, width: float) -> None:
        label_x, label_w, inside, before = self._title(left, right, width)
        box_left = label_x - LABEL_GAP if before else left
        row = self._free_row(box_left)
        if row is None and self.used < self.max_rows:
            row = self.used
            self.used += 1
            self.row_end.append(-np.inf)
            self.row_mark_end.append(-np.inf)
            self.row_owner.append(-1)
        if row is None and before:  # the lane is full: after the mark, cut to the view
            label_x, label_w, inside, before = self._cut_after(left, right)
            row = self._free_row(left)
        if row is None:
            row = self._shorten_a_title(left)
        self.rows.append(-1 if row is None else row)
        self.labels.append((label_x, label_w, inside))
        if row is None:
            return
        end = right if inside or before or label_w <= 0 else label_x + label_w + LABEL_GAP
        self.row_end[row] = end
        self.row_mark_end[row] = right
        self.row_owner[row] = len(self.rows) - 1

    def _free_row(self, left: float) -> int | None:
        for row in range(self.used):
            if self.row_end[row] + MARK_GAP <= left:
                return row
        return None

    def _shorten_a_title(self, left: float) -> int | None:
        """Free the row whose title ends soonest by ending that title before ``left``."""
        rows = [r for r in range(self.used) if self.row_mark_end[r] + MARK_GAP <= left]
        if not rows:
            return None
        row = min(rows, key=self.row_end.__getitem__)
        owner = self.row_owner[row]
        x, _, inside = self.labels[owner]
        room = left - MARK_GAP - LABEL_GAP - x
        self.labels[owner] = (x, room, inside) if room >= MIN_LABEL else (x, 0.0, inside)
        return row

    def _title(self, left: float, right: float, width: float) -> tuple[float, float, bool, bool]:
        """(x, width, on its bar, before the mark): whole on the bar, after the mark, or before
        it near the right edge of the view; else cut to the view."""
        clip = self.clip
        if width <= 0:
            return 0.0, 0.0, False, False
        inside_left = max(left + INSIDE_INDENT, clip[0] + LABEL_GAP)
        if min(right, clip[1]) - LABEL_GAP - inside_left >= width:
            return inside_left, width, True, False
        after = right + LABEL_GAP
        if after + width <= clip[1] - LABEL_GAP:
            return after, width, False, False
        before = left - LABEL_GAP - width
        if before >= clip[0] + LABEL_GAP:
            return before, width, False, True
        label_x, label_w, inside, _ = self._cut_after(left, right)
        return label_x, min(label_w, width), inside, False

    def _cut_after(self, left: float, right: float) -> tuple[float, float, bool, bool]:
        """The most of a title the view leaves: on the bar's visible part or after the mark."""
        clip = self.clip
        inside_left = max(left + INSIDE_INDENT, clip[0] + LABEL_GAP)
        inside = min(right, clip[1]) - LABEL_GAP - inside_left
        after = right + LABEL_GAP
        if inside >= clip[1] - LABEL_GAP - after:
            return inside_left, max(inside, 0.0), True, False
        return after, clip[1] - LABEL_GAP - after, False, False


def _labels_between_marks(
    layout: MarkLayout, widths: FloatArray, clip: tuple[float, float]
) -> list[Label]:
    """One row of marks (a collapsed lane): a title goes after its mark up to the next one,
    where at least a few characters fit."""
    labels = []
    used = clip[0]
    lefts, rights = layout.left.tolist(), layout.right.tolist()
    for k, width in enumerate(widths.tolist()):
        used = max(used, rights[k])
        if width <= 0 or lefts[k] < clip[0]:
            continue
        limit = lefts[k + 1] - MARK_GAP if k + 1 < len(lefts) else np.inf
        x = used + LABEL_GAP
        room = min(width, limit - x, clip[1] - LABEL_GAP - x)
        if room >= min(MIN_LABEL, width):
            labels.append(Label(k, x, room))
            used = x + room
    return labels


def _badges(hidden: FloatArray) -> list[Badge]:
    """Hidden marks grouped where they coincide: one badge per group, at its centre."""
    if len(hidden) == 0:
        return []
    xs = np.sort(hidden)
    breaks = np.flatnonzero(np.diff(xs) > COINCIDENT_PX) + 1
    groups = np.split(xs, breaks)
    return [Badge(float((g[0] + g[-1]) / 2), len(g), float(g[0]), float(g[-1])) for g in groups]
