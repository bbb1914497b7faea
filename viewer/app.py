"""The composition root: builds the session, the window and the loader, and connects them, in a
visible order. Nothing else constructs or connects these objects; the work is theirs."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from viewer import __version__, assets, settings
from viewer.head_start import HeadStarts, open_event_cache
from viewer.io.project_file import is_project_path
from viewer.model.date_wording import wording_for
from viewer.state.session import Session
from viewer.ui.annotation_commands import AnnotationCommands
from viewer.ui.appearance import Appearance
from viewer.ui.error_reporting import ErrorReporter
from viewer.ui.export_actions import ExportActions
from viewer.ui.file_loader import FileLoader
from viewer.ui.file_opener import FileOpener
from viewer.ui.font_coverage import FontFamilies
from viewer.ui.font_notice import FontNotice
from viewer.ui.live_reload import LiveReload
from viewer.ui.main_window import MainWindow
from viewer.ui.plain_text import tooltip
from viewer.ui.project_actions import ProjectActions
from viewer.ui.search_syntax_dialog import SearchSyntaxDialog
from viewer.ui.shortcuts_dialog import ShortcutsDialog
from viewer.ui.start_timing import start_timing_if_asked
from viewer.ui.translations import install_translators, remove_translators, ui_language

APP_ID = "org.timelineviewer.TimelineViewer"


def create_app(argv: Sequence[str]) -> QApplication:
    app = QApplication.instance() or QApplication([sys.argv[0], *argv])
    assert isinstance(app, QApplication)
    app.setApplicationName("Timeline Viewer")
    app.setApplicationVersion(__version__)
    app.setOrganizationName(settings.ORGANIZATION)
    app.setDesktopFileName(APP_ID)  # desktops match the window to its .desktop entry and icon
    app.setWindowIcon(QIcon(str(assets.icon_path("app-icon"))))
    return app


class Application:
    """Holds the long-lived objects and the connections between them."""

    def __init__(
        self,
        preferences: settings.Settings,
        font_families: FontFamilies = QFontDatabase.families,
        head_starts: HeadStarts | None = None,
    ) -> None:
        """``head_starts``: the command line's files, already loading (with the events cache
        they read through)."""
        self.settings = preferences
        # Before any widget exists: strings are translated as widgets are built.
        language = ui_language(preferences.get(settings.LANGUAGE))
        self.translators = install_translators(language)
        self.session = Session()
        self.window = MainWindow(wording_for(language))  # dates written in the UI language
        self.window.bind(self.session)
        self.errors = ErrorReporter(self.window)
        self.appearance = Appearance(preferences, self.window)
        # Files read before open again from here; written after the load, off the GUI thread.
        self.cache = head_starts.cache if head_starts else open_event_cache(preferences)
        self.files = FileOpener(self.session, self.window, preferences, self.cache, head_starts)
        # A big file's word index, once built, is kept with its events for the next open.
        self.window.search.runner.indexer.indexed.connect(self.cache.keep_word_index)
        self.live_reload = LiveReload(
            self.session, self.window.actions.live_reload, preferences, self.files.reload
        )
        # Which fonts cover a writing system (tests inject this: the machine's fonts vary).
        self.font_notice = FontNotice(self.session, self.window, font_families)
        self.exports = ExportActions(
            self.session, self.window, preferences, lambda: self.appearance.theme
        )
        self.projects = ProjectActions(self.session, self.window, preferences, self.files)
        self.annotating = AnnotationCommands(self.session, self.window)
        self._shut_down = False
        self.search_syntax: SearchSyntaxDialog | None = None  # made when first asked for
        self._connect_actions()

    @property
    def loader(self) -> FileLoader:
        return self.files.loader

    def _connect_actions(self) -> None:
        a, w, f = self.window.actions, self.window, self.files
        a.open.triggered.connect(f.open_with_dialog)
        a.open_project.triggered.connect(self.projects.open_with_dialog)
        a.save_project.triggered.connect(self.projects.save)
        a.save_project_as.triggered.connect(self.projects.save_as)
        a.reload_all.triggered.connect(f.reload_all)
        w.files_dropped.connect(self.open_paths)
        w.sources.reload_requested.connect(lambda path: f.reload([path]))
        w.sources.columns_requested.connect(f.choose_columns)
        w.cancel_button.clicked.connect(f.loader.cancel)
        w.closing.connect(self.save_state)
        a.quit.triggered.connect(w.close)
        a.export_image.triggered.connect(self.exports.export_image)
        a.export_events.triggered.connect(self.exports.export_events)
        a.find.triggered.connect(w.search.focus)
        a.find_next.triggered.connect(lambda: self.session.step_match(1))
        a.find_previous.triggered.connect(lambda: self.session.step_match(-1))
        a.zoom_in.triggered.connect(lambda: w.timeline.zoom(2.0))
        a.zoom_out.triggered.connect(lambda: w.timeline.zoom(0.5))
        a.fit_all.triggered.connect(w.timeline.fit_all)
        a.previous_event.triggered.connect(lambda: w.timeline.step_selection(-1))
        a.next_event.triggered.connect(lambda: w.timeline.step_selection(1))
        a.shortcuts.triggered.connect(
            lambda: ShortcutsDialog(a, w, [dock.toggleViewAction() for dock in w.docks()]).exec()
        )
        a.search_syntax.triggered.connect(self._show_search_syntax)
        a.about.triggered.connect(self._about)
        w.recent_menu.aboutToShow.connect(self._fill_recent_menu)

    def shutdown(self) -> None:
        """Stop what outlives the window: global connections, watchers, timers, loads. Once."""
        if self._shut_down:
            return
        self._shut_down = True
        self.appearance.stop()
        self.live_reload.stop()
        self.files.loader.cancel()
        self.files.loader.wait()
        self.files.merger.wait()
        self.window.search.runner.stop()
        self.cache.close()  # after the loads: the last one may still hand it a file to keep
        self.errors.uninstall()
        remove_translators(self.translators)

    def open_paths(self, paths: Sequence[str], replace: bool = False) -> None:
        """Files to add (or to replace what is loaded); a project among them opens instead."""
        projects = [p for p in paths if is_project_path(p)]
        if projects:
            if self.projects.may_discard_changes():
                self.projects.open(projects[0])
            return
        self.files.open(paths, replace=replace)

    def _open_recent_project(self, path: str) -> None:
        if self.projects.may_discard_changes():
            self.projects.open(path)

    def _fill_recent_menu(self) -> None:
        menu = self.window.recent_menu
        menu.clear()
        for path in self.settings.recent_projects():
            name = Path(path).name.replace("&", "&&")
            menu.addAction(name, lambda p=path: self._open_recent_project(p)).setToolTip(
                tooltip(path)
            )
        if not menu.isEmpty():
            menu.addSeparator()
        for path in self.settings.recent_files():
            # A name is text, not a mnemonic ("&"); the tooltip is escaped (plain_text.tooltip).
            name = Path(path).name.replace("&", "&&")
            menu.addAction(name, lambda p=path: self.files.open([p])).setToolTip(tooltip(path))
        menu.setEnabled(True)
        if menu.isEmpty():
            menu.addAction(QCoreApplication.translate("Application", "No recent files")).setEnabled(
                False
            )

    def _show_search_syntax(self) -> None:
        if self.search_syntax is None:
            self.search_syntax = SearchSyntaxDialog(self.window)  # a child: closes with it
        if self.search_syntax.isVisible():
            self.search_syntax.raise_()  # open behind the window: bring it forward
        else:
            self.search_syntax.show()

    def _about(self) -> None:
        QMessageBox.about(
            self.window,
            QCoreApplication.translate("Application", "About Timeline Viewer"),
            QCoreApplication.translate(
                "Application", "Timeline Viewer %1\nA fast, zoomable timeline of dated events."
            ).replace("%1", __version__),
        )

    def restore_state(self, files: Sequence[str]) -> None:
        """Open ``files``; with none, the last session's files and view (or the sample). Files
        load in the background, after this returns (the sample, which is small, here)."""
        w, st = self.window, self.settings
        w.restoreGeometry(st.get(settings.WINDOW_GEOMETRY))
        w.restoreState(st.get(settings.WINDOW_STATE))
        self.session.set_hidden_lanes(set(st.get(settings.SESSION_HIDDEN_LANES)))
        if files:
            # In the background, as a drop: the window is up at once, with progress and Cancel.
            self.open_paths(files)
            return
        previous = [p for p in st.get(settings.SESSION_SOURCES) if Path(p).is_file()]
        if not previous:
            self.files.load_now([str(assets.sample_timeline())])  # small, and part of the app
            return
        self.files.open(previous)  # in the background too: the last files may be big
        view = st.get(settings.SESSION_VIEW)
        if view is not None:
            self._restore_view_once_loaded(view)

    def _restore_view_once_loaded(self, view: tuple[float, float]) -> None:
        """The last session's visible range, once its files are in (not if they were cancelled)."""

        merger = self.files.merger

        def restore() -> None:
            if self.session.sources:
                self.window.timeline.set_time_range(*view)

        def on_merging_changed(merging: bool) -> None:
            if not merging:  # the last files joined the others (a merge shows them fitted)
                merger.merging_changed.disconnect(on_merging_changed)
                restore()

        def on_busy_changed(loading: int) -> None:
            if loading:
                return
            self.loader.busy_changed.disconnect(on_busy_changed)
            if merger.merging:
                merger.merging_changed.connect(on_merging_changed)
            else:
                restore()

        self.loader.busy_changed.connect(on_busy_changed)

    def save_state(self) -> None:
        w, st = self.window, self.settings
        st.set(settings.WINDOW_GEOMETRY, w.saveGeometry())
        st.set(settings.WINDOW_STATE, w.saveState())
        st.set(settings.SESSION_SOURCES, self.session.source_paths())
        st.set(settings.SESSION_VIEW, w.timeline.time_range() if self.session.sources else None)
        st.set(settings.SESSION_HIDDEN_LANES, sorted(self.session.hidden_lanes))
        st.sync()


def build_application(
    files: Sequence[str],
    preferences: settings.Settings,
    font_families: FontFamilies = QFontDatabase.families,
    head_starts: HeadStarts | None = None,
) -> Application:
    try:
        application = Application(preferences, font_families, head_starts)
        application.appearance.apply()
        application.restore_state(files)
    finally:
        if head_starts is not None:  # (also when the window could not be built)
            head_starts.on_window_built()
    return application


def run_app(argv: Sequence[str], head_starts: HeadStarts | None = None) -> int:
    """The app on ``argv``; ``head_starts``: its files' loads, begun before the window."""
    app = create_app(argv)
    files = [a for a in app.arguments()[1:] if not a.startswith("-")]
    preferences = head_starts.preferences if head_starts else settings.open_settings()
    application = build_application(files, preferences, head_starts=head_starts)
    application.errors.install()
    app.aboutToQuit.connect(application.shutdown)
    application.window.show()
    start_timing_if_asked(application.window, application.session)  # bench_open.py only
    return app.exec()
