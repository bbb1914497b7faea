"""Live reload: a loaded file that changes on disk is loaded again, keeping the view.

QFileSystemWatcher forgets a file that is deleted or renamed over (an editor's save), so the
folders holding the files are watched too: a file that comes back under its path is watched
again and reloaded.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import shiboken6
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
        self.watcher.directoryChanged.connect(self._on_watcher_directory_changed)
        self._timer.timeout.connect(self._on_timer_timeout)
        session.sources_changed.connect(self._on_session_sources_changed)

    def stop(self) -> None:
        """At shutdown, on the GUI thread: the watcher (its inotify descriptor and the socket
        notifier on it) is destroyed here and now. Left to Python's garbage collector it could
        be destroyed on a loader thread, which cannot unregister the notifier: the GUI thread's
        event loop then spun on the closed descriptor ("QSocketNotifier: Invalid socket"),
        logging without end."""
        self._timer.stop()
        self._session.sources_changed.disconnect(self._on_session_sources_changed)
        self._toggle.toggled.disconnect(self._on_toggle_toggled)
        watched = self.watcher.files() + self.watcher.directories()
        if watched:
            self.watcher.removePaths(watched)
        shiboken6.delete(self.watcher)

    def _on_session_sources_changed(self, _keep_view: bool) -> None:
        self._watch()

    def _watch(self) -> set[str]:
        """Watch the session's files that exist and the folders holding them; returns the
        files watched anew (a file back under its path after a delete or a rename over it)."""
        paths = self._session.source_paths()
        before = set(self.watcher.files())
        existing = {p for p in paths if Path(p).is_file()}
        _update(self.watcher, before, existing)
        folders = {str(Path(p).parent) for p in paths if Path(p).parent.is_dir()}
        _update(self.watcher, set(self.watcher.directories()), folders)
        return existing - before

    def _on_watcher_file_changed(self, path: str) -> None:
        self._watch()  # renamed over: the new file is watched (deleted: the folder is)
        self._mark_changed({path})

    def _on_watcher_directory_changed(self, _folder: str) -> None:
        self._mark_changed(self._watch())

    def _mark_changed(self, paths: set[str]) -> None:
        if paths and self._toggle.isChecked():
            self._changed.update(paths)
            self._timer.start()

    def _on_timer_timeout(self) -> None:
        paths = [p for p in self._changed if Path(p).exists()]
        self._changed.clear()
        if paths:
            self._reload(paths)

    def _on_toggle_toggled(self, on: bool) -> None:
        self._settings.set(settings.LIVE_RELOAD, on)


def _update(watcher: QFileSystemWatcher, current: set[str], wanted: set[str]) -> None:
    if current - wanted:
        watcher.removePaths(sorted(current - wanted))
    if wanted - current:
        watcher.addPaths(sorted(wanted - current))
