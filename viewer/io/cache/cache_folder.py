"""Where the app keeps what it can make again: the user's cache folder, by the platform's rule."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_FOLDER = "timeline-viewer"


def user_cache_folder() -> Path:
    """``$XDG_CACHE_HOME/timeline-viewer`` when that is set (on any system: tests and users can
    move it), else ``~/.cache`` on Linux and the BSDs, ``~/Library/Caches`` on macOS and
    ``%LOCALAPPDATA%`` on Windows. Nothing is created here."""
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    if os.path.isabs(xdg):  # the spec: a relative value is invalid and ignored
        return Path(xdg) / APP_FOLDER
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / APP_FOLDER
    if sys.platform == "win32":
        local = os.environ.get("LOCALAPPDATA", "")
        base = Path(local) if local else Path.home() / "AppData" / "Local"
        return base / APP_FOLDER / "Cache"
    return Path.home() / ".cache" / APP_FOLDER
