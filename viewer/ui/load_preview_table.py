"""The column dialog's second table: the first rows as they would load with the columns chosen
(date, title, lane), or why they would not load."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from viewer.io.load_errors import LoadError
from viewer.io.loading import LoadResult
from viewer.model.date_wording import ENGLISH, DateWording
from viewer.ui.load_messages import translated
from viewer.ui.plain_text import plain_label

# roles -> day first (None: decide) -> the first rows loaded so
PreviewLoad = Callable[[dict[str, str], bool | None, int | None], LoadResult]  # roles, order, year


class LoadPreviewTable(QWidget):
    def __init__(self, wording: DateWording = ENGLISH, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._wording = wording
        self.caption = plain_label(self.tr("As the first rows would load:"))
        self.problem = plain_label()  # the loader's sentence, which may quote the file
        self.problem.setWordWrap(True)
        self.table = QTableWidget(0, 4)
        self.table.setAccessibleName(self.tr("The first rows as they would load"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Row"), self.tr("Date"), self.tr("Title"), self.tr("Lane")]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.caption)
        layout.addWidget(self.problem)
        layout.addWidget(self.table, 1)
        self.problem.hide()

    def show_load(
        self,
        load: PreviewLoad,
        roles: dict[str, str],
        day_first: bool | None,
        year: int | None = None,
    ) -> None:
        """Load the first rows with ``roles`` and show them (or why they do not load)."""
        try:
            result = load(roles, day_first, year)
        except LoadError as error:
            self._show_problem(translated(error.message))
            return
        if result.report.error:
            self._show_problem(translated(result.report.error))
            return
        self.problem.hide()
        events = result.events
        self.table.setRowCount(len(events))
        for index in range(len(events)):
            event = events.event(index)
            when = self._wording.when(event.start, event.end, event.precision, event.approximate)
            cells = (str(event.row), when, event.title, event.lane)
            for column, text in enumerate(cells):
                self.table.setItem(index, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()

    def _show_problem(self, sentence: str) -> None:
        self.table.setRowCount(0)
        self.problem.setText(sentence)
        self.problem.show()

    def date_texts(self) -> list[str]:
        """The Date column as shown (tests read it)."""
        return [self.table.item(r, 1).text() for r in range(self.table.rowCount())]
