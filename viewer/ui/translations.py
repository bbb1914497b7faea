"""The interface language: our strings from resources/translations/*.ts, Qt's own dialogs from
the translations that ship with Qt.

The .ts files (Qt Linguist's XML) are read directly, so there is no compiled .qm to generate,
commit or keep in step; `packaging/update_translations.py` refreshes them from the code.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from viewer import assets

AVAILABLE = ("en", "zh_CN")  # "en" is the source language


class TsTranslator(QTranslator):
    """A translator fed from a Qt Linguist .ts file (finished, non-empty translations only)."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.messages: dict[tuple[str, str], str] = {}
        for context in ET.parse(path).getroot().iter("context"):
            name = context.findtext("name") or ""
            for message in context.iter("message"):
                translation = message.find("translation")
                text = translation.text if translation is not None else None
                if text and (
                    translation is None or translation.get("type") not in ("unfinished", "obsolete")
                ):
                    self.messages[(name, message.findtext("source") or "")] = text

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        return self.messages.get((context, source))

    def isEmpty(self) -> bool:
        return not self.messages


def ui_language(preference: str, system: str | None = None) -> str:
    """The language to show: the preference, or the system's when it is "system"."""
    wanted = (system or QLocale.system().name()) if preference == "system" else preference
    return "zh_CN" if wanted.lower().startswith("zh") else "en"


def install_translators(language: str) -> list[QTranslator]:
    """Install our and Qt's translators for ``language``; returns them for removal."""
    if language == "en":
        return []
    installed: list[QTranslator] = []
    ours = assets.resources_dir() / "translations" / f"timeline_viewer_{language}.ts"
    if ours.is_file():
        installed.append(TsTranslator(ours))
    qt = QTranslator()
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        installed.append(qt)
    for translator in installed:
        QCoreApplication.installTranslator(translator)
    return installed


def remove_translators(translators: list[QTranslator]) -> None:
    for translator in translators:
        QCoreApplication.removeTranslator(translator)
