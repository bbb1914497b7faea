"""Linux desktop integration: the .desktop entry and AppStream metainfo validate, and the
install script puts them (and the icons) where desktops look."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "packaging" / "linux"
APP_ID = "org.timelineviewer.TimelineViewer"


def test_the_desktop_entry_is_valid_and_opens_csv_tsv_and_json(system_tool):
    result = subprocess.run(
        [
            system_tool("desktop-file-validate", "desktop-file-utils"),
            str(LINUX / f"{APP_ID}.desktop"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in result.stdout.lower()
    text = (LINUX / f"{APP_ID}.desktop").read_text(encoding="utf-8")
    assert "MimeType=text/csv;text/tab-separated-values;application/json;" in text
    assert "Exec=timeline-viewer %F" in text


def test_the_appstream_metainfo_is_valid(system_tool):
    result = subprocess.run(
        [system_tool("appstreamcli", "appstream"), "validate", "--no-net", str(LINUX / f"{APP_ID}.metainfo.xml")],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_install_script_puts_entry_metainfo_and_icons_in_the_users_data_folder(tmp_path):
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path)}
    subprocess.run(
        ["bash", str(LINUX / "install-desktop.sh")], env=env, check=True, capture_output=True
    )
    assert (tmp_path / "applications" / f"{APP_ID}.desktop").is_file()
    assert (tmp_path / "metainfo" / f"{APP_ID}.metainfo.xml").is_file()
    assert (tmp_path / "icons" / "hicolor" / "256x256" / "apps" / f"{APP_ID}.png").is_file()
    assert (tmp_path / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg").is_file()


def test_every_icon_size_is_the_size_its_folder_says():
    from PySide6.QtGui import QImage

    pngs = sorted((ROOT / "resources" / "icons" / "hicolor").glob(f"*/apps/{APP_ID}.png"))
    assert len(pngs) >= 6
    for png in pngs:
        size = int(png.parent.parent.name.split("x")[0])
        image = QImage(str(png))
        assert (image.width(), image.height()) == (size, size)
