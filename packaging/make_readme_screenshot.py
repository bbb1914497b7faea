"""Remake resources/screenshots/main-window.png (README, AppStream) with the app itself:
the bundled sample, April to early July 2026, the Jassy/AWS event selected, 1500×900.

    python packaging/make_readme_screenshot.py
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _seconds(year: int, month: int, day: int) -> float:
    return dt.datetime(year, month, day, tzinfo=dt.UTC).timestamp()


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from viewer import settings
    from viewer.app import build_application

    qapp = QApplication.instance() or QApplication([])  # noqa: F841 - kept alive
    with tempfile.TemporaryDirectory() as folder:
        preferences = settings.open_settings(str(Path(folder) / "settings.ini"))
        preferences.set(settings.LANGUAGE, "en")
        app = build_application([], preferences)
        window = app.window
        window.resize(1500, 900)
        window.show()
        QTest.qWait(500)
        window.table_dock.raise_()
        window.timeline.set_time_range(_seconds(2026, 4, 18), _seconds(2026, 7, 5))
        titles = app.session.events.frame["title"].tolist()
        app.session.select(next(i for i, t in enumerate(titles) if t.startswith("Jassy")))
        QTest.qWait(500)
        window.grab().save(str(ROOT / "resources" / "screenshots" / "main-window.png"))
        app.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
