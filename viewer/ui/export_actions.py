"""File → Export Image… and File → Export Events…: the session as a picture or as data."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox

from viewer import settings
from viewer.io.file_names import picture_title
from viewer.io.writers.event_writer import write_events
from viewer.state.session import Session
from viewer.timeline.image_export import export_image
from viewer.timeline.look import PRINT, Look
from viewer.timeline.picture_presets import PRESETS
from viewer.timeline.picture_request import (
    ImageRequest,
    NothingToDrawError,
    check_something_to_draw,
    preset_request,
)
from viewer.ui.export_image_dialog import RANGE_ALL, RANGE_TYPED, RANGE_VISIBLE, ExportImageDialog
from viewer.ui.main_window import MainWindow


class ExportActions:
    def __init__(self, session: Session, window: MainWindow, preferences: settings.Settings,
                 look: Callable[[], Look]) -> None:  # fmt: skip
        self._session, self._window, self._settings, self._look = session, window, preferences, look
        # Where to write (a save dialog; tests put a stand-in here).
        self.ask_output: Callable[[str, str, str], str | None] = self._ask_output_with_dialog
        # The picture's options (a dialog; tests put a stand-in here).
        self.make_image_dialog: Callable[[str, bool], ExportImageDialog] = lambda title, caption: (
            ExportImageDialog(title, caption, self._window)
        )

    def export_image(self) -> None:
        s, w = self._session, self._window
        if len(s.shown) == 0:
            self._refuse(
                QCoreApplication.translate(
                    "ExportActions",
                    "There are no events to draw: open a file, or show the lanes you hid.",
                )
            )
            return
        sources = "\n".join(s.source_paths())
        title = picture_title([(source.path, source.report.title) for source in s.sources])
        selected = s.events.event(s.selected).excerpt if s.selected is not None else ""
        dialog = self.make_image_dialog(title, bool(selected))
        remembered = dict(self._settings.get(settings.EXPORT_IMAGE))
        if remembered.get("title_for") != sources:  # another story: its own title
            remembered.pop("title", None)
        dialog.restore(remembered)
        starred = np.flatnonzero(s.marks.starred)
        dialog.starred_only.setEnabled(bool(np.isin(starred, s.shown).any()))
        if dialog.exec() != ExportImageDialog.DialogCode.Accepted:
            return
        self._settings.set(settings.EXPORT_IMAGE, {**dialog.options(), "title_for": sources})
        choice = dialog.ranges.checkedId()
        time_range = (
            {RANGE_VISIBLE: w.timeline.time_range(), RANGE_ALL: None}.get(choice)
            if choice != RANGE_TYPED
            else dialog.typed_range()
        )
        only_starred = dialog.starred_only.isEnabled() and dialog.starred_only.isChecked()
        drawn = s.shown[np.isin(s.shown, starred)] if only_starred else s.shown
        try:
            check_something_to_draw(s.events, drawn, time_range)
        except NothingToDrawError:
            self._refuse(
                QCoreApplication.translate(
                    "ExportActions", "No shown event falls in that range: there is nothing to draw."
                )
            )
            return
        path = self.ask_output(
            QCoreApplication.translate("ExportActions", "Export image"),
            QCoreApplication.translate(
                "ExportActions", "PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)"
            ),
            "timeline.png",
        )
        if path is None:
            return
        request = _sized_request(dialog)
        request.scale, request.time_range = dialog.scale.value(), time_range
        request.title, request.subtitle = dialog.title.text(), dialog.subtitle.text()
        request.credit, request.caption = (
            dialog.credit.text(),
            selected if dialog.caption.isChecked() else "",
        )
        request.legend, request.date_span = dialog.legend.isChecked(), dialog.date_span.isChecked()
        request.look = PRINT if dialog.print_look.isChecked() else self._look()
        request.page, request.landscape = dialog.page_size(), dialog.landscape.isChecked()
        request.pages_wide = dialog.pages_wide.value()
        request.highlighted = s.matches if s.searching else None
        # Stars and tags as on screen; or only the starred events.
        request.starred, request.tagged = starred, np.flatnonzero(s.marks.tagged)
        request.starred_only = only_starred
        request.wording = w.timeline.wording
        request.lane_colours, request.lane_order = s.lane_colours, list(s.lane_order)
        self._write_output(path, lambda: export_image(s.events, s.shown, request, path))

    def _refuse(self, text: str) -> None:
        QMessageBox.information(
            self._window, QCoreApplication.translate("ExportActions", "Export Image"), text
        )

    def export_events(self) -> None:
        path = self.ask_output(
            QCoreApplication.translate("ExportActions", "Export events"),
            QCoreApplication.translate(
                "ExportActions",
                "CSV (*.csv);;JSON Lines (*.jsonl);;TimelineJS JSON (*.timelinejs.json);;Timesketch CSV (*.timesketch.csv);;Timesketch JSON Lines (*.timesketch.jsonl)",
            ),
            "events.csv",
        )
        if path is None:
            return
        s = self._session
        order = s.shown[s.events.subset(s.shown).order.time_order()]  # the shown events by time
        events, marks = s.events.subset(order), s.marks.subset(order)
        self._write_output(path, lambda: write_events(events, path, marks=marks))

    def _ask_output_with_dialog(self, caption: str, filters: str, default: str) -> str | None:
        folder = self._settings.get(settings.LAST_FOLDER)
        path, _ = QFileDialog.getSaveFileName(
            self._window, caption, str(Path(folder) / default), filters
        )
        return path or None

    def _write_output(self, path: str, write: Callable[[], None]) -> None:
        if any(Path(path).resolve() == Path(p).resolve() for p in self._session.source_paths()):
            self._window.show_status(
                QCoreApplication.translate(
                    "ExportActions", "%1 is a loaded file; it was not overwritten."
                ).replace("%1", Path(path).name)
            )
            return
        try:
            write()
        except (OSError, ValueError, MemoryError) as error:
            QMessageBox.warning(
                self._window,
                QCoreApplication.translate("ExportActions", "Export"),
                QCoreApplication.translate("ExportActions", "Could not write %1: %2")
                .replace("%1", Path(path).name)
                .replace("%2", _reason(error)),
            )
            return
        self._window.show_status(
            QCoreApplication.translate("ExportActions", "Wrote %1").replace("%1", path)
        )


def _sized_request(dialog: ExportImageDialog) -> ImageRequest:
    """The preset's size, resolution, text size and page, or the size typed in."""
    font_size = dialog.chosen_font_size()
    if dialog.preset_name in PRESETS:
        request = preset_request(dialog.preset_name)
        request.font_size = font_size or request.font_size
        return request
    return ImageRequest(dialog.width_box.value(), dialog.height_box.value(), font_size=font_size)


def _reason(error: Exception) -> str:
    """Why a write failed, in the system's words ("No space left on device"), without the
    temporary file's name that ``str(OSError)`` carries."""
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    if isinstance(error, MemoryError):
        return QCoreApplication.translate(
            "ExportActions",
            "not enough memory; close other programs, or show fewer events and export again",
        )
    return str(error)
