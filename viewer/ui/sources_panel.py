"""The loaded files with their event counts and warnings; remove or reload one."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from viewer.state.session import Session, Source
from viewer.ui.plain_text import tooltip


class SourcesPanel(QWidget):
    remove_requested = Signal(str)  # path
    reload_requested = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.list = QListWidget()
        self.list.setWordWrap(True)  # long file and lane names wrap instead of being cut off
        self.list.setAccessibleName(self.tr("Loaded files"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.reload_button = QPushButton(self.tr("Reload"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.reload_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        self.remove_button.clicked.connect(lambda: self._emit_for_current(self.remove_requested))
        self.reload_button.clicked.connect(lambda: self._emit_for_current(self.reload_requested))
        self.list.currentItemChanged.connect(self._on_list_current_item_changed)
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
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, source.path)
            item.setToolTip(tooltip(source.path))
            self.list.addItem(item)
            if source.path == current:
                self.list.setCurrentItem(item)

    def current_path(self) -> str | None:
        item = self.list.currentItem()
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def _emit_for_current(self, signal: Signal) -> None:
        path = self.current_path()
        if path is not None:
            signal.emit(path)  # type: ignore[attr-defined]

    def _on_list_current_item_changed(self, item: QListWidgetItem | None) -> None:
        for button in (self.remove_button, self.reload_button):
            button.setEnabled(item is not None)
