"""Render the app icon (resources/icons/app-icon.svg) to the PNG sizes desktops want, and to
.ico (Windows) and .icns (macOS) for the PyInstaller bundle. Run after changing the SVG:

    python packaging/make_icons.py
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QImageWriter, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "resources" / "icons" / "app-icon.svg"
APP_ID = "org.timelineviewer.TimelineViewer"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def render(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    QSvgRenderer(str(SOURCE)).render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image


def main() -> int:
    _app = QGuiApplication(sys.argv)
    for size in SIZES:
        folder = ROOT / "resources" / "icons" / "hicolor" / f"{size}x{size}" / "apps"
        folder.mkdir(parents=True, exist_ok=True)
        render(size).save(str(folder / f"{APP_ID}.png"), "PNG")
    for name, fmt in (("app-icon.ico", b"ico"), ("app-icon.icns", b"icns")):
        writer = QImageWriter(str(ROOT / "resources" / "icons" / name), fmt)
        if not writer.write(render(256)):
            print(f"could not write {name}: {writer.errorString()}", file=sys.stderr)
            return 1
    print(f"wrote {len(SIZES)} PNG sizes, app-icon.ico and app-icon.icns")
    return 0


if __name__ == "__main__":
    sys.exit(main())
