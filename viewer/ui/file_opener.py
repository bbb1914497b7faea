"""Opening files: what the user asks for (Open, drops, reloads, Open Recent) goes to the loader
as one request, and each file's result goes to the session, or to the user when it failed."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from viewer import settings
from viewer.head_start import HeadStarts
from viewer.io.cache.event_cache import EventCache
from viewer.io.formats import expand_paths
from viewer.io.load_report import LoadReport
from viewer.state.session import Adding, Session, Source
from viewer.ui.file_loader import FileLoader, LoadRequest
from viewer.ui.load_messages import translated
from viewer.ui.main_window import MainWindow
from viewer.ui.mapping_question import MappingQuestion
from viewer.ui.open_dialog import ask_for_timelines
from viewer.ui.source_merger import SourceMerger


class FileOpener:
    def __init__(
        self,
        session: Session,
        window: MainWindow,
        preferences: settings.Settings,
        cache: EventCache | None = None,
        head_starts: HeadStarts | None = None,
    ) -> None:
        self._session, self._window, self._settings = session, window, preferences
        self.loader = FileLoader(
            options_for=preferences.load_options_for, cache=cache, head_starts=head_starts
        )
        self.mapping = MappingQuestion(preferences, window, self._read_again)
        self.loader.loaded.connect(self._on_loader_loaded)
        self.loader.failed.connect(self._on_loader_failed)
        self.loader.busy_changed.connect(window.show_loading)
        self.loader.progressed.connect(window.show_progress)
        self.loader.cancelled.connect(self._on_loader_cancelled)
        # A big file joins the others off the GUI thread.
        self.merger = SourceMerger(session, window)
        self.merger.merging_changed.connect(self._on_merger_merging_changed)
        self.merger.added.connect(self._on_merger_added)

    def open_with_dialog(self) -> None:
        paths = ask_for_timelines(self._window, self._settings.get(settings.LAST_FOLDER))
        if paths:
            self._settings.set(settings.LAST_FOLDER, str(Path(paths[0]).parent))
            self.open(paths)

    def open(self, paths: Sequence[str], replace: bool = False) -> None:
        """Load files (folders give their readable files) in the background; ``replace``:
        they take the place of everything loaded."""
        self._window.problems.clear_failures()
        self.loader.load(paths, LoadRequest(replace=replace))

    def reload(self, paths: Sequence[str]) -> None:
        """Load files again, keeping the view (a reload, a changed file)."""
        self._window.problems.clear_failures()
        self.loader.load(paths, LoadRequest(keep_view=True))

    def _read_again(self, path: str) -> None:
        """Load a file again with the user's new answer (columns, day/month order). Its dates
        may now read differently, so the view fits them instead of keeping the old range."""
        self._window.problems.clear_failures()
        self.loader.load([path], LoadRequest(keep_view=False))

    def choose_columns(self, path: str) -> None:
        """Columns… in the Files panel: the column dialog for a loaded file."""
        source = next((s for s in self._session.sources if s.path == path), None)
        if source is None:
            return
        if not self.mapping.choose_columns(path, source.report):
            self._window.show_status(
                QCoreApplication.translate(
                    "Application", "%1 is not a table of columns: its roles cannot be chosen"
                ).replace("%1", source.name)
            )

    def reload_all(self) -> None:
        self.reload(self._session.source_paths())

    def load_now(self, paths: Sequence[str]) -> None:
        """Load on this thread (start-up: the window opens already showing its files)."""
        for path in expand_paths(paths):
            self.loader.load_now(path)

    def _on_loader_loaded(self, source: Source, request: LoadRequest) -> None:
        self.mapping.after_load(source.path, source.report)
        keep_only = request.paths if request.replace else None
        self._settings.add_recent_file(source.path)
        self.merger.add(source, Adding(keep_only, request.keep_view, request.paths))

    def _on_merger_added(self, sources: list[Source]) -> None:
        self._window.show_status(
            QCoreApplication.translate("Application", "Loaded %1").replace("%1", sources[-1].name)
        )

    def _on_merger_merging_changed(self, merging: bool) -> None:
        if merging:  # once merged, the window tells the events and files now shown
            text = QCoreApplication.translate("Application", "Putting the files together…")
            self._window.show_status(text)

    def _on_loader_cancelled(self) -> None:
        self._window.show_status(QCoreApplication.translate("Application", "Load cancelled"))

    def _on_loader_failed(self, path: str, report: LoadReport, _request: LoadRequest) -> None:
        sentence = translated(report.error or "")
        if report.needs_mapping and self.mapping.ask_about(path, report, sentence):
            return
        self._window.problems.add_failure(path, sentence)
        self._window.problems_dock.raise_()
        self._window.show_status(sentence)
