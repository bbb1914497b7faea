"""File → Open Project / Save Project: the session saved under a name, opened again as saved,
and the window's title telling whether there are changes not saved yet."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QFileDialog, QMessageBox

from viewer import __version__, settings
from viewer.io.project_file import (
    SUFFIX,
    Project,
    ProjectError,
    ProjectSource,
    read_project,
    source_on_disk,
    source_state,
    write_project,
)
from viewer.state.session import Session
from viewer.ui.file_opener import FileOpener
from viewer.ui.main_window import MainWindow


class ProjectActions(QObject):
    """Which project is open, whether it has unsaved changes, and saving and opening one."""

    def __init__(
        self,
        session: Session,
        window: MainWindow,
        preferences: settings.Settings,
        files: FileOpener,
    ) -> None:
        super().__init__(window)
        self._session, self._window, self._settings, self._files = (
            session, window, preferences, files,
        )  # fmt: skip
        self.path: str | None = None
        self._saved = self._state()
        self._annotated = False  # stars, tags or notes changed since the last save
        self._opening = False  # a project's files are loading: their arrival is no change
        for signal in (session.sources_changed, session.filters_changed, session.search_changed,
                       session.lane_order_changed, session.date_range_changed):  # fmt: skip
            signal.connect(self._on_session_changed)
        session.annotations_changed.connect(self._on_session_annotations_changed)
        files.loader.busy_changed.connect(self._on_loader_busy_changed)
        window.close_guard = self.may_discard_changes
        self._pending: Project | None = None

    # -- state -------------------------------------------------------------------------------
    @property
    def modified(self) -> bool:
        return self._annotated or (self.path is not None and self._state() != self._saved)

    def _state(self) -> tuple[object, ...]:
        """What a save would change (the visible range is saved, but moving it is no change)."""
        s = self._session
        return (s.source_paths(), sorted(s.hidden_lanes), s.date_range, s.search_text.strip(),
                list(s.lane_order))  # fmt: skip

    def _on_session_changed(self, *_args: object) -> None:
        self._show_modified()

    def _on_session_annotations_changed(self, indices: object) -> None:
        if isinstance(indices, np.ndarray):  # the user's change (None: found again after a load)
            self._annotated = True
        self._show_modified()

    def _show_modified(self) -> None:
        if not self._opening:
            self._window.set_unsaved(self.modified)

    def _mark_saved(self) -> None:
        self._saved, self._annotated = self._state(), False
        self._window.set_unsaved(False)

    # -- saving ------------------------------------------------------------------------------
    def save(self) -> bool:
        if self.path is None:
            return self.save_as()
        return self._write(self.path)

    def save_as(self) -> bool:
        start = self.path or str(Path(self._settings.get(settings.LAST_FOLDER) or Path.home())
                                 / QCoreApplication.translate("ProjectActions", "Untitled") ) + SUFFIX  # fmt: skip
        path, _filter = QFileDialog.getSaveFileName(
            self._window,
            QCoreApplication.translate("ProjectActions", "Save Project"),
            start,
            QCoreApplication.translate("ProjectActions", "Timeline projects (*%1)").replace(
                "%1", SUFFIX
            ),
        )
        if not path:
            return False
        if not path.lower().endswith(SUFFIX):
            path += SUFFIX
        return self._write(path)

    def _write(self, path: str) -> bool:
        try:
            write_project(path, self.project(), f"Timeline Viewer {__version__}")
        except OSError as error:
            QMessageBox.warning(
                self._window,
                QCoreApplication.translate("ProjectActions", "Save Project"),
                QCoreApplication.translate(
                    "ProjectActions", "The project could not be saved to %1: %2"
                )
                .replace("%1", path)
                .replace("%2", error.strerror or str(error)),
            )
            return False
        self._set_path(path)
        self._mark_saved()
        self._window.show_status(
            QCoreApplication.translate("ProjectActions", "Saved %1").replace("%1", Path(path).name)
        )
        return True

    def project(self) -> Project:
        """The session as a project (what Save writes)."""
        s, timeline = self._session, self._window.timeline
        sources = []
        for path in s.source_paths():
            source = source_on_disk(path)
            chosen = self._settings.load_options_for(path)
            source.columns, source.day_first = dict(chosen.columns), chosen.day_first
            source.year = chosen.year
            sources.append(source)
        return Project(
            sources=sources,
            lane_order=[lane for lane, _count in s.lane_counts()],
            hidden_lanes=sorted(s.hidden_lanes),
            lane_colours=dict(s.lane_colours),
            date_range=s.date_range,
            search=s.search_text.strip(),
            view=timeline.time_range() if s.sources else None,
            annotations=s.annotations,
        )

    # -- opening -----------------------------------------------------------------------------
    def open_with_dialog(self) -> None:
        if not self.may_discard_changes():
            return
        path, _filter = QFileDialog.getOpenFileName(
            self._window,
            QCoreApplication.translate("ProjectActions", "Open Project"),
            self._settings.get(settings.LAST_FOLDER),
            QCoreApplication.translate("ProjectActions", "Timeline projects (*%1)").replace(
                "%1", SUFFIX
            ),
        )
        if path:
            self.open(path)

    def open(self, path: str) -> bool:
        """Open the project at ``path`` in place of what is loaded; its files load in the
        background and the view, filters and search are put back once they are in."""
        try:
            project, problems = read_project(path)
        except ProjectError as error:
            self._window.problems.add_failure(path, str(error))
            self._window.problems_dock.raise_()
            self._window.show_status(str(error))
            return False
        s = self._session
        self._opening, self._pending = True, project
        self._set_path(path)
        for source in project.sources:
            if source.columns or source.day_first is not None or source.year is not None:
                self._settings.remember_choice(
                    source.path, source.columns, source.day_first, source.year
                )
        s.replace_all([])
        s.set_annotations(project.annotations)
        s.lane_colours = dict(project.lane_colours)  # kept as the files' lanes come in
        s.set_lane_order(project.lane_order)
        s.set_hidden_lanes(set(project.hidden_lanes))
        self._window.search.field.setText(project.search)
        present = [src.path for src in project.sources if source_state(src) != "missing"]
        self._files.open(present, replace=True)
        notes = problems + _source_notes(project.sources)
        self._window.problems.set_project_notes(notes)
        if notes:  # a file gone or changed is worth a look before reading on
            self._window.problems_dock.raise_()
            self._window.show_status(notes[0])
        if not present:
            self._finish_opening()
        return True

    def _on_loader_busy_changed(self, loading: int) -> None:
        if not loading and self._opening:
            self._finish_opening()

    def _finish_opening(self) -> None:
        project, s = self._pending, self._session
        self._opening, self._pending = False, None
        if project is None:
            return
        if project.date_range is not None:
            s.set_date_range(*project.date_range)
        if project.view is not None and s.sources:
            self._window.timeline.set_time_range(*project.view)
        self._mark_saved()

    def _set_path(self, path: str) -> None:
        self.path = str(Path(path).resolve())
        self._settings.add_recent_project(self.path)
        self._settings.set(settings.LAST_FOLDER, str(Path(path).resolve().parent))
        self._window.set_project_name(Path(path).stem)

    # -- closing -----------------------------------------------------------------------------
    def may_discard_changes(self) -> bool:
        """Ask before unsaved stars, tags, notes or project changes are lost; False: keep them."""
        if not self.modified:
            return True
        name = Path(self.path).stem if self.path else None
        question = (
            QCoreApplication.translate(
                "ProjectActions", "Save the changes to the project “%1” before closing it?"
            ).replace("%1", name)
            if name
            else QCoreApplication.translate(
                "ProjectActions", "Save your stars, tags and notes as a project before closing?"
            )
        )
        answer = QMessageBox.question(
            self._window,
            QCoreApplication.translate("ProjectActions", "Unsaved changes"),
            question,
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard


def _source_notes(sources: list[ProjectSource]) -> list[str]:
    notes = []
    for source in sources:
        name = Path(source.path).name
        state = source_state(source)
        if state == "missing":
            notes.append(
                QCoreApplication.translate(
                    "ProjectActions", "%1 was not found at %2; the project's other files are open."
                )
                .replace("%1", name)
                .replace("%2", source.path)
            )
        elif state == "changed":
            notes.append(
                QCoreApplication.translate(
                    "ProjectActions",
                    "%1 changed since the project was saved; its stars, tags and notes are "
                    "matched to its events by their content.",
                ).replace("%1", name)
            )
    return notes
