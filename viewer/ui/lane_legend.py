"""The lane legend: colour, name and count per lane, with a check box to show or hide it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from viewer.model.bidi_text import without_reordering
from viewer.state.session import Session
from viewer.timeline.palette import lane_colours


class LaneLegend(QWidget):
    lane_toggled = Signal(str, bool)  # lane, visible

    def __init__(self) -> None:
        super().__init__()
        self.list = QListWidget()
        self.list.setWordWrap(True)  # long file and lane names wrap instead of being cut off
        self.list.setAccessibleName(self.tr("Lanes"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        self.list.itemChanged.connect(self._on_list_item_changed)

    def bind(self, session: Session) -> None:
        """Show the session's lanes; the check boxes show and hide them."""
        self._session = session
        session.sources_changed.connect(self._on_session_sources_changed)
        self.lane_toggled.connect(session.set_lane_visible)

    def _on_session_sources_changed(self, _keep_view: bool) -> None:
        self.set_lanes(self._session.lane_counts(), self._session.hidden_lanes)

    def set_lanes(self, lanes: list[tuple[str, int]], hidden: set[str]) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for (name, count), colour in zip(lanes, lane_colours([n for n, _ in lanes]), strict=True):
            shown = without_reordering(name) or self.tr("(no lane)")
            item = QListWidgetItem(_swatch(colour), f"{shown}  ({count:,})")
            item.setData(Qt.ItemDataRole.UserRole, name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked if name in hidden else Qt.CheckState.Checked)
            self.list.addItem(item)
        self.list.blockSignals(False)

    def _on_list_item_changed(self, item: QListWidgetItem) -> None:
        self.lane_toggled.emit(
            item.data(Qt.ItemDataRole.UserRole), item.checkState() == Qt.CheckState.Checked
        )


def _swatch(colour: str) -> QIcon:
    pixmap = QPixmap(14, 14)
    pixmap.fill(QColor(colour))
    return QIcon(pixmap)
