"""Live reload: a loaded file that changes on disk is loaded again, keeping the view."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer
from PySide6.QtGui import QAction

from viewer import settings
from viewer.state.session import Session

RELOAD_DELAY_MS = 400  # editors write in bursts: wait until they are done


class LiveReload(QObject):
    """Watches the session's files while ``toggle`` is checked (the choice is remembered)."""

    def __init__(
        self,
        session: Session,
        toggle: QAction,
        preferences: settings.Settings,
        reload: Callable[[list[str]], None],
    ) -> None:
        super().__init__()
        self._session, self._toggle, self._settings, self._reload = (
            session,
            toggle,
            preferences,
            reload,
        )
        self.watcher = QFileSystemWatcher()
        self._timer = QTimer(singleShot=True, interval=RELOAD_DELAY_MS)
        self._changed: set[str] = set()
        toggle.setChecked(preferences.get(settings.LIVE_RELOAD))
        toggle.toggled.connect(self._on_toggle_toggled)
        self.watcher.fileChanged.connect(self._on_watcher_file_changed)
        self._timer.timeout.connect(self._on_timer_timeout)
        session.sources_changed.connect(self._on_session_sources_changed)

    def stop(self) -> None:
        self._timer.stop()
        if self.watcher.files():
            self.watcher.removePaths(self.watcher.files())

    def _on_session_sources_changed(self, _keep_view: bool) -> None:
        current = set(self.watcher.files())
        wanted = {p for p in self._session.source_paths() if Path(p).exists()}
        if current - wanted:
            self.watcher.removePaths(list(current - wanted))
        if wanted - current:
            self.watcher.addPaths(list(wanted - current))

    def _on_watcher_file_changed(self, path: str) -> None:
        if self._toggle.isChecked():
            self._changed.add(path)
            self._timer.start()

    def _on_timer_timeout(self) -> None:
        paths = [p for p in self._changed if Path(p).exists()]
        self._changed.clear()
        if paths:
            self._reload(paths)

    def _on_toggle_toggled(self, on: bool) -> None:
        self._settings.set(settings.LIVE_RELOAD, on)
