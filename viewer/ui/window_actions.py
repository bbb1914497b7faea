"""Every menu and toolbar action, declared once with its shortcut (Help → Keyboard Shortcuts
lists them from here)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtCore import QByteArray, QCoreApplication
from PySide6.QtGui import QAction, QIcon, QKeySequence, QPixmap
from PySide6.QtWidgets import QWidget

from viewer.assets import icon_path


@dataclass
class WindowActions:
    open: QAction
    open_project: QAction
    save_project: QAction
    save_project_as: QAction
    reload_all: QAction
    export_image: QAction
    export_events: QAction
    quit: QAction
    find: QAction
    find_next: QAction
    find_previous: QAction
    toggle_star: QAction
    add_tag: QAction
    edit_note: QAction
    zoom_in: QAction
    zoom_out: QAction
    fit_all: QAction
    previous_event: QAction
    next_event: QAction
    live_reload: QAction
    shortcuts: QAction
    search_syntax: QAction
    about: QAction

    def all(self) -> list[QAction]:
        return list(vars(self).values())


def create_actions(parent: QWidget) -> WindowActions:
    def action(text: str, shortcut: QKeySequence | str | QKeySequence.StandardKey | None = None,
               icon: str | None = None) -> QAction:  # fmt: skip
        made = QAction(text, parent)
        if shortcut is not None:
            made.setShortcut(QKeySequence(shortcut))
        if icon is not None:
            made.setData(icon)  # the icon's name, so a theme change can redraw it
            made.setIcon(tinted_icon(icon, ICON_INK))
        made.setToolTip(
            f"{text.replace('&', '').rstrip('…')} ({made.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})"
            if shortcut
            else text.replace("&", "")
        )
        return made

    actions = WindowActions(
        open=action(
            QCoreApplication.translate("WindowActions", "&Open…"),
            QKeySequence.StandardKey.Open,
            "open",
        ),
        open_project=action(
            QCoreApplication.translate("WindowActions", "Open &Project…"), "Ctrl+Shift+O"
        ),
        save_project=action(
            QCoreApplication.translate("WindowActions", "&Save Project"),
            QKeySequence.StandardKey.Save,
        ),
        save_project_as=action(
            QCoreApplication.translate("WindowActions", "Save Project &As…"),
            QKeySequence.StandardKey.SaveAs,
        ),
        reload_all=action(
            QCoreApplication.translate("WindowActions", "&Reload All"), "F5", "reload"
        ),
        export_image=action(
            QCoreApplication.translate("WindowActions", "Export &Image…"), "Ctrl+E"
        ),
        export_events=action(
            QCoreApplication.translate("WindowActions", "Export &Events…"), "Ctrl+Shift+E"
        ),
        quit=action(QCoreApplication.translate("WindowActions", "&Quit"), "Ctrl+Q"),
        find=action(
            QCoreApplication.translate("WindowActions", "&Find…"),
            QKeySequence.StandardKey.Find,
            "search",
        ),
        find_next=action(QCoreApplication.translate("WindowActions", "Find &Next"), "F3"),
        find_previous=action(
            QCoreApplication.translate("WindowActions", "Find &Previous"), "Shift+F3"
        ),
        # One letter each: a line edit or text editor with focus takes its letters first (Qt
        # asks it with a ShortcutOverride), so typing an "s" in the search box stars nothing.
        toggle_star=action(QCoreApplication.translate("WindowActions", "&Star / Unstar"), "S"),
        add_tag=action(QCoreApplication.translate("WindowActions", "Add &Tag…"), "T"),
        edit_note=action(QCoreApplication.translate("WindowActions", "Edit &Note…"), "N"),
        zoom_in=action(
            QCoreApplication.translate("WindowActions", "Zoom &In"), "Ctrl+=", "zoom-in"
        ),
        zoom_out=action(
            QCoreApplication.translate("WindowActions", "Zoom &Out"), "Ctrl+-", "zoom-out"
        ),
        fit_all=action(
            QCoreApplication.translate("WindowActions", "&Fit All"), "Ctrl+0", "fit-all"
        ),
        previous_event=action(
            QCoreApplication.translate("WindowActions", "Pre&vious Event"), "Alt+Left", "previous"
        ),
        next_event=action(
            QCoreApplication.translate("WindowActions", "Ne&xt Event"), "Alt+Right", "next"
        ),
        live_reload=action(
            QCoreApplication.translate("WindowActions", "&Live Reload"), "Ctrl+Shift+L"
        ),
        shortcuts=action(QCoreApplication.translate("WindowActions", "&Keyboard Shortcuts"), "F1"),
        search_syntax=action(
            QCoreApplication.translate("WindowActions", "&Search Syntax"), "Ctrl+Shift+F"
        ),
        about=action(
            QCoreApplication.translate("WindowActions", "&About Timeline Viewer"), "Shift+F1"
        ),
    )
    actions.live_reload.setCheckable(True)
    actions.quit.setMenuRole(QAction.MenuRole.QuitRole)
    actions.about.setMenuRole(QAction.MenuRole.AboutRole)
    return actions


ICON_INK = "#3b4a5a"  # the stroke colour the SVG files are drawn with


def tinted_icon(name: str, colour: str) -> QIcon:
    """An icon from resources/icons drawn in ``colour`` (dark themes need light strokes)."""
    svg = icon_path(name).read_text(encoding="utf-8").replace(ICON_INK, colour)
    pixmap = QPixmap()
    pixmap.loadFromData(QByteArray(svg.encode("utf-8")), "SVG")
    return QIcon(pixmap)


def tint_actions(actions: WindowActions, colour: str) -> None:
    for action in actions.all():
        if action.data():
            action.setIcon(tinted_icon(str(action.data()), colour))


def plain_text(action: QAction) -> str:
    """An action's text without its accelerator: "&Open…" and "打开(&O)……" read "Open", "打开"."""
    text = re.sub(r"\(&\w\)", "", action.text())
    return text.replace("&", "").rstrip("…").rstrip("…")


def timeline_keys() -> list[tuple[str, str]]:
    """Keys the timeline itself handles when it has focus."""
    return [
        ("+ / −", QCoreApplication.translate("WindowActions", "Zoom in / out")),
        ("0", QCoreApplication.translate("WindowActions", "Fit all events")),
        ("← / →", QCoreApplication.translate("WindowActions", "Previous / next event")),
        ("Home / End", QCoreApplication.translate("WindowActions", "First / last event")),
        (
            QCoreApplication.translate("WindowActions", "Wheel"),
            QCoreApplication.translate("WindowActions", "Zoom around the pointer"),
        ),
        (
            QCoreApplication.translate("WindowActions", "Drag"),
            QCoreApplication.translate("WindowActions", "Pan"),
        ),
        (
            QCoreApplication.translate("WindowActions", "Right-drag or Shift+drag"),
            QCoreApplication.translate("WindowActions", "Zoom to the span"),
        ),
        (
            QCoreApplication.translate("WindowActions", "Double-click"),
            QCoreApplication.translate("WindowActions", "Zoom in"),
        ),
        (
            "PgUp / PgDn",
            QCoreApplication.translate("WindowActions", "Scroll the lanes up / down"),
        ),
        (
            QCoreApplication.translate("WindowActions", "Shift+wheel, or wheel over lane names"),
            QCoreApplication.translate("WindowActions", "Scroll the lanes"),
        ),
        (
            QCoreApplication.translate("WindowActions", "Ctrl+Up / Ctrl+Down in Lanes, or drag"),
            QCoreApplication.translate("WindowActions", "Move a lane up / down"),
        ),
        (
            QCoreApplication.translate("WindowActions", "Click a lane name"),
            QCoreApplication.translate("WindowActions", "Fold the lane to one row / unfold it"),
        ),
        (
            "Enter / Shift+Enter",
            QCoreApplication.translate(
                "WindowActions", "Next / previous search match (in the search field)"
            ),
        ),
    ]
