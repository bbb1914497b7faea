"""A first main window: the loaded events in a table and the load problems in the status bar.

The timeline view, details panel and the rest come with the application issue; this window
stays thin (layout and connections only).
"""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView, QMainWindow, QTableView

from viewer.io.loader import LoadReport
from viewer.model.event_table import EventTable
from viewer.ui.event_list_model import EventListModel


class MainWindow(QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle(self.tr("Timeline Viewer"))
        self.model = EventListModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Events"))
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.setCentralWidget(self.table)
        self.resize(1100, 650)

    def show_events(self, events: EventTable, reports: list[LoadReport]) -> None:
        self.model.set_events(events.sorted_by_time())
        self.table.resizeColumnsToContents()
        self.table.setColumnWidth(1, min(self.table.columnWidth(1), 480))
        self.statusBar().showMessage(self._summary(len(events), reports))

    def _summary(self, count: int, reports: list[LoadReport]) -> str:
        parts = [
            self.tr("1 event") if count == 1 else self.tr("%1 events").replace("%1", f"{count:,}")
        ]
        for report in reports:
            if report.error:
                parts.append(report.error)
            elif report.skipped:
                skipped = self.tr("%1 rows skipped in %2").replace("%1", f"{len(report.skipped):,}")
                parts.append(skipped.replace("%2", report.path))
        return " · ".join(parts)
