"""Small dialogs for annotating several events at once: a tag (completed from the tags in use)
and a note (plain text)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from viewer.ui.plain_text import plain_label


class TagDialog(QDialog):
    def __init__(self, tags: list[str], count: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add Tag"))
        text = self.tr("Tag for 1 event:") if count == 1 else self.tr("Tag for %1 events:")
        self.field = QLineEdit()
        self.field.setAccessibleName(self.tr("Tag"))
        completer = QCompleter(tags, self)  # most used first: the session's order
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.field.setCompleter(completer)
        _lay_out(self, text.replace("%1", f"{count:,}"), self.field)

    def tag(self) -> str:
        return self.field.text().strip()


class NoteDialog(QDialog):
    def __init__(self, note: str, count: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit Note"))
        text = self.tr("Note for 1 event:") if count == 1 else self.tr("Note for %1 events:")
        self.editor = QPlainTextEdit()
        self.editor.setAccessibleName(self.tr("Note"))
        self.editor.setPlainText(note)
        self.editor.setTabChangesFocus(True)
        _lay_out(self, text.replace("%1", f"{count:,}"), self.editor)
        self.resize(420, 240)

    def note(self) -> str:
        return self.editor.toPlainText()


def _lay_out(dialog: QDialog, text: str, field: QWidget) -> None:
    """What is asked, the field to answer in, and OK / Cancel."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(plain_label(text))
    layout.addWidget(field)
    layout.addWidget(buttons)


def ask_tag(parent: QWidget, tags: list[str], count: int) -> str | None:
    dialog = TagDialog(tags, count, parent)
    return dialog.tag() if dialog.exec() == QDialog.DialogCode.Accepted else None


def ask_note(parent: QWidget, note: str, count: int) -> str | None:
    dialog = NoteDialog(note, count, parent)
    return dialog.note() if dialog.exec() == QDialog.DialogCode.Accepted else None
