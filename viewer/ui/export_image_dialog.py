"""File → Export Image…: what to draw (range, size, title, caption) and in which format."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from viewer.model.date_parsing import covered_span
from viewer.model.parsed_date import DateParseError
from viewer.ui.load_messages import translated
from viewer.ui.plain_text import plain_label

RANGE_VISIBLE, RANGE_ALL, RANGE_TYPED = 0, 1, 2
PAGE_SIZES = ("Fit", "A4", "A3", "Letter", "Legal")


class ExportImageDialog(QDialog):
    def __init__(self, title: str, has_caption: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export Image"))
        self.title = QLineEdit(title)
        self.title.setAccessibleName(self.tr("Title"))
        self.ranges = QButtonGroup(self)
        range_row = QHBoxLayout()
        for key, text in ((RANGE_VISIBLE, self.tr("What is visible")), (RANGE_ALL, self.tr("The whole timeline")),
                          (RANGE_TYPED, self.tr("From … to …"))):  # fmt: skip
            button = QRadioButton(text)
            self.ranges.addButton(button, key)
            range_row.addWidget(button)
        self.ranges.button(RANGE_VISIBLE).setChecked(True)
        self.start, self.end = QLineEdit(), QLineEdit()
        for field, name in ((self.start, self.tr("From")), (self.end, self.tr("To"))):
            field.setPlaceholderText(self.tr("any date, e.g. 2026-04-01"))
            field.setAccessibleName(name)
        self.width_box, self.height_box = QSpinBox(), QSpinBox()
        for box, value in ((self.width_box, 1920), (self.height_box, 1080)):
            box.setRange(200, 20_000)
            box.setValue(value)
            box.setSuffix(" px")
        self.scale = QDoubleSpinBox()
        self.scale.setRange(1.0, 4.0)
        self.scale.setSingleStep(0.5)
        self.scale.setAccessibleName(self.tr("Scale (PNG)"))
        self.page = QComboBox()
        self.page.addItems([self.tr("Fit the picture") if p == "Fit" else p for p in PAGE_SIZES])
        self.landscape = QCheckBox(self.tr("Landscape"))
        self.landscape.setChecked(True)
        self.caption = QCheckBox(self.tr("Add the selected event's excerpt as a caption"))
        self.caption.setEnabled(has_caption)
        self.message = plain_label()
        form = QFormLayout()
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Range"), range_row)
        form.addRow(self.tr("From"), self.start)
        form.addRow(self.tr("To"), self.end)
        size_row = QHBoxLayout()
        size_row.addWidget(self.width_box)
        size_row.addWidget(QLabel("×"))
        size_row.addWidget(self.height_box)
        form.addRow(self.tr("Size"), size_row)
        form.addRow(self.tr("Scale (PNG)"), self.scale)
        page_row = QHBoxLayout()
        page_row.addWidget(self.page)
        page_row.addWidget(self.landscape)
        form.addRow(self.tr("Page (PDF)"), page_row)
        form.addRow(self.caption)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept_if_valid)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def typed_range(self) -> tuple[float, float] | None:
        """The typed range in seconds; raises DateParseError for text that is not a date."""
        first = covered_span(self.start.text())[0]
        last = covered_span(self.end.text())[1] + 1
        return float(min(first, last)), float(max(first, last))

    def page_size(self) -> str | None:
        name = PAGE_SIZES[self.page.currentIndex()]
        return None if name == "Fit" else name

    def _accept_if_valid(self) -> None:
        if self.ranges.checkedId() == RANGE_TYPED:
            try:
                self.typed_range()
            except DateParseError as error:
                self.message.setText(
                    self.tr("Not a date: %1").replace("%1", translated(error.reason))
                )
                return
        self.accept()
