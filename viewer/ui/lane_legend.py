"""The lane legend: colour, name and count per lane, with a check box to show or hide it. Drag a
lane (or Ctrl+Up / Ctrl+Down) to move it: the timeline and pictures show lanes in this order."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QIcon, QKeyEvent, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from viewer.model.bidi_text import without_reordering
from viewer.model.lane_colours import assign_lane_colours
from viewer.state.session import Session
from viewer.timeline.look import LIGHT, Look


class LaneLegend(QWidget):
    lane_toggled = Signal(str, bool)  # lane, visible
    lanes_reordered = Signal(list)  # every lane's name, in the order the user arranged

    def __init__(self) -> None:
        super().__init__()
        self._look = LIGHT
        self._lanes: list[tuple[str, int]] = []
        self._colours: Mapping[str, int] = {}
        self.list = QListWidget()
        self.list.setWordWrap(True)  # long file and lane names wrap instead of being cut off
        self.list.setAccessibleName(self.tr("Lanes"))
        self.list.setToolTip(self.tr("Drag a lane, or press Ctrl+Up / Ctrl+Down, to move it"))
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.list.model().rowsMoved.connect(self._on_list_rows_moved)
        self.list.installEventFilter(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        self.list.itemChanged.connect(self._on_list_item_changed)

    def bind(self, session: Session) -> None:
        """Show the session's lanes; the check boxes show and hide them."""
        self._session = session
        session.sources_changed.connect(self._on_session_sources_changed)
        session.lane_order_changed.connect(self._on_session_lane_order_changed)
        self.lane_toggled.connect(session.set_lane_visible)
        self.lanes_reordered.connect(session.set_lane_order)

    def _on_session_sources_changed(self, _keep_view: bool) -> None:
        s = self._session
        self.set_lanes(s.lane_counts(), s.hidden_lanes, s.lane_colours)

    def _on_session_lane_order_changed(self) -> None:
        if self.names() != [name for name, _ in self._session.lane_counts()]:
            self._on_session_sources_changed(True)

    def names(self) -> list[str]:
        """The lanes in the order listed."""
        return [
            self.list.item(row).data(Qt.ItemDataRole.UserRole) for row in range(self.list.count())
        ]

    def move_current(self, step: int) -> None:
        """Move the current lane up (-1) or down (+1)."""
        row = self.list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.list.count():
            return
        self.list.blockSignals(True)
        item = self.list.takeItem(row)
        self.list.insertItem(target, item)
        self.list.setCurrentRow(target)
        self.list.blockSignals(False)
        self.lanes_reordered.emit(self.names())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        moving = (
            watched is self.list
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        )
        if moving:
            assert isinstance(event, QKeyEvent)
            step = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1}.get(Qt.Key(event.key()))
            if step is not None:
                self.move_current(step)
                return True
        return super().eventFilter(watched, event)

    def _on_list_rows_moved(self, *_: object) -> None:
        self.lanes_reordered.emit(self.names())

    def apply_look(self, look: Look) -> None:
        """Swatches in the look's lane colours: the ones the timeline draws."""
        self._look = look
        self.list.blockSignals(True)  # a new icon is no click on the check box
        for row, (name, _) in enumerate(self._lanes):
            self.list.item(row).setIcon(self._swatch(name))
        self.list.blockSignals(False)

    def set_lanes(
        self,
        lanes: list[tuple[str, int]],
        hidden: set[str],
        colours: Mapping[str, int] | None = None,
    ) -> None:
        """``colours``: the lanes' colour numbers (the session's; by default in lane order)."""
        self._lanes = lanes
        self._colours = assign_lane_colours([n for n, _ in lanes]) if colours is None else colours
        self.list.blockSignals(True)
        self.list.clear()
        for name, count in lanes:
            shown = without_reordering(name) or self.tr("(no lane)")
            item = QListWidgetItem(self._swatch(name), f"{shown}  ({count:,})")
            item.setData(Qt.ItemDataRole.UserRole, name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked if name in hidden else Qt.CheckState.Checked)
            self.list.addItem(item)
        self.list.blockSignals(False)

    def _on_list_item_changed(self, item: QListWidgetItem) -> None:
        self.lane_toggled.emit(
            item.data(Qt.ItemDataRole.UserRole), item.checkState() == Qt.CheckState.Checked
        )

    def _swatch(self, lane: str) -> QIcon:
        pixmap = QPixmap(14, 14)
        pixmap.fill(self._look.lane_colour(self._colours[lane]))
        return QIcon(pixmap)
