"""The lane legend: colour, name and count per lane, with a check box to show or hide it."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from viewer.model.bidi_text import without_reordering
from viewer.model.lane_colours import assign_lane_colours
from viewer.state.session import Session
from viewer.timeline.look import LIGHT, Look


class LaneLegend(QWidget):
    lane_toggled = Signal(str, bool)  # lane, visible

    def __init__(self) -> None:
        super().__init__()
        self._look = LIGHT
        self._lanes: list[tuple[str, int]] = []
        self._colours: Mapping[str, int] = {}
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
        s = self._session
        self.set_lanes(s.lane_counts(), s.hidden_lanes, s.lane_colours)

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
