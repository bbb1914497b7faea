"""Shared by the UI tests."""

from __future__ import annotations

from collections.abc import Callable, Iterable

import pytest


@pytest.fixture(autouse=True)
def questions_asked(monkeypatch) -> list[str]:
    """A modal question nobody answers would hold the test run forever (closing a window with
    unsaved stars asks one): here each is answered Discard and kept, for a test to look at.
    A test that answers them itself patches ``QMessageBox.question`` again."""
    from PySide6.QtWidgets import QMessageBox

    asked: list[str] = []

    def question(_parent, _title, text, *_args, **_kwargs):
        asked.append(text)
        return QMessageBox.StandardButton.Discard

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


@pytest.fixture
def cjk_font_installed() -> Callable[[object], Iterable[str]]:
    """``font_families`` for build_application: a CJK font is installed. The machine's own fonts
    vary (a fresh one has only DejaVu), and without this the app opens a notice about them."""
    return lambda system: ["Noto Sans CJK SC"]


@pytest.fixture
def start(qtbot, tmp_path, cjk_font_installed):
    """``start(files, name="settings.ini")``: the whole app as from the command line, shown,
    with its settings in ``tmp_path / name`` (another name: another user's first start). No
    column dialog opens (a test that wants one answers ``files.mapping.ask`` itself)."""
    from viewer import settings
    from viewer.app import build_application

    apps = []

    def build(files=(), name="settings.ini"):
        preferences = settings.open_settings(str(tmp_path / name))
        app = build_application([str(f) for f in files], preferences, cjk_font_installed)
        app.files.mapping.ask = lambda *args: None
        qtbot.addWidget(app.window)
        apps.append(app)
        app.window.show()
        return app

    yield build
    for app in apps:
        app.shutdown()


@pytest.fixture
def lanes_app(qtbot, tmp_path, monkeypatch):
    """The whole app, shown at 1400x900, with no file open and no warning box allowed."""
    from PySide6.QtWidgets import QMessageBox

    from viewer import settings
    from viewer.app import build_application

    built = build_application([], settings.open_settings(str(tmp_path / "settings.ini")),
                              lambda system: ["Noto Sans CJK SC"])  # fmt: skip
    qtbot.addWidget(built.window)
    built.window.resize(1400, 900)
    built.window.show()
    qtbot.waitExposed(built.window)
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: pytest.fail(str(args)))
    yield built
    built.shutdown()
