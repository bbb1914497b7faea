"""Star, tag and note from the keyboard and the context menus: on the selected rows of the
Events table when several are selected, else on the selected event.

One event's tag and note are typed in the Details panel (T and N go there); several at once get
a small dialog. The dialogs are injectable so tests need not run a modal loop."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QPoint
from PySide6.QtWidgets import QMenu, QWidget

from viewer.state.session import Session
from viewer.ui.annotation_dialogs import ask_note, ask_tag
from viewer.ui.main_window import MainWindow

AskTag = Callable[[QWidget, list[str], int], str | None]
AskNote = Callable[[QWidget, str, int], str | None]


class AnnotationCommands(QObject):
    def __init__(
        self,
        session: Session,
        window: MainWindow,
        ask_for_tag: AskTag = ask_tag,
        ask_for_note: AskNote = ask_note,
    ) -> None:
        super().__init__(window)
        self._session, self._window = session, window
        self._ask_tag, self._ask_note = ask_for_tag, ask_for_note
        self.menu: QMenu | None = None  # the last context menu shown
        self.popup: Callable[[QMenu, QPoint], None] = QMenu.popup  # tests keep it closed
        a = window.actions
        a.toggle_star.triggered.connect(lambda: self.toggle_star(self.targets()))
        a.add_tag.triggered.connect(self._on_add_tag_triggered)
        a.edit_note.triggered.connect(self._on_edit_note_triggered)
        window.timeline.event_context_requested.connect(lambda _index, where: self.show_menu(where))
        window.table.context_requested.connect(self.show_menu)

    def targets(self) -> list[int]:
        """The selected rows of the table when several are selected, else the selected event."""
        rows = self._window.table.selected_events()
        if len(rows) > 1:
            return rows
        selected = self._session.selected
        return [] if selected is None else [selected]

    # --- the commands -----------------------------------------------------------------------
    def toggle_star(self, events: list[int]) -> None:
        """Star them all, or unstar them all when every one is starred already."""
        if events:
            starred = self._session.marks.starred
            self._session.set_starred(events, not all(starred[i] for i in events))

    def ask_and_add_tag(self, events: list[int]) -> None:
        if not events:
            return
        tag = self._ask_tag(self._window, self._session.annotations.tags(), len(events))
        if tag:
            self._session.add_tag(events, tag)

    def ask_and_set_note(self, events: list[int]) -> None:
        if not events:
            return
        notes = {self._session.marks.notes.get(i, "") for i in events}
        note = self._ask_note(self._window, notes.pop() if len(notes) == 1 else "", len(events))
        if note is not None:
            self._session.set_note(events, note)

    def _on_add_tag_triggered(self) -> None:
        events = self.targets()
        if len(events) == 1 and self._details_shown():
            self._window.details.annotations.focus_tag_field()
        else:
            self.ask_and_add_tag(events)

    def _on_edit_note_triggered(self) -> None:
        events = self.targets()
        if len(events) == 1 and self._details_shown():
            self._window.details.annotations.focus_note()
        else:
            self.ask_and_set_note(events)

    def _details_shown(self) -> bool:
        dock = self._window.details_dock
        dock.show()
        dock.raise_()
        return self._window.details.annotations.isVisible()

    # --- the context menu -----------------------------------------------------------------
    def menu_for(self, events: list[int]) -> QMenu:
        """Star/Unstar, Add tag…, Remove tag ▸ (the tags these events have), Edit note…."""
        menu = QMenu(self._window)
        marks = self._session.marks
        every_starred = bool(events) and all(marks.starred[i] for i in events)
        star = menu.addAction(
            QCoreApplication.translate("AnnotationCommands", "Unstar")
            if every_starred
            else QCoreApplication.translate("AnnotationCommands", "Star")
        )
        star.triggered.connect(lambda: self.toggle_star(events))
        menu.addAction(
            QCoreApplication.translate("AnnotationCommands", "Add Tag…")
        ).triggered.connect(lambda: self.ask_and_add_tag(events))
        remove = menu.addMenu(QCoreApplication.translate("AnnotationCommands", "Remove Tag"))
        tags: dict[str, None] = {}
        for index in events:
            tags.update(dict.fromkeys(marks.tags.get(index, ())))
        for tag in tags:
            action = remove.addAction(tag.replace("&", "&&"))
            action.triggered.connect(lambda _=False, t=tag: self._session.remove_tag(events, t))
        remove.menuAction().setEnabled(bool(tags))
        menu.addAction(
            QCoreApplication.translate("AnnotationCommands", "Edit Note…")
        ).triggered.connect(lambda: self.ask_and_set_note(events))
        for action in menu.actions():
            action.setEnabled(action.isEnabled() and bool(events))
        return menu

    def show_menu(self, where: QPoint) -> None:
        events = self.targets()
        if not events:
            return
        if self.menu is not None:
            self.menu.deleteLater()
        self.menu = self.menu_for(events)
        self.popup(self.menu, where)
