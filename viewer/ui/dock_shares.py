"""How much of a main window its docks may take: the timeline in the centre keeps the larger
share. A window that shrinks (or opens small, 800×550) would otherwise keep the docks at their
pixel sizes and squeeze the timeline to a strip."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow

SIDE_SHARE = 0.22  # of the window's width, for the left docks and for the right ones
BOTTOM_SHARE = 0.25  # of the window's height, for the bottom docks

_Area = Qt.DockWidgetArea


def keep_centre_share(window: QMainWindow, docks: list[QDockWidget]) -> None:
    """Narrow (or lower) the docks of each area that take more than their share."""
    width, height = window.width(), window.height()
    for area, orientation, limit in (
        (_Area.LeftDockWidgetArea, Qt.Orientation.Horizontal, SIDE_SHARE * width),
        (_Area.RightDockWidgetArea, Qt.Orientation.Horizontal, SIDE_SHARE * width),
        (_Area.BottomDockWidgetArea, Qt.Orientation.Vertical, BOTTOM_SHARE * height),
    ):
        placed = _one_per_tab_group(
            [d for d in docks if not d.isHidden() and not d.isFloating()
             and window.dockWidgetArea(d) == area]
        )  # fmt: skip
        horizontal = orientation == Qt.Orientation.Horizontal
        sizes = [d.width() if horizontal else d.height() for d in placed]
        if placed and max(sizes) > limit:
            window.resizeDocks(placed, [min(s, int(limit)) for s in sizes], orientation)


def _one_per_tab_group(docks: list[QDockWidget]) -> list[QDockWidget]:
    """The docks of an area, tabbed ones only once (by the one in front, the largest): a tab
    not in front has a stale size, and resizing it too would size the group by it."""
    chosen: list[QDockWidget] = []
    for dock in sorted(docks, key=lambda d: -(d.width() * d.height())):
        window = dock.parentWidget()
        tabbed = window.tabifiedDockWidgets(dock) if isinstance(window, QMainWindow) else []
        if not any(other in tabbed for other in chosen):
            chosen.append(dock)
    return chosen
