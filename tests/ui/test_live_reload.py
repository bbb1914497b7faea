"""Live reload follows a file's path: through rewrites, and through a delete and re-create."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from viewer import settings
from viewer.app import build_application


@pytest.fixture
def live(qtbot, tmp_path):
    path = tmp_path / "live.csv"
    path.write_text("date,title\n2026-05-01,One\n", encoding="utf-8")
    preferences = settings.open_settings(str(tmp_path / "settings.ini"))
    built = build_application([str(path)], preferences, lambda system: ["Noto Sans CJK SC"])
    built.files.mapping.ask = lambda *args: None
    qtbot.addWidget(built.window)
    built.window.actions.live_reload.setChecked(True)
    qtbot.waitUntil(lambda: len(built.session.events) == 1, timeout=10_000)  # in the background
    yield built, path
    built.shutdown()


def test_a_file_deleted_and_written_again_is_reloaded(live, qtbot):
    built, path = live
    path.unlink()
    qtbot.waitUntil(lambda: str(path) not in built.live_reload.watcher.files(), timeout=5_000)
    # The reload the deletion set off has come and gone (finding no file) before it is back.
    qtbot.waitUntil(lambda: not built.live_reload._timer.isActive(), timeout=5_000)
    path.write_text("date,title\n2026-05-01,One\n2026-05-02,Two\n", encoding="utf-8")
    qtbot.waitUntil(lambda: len(built.session.events) == 2, timeout=10_000)
    # And it is still followed: the next save is picked up too.
    path.write_text("date,title\n2026-05-01,One\n2026-05-02,Two\n2026-05-03,3\n", encoding="utf-8")
    qtbot.waitUntil(lambda: len(built.session.events) == 3, timeout=10_000)


def test_a_file_replaced_by_a_rename_is_reloaded_and_still_followed(live, qtbot, tmp_path):
    built, path = live
    for count in (2, 3):  # an editor's save: write a temporary file, rename it over the old
        temporary = tmp_path / ".live.csv.tmp"
        rows = "".join(f"2026-05-0{day},t{day}\n" for day in range(1, count + 1))
        temporary.write_text("date,title\n" + rows, encoding="utf-8")
        os.replace(temporary, path)
        qtbot.waitUntil(lambda count=count: len(built.session.events) == count, timeout=10_000)
    assert Path(path).exists()
