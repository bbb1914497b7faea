"""Which column is which, and the order of day and month: asked when the loader cannot tell,
or when the user wants to choose (Columns…); a second table can show the first rows as they
would load with the columns chosen."""

from __future__ import annotations

from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from viewer.io.load_options import ROLES
from viewer.ui.load_preview_table import LoadPreviewTable, PreviewLoad
from viewer.ui.plain_text import plain_label

ORDER_AUTOMATIC, ORDER_DAY_FIRST, ORDER_MONTH_FIRST = 0, 1, 2
YEAR_FIELD = "year"  # in ``current`` beside the roles: the year given before, as text


class MappingDialog(QDialog):
    def __init__(
        self,
        file_name: str,
        columns: list[str],
        rows: list[list[str]],
        reason: str,
        current: dict[str, str] | None = None,
        parent: QWidget | None = None,
        preview: PreviewLoad | None = None,
        day_first: bool | None = None,
    ) -> None:
        """``current``: the roles pre-selected (one found over several columns, such as
        Year+Month+Day, stays "as found" unless another is chosen); ``preview`` loads the
        first rows with the roles chosen, shown as they change."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Choose the columns of %1").replace("%1", file_name))
        self._columns = columns
        explanation = plain_label(reason)  # may quote the file
        explanation.setWordWrap(True)
        self.preview = QTableWidget(len(rows), len(columns))
        self.preview.setAccessibleName(self.tr("First rows of the file"))
        self.preview.setHorizontalHeaderLabels(columns)
        # The file's row numbers (the header is row 1), as the loaded preview and Problems say.
        self.preview.setVerticalHeaderLabels([str(r + 2) for r in range(len(rows))])
        for r, row in enumerate(rows):
            for c, cell in enumerate(row):
                self.preview.setItem(r, c, QTableWidgetItem(cell))
        self.preview.resizeColumnsToContents()
        form = QFormLayout()
        names = {"start": self.tr("Date (start)"), "end": self.tr("End date"), "title": self.tr("Title"),
                 "excerpt": self.tr("Excerpt"), "lane": self.tr("Lane"), "url": self.tr("Link")}  # fmt: skip
        self.role_boxes: dict[str, QComboBox] = {}
        self._found_start = False  # the start is read from several columns, as found
        for role in ROLES:
            box = QComboBox()
            box.addItem(self.tr("(none)"), "")
            for column in columns:
                box.addItem(column, column)
            chosen = (current or {}).get(role, "")
            if chosen and box.findData(chosen) < 0:  # over columns: the loader finds it again
                box.setItemText(0, self.tr("as found: %1").replace("%1", chosen))
                self._found_start = self._found_start or role == "start"
            box.setCurrentIndex(max(box.findData(chosen), 0))
            box.setAccessibleName(names[role])
            form.addRow(names[role], box)
            self.role_boxes[role] = box
        self.order = QComboBox()
        self.order.addItems(
            [
                self.tr("Automatic"),
                self.tr("Day first (27/04/2026)"),
                self.tr("Month first (04/27/2026)"),
            ]
        )
        self.order.setAccessibleName(self.tr("Order of day and month"))
        self.order.setCurrentIndex(
            {None: ORDER_AUTOMATIC, True: ORDER_DAY_FIRST, False: ORDER_MONTH_FIRST}[day_first]
        )
        form.addRow(self.tr("Order of day and month"), self.order)
        self.year_box = _year_box(self.tr("From the file"))
        self.year_box.setAccessibleName(self.tr("Year of dates written without one"))
        self.year_box.setToolTip(
            self.tr("For dates such as 9-Nov or 4月27日 when nothing in the file tells the year")
        )
        given = (current or {}).get(YEAR_FIELD, "")
        if given.isdigit():
            self.year_box.setText(given)
        form.addRow(self.tr("Year"), self.year_box)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        for box in self.role_boxes.values():
            box.currentIndexChanged.connect(self._update_ok)
        self._update_ok()
        self.load_preview: LoadPreviewTable | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addWidget(self.preview, 1)
        if preview is not None:
            self._preview_load = preview
            self.load_preview = LoadPreviewTable(parent=self)
            layout.addWidget(self.load_preview, 1)
            for box in (*self.role_boxes.values(), self.order):
                box.currentIndexChanged.connect(self._update_load_preview)
            self.year_box.textChanged.connect(self._update_load_preview)
            self._update_load_preview()
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.resize(760, 560 if preview is None else 720)

    def mapping(self) -> dict[str, str]:
        return {
            role: box.currentData() for role, box in self.role_boxes.items() if box.currentData()
        }

    def day_first(self) -> bool | None:
        return {ORDER_AUTOMATIC: None, ORDER_DAY_FIRST: True, ORDER_MONTH_FIRST: False}[
            self.order.currentIndex()
        ]

    def year(self) -> int | None:
        """The year chosen for dates written without one; None lets the file tell."""
        text = self.year_box.text().strip()
        return int(text) if text.isdigit() and int(text) > 0 else None

    def _update_ok(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.role_boxes["start"].currentData()) or self._found_start)

    def _update_load_preview(self) -> None:
        if self.load_preview is not None:
            self.load_preview.show_load(
                self._preview_load, self.mapping(), self.day_first(), self.year()
            )


def _year_box(automatic: str) -> QLineEdit:
    """A year from 1 to 9999, typed; empty (showing ``automatic``) means no year given."""
    box = QLineEdit()
    box.setPlaceholderText(automatic)
    box.setValidator(QIntValidator(1, 9999, box))
    return box
