"""A Qt table model over the EventTable: rows are read on demand, so a million cost nothing."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from viewer.model.event_table import EventTable
from viewer.model.instants import format_iso

Index = QModelIndex | QPersistentModelIndex


class EventListModel(QAbstractTableModel):
    _COLUMNS = ("date_text", "title", "lane", "source", "start")

    def __init__(self, events: EventTable | None = None) -> None:
        super().__init__()
        self._events = events or EventTable.empty()
        self._headers = (
            self.tr("Date"),
            self.tr("Title"),
            self.tr("Lane"),
            self.tr("Source"),
            self.tr("Normalised (UTC)"),
        )

    def set_events(self, events: EventTable) -> None:
        self.beginResetModel()
        self._events = events
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._events)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        name = self._COLUMNS[index.column()]
        value = self._events.frame[name].iat[index.row()]
        return format_iso([value])[0] if name == "start" else str(value)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None
