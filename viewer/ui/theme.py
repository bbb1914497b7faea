"""Light and dark themes: the widget palette and the timeline's own colours, chosen to read
well on either background. "system" follows Qt's colour scheme (and its changes)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPainter, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QProxyStyle,
    QStyle,
    QStyleOption,
    QStyleOptionButton,
    QWidget,
)

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
    style = OutlinedIndicatorsStyle()
    app.setStyle(style)
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


class OutlinedIndicatorsStyle(QProxyStyle):
    """Fusion whose check boxes and radio buttons keep an outline on a dark palette.

    Fusion draws the indicator's outline a shade darker than the Window role, whatever else the
    palette says; on a dark window that is no outline at all, and an unchecked box vanishes. Here
    the indicator alone sees a light Window role, so its outline reads on the dark background.
    """

    def __init__(self) -> None:
        super().__init__("Fusion")

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        if (
            element in _INDICATORS
            and option.palette.color(QPalette.ColorRole.Base).lightnessF() < 0.5
        ):
            lifted = (
                QStyleOptionButton(option)
                if isinstance(option, QStyleOptionButton)
                else QStyleOption(option)
            )
            palette = QPalette(option.palette)
            palette.setColor(QPalette.ColorRole.Window, QColor(_INDICATOR_WINDOW))
            lifted.palette = palette
            option = lifted
        super().drawPrimitive(element, option, painter, widget)


_INDICATORS = (
    QStyle.PrimitiveElement.PE_IndicatorCheckBox,
    QStyle.PrimitiveElement.PE_IndicatorRadioButton,
)
_INDICATOR_WINDOW = DARK.axis  # Fusion's outline, a shade darker than this, is a mid grey
