"""File → Export Image… and File → Export Events…: the session as a picture or as data."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox

from viewer import settings
from viewer.io.writers.event_writer import write_events
from viewer.state.session import Session
from viewer.timeline.image_export import ImageRequest, export_image
from viewer.timeline.look import Look
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
        title = ", ".join(source.name for source in s.sources)
        selected = s.events.event(s.selected).excerpt if s.selected is not None else ""
        dialog = self.make_image_dialog(title, bool(selected))
        if dialog.exec() != ExportImageDialog.DialogCode.Accepted:
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
        choice = dialog.ranges.checkedId()
        time_range = (
            {RANGE_VISIBLE: w.timeline.time_range(), RANGE_ALL: None}.get(choice)
            if choice != RANGE_TYPED
            else dialog.typed_range()
        )
        request = ImageRequest(
            width=dialog.width_box.value(), height=dialog.height_box.value(), scale=dialog.scale.value(),
            time_range=time_range, title=dialog.title.text(),
            caption=selected if dialog.caption.isChecked() else "", look=self._look(),
            page=dialog.page_size(), landscape=dialog.landscape.isChecked(),
            highlighted=s.matches if s.search_text.strip() else None, wording=w.timeline.wording,
        )  # fmt: skip
        self._write_output(path, lambda: export_image(s.events, s.shown, request, path))

    def export_events(self) -> None:
        path = self.ask_output(
            QCoreApplication.translate("ExportActions", "Export events"),
            QCoreApplication.translate(
                "ExportActions",
                "CSV (*.csv);;JSON Lines (*.jsonl);;TimelineJS JSON (*.timelinejs.json);;Timesketch CSV (*.timesketch.csv)",
            ),
            "events.csv",
        )
        if path is None:
            return
        shown = self._session.events.subset(self._session.shown)
        self._write_output(path, lambda: write_events(shown.sorted_by_time(), path))

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
