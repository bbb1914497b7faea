"""Once per run: tell the user which font to install rather than draw empty boxes."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QMessageBox, QWidget

from viewer.state.session import Session
from viewer.ui.font_coverage import FontFamilies, cjk_font_missing


class FontNotice(QObject):
    """Watches the session's text; ``families`` is the font lookup (tests give their own)."""

    def __init__(
        self, session: Session, window: QWidget, families: FontFamilies = QFontDatabase.families
    ) -> None:
        super().__init__(window)
        self._session, self._window = session, window
        self.families = families
        self.notice: QMessageBox | None = None
        session.sources_changed.connect(self._on_session_sources_changed)

    def _on_session_sources_changed(self, _keep_view: bool) -> None:
        if self.notice is not None or not cjk_font_missing(self._session.events, self.families):
            return
        self.notice = QMessageBox(
            QMessageBox.Icon.Information,
            QCoreApplication.translate("Application", "A font is missing"),
            QCoreApplication.translate(
                "Application",
                "Some events are written in Chinese, Japanese or Korean, but no installed font can "
                "show those characters. Install a CJK font (on Debian or Ubuntu: sudo apt-get install "
                "fonts-noto-cjk) and restart Timeline Viewer.",
            ),
            parent=self._window,
        )
        self.notice.setWindowModality(Qt.WindowModality.NonModal)
        self.notice.show()
