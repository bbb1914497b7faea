"""The composition root: builds the session, the window and the loader, and wires them, in a
visible order. Nothing else constructs or connects these objects."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QFileSystemWatcher, Qt, QTimer
from PySide6.QtGui import QFontDatabase, QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from viewer import __version__, assets, settings
from viewer.io.load_errors import LoadError
from viewer.io.load_options import ROLES, LoadOptions
from viewer.io.loader import LoadReport
from viewer.io.preview import preview_rows
from viewer.state.session import Session, Source
from viewer.timeline.tick_spacing import set_date_language
from viewer.ui.error_reporting import ErrorReporter
from viewer.ui.export_actions import ExportActions
from viewer.ui.file_loader import FileLoader, expand_paths
from viewer.ui.font_coverage import FontFamilies, cjk_font_missing
from viewer.ui.load_messages import translated
from viewer.ui.main_window import MainWindow
from viewer.ui.mapping_dialog import MappingDialog
from viewer.ui.shortcuts_dialog import ShortcutsDialog
from viewer.ui.theme import LIGHT, apply_palette, resolve_theme
from viewer.ui.translations import install_translators, remove_translators, ui_language
from viewer.ui.window_actions import ICON_INK, tint_actions

RELOAD_DELAY_MS = 400
APP_ID = "org.timelineviewer.TimelineViewer"
ORDER_KEY = "order"  # beside the roles in a remembered mapping: "day", "month" or "auto"


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
        self, preferences: settings.Settings, font_families: FontFamilies = QFontDatabase.families
    ) -> None:
        self.settings = preferences
        # Before any widget exists: strings are translated as widgets are built.
        language = ui_language(preferences.get(settings.LANGUAGE))
        self.translators = install_translators(language)
        set_date_language(language)  # the axis, details and pictures write dates the same way
        self.session = Session()
        self.loader = FileLoader()
        self.window = MainWindow()
        self.errors = ErrorReporter(self.window)
        self.watcher = QFileSystemWatcher()
        self.exports = ExportActions(self.session, self.window, preferences, lambda: self.theme)
        self._reload_timer = QTimer(singleShot=True, interval=RELOAD_DELAY_MS)
        self._changed_paths: set[str] = set()
        self._replace_next = False
        self._keep_view = False
        self._shut_down = False
        # Asks which column is which (a dialog; tests put a stand-in here).
        self.ask_mapping = self._ask_with_dialog
        self.theme = resolve_theme("light")
        # Which fonts cover a writing system (tests inject this: the machine's fonts vary).
        self.font_families = font_families
        self.font_notice: QMessageBox | None = None
        self._wire_session()
        self._wire_views()
        self._wire_loading()
        self._wire_actions()

    # -- wiring -----------------------------------------------------------------------------
    def _wire_session(self) -> None:
        s, w = self.session, self.window
        s.sources_changed.connect(self._on_session_sources_changed)
        s.filters_changed.connect(self._on_session_filters_changed)
        s.search_changed.connect(self._on_session_search_changed)
        s.selection_changed.connect(self._on_session_selection_changed)
        w.timeline.event_selected.connect(s.select)
        w.table.event_selected.connect(s.select)
        w.table.event_activated.connect(self._on_table_event_activated)
        w.legend.lane_toggled.connect(s.set_lane_visible)
        w.date_filter.range_changed.connect(s.set_date_range)
        w.search.text_changed.connect(s.set_search)
        w.search.stepped.connect(self._step_match)

    def _wire_views(self) -> None:
        w = self.window
        w.sources.remove_requested.connect(self.session.remove_source)
        w.sources.reload_requested.connect(lambda path: self._load([path], keep_view=True))
        w.files_dropped.connect(lambda paths, replace: self._load(paths, replace=replace))
        w.closing.connect(self.save_state)

    def _wire_loading(self) -> None:
        self.loader.loaded.connect(self._on_loader_loaded)
        self.loader.failed.connect(self._on_loader_failed)
        self.loader.busy_changed.connect(self.window.show_loading)
        self.window.cancel_button.clicked.connect(self.loader.cancel)
        self.watcher.fileChanged.connect(self._on_watcher_file_changed)
        self._reload_timer.timeout.connect(self._reload_changed)

    def _wire_actions(self) -> None:
        a, w = self.window.actions, self.window
        a.open.triggered.connect(self.open_files)
        a.reload_all.triggered.connect(
            lambda: self._load(self.session.source_paths(), keep_view=True)
        )
        a.quit.triggered.connect(w.close)
        a.export_image.triggered.connect(self.exports.export_image)
        a.export_events.triggered.connect(self.exports.export_events)
        a.find.triggered.connect(w.search.focus)
        a.find_next.triggered.connect(lambda: self._step_match(1))
        a.find_previous.triggered.connect(lambda: self._step_match(-1))
        a.zoom_in.triggered.connect(lambda: w.timeline.zoom(2.0))
        a.zoom_out.triggered.connect(lambda: w.timeline.zoom(0.5))
        a.fit_all.triggered.connect(w.timeline.fit_all)
        a.previous_event.triggered.connect(lambda: w.timeline.step_selection(-1))
        a.next_event.triggered.connect(lambda: w.timeline.step_selection(1))
        a.live_reload.setChecked(self.settings.get(settings.LIVE_RELOAD))
        a.live_reload.toggled.connect(self._on_live_reload_toggled)
        a.shortcuts.triggered.connect(
            lambda: ShortcutsDialog(a, w, [dock.toggleViewAction() for dock in w.docks()]).exec()
        )
        a.about.triggered.connect(self._about)
        w.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        w.theme_actions.triggered.connect(lambda action: self.set_theme(str(action.data())))
        w.language_actions.triggered.connect(lambda action: self.set_language(str(action.data())))
        for action in w.language_actions.actions():
            action.setChecked(action.data() == self.settings.get(settings.LANGUAGE))
        hints = QGuiApplication.styleHints()
        self._scheme_connection = hints.colorSchemeChanged.connect(self._on_color_scheme_changed)

    def _on_color_scheme_changed(self, _scheme: object) -> None:
        self.apply_theme()

    def shutdown(self) -> None:
        """Stop what outlives the window: global connections, watchers, timers, loads. Once."""
        if self._shut_down:
            return
        self._shut_down = True
        QGuiApplication.styleHints().colorSchemeChanged.disconnect(self._scheme_connection)
        self._reload_timer.stop()
        if self.watcher.files():
            self.watcher.removePaths(self.watcher.files())
        self.loader.cancel()
        self.loader.wait()
        self.errors.uninstall()
        remove_translators(self.translators)
        set_date_language("en")

    # -- look ---------------------------------------------------------------------------------
    def set_language(self, preference: str) -> None:
        """Saved now, shown from the next start (every window and string is built at start-up)."""
        self.settings.set(settings.LANGUAGE, preference)
        self.window.show_status(
            QCoreApplication.translate(
                "Application", "The language changes when Timeline Viewer starts again."
            )
        )

    def set_theme(self, preference: str) -> None:
        self.settings.set(settings.THEME, preference)
        self.apply_theme()

    def apply_theme(self) -> None:
        preference = self.settings.get(settings.THEME)
        theme = resolve_theme(preference)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_palette(app, theme)
        self.window.timeline.apply_look(theme)
        for action in self.window.theme_actions.actions():
            action.setChecked(action.data() == preference)
        tint_actions(self.window.actions, ICON_INK if theme is LIGHT else theme.text)
        self.theme = theme

    # -- loading ----------------------------------------------------------------------------
    def open_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self.window,
            QCoreApplication.translate("Application", "Open timelines"),
            self.settings.get(settings.LAST_FOLDER),
            QCoreApplication.translate(
                "Application",
                "Timelines (*.csv *.tsv *.txt *.json *.jsonl *.timeline);;All files (*)",
            ),
        )
        if paths:
            self.settings.set(settings.LAST_FOLDER, str(Path(paths[0]).parent))
            self._load(paths)

    def _load(self, paths: Sequence[str], replace: bool = False, keep_view: bool = False) -> None:
        self._replace_next = replace
        self._keep_view = keep_view
        self.window.problems.clear_failures()
        for path in expand_paths(paths):
            self.loader.load([path], self._options_for(path))

    def load_now(self, paths: Sequence[str]) -> None:
        """Load on this thread (start-up: the window opens already showing its files)."""
        for path in paths:
            self.loader.load_now(path, self._options_for(path))

    def _options_for(self, path: str) -> LoadOptions:
        """What the user chose for this file before (columns, order of day and month)."""
        remembered = self.settings.mapping_for(path) or {}
        order = remembered.get(ORDER_KEY)
        columns = {role: column for role, column in remembered.items() if role in ROLES}
        day_first = {"day": True, "month": False}.get(order or "")
        return LoadOptions(columns=columns, day_first=day_first)

    def _on_loader_loaded(self, source: Source) -> None:
        remembered = self.settings.mapping_for(source.path) or {}
        if source.report.ambiguous_order and ORDER_KEY not in remembered:
            # Loaded month-first; the user may say it is day-first (the view shows it meanwhile).
            # With the window as context: dropped if the window is gone before it fires.
            QTimer.singleShot(
                0,
                self.window,
                lambda: self._ask_mapping(source.path, source.report, self._order_question()),
            )
        if self._replace_next:
            self._replace_next = False
            self.session.replace_all([source])
        else:
            self.session.add_source(source)
        self.settings.add_recent_file(source.path)
        self.window.show_status(
            QCoreApplication.translate("Application", "Loaded %1").replace("%1", source.name)
        )

    def _on_loader_failed(self, path: str, report: LoadReport) -> None:
        sentence = translated(report.error or "")
        if report.needs_mapping and self._ask_mapping(path, report, sentence):
            return
        self.window.problems.add_failure(path, sentence)
        self.window.problems_dock.raise_()
        self.window.show_status(sentence)

    def _order_question(self) -> str:
        return QCoreApplication.translate(
            "Application",
            "The dates in this file read the same as day/month and month/day. They are shown month "
            "first; choose the order if that is wrong.",
        )

    def _ask_mapping(self, path: str, report: LoadReport, reason: str) -> bool:
        """Ask which column is which; on OK, remember the answer and load again."""
        try:
            columns, rows = preview_rows(path, self._options_for(path))
        except LoadError:
            return False  # not a delimited table: nothing to map
        answer = self.ask_mapping(Path(path).name, columns, rows, reason, report.columns)
        if answer is None:
            return False
        mapping, day_first = answer
        remembered = dict(mapping)
        if day_first is not None:
            remembered[ORDER_KEY] = "day" if day_first else "month"
        else:
            remembered[ORDER_KEY] = "auto"
        self.settings.remember_mapping(path, remembered)
        self._load([path], keep_view=True)
        return True

    def _ask_with_dialog(
        self,
        name: str,
        columns: list[str],
        rows: list[list[str]],
        reason: str,
        current: dict[str, str],
    ) -> tuple[dict[str, str], bool | None] | None:
        dialog = MappingDialog(name, columns, rows, reason, current, self.window)
        if dialog.exec() != MappingDialog.DialogCode.Accepted:
            return None
        return dialog.mapping(), dialog.day_first()

    def _on_watcher_file_changed(self, path: str) -> None:
        if self.window.actions.live_reload.isChecked():
            self._changed_paths.add(path)
            self._reload_timer.start()  # editors write in bursts: wait until they are done

    def _reload_changed(self) -> None:
        paths = [p for p in self._changed_paths if Path(p).exists()]
        self._changed_paths.clear()
        if paths:
            self._load(paths, keep_view=True)

    def _on_live_reload_toggled(self, on: bool) -> None:
        self.settings.set(settings.LIVE_RELOAD, on)

    # -- session -> views -----------------------------------------------------------------------
    def _on_session_sources_changed(self) -> None:
        s, w = self.session, self.window
        w.timeline.set_events(s.events, s.shown, keep_view=self._keep_view)
        # A reload of several files keeps the view until the last of them has arrived.
        self._keep_view = self._keep_view and self.loader.busy > 0
        w.table.set_events(s.events, s.matches if s.search_text.strip() else s.shown)
        w.legend.set_lanes(s.lane_counts(), s.hidden_lanes)
        w.sources.set_sources(s.sources)
        w.problems.set_reports([source.report for source in s.sources])
        self._watch(s.source_paths())
        self._check_fonts()
        self._on_session_search_changed()
        w.show_status(
            (
                QCoreApplication.translate("Application", "1 event from %2 file(s)")
                if len(s.events) == 1
                else QCoreApplication.translate("Application", "%1 events from %2 file(s)")
            )
            .replace("%1", f"{len(s.events):,}")
            .replace("%2", str(len(s.sources)))
        )

    def _check_fonts(self) -> None:
        """Once per run: tell the user which font to install rather than draw empty boxes."""
        if self.font_notice is not None or not cjk_font_missing(
            self.session.events, self.font_families
        ):
            return
        self.font_notice = QMessageBox(
            QMessageBox.Icon.Information,
            QCoreApplication.translate("Application", "A font is missing"),
            QCoreApplication.translate(
                "Application",
                "Some events are written in Chinese, Japanese or Korean, but no installed font can "
                "show those characters. Install a CJK font (on Debian or Ubuntu: sudo apt-get install "
                "fonts-noto-cjk) and restart Timeline Viewer.",
            ),
            parent=self.window,
        )
        self.font_notice.setWindowModality(Qt.WindowModality.NonModal)
        self.font_notice.show()

    def _on_session_filters_changed(self) -> None:
        s = self.session
        self.window.timeline.set_events(s.events, s.shown, keep_view=True)
        self.window.table.set_shown(s.matches if s.search_text.strip() else s.shown)

    def _on_session_search_changed(self) -> None:
        s, w = self.session, self.window
        searching = bool(s.search_text.strip())
        w.timeline.events_item.set_highlighted(s.matches)
        w.table.set_shown(s.matches if searching else s.shown)
        position = None
        if searching and s.selected is not None and s.selected in s.matches:
            position = int((s.matches == s.selected).nonzero()[0][0])
        w.search.show_count(position, len(s.matches), searching)

    def _on_session_selection_changed(self, index: object) -> None:
        w = self.window
        selected = index if isinstance(index, int) else None
        w.timeline.select_event(selected, reveal=True)
        w.table.select_event(selected)
        w.details.show_event(self.session.events, selected)
        self._on_session_search_changed()

    def _on_table_event_activated(self, index: int) -> None:
        frame = self.session.events.frame
        start = float(frame["start"].iat[index])
        end = frame["end"].iat[index]
        last = float(end) if end is not None and end == end else start
        margin = max((last - start) * 0.2, 86_400.0)
        self.window.timeline.set_time_range(start - margin, last + margin)

    def _step_match(self, step: int) -> None:
        self.session.step_match(step)

    def _watch(self, paths: list[str]) -> None:
        current = set(self.watcher.files())
        wanted = {p for p in paths if Path(p).exists()}
        if current - wanted:
            self.watcher.removePaths(list(current - wanted))
        if wanted - current:
            self.watcher.addPaths(list(wanted - current))

    # -- menus ------------------------------------------------------------------------------
    def _fill_recent_menu(self) -> None:
        menu = self.window.recent_menu
        menu.clear()
        for path in self.settings.recent_files():
            menu.addAction(Path(path).name, lambda p=path: self._load([p])).setToolTip(path)
        menu.setEnabled(True)
        if menu.isEmpty():
            menu.addAction(QCoreApplication.translate("Application", "No recent files")).setEnabled(
                False
            )

    def _about(self) -> None:
        QMessageBox.about(
            self.window,
            QCoreApplication.translate("Application", "About Timeline Viewer"),
            QCoreApplication.translate(
                "Application", "Timeline Viewer %1\nA fast, zoomable timeline of dated events."
            ).replace("%1", __version__),
        )

    # -- state --------------------------------------------------------------------------------
    def restore_state(self, files: Sequence[str]) -> None:
        """Open ``files``; with none, the last session's files and view (or the sample)."""
        w, st = self.window, self.settings
        w.restoreGeometry(st.get(settings.WINDOW_GEOMETRY))
        w.restoreState(st.get(settings.WINDOW_STATE))
        self.session.set_hidden_lanes(set(st.get(settings.SESSION_HIDDEN_LANES)))
        if files:
            self.load_now(files)
            return
        previous = [p for p in st.get(settings.SESSION_SOURCES) if Path(p).is_file()]
        self.load_now(previous or [str(assets.sample_timeline())])
        view = st.get(settings.SESSION_VIEW)
        if previous and view is not None:
            w.timeline.set_time_range(*view)

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
) -> Application:
    application = Application(preferences, font_families)
    application.apply_theme()
    application.restore_state(files)
    return application


def run_app(argv: Sequence[str]) -> int:
    app = create_app(argv)
    files = [a for a in app.arguments()[1:] if not a.startswith("-")]
    application = build_application(files, settings.open_settings())
    application.errors.install()
    app.aboutToQuit.connect(application.shutdown)
    application.window.show()
    return app.exec()
