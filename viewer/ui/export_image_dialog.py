"""File → Export Image…: what to draw (range, size, text) and how it is laid out.

The dialog's values are plain options (``options()`` / ``restore()``), so the export actions
can remember them between exports and sessions.
"""

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
from viewer.settings import Options
from viewer.timeline.picture_presets import PRESETS
from viewer.ui.load_messages import translated
from viewer.ui.plain_text import plain_label

RANGE_VISIBLE, RANGE_ALL, RANGE_TYPED = 0, 1, 2
PAGE_SIZES = ("Fit", "A4", "A3", "Letter", "Legal")
CUSTOM = "custom"
PRESET_NAMES = (*PRESETS, CUSTOM)
DEFAULT_PRESET = "slide"


class ExportImageDialog(QDialog):
    def __init__(self, title: str, has_caption: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export Image"))
        self.title, self.subtitle, self.credit = QLineEdit(title), QLineEdit(), QLineEdit()
        for field, name in ((self.title, self.tr("Title")), (self.subtitle, self.tr("Subtitle")),
                            (self.credit, self.tr("Source line"))):  # fmt: skip
            field.setAccessibleName(name)
        self.credit.setPlaceholderText(self.tr("e.g. Source: court filings"))
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
        self.preset = QComboBox()
        self.preset.setAccessibleName(self.tr("Made for"))
        for name in PRESET_NAMES:
            self.preset.addItem(self._preset_label(name), name)
        self.width_box, self.height_box = QSpinBox(), QSpinBox()
        for box in (self.width_box, self.height_box):
            box.setRange(200, 20_000)
            box.setSuffix(" px")
        self.font_size = QDoubleSpinBox()
        self.font_size.setRange(0.0, 96.0)
        self.font_size.setSingleStep(0.5)
        self.font_size.setDecimals(1)
        self.font_size.setSuffix(" pt")
        self.font_size.setSpecialValueText(self.tr("Automatic"))  # 0: the preset's, or for the size
        self.font_size.setAccessibleName(self.tr("Text size"))
        self.scale = QDoubleSpinBox()
        self.scale.setRange(1.0, 4.0)
        self.scale.setSingleStep(0.5)
        self.scale.setAccessibleName(self.tr("Scale (PNG)"))
        self.page = QComboBox()
        self.page.addItems([self.tr("Fit the picture") if p == "Fit" else p for p in PAGE_SIZES])
        self.landscape = QCheckBox(self.tr("Landscape"))
        self.landscape.setChecked(True)
        self.pages_wide = QSpinBox()
        self.pages_wide.setRange(1, 50)
        self.pages_wide.setAccessibleName(self.tr("Pages wide (PDF)"))
        self.legend = QCheckBox(self.tr("Lane legend"))
        self.date_span = QCheckBox(self.tr("Dates shown, under the title"))
        self.print_look = QCheckBox(self.tr("Print look (black text, reads in greyscale)"))
        for box in (self.legend, self.date_span):
            box.setChecked(True)
        self.caption = QCheckBox(self.tr("Add the selected event's excerpt as a caption"))
        self.caption.setEnabled(has_caption)
        # Not remembered: which events are starred changes from one picture to the next.
        self.starred_only = QCheckBox(self.tr("Only the starred events"))
        self.starred_only.setEnabled(False)  # until the exporter says some are starred
        self.message = plain_label()
        self.preset.currentIndexChanged.connect(self._on_preset_current_index_changed)
        self._set_preset(DEFAULT_PRESET)
        self._build_layout(range_row)

    def _build_layout(self, range_row: QHBoxLayout) -> None:
        form = QFormLayout()
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Subtitle"), self.subtitle)
        form.addRow(self.tr("Source line"), self.credit)
        form.addRow(self.tr("Range"), range_row)
        form.addRow(self.tr("From"), self.start)
        form.addRow(self.tr("To"), self.end)
        form.addRow(self.tr("Made for"), self.preset)
        size_row = QHBoxLayout()
        size_row.addWidget(self.width_box)
        size_row.addWidget(QLabel("×"))
        size_row.addWidget(self.height_box)
        form.addRow(self.tr("Size"), size_row)
        form.addRow(self.tr("Text size"), self.font_size)
        form.addRow(self.tr("Scale (PNG)"), self.scale)
        page_row = QHBoxLayout()
        page_row.addWidget(self.page)
        page_row.addWidget(self.landscape)
        form.addRow(self.tr("Page (PDF)"), page_row)
        form.addRow(self.tr("Pages wide (PDF)"), self.pages_wide)
        for box in (self.legend, self.date_span, self.print_look, self.caption, self.starred_only):
            form.addRow(box)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept_if_valid)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def _preset_label(self, name: str) -> str:
        labels = {
            "web": self.tr("Web page (1200 × 675)"),
            "square": self.tr("Square, for social media (1080 × 1080)"),
            "slide": self.tr("Slide (1920 × 1080)"),
            "A4": self.tr("A4 page, 300 dpi"),
            "Letter": self.tr("Letter page, 300 dpi"),
        }
        return labels.get(name, self.tr("Custom size"))

    # -- values -----------------------------------------------------------------------------
    @property
    def preset_name(self) -> str:
        return str(self.preset.currentData())

    def typed_range(self) -> tuple[float, float]:
        """The typed range in seconds; raises DateParseError for text that is not a date."""
        first = covered_span(self.start.text())[0]
        last = covered_span(self.end.text())[1] + 1
        return float(min(first, last)), float(max(first, last))

    def page_size(self) -> str | None:
        name = PAGE_SIZES[self.page.currentIndex()]
        return None if name == "Fit" else name

    def chosen_font_size(self) -> float | None:
        """Points, or None: the preset's (or, for a custom size, one for the size)."""
        return self.font_size.value() or None

    def options(self) -> Options:
        """The values to remember for the next export."""
        return {
            "title": self.title.text(), "subtitle": self.subtitle.text(),
            "credit": self.credit.text(), "range": self.ranges.checkedId(),
            "from": self.start.text(), "to": self.end.text(), "preset": self.preset_name,
            "width": self.width_box.value(), "height": self.height_box.value(),
            "font_size": self.font_size.value(), "scale": self.scale.value(),
            "page": self.page.currentIndex(), "landscape": self.landscape.isChecked(),
            "pages_wide": self.pages_wide.value(), "legend": self.legend.isChecked(),
            "date_span": self.date_span.isChecked(), "print": self.print_look.isChecked(),
        }  # fmt: skip

    def restore(self, options: Options) -> None:
        """Show remembered values; any missing or unusable one keeps the dialog's default."""
        texts = {"title": self.title, "subtitle": self.subtitle, "credit": self.credit,
                 "from": self.start, "to": self.end}  # fmt: skip
        for key, field in texts.items():
            if isinstance(options.get(key), str):
                field.setText(str(options[key]))
        preset = options.get("preset")
        if preset in PRESET_NAMES:
            self._set_preset(str(preset))
        numbers = {"font_size": self.font_size, "scale": self.scale, "pages_wide": self.pages_wide}
        if preset == CUSTOM:  # a preset's own size is the preset's
            numbers |= {"width": self.width_box, "height": self.height_box}
        for key, box in numbers.items():
            value = _number(options.get(key))
            if value is not None:
                box.setValue(value if isinstance(box, QDoubleSpinBox) else int(value))
        for key, check in (("landscape", self.landscape), ("legend", self.legend),
                           ("date_span", self.date_span), ("print", self.print_look)):  # fmt: skip
            if isinstance(options.get(key), bool):
                check.setChecked(bool(options[key]))
        page, chosen = _number(options.get("page")), _number(options.get("range"))
        if page is not None and 0 <= page < len(PAGE_SIZES):
            self.page.setCurrentIndex(int(page))
        if chosen is not None and self.ranges.button(int(chosen)) is not None:
            self.ranges.button(int(chosen)).setChecked(True)

    # -- slots ------------------------------------------------------------------------------
    def _set_preset(self, name: str) -> None:
        self.preset.setCurrentIndex(PRESET_NAMES.index(name))
        self._on_preset_current_index_changed()

    def _on_preset_current_index_changed(self) -> None:
        preset = PRESETS.get(self.preset_name)
        for box in (self.width_box, self.height_box):
            box.setEnabled(preset is None)
        if preset is None:
            return
        self.width_box.setValue(preset.width)
        self.height_box.setValue(preset.height)
        self.page.setCurrentIndex(PAGE_SIZES.index(preset.page or "Fit"))

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


def _number(value: object) -> float | None:
    """A remembered number (the ini file keeps true and false apart from numbers)."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    return None
