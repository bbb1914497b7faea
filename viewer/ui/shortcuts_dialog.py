"""Help → Keyboard Shortcuts: every action's shortcut and the timeline's own keys."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from viewer.ui.reference_table import reference_table
from viewer.ui.window_actions import WindowActions, plain_text, timeline_keys


class ShortcutsDialog(QDialog):
    def __init__(
        self,
        actions: WindowActions,
        parent: QWidget | None = None,
        extra: list[QAction] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard Shortcuts"))
        rows = [
            (a.shortcut().toString(QKeySequence.SequenceFormat.NativeText), plain_text(a))
            for a in [*actions.all(), *(extra or [])]
            if not a.shortcut().isEmpty()
        ] + timeline_keys()
        self.table = reference_table(
            rows, self.tr("Keyboard shortcuts"), [self.tr("Keys"), self.tr("Action")]
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(520, 520)
