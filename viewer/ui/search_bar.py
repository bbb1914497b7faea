"""The search field: a query over titles, excerpts and fields (``search_query``), with
"12 of 340", stepping, and what is wrong with a query that does not parse, under the box."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLineEdit, QWidget

from viewer.state.session import Session
from viewer.ui.load_messages import translated
from viewer.ui.plain_text import plain_label
from viewer.ui.search_runner import SearchRunner

# Amber, readable on the window and the timeline in either theme, quieter than an error's red.
WARNING_INK = {"light": "#8a5300", "dark": "#e8b45a"}


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
        self.field.setToolTip(
            self.tr(
                'Words, "a phrase", OR, -word, title:, lane:, date:2026-04 … (Help → Search Syntax)'
            )
        )
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
        # Under the box, over what lies below (the toolbar keeps its height): a child of the
        # window once the bar is in one, placed below the field whenever either moves.
        self.problem = plain_label(parent=self)
        self.problem.setAccessibleName(self.tr("Search problem"))
        self.problem.setWordWrap(True)
        self.problem.setFrameShape(QFrame.Shape.StyledPanel)
        self.problem.setAutoFillBackground(True)
        self.problem.setMargin(4)
        self.problem.hide()
        self.installEventFilter(self)
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
        session.search_changed.connect(self._on_session_search_changed)
        session.selection_changed.connect(self._on_session_matches_changed)

    def _on_session_matches_changed(self, *_args: object) -> None:
        s = self._session
        self.show_count(s.match_position(), len(s.matches), s.searching)

    def _on_session_search_changed(self) -> None:
        error = self._session.search_error
        self.show_problem("" if error is None else translated(error))

    def show_problem(self, text: str) -> None:
        """What is wrong with the query, under the box ("" hides it). The matches shown stay
        those of the last query that was right (the lists do not empty at each key of a
        phrase being typed), and the note says so."""
        if not text:
            self.problem.hide()
            return
        if self._session.searching:
            text += "\n" + self.tr("Showing the matches of the last complete search.")
        self.problem.setText(text)
        self._place_problem()
        self.problem.show()
        self.problem.raise_()

    def _place_problem(self) -> None:
        window = self.window()
        if self.problem.parentWidget() is not window:
            self.problem.setParent(window)
            window.installEventFilter(self)  # a resize may move the toolbar's widgets
        self._colour_problem()
        below = self.field.mapTo(window, QPoint(0, self.field.height() + 2))
        chars = self.problem.fontMetrics().averageCharWidth() * 64
        width = max(120, min(max(self.field.width(), chars), window.width() - below.x() - 8))
        self.problem.setFixedWidth(width)
        self.problem.setFixedHeight(self.problem.heightForWidth(width))
        self.problem.move(below)

    def _colour_problem(self) -> None:
        palette = self.problem.palette()
        base = self.palette().color(QPalette.ColorRole.Base)
        theme = "dark" if base.lightness() < 128 else "light"
        palette.setColor(QPalette.ColorRole.WindowText, QColor(WARNING_INK[theme]))
        palette.setColor(QPalette.ColorRole.Window, base)
        self.problem.setPalette(palette)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        moved = event.type() in (QEvent.Type.Move, QEvent.Type.Resize)
        if moved and self.problem.isVisible():
            self._place_problem()
        return super().eventFilter(watched, event)

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
