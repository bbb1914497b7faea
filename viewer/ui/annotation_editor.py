"""The selected event's star, tags and note, under its details: what the user says about it.

Tags are chips (a click on one's × removes it) and an "Add tag" field that completes from the
tags already used, most used first. The note is plain text: saved when the editor loses focus
and after a short pause in typing, never read as HTML. Everything goes through the session,
which tells every view (the table, the timeline) what changed."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QEvent, QObject, QStringListModel, Qt, QTimer
from PySide6.QtWidgets import (
    QCompleter,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from viewer.model.bidi_text import without_reordering
from viewer.state.session import Session
from viewer.ui.plain_text import plain_label, tooltip

NOTE_IDLE_MS = 800  # a pause this long in typing saves the note
STAR_ON, STAR_OFF = "★", "☆"


class AnnotationEditor(QWidget):
    """Edits one event's annotations (``show_event``); hidden while none is selected."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session: Session | None = None
        self._index: int | None = None
        self.star_button = QToolButton()
        self.star_button.setCheckable(True)
        self.star_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.star_button.setAccessibleName(self.tr("Star"))
        self.star_button.toggled.connect(self._on_star_button_toggled)
        self.chips = QWidget()
        self.chips.setAccessibleName(self.tr("Tags"))
        self._chip_layout = QHBoxLayout(self.chips)
        self._chip_layout.setContentsMargins(0, 0, 0, 0)
        self._chip_layout.setSpacing(4)
        self.tag_field = QLineEdit()
        self.tag_field.setPlaceholderText(self.tr("Add tag"))
        self.tag_field.setAccessibleName(self.tr("Add tag"))
        self.tag_field.setClearButtonEnabled(True)
        self.completions = QStringListModel(self)
        completer = QCompleter(self.completions, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.tag_field.setCompleter(completer)
        self.tag_field.returnPressed.connect(self._on_tag_field_return_pressed)
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText(self.tr("Note"))
        self.note.setAccessibleName(self.tr("Note"))
        self.note.setTabChangesFocus(True)
        self.note.setMaximumHeight(self.note.fontMetrics().lineSpacing() * 6)
        self.note.textChanged.connect(self._on_note_text_changed)
        self.note.installEventFilter(self)
        self._note_timer = QTimer(self, singleShot=True, interval=NOTE_IDLE_MS)
        self._note_timer.timeout.connect(self.save_note)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.star_button)
        top.addWidget(self.chips, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.tag_field)
        layout.addWidget(self.note)
        self._show_star(False)
        self.setVisible(False)

    def bind(self, session: Session) -> None:
        self._session = session
        session.sources_changed.connect(self._on_session_sources_changed)
        session.selection_changed.connect(self._on_session_selection_changed)
        session.annotations_changed.connect(self._on_session_annotations_changed)

    # --- what is shown --------------------------------------------------------------------
    def show_event(self, index: int | None) -> None:
        """Edit event ``index`` of the session (a note being typed is saved to its own event)."""
        self.save_note()
        self._index = index
        self.setVisible(index is not None)
        self._refresh(note=True)

    def tag_chips(self) -> list[QToolButton]:
        return [w for w in self.chips.findChildren(QToolButton) if w.property("tag") is not None]

    def focus_tag_field(self) -> None:
        self.tag_field.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def focus_note(self) -> None:
        self.note.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _refresh(self, note: bool) -> None:
        session, index = self._session, self._index
        if session is None or index is None or index >= len(session.events):
            return
        marks = session.marks
        self.star_button.blockSignals(True)
        self.star_button.setChecked(bool(marks.starred[index]))
        self.star_button.blockSignals(False)
        self._show_star(bool(marks.starred[index]))
        self._show_tags(marks.tags.get(index, ()))
        self.completions.setStringList(session.annotations.tags())
        text = marks.notes.get(index, "")
        if note and text != self.note.toPlainText().strip():
            self.note.blockSignals(True)
            self.note.setPlainText(text)
            self.note.blockSignals(False)

    def _show_star(self, on: bool) -> None:
        word = self.tr("Starred") if on else self.tr("Star")
        self.star_button.setText(f"{STAR_ON if on else STAR_OFF} {word}")
        self.star_button.setToolTip(
            self.tr("Unstar this event") if on else self.tr("Star this event")
        )

    def _show_tags(self, tags: tuple[str, ...]) -> None:
        layout = self._chip_layout
        while layout.count():
            item = layout.takeAt(0)
            widget = item.widget()
            if widget is not None:
                widget.deleteLater()
        if not tags:
            layout.addWidget(plain_label(self.tr("No tags")))
        for tag in tags:
            chip = QToolButton()
            chip.setText(without_reordering(tag).replace("&", "&&") + "  ×")
            chip.setProperty("tag", tag)
            chip.setAutoRaise(False)
            chip.setToolTip(tooltip(self.tr("Remove tag %1").replace("%1", tag)))
            chip.setAccessibleName(self.tr("Remove tag %1").replace("%1", tag))
            chip.clicked.connect(lambda _=False, t=tag: self._remove_tag(t))
            layout.addWidget(chip)
        layout.addStretch(1)

    # --- changes --------------------------------------------------------------------------
    def save_note(self) -> None:
        """The note as typed, into the session (nothing happens when it is unchanged)."""
        self._note_timer.stop()
        session, index = self._session, self._index
        if session is None or index is None or index >= len(session.events):
            return
        text = self.note.toPlainText().strip()
        if text != session.marks.notes.get(index, ""):
            session.set_note([index], text)

    def _remove_tag(self, tag: str) -> None:
        if self._session is not None and self._index is not None:
            self._session.remove_tag([self._index], tag)

    def _on_star_button_toggled(self, on: bool) -> None:
        if self._session is not None and self._index is not None:
            self._session.set_starred([self._index], on)

    def _on_tag_field_return_pressed(self) -> None:
        tag = self.tag_field.text()
        if self._session is not None and self._index is not None and tag.strip():
            self._session.add_tag([self._index], tag)
        self.tag_field.clear()

    def _on_note_text_changed(self) -> None:
        self._note_timer.start()

    def _on_session_sources_changed(self, _keep_view: bool) -> None:
        """The events were read again: an index may now name another event, so a note not yet
        saved is not written to it."""
        self._note_timer.stop()
        self._index = None

    def _on_session_selection_changed(self, index: object) -> None:
        self.show_event(index if isinstance(index, int) else None)

    def _on_session_annotations_changed(self, changed: object) -> None:
        if self._index is None:
            return
        if changed is None or self._index in np.asarray(changed).tolist():
            # A note typed here is not overwritten while it is being typed.
            self._refresh(note=not self.note.hasFocus())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.note and event.type() == QEvent.Type.FocusOut:
            self.save_note()
        return super().eventFilter(watched, event)
