"""The look the user chose: the theme (light, dark or the system's) and the language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from viewer import settings
from viewer.ui.main_window import MainWindow
from viewer.ui.theme import LIGHT, Theme, apply_palette, resolve_theme
from viewer.ui.window_actions import ICON_INK, tint_actions


class Appearance:
    """Applies the theme to the application, the timeline and the icons; follows the system's
    colour scheme while the preference is "system"."""

    def __init__(self, preferences: settings.Settings, window: MainWindow) -> None:
        self._settings, self._window = preferences, window
        self.theme: Theme = resolve_theme("light")
        window.theme_actions.triggered.connect(lambda action: self.set_theme(str(action.data())))
        window.language_actions.triggered.connect(
            lambda action: self.set_language(str(action.data()))
        )
        for action in window.language_actions.actions():
            action.setChecked(action.data() == preferences.get(settings.LANGUAGE))
        hints = QGuiApplication.styleHints()
        self._scheme_connection = hints.colorSchemeChanged.connect(self._on_color_scheme_changed)

    def stop(self) -> None:
        """Let go of the application-wide signal (the window may go before the application)."""
        QGuiApplication.styleHints().colorSchemeChanged.disconnect(self._scheme_connection)

    def set_language(self, preference: str) -> None:
        """Saved now, shown from the next start (every window and string is built at start-up)."""
        self._settings.set(settings.LANGUAGE, preference)
        self._window.show_status(
            QCoreApplication.translate(
                "Application", "The language changes when Timeline Viewer starts again."
            )
        )

    def set_theme(self, preference: str) -> None:
        self._settings.set(settings.THEME, preference)
        self.apply()

    def apply(self) -> None:
        preference = self._settings.get(settings.THEME)
        theme = resolve_theme(preference)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_palette(app, theme)
        self._window.timeline.apply_look(theme)
        self._window.legend.apply_look(theme)
        for action in self._window.theme_actions.actions():
            action.setChecked(action.data() == preference)
        tint_actions(self._window.actions, ICON_INK if theme is LIGHT else theme.text)
        self.theme = theme

    def _on_color_scheme_changed(self, _scheme: object) -> None:
        self.apply()
