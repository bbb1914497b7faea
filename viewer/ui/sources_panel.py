"""The loaded files with their event counts, warnings and which column plays each role;
remove or reload one, or choose its columns again (Columns…)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from viewer.state.session import Session, Source
from viewer.ui.column_choice_text import choice_details, roles_line
from viewer.ui.plain_text import tooltip

_FIRST_LINE = Qt.ItemDataRole.UserRole + 1  # the file's name, events and problems
_ROLES_LINE = Qt.ItemDataRole.UserRole + 2  # its roles in full, elided to the panel's width
_ROLE_MARGIN = 12  # pixels the list's frame and the item's padding take of the width


class SourcesPanel(QWidget):
    remove_requested = Signal(str)  # path
    reload_requested = Signal(str)
    columns_requested = Signal(str)  # the user wants to choose the file's columns again

    def __init__(self) -> None:
        super().__init__()
        self.list = QListWidget()
        self.list.setWordWrap(True)  # long file and lane names wrap instead of being cut off
        self.list.setSpacing(2)  # each file is two lines: a gap tells where the next begins
        self.list.setAccessibleName(self.tr("Loaded files"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.reload_button = QPushButton(self.tr("Reload"))
        self.columns_button = QPushButton(self.tr("Columns…"))
        self.columns_button.setToolTip(self.tr("Choose which column plays each role"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.reload_button)
        buttons.addWidget(self.columns_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        self.remove_button.clicked.connect(lambda: self._emit_for_current(self.remove_requested))
        self.reload_button.clicked.connect(lambda: self._emit_for_current(self.reload_requested))
        self.columns_button.clicked.connect(lambda: self._emit_for_current(self.columns_requested))
        self.list.itemDoubleClicked.connect(self._on_list_item_double_clicked)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._on_list_context_menu_requested)
        self.list.currentItemChanged.connect(self._on_list_current_item_changed)
        self.list.viewport().installEventFilter(self)
        self._on_list_current_item_changed(None)

    def bind(self, session: Session) -> None:
        """List the session's files; Remove takes one out of it (Reload is the loader's)."""
        self._session = session
        session.sources_changed.connect(self._on_session_sources_changed)
        self.remove_requested.connect(session.remove_source)

    def _on_session_sources_changed(self, _keep_view: bool) -> None:
        self.set_sources(self._session.sources)

    def set_sources(self, sources: list[Source]) -> None:
        current = self.current_path()
        self.list.clear()
        for source in sources:
            report = source.report
            text = (
                (self.tr("%1 — 1 event") if report.events == 1 else self.tr("%1 — %2 events"))
                .replace("%1", source.name)
                .replace("%2", f"{report.events:,}")
            )
            problems = len(report.skipped) + len(report.warnings)
            if problems == 1:
                text += self.tr(" · 1 problem")
            elif problems:
                text += self.tr(" · %1 problems").replace("%1", f"{problems:,}")
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, source.path)
            item.setData(_FIRST_LINE, text)
            item.setData(_ROLES_LINE, roles_line(report))
            details = choice_details(report)
            item.setToolTip(tooltip(f"{source.path}\n{details}" if details else source.path))
            self._show_elided(item)
            self.list.addItem(item)
            if source.path == current:
                self.list.setCurrentItem(item)

    def roles_text(self, row: int) -> str:
        """The roles line as shown (elided to the panel's width)."""
        item = self.list.item(row)
        text = item.text() if item is not None else ""
        return text.split("\n", 1)[1] if "\n" in text else ""

    def _show_elided(self, item: QListWidgetItem) -> None:
        """The roles under the file's line, cut with "…" to the panel's width (the tooltip has
        them in full): one line of roles whatever the names' lengths."""
        roles = str(item.data(_ROLES_LINE) or "")
        first = str(item.data(_FIRST_LINE))
        if not roles:
            item.setText(first)
            return
        width = max(self.list.viewport().width() - _ROLE_MARGIN, 40)
        shown = self.list.fontMetrics().elidedText(roles, Qt.TextElideMode.ElideRight, width)
        item.setText(f"{first}\n{shown}")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The list's viewport, not the panel: a scroll bar coming or going changes its width too.
        if event.type() == QEvent.Type.Resize and watched is self.list.viewport():
            for row in range(self.list.count()):
                self._show_elided(self.list.item(row))
        return super().eventFilter(watched, event)

    def current_path(self) -> str | None:
        item = self.list.currentItem()
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def _emit_for_current(self, signal: Signal) -> None:
        path = self.current_path()
        if path is not None:
            signal.emit(path)  # type: ignore[attr-defined]

    def _on_list_item_double_clicked(self, item: QListWidgetItem) -> None:
        self.columns_requested.emit(str(item.data(Qt.ItemDataRole.UserRole)))

    def _on_list_context_menu_requested(self, position: QPoint) -> None:
        item = self.list.itemAt(position)
        if item is None:
            return
        self.list.setCurrentItem(item)
        self.context_menu().popup(self.list.viewport().mapToGlobal(position))

    def context_menu(self) -> QMenu:
        """Reload, Columns… and Remove for the current file (the buttons' actions)."""
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        for button in (self.reload_button, self.columns_button, self.remove_button):
            menu.addAction(button.text(), button.click)
        return menu

    def _on_list_current_item_changed(self, item: QListWidgetItem | None) -> None:
        for button in (self.remove_button, self.reload_button, self.columns_button):
            button.setEnabled(item is not None)
