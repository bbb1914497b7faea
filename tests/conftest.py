"""Test set-up: Qt runs offscreen, and tests that use a QApplication are marked ``gui``."""

from __future__ import annotations

import atexit
import os
import shutil
import sys
import tempfile
from collections.abc import Callable

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The app keeps what it loads in the user's cache folder (viewer/io/cache): no test, nor any
# program a test starts, may write to the real one.
_CACHE_HOME = tempfile.mkdtemp(prefix="timeline-viewer-test-cache-")
os.environ["XDG_CACHE_HOME"] = _CACHE_HOME
atexit.register(shutil.rmtree, _CACHE_HOME, ignore_errors=True)


def _system_tool(name: str, package: str) -> str:
    """The path of a system command a test needs. Missing, the test skips and names the Debian
    package to install; under CI (``CI=true``, .ci/run installs the tools) it fails instead, so a
    broken CI image cannot pass by skipping."""
    path = shutil.which(name)
    if path is not None:
        return path
    reason = f"{name} is not installed (apt-get install {package})"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{reason}; CI must have it")
    pytest.skip(reason)


@pytest.fixture
def system_tool() -> Callable[[str, str], str]:
    """``system_tool(command, debian_package)``: see :func:`_system_tool`."""
    return _system_tool


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "qtbot" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.gui)


@pytest.fixture(autouse=True)
def _no_modifier_held_over() -> object:
    """QTest leaves the modifier of a click (Ctrl+Down) held in the application's keyboard
    state after the click: the next test's drop read as a Ctrl+drop and replaced the files.
    Each test starts with no key held, as a user's next action does."""
    yield
    widgets = sys.modules.get("PySide6.QtWidgets")  # a test without Qt leaves it unimported
    if widgets is None or widgets.QApplication.instance() is None:
        return
    if widgets.QApplication.keyboardModifiers():
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        QTest.keyRelease(widgets.QWidget(), Qt.Key.Key_Control)  # the state is the event's
