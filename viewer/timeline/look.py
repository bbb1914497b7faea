"""The timeline's colours for a light and a dark background (the app's themes and exported
pictures use the same two)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor


@dataclass(frozen=True)
class Look:
    name: str
    background: str
    text: str
    axis: str
    overview: str
    stripe: QColor
    selection: str
    lighten_lanes: bool  # dark backgrounds need the darker lane colours lifted


LIGHT = Look(
    "light", "#ffffff", "#1d1d1d", "#555555", "#f4f4f4", QColor(0, 0, 0, 12), "#000000", False
)
DARK = Look(
    "dark", "#1e2127", "#e6e6e6", "#a8adb5", "#262a31", QColor(255, 255, 255, 14), "#ffffff", True
)
LOOKS = {look.name: look for look in (LIGHT, DARK)}
