"""The search field: case-insensitive over titles and excerpts, with "12 of 340" and stepping."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QWidget

from viewer.state.session import Session
from viewer.ui.plain_text import plain_label
from viewer.ui.search_runner import SearchRunner


class _SearchField(QLineEdit):
    stepped = Signal(int)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            back = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            self.stepped.emit(-1 if back else 1)
            event.accept()
            return
        if event.key() == Qt.Key.Key_Escape and self.text():
            self.clear()  # Escape clears the search, as in browsers' find bars
            event.accept()
            return
        super().keyPressEvent(event)


class SearchBar(QWidget):
    """Emits ``text_changed(text)`` and ``stepped(+1 or -1)`` (Enter / Shift+Enter)."""

    text_changed = Signal(str)
    stepped = Signal(int)

    def __init__(self) -> None:
        super().__init__()
        self.field = _SearchField()
        self.field.setPlaceholderText(self.tr("Search titles and excerpts (Ctrl+F)"))
        self.field.setAccessibleName(self.tr("Search"))
        self.field.setClearButtonEnabled(True)
        self.field.setMinimumWidth(260)
        self.field.setMaximumWidth(440)
        self.count = plain_label()
        self.count.setAccessibleName(self.tr("Search results"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.addWidget(self.field)
        layout.addWidget(self.count)
        self.field.textChanged.connect(self.text_changed)
        self.field.stepped.connect(self.stepped)

    def bind(self, session: Session) -> None:
        """Search the session as the user types; Enter steps through its matches."""
        self._session = session
        self.runner = SearchRunner(session, self)  # a large table is searched off the GUI thread
        self.text_changed.connect(self.runner.search)
        self.stepped.connect(session.step_match)
        session.sources_changed.connect(self._on_session_matches_changed)
        session.search_changed.connect(self._on_session_matches_changed)
        session.selection_changed.connect(self._on_session_matches_changed)

    def _on_session_matches_changed(self, *_args: object) -> None:
        s = self._session
        self.show_count(s.match_position(), len(s.matches), s.searching)

    def show_count(self, position: int | None, total: int, searching: bool) -> None:
        """``position`` is 0-based; shows "3 of 12", "12 matches" or "No matches"."""
        if not searching:
            self.count.setText("")
        elif total == 0:
            self.count.setText(self.tr("No matches"))
        elif position is None:
            self.count.setText(
                self.tr("1 match")
                if total == 1
                else self.tr("%1 matches").replace("%1", f"{total:,}")
            )
        else:
            self.count.setText(
                self.tr("%1 of %2").replace("%1", f"{position + 1:,}").replace("%2", f"{total:,}")
            )

    def focus(self) -> None:
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()
