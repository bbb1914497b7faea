"""The date-range filter: "from" and "to" typed in any form the loader reads (2026-04-27,
27 Apr 2026, 44 BC, 2026年4月)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QLineEdit, QPushButton, QWidget

from viewer.model.date_parsing import covered_span
from viewer.model.parsed_date import DateParseError
from viewer.state.session import Session
from viewer.ui.load_messages import translated
from viewer.ui.plain_text import plain_label


class DateRangeFilter(QWidget):
    """Emits ``range_changed(start, end)`` in seconds, or (None, None) to show all dates."""

    range_changed = Signal(object, object)

    def __init__(self) -> None:
        super().__init__()
        self.start = QLineEdit()
        self.end = QLineEdit()
        for field, name in ((self.start, self.tr("From")), (self.end, self.tr("To"))):
            field.setPlaceholderText(self.tr("any date, e.g. 2026-04-01 or 44 BC"))
            field.setAccessibleName(self.tr("%1 date").replace("%1", name))
            field.setClearButtonEnabled(True)
            field.editingFinished.connect(self._apply)
        self.message = plain_label()  # quotes what was typed
        self.message.setWordWrap(True)
        self.clear_button = QPushButton(self.tr("Show all dates"))
        self.clear_button.clicked.connect(self.clear)
        layout = QFormLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addRow(self.tr("From"), self.start)
        layout.addRow(self.tr("To"), self.end)
        layout.addRow(self.message)
        layout.addRow(self.clear_button)

    def bind(self, session: Session) -> None:
        self.range_changed.connect(session.set_date_range)

    def clear(self) -> None:
        self.start.clear()
        self.end.clear()
        self._apply()

    def _apply(self) -> None:
        texts = (self.start.text().strip(), self.end.text().strip())
        if not any(texts):
            self.message.clear()
            self.range_changed.emit(None, None)
            return
        try:
            first = _instant(texts[0], last=False) if texts[0] else -(2**62)
            last = _instant(texts[1], last=True) if texts[1] else 2**62
        except DateParseError as error:
            self.message.setText(self.tr("Not a date: %1").replace("%1", translated(error.reason)))
            return
        self.message.clear()
        self.range_changed.emit(float(first), float(last))


def _instant(text: str, last: bool) -> int:
    first_second, last_second = covered_span(text)
    return last_second if last else first_second
