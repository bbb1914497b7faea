"""Where bundled files live: a checkout, an installed wheel or a PyInstaller bundle."""

from __future__ import annotations

import locale
import sys
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _roots() -> list[Path]:
    bundle = getattr(sys, "_MEIPASS", None)  # PyInstaller unpacks here
    roots = [Path(bundle)] if bundle else []
    return [*roots, _PACKAGE / "bundled", _PACKAGE.parent]


def _bundled_folder(name: str) -> Path:
    for root in _roots():
        candidate = root / name
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"the bundled {name} folder is missing from this installation")


def resources_dir() -> Path:
    return _bundled_folder("resources")


def icon_path(name: str) -> Path:
    """An SVG icon from resources/icons (``open``, ``zoom-in``, ``app-icon``...)."""
    return resources_dir() / "icons" / f"{name}.svg"


def data_dir() -> Path:
    return _bundled_folder("data")


def sample_timeline(language: str | None = None) -> Path:
    """The sample timeline in the user's language (Chinese for zh locales, else English)."""
    language = language or (locale.getlocale()[0] or "")
    name = (
        "sample_timeline_zh.csv" if language.lower().startswith("zh") else "sample_timeline_en.csv"
    )
    return data_dir() / name
