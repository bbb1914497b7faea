"""Light and dark themes: the widget palette and the timeline's own colours, chosen to read
well on either background. "system" follows Qt's colour scheme (and its changes)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from viewer.timeline.look import DARK, LIGHT, Look

Theme = Look  # a theme is the timeline's look plus the widget palette below


def resolve_theme(preference: str, scheme: Qt.ColorScheme | None = None) -> Theme:
    """The theme for a preference ("system", "light", "dark") and the system's colour scheme."""
    if preference == "dark":
        return DARK
    if preference == "light":
        return LIGHT
    if scheme is None:
        scheme = QGuiApplication.styleHints().colorScheme()
    return DARK if scheme == Qt.ColorScheme.Dark else LIGHT


def apply_palette(app: QApplication, theme: Theme) -> None:
    """Fusion with a palette of our own: platform styles on Linux ignore the colour scheme."""
    app.setStyle("Fusion")
    if theme is LIGHT:
        app.setPalette(app.style().standardPalette())
        return
    palette = QPalette()
    roles = {
        QPalette.ColorRole.Window: "#25282e", QPalette.ColorRole.WindowText: theme.text,
        QPalette.ColorRole.Base: "#1e2127", QPalette.ColorRole.AlternateBase: "#2a2e35",
        QPalette.ColorRole.ToolTipBase: "#2a2e35", QPalette.ColorRole.ToolTipText: theme.text,
        QPalette.ColorRole.Text: theme.text, QPalette.ColorRole.Button: "#2d3138",
        QPalette.ColorRole.ButtonText: theme.text, QPalette.ColorRole.BrightText: "#ff6b6b",
        QPalette.ColorRole.Link: "#7cb7ff", QPalette.ColorRole.Highlight: "#3d6fb6",
        QPalette.ColorRole.HighlightedText: "#ffffff", QPalette.ColorRole.PlaceholderText: "#8a9099",
    }  # fmt: skip
    for role, colour in roles.items():
        palette.setColor(role, QColor(colour))
    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.ButtonText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#6b7079"))
    app.setPalette(palette)
