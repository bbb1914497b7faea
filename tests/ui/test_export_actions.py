"""A failed export in the app says why in a message box, writes nothing and claims nothing."""

from __future__ import annotations

import errno
import os

import pytest
from PySide6.QtWidgets import QMessageBox

from viewer import settings
from viewer.app import build_application
from viewer.ui.export_image_dialog import ExportImageDialog


@pytest.fixture
def application(qtbot, tmp_path):
    built = build_application([], settings.open_settings(str(tmp_path / "settings.ini")),
                              lambda system: ["Noto Sans CJK SC"])  # fmt: skip
    qtbot.addWidget(built.window)
    yield built
    built.shutdown()


@pytest.fixture
def warnings(monkeypatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    return shown


@pytest.fixture
def full_disk(monkeypatch):
    def fsync(_fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", fsync)


@pytest.mark.usefixtures("full_disk")
@pytest.mark.parametrize("name", ["shown.csv", "story.svg"])
def test_an_export_on_a_full_disk_is_reported_and_leaves_no_file(
    application, tmp_path, warnings, monkeypatch, name
):
    out = tmp_path / "out" / name
    out.parent.mkdir()
    application.exports.ask_output = lambda caption, filters, default: str(out)
    if name.endswith(".svg"):
        monkeypatch.setattr(
            ExportImageDialog, "exec", lambda self: ExportImageDialog.DialogCode.Accepted
        )
        application.exports.export_image()
    else:
        application.exports.export_events()
    assert warnings == [f"Could not write {name}: No space left on device"]
    assert list(out.parent.iterdir()) == []
    assert "Wrote" not in application.window.status_text.text()


def test_an_export_that_runs_out_of_memory_says_so_and_leaves_no_file(
    application, tmp_path, warnings, monkeypatch
):
    out = tmp_path / "out" / "shown.csv"
    out.parent.mkdir()
    application.exports.ask_output = lambda caption, filters, default: str(out)

    def no_memory(*_args):
        raise MemoryError

    monkeypatch.setattr("viewer.io.writers.event_writer.event_records", no_memory)
    application.exports.export_events()
    assert warnings == [
        "Could not write shown.csv: not enough memory; close other programs, or show fewer "
        "events and export again"
    ]
    assert list(out.parent.iterdir()) == []
