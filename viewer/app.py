"""The composition root: builds the application and its window, in a visible order."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from PySide6.QtWidgets import QApplication

from viewer import __version__, assets
from viewer.io.event_loading import load_files
from viewer.ui.main_window import MainWindow


def create_app(argv: Sequence[str]) -> QApplication:
    app = QApplication.instance() or QApplication([sys.argv[0], *argv])
    assert isinstance(app, QApplication)
    app.setApplicationName("Timeline Viewer")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("Timeline Viewer")
    return app


def build_window(files: Sequence[str]) -> MainWindow:
    window = MainWindow()
    paths = list(files) or [str(assets.sample_timeline())]
    events, reports = load_files(paths)
    window.show_events(events, reports)
    return window


def run_app(argv: Sequence[str]) -> int:
    app = create_app(argv)
    files = [a for a in app.arguments()[1:] if not a.startswith("-")]
    window = build_window(files)
    window.show()
    return app.exec()
