"""The main window: layout, docks, menus and drops. No logic: the composition root wires it."""

from __future__ import annotations

import itertools
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QMimeData, Qt, QTimer, Signal
from PySide6.QtGui import (
    QActionGroup,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QIcon,
    QKeySequence,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QMainWindow,
    QMenu,
    QProgressBar,
    QPushButton,
    QWidget,
)

from viewer.assets import icon_path
from viewer.model.date_wording import ENGLISH, DateWording
from viewer.state.session import Session
from viewer.timeline.timeline_widget import TimelineWidget
from viewer.ui.date_range_filter import DateRangeFilter
from viewer.ui.details_panel import DetailsPanel
from viewer.ui.dock_shares import keep_centre_share
from viewer.ui.event_table_panel import EventTablePanel
from viewer.ui.lane_legend import LaneLegend
from viewer.ui.plain_text import plain_label, window_title_part
from viewer.ui.problems_panel import ProblemsPanel
from viewer.ui.search_bar import SearchBar
from viewer.ui.sources_panel import SourcesPanel
from viewer.ui.timeline_binding import TimelineBinding
from viewer.ui.window_actions import create_actions

TITLE_FILES = 3  # the window title names this many files, then "+N"
PROGRESS_STEPS = 1000  # the progress bar's range: a load's fraction done, in thousandths


class MainWindow(QMainWindow):
    files_dropped = Signal(list, bool)  # paths, replace what is loaded
    closing = Signal()

    def __init__(self, wording: DateWording = ENGLISH) -> None:
        """``wording`` writes the dates of the timeline and the details panel."""
        super().__init__()
        self.setWindowTitle(self.tr("Timeline Viewer"))
        self.setAcceptDrops(True)
        self.close_guard: Callable[[], bool] = lambda: True  # False keeps the window open
        self._project_name: str | None = None
        self._idle_message = ""  # the empty timeline's words while nothing loads
        self.actions = create_actions(self)
        self.timeline = TimelineWidget(wording=wording)
        self.details = DetailsPanel(wording=wording)
        self.table = EventTablePanel()
        self.legend = LaneLegend()
        self.date_filter = DateRangeFilter()
        self.sources = SourcesPanel()
        self.problems = ProblemsPanel()
        self.search = SearchBar()
        self.setCentralWidget(self.timeline)
        self.details_dock = self._dock(
            self.tr("Details"), self.details, Qt.DockWidgetArea.RightDockWidgetArea
        )
        self.table_dock = self._dock(
            self.tr("Events"), self.table, Qt.DockWidgetArea.BottomDockWidgetArea
        )
        self.problems_dock = self._dock(
            self.tr("Problems"), self.problems, Qt.DockWidgetArea.BottomDockWidgetArea
        )
        self.legend_dock = self._dock(
            self.tr("Lanes"), self.legend, Qt.DockWidgetArea.LeftDockWidgetArea
        )
        self.sources_dock = self._dock(
            self.tr("Files"), self.sources, Qt.DockWidgetArea.LeftDockWidgetArea
        )
        self.date_dock = self._dock(
            self.tr("Dates"), self.date_filter, Qt.DockWidgetArea.LeftDockWidgetArea
        )
        self.tabifyDockWidget(self.table_dock, self.problems_dock)
        self.table_dock.raise_()
        self.splitDockWidget(self.legend_dock, self.sources_dock, Qt.Orientation.Vertical)
        self.tabifyDockWidget(self.legend_dock, self.date_dock)
        self.legend_dock.raise_()
        self.recent_menu = QMenu(self.tr("Open &Recent"), self)
        self.language_menu = QMenu(self.tr("&Language"), self)
        self.language_actions = QActionGroup(self)
        # Each language's name in itself, so a user can find their own in any interface language.
        for key, text in (
            ("system", self.tr("Follow the &System")),
            ("en", "English"),
            ("zh_CN", "简体中文"),
        ):
            action = self.language_menu.addAction(text)
            action.setCheckable(True)
            action.setData(key)
            self.language_actions.addAction(action)
        self.theme_menu = QMenu(self.tr("&Theme"), self)
        self.theme_actions = QActionGroup(self)
        for key, text in (
            ("system", self.tr("Follow the &System")),
            ("light", self.tr("&Light")),
            ("dark", self.tr("&Dark")),
        ):
            action = self.theme_menu.addAction(text)
            action.setCheckable(True)
            action.setData(key)
            self.theme_actions.addAction(action)
        self._build_menus()
        self._build_toolbar()
        self._build_status_bar()
        self._set_focus_order()
        self.setWindowIcon(QIcon(str(icon_path("app-icon"))))
        self.resize(1400, 860)
        # The timeline gets the room; side panels start narrow.
        self.resizeDocks(
            [self.legend_dock, self.details_dock], [210, 330], Qt.Orientation.Horizontal
        )
        self.resizeDocks([self.table_dock], [230], Qt.Orientation.Vertical)
        # After each resize, once the layout has placed the docks: a small window (800×550)
        # would keep them at their pixel sizes and squeeze the timeline. A child timer, so it
        # never fires for a window that is gone.
        self._dock_share_timer = QTimer(self, singleShot=True, interval=0)
        self._dock_share_timer.timeout.connect(self._on_dock_share_timer_timeout)

    def _dock(self, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(f"{widget.__class__.__name__}Dock")  # saveState() needs names
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    def docks(self) -> list[QDockWidget]:
        return [
            self.details_dock,
            self.table_dock,
            self.problems_dock,
            self.legend_dock,
            self.date_dock,
            self.sources_dock,
        ]

    def _set_focus_order(self) -> None:
        """Tab goes search → timeline → events → details → lanes → dates → files."""
        chain = [self.search.field, self.timeline, self.table.table, self.details.browser, self.legend.list,
                 self.date_filter.start, self.date_filter.end, self.sources.list]  # fmt: skip
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _build_menus(self) -> None:
        a = self.actions
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.addAction(a.open)
        file_menu.addAction(a.open_project)
        file_menu.addMenu(self.recent_menu)
        file_menu.addAction(a.save_project)
        file_menu.addAction(a.save_project_as)
        file_menu.addAction(a.reload_all)
        file_menu.addAction(a.live_reload)
        file_menu.addSeparator()
        file_menu.addAction(a.export_image)
        file_menu.addAction(a.export_events)
        file_menu.addSeparator()
        file_menu.addAction(a.quit)
        edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        for action in (a.find, a.find_next, a.find_previous):
            edit_menu.addAction(action)
        edit_menu.addSeparator()
        for action in (a.toggle_star, a.add_tag, a.edit_note):
            edit_menu.addAction(action)
        view_menu = self.menuBar().addMenu(self.tr("&View"))
        for action in (a.zoom_in, a.zoom_out, a.fit_all, a.previous_event, a.next_event):
            view_menu.addAction(action)
        view_menu.addSeparator()
        view_menu.addMenu(self.theme_menu)
        view_menu.addMenu(self.language_menu)
        view_menu.addSeparator()
        for number, dock in enumerate(self.docks(), start=1):
            toggle = dock.toggleViewAction()
            toggle.setShortcut(QKeySequence(f"Alt+{number}"))
            view_menu.addAction(toggle)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(a.shortcuts)
        help_menu.addAction(a.search_syntax)
        help_menu.addAction(a.about)

    def _build_toolbar(self) -> None:
        a = self.actions
        toolbar = self.addToolBar(self.tr("Main"))
        toolbar.setObjectName("MainToolBar")
        for action in (
            a.open,
            a.reload_all,
            None,
            a.zoom_in,
            a.zoom_out,
            a.fit_all,
            None,
            a.previous_event,
            a.next_event,
        ):
            if action is None:
                toolbar.addSeparator()
            else:
                toolbar.addAction(action)
        toolbar.addSeparator()
        toolbar.addWidget(self.search)

    def _build_status_bar(self) -> None:
        self.status_text = plain_label()  # "Loaded NAME", reasons: text from files
        self.progress = QProgressBar()
        self.progress.setRange(0, PROGRESS_STEPS)  # moves with the bytes read (show_progress)
        self.progress.setMaximumWidth(160)
        self.progress.setAccessibleName(self.tr("Loading"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setAccessibleName(self.tr("Cancel loading"))
        bar = self.statusBar()
        bar.addWidget(self.status_text, 1)
        bar.addPermanentWidget(self.progress)
        bar.addPermanentWidget(self.cancel_button)
        self.show_loading(0)

    def bind(self, session: Session) -> None:
        """Every view subscribes to the part of the session it shows."""
        self.timeline_binding = TimelineBinding(self.timeline, session)
        views = (self.table, self.legend, self.date_filter, self.search, self.details, self.sources,
                 self.problems)  # fmt: skip
        for view in views:
            view.bind(session)
        self.table.event_activated.connect(self.timeline_binding.zoom_to_event)
        self.search.runner.prepare_for_views(self.table.model.subset_preparer)
        self._session = session
        session.sources_changed.connect(self._on_session_sources_changed)

    def _on_session_sources_changed(self, _keep_view: bool) -> None:
        s = self._session
        self._retitle()
        self.show_status(
            (
                QCoreApplication.translate("Application", "1 event from %2 file(s)")
                if len(s.events) == 1
                else QCoreApplication.translate("Application", "%1 events from %2 file(s)")
            )
            .replace("%1", f"{len(s.events):,}")
            .replace("%2", str(len(s.sources)))
        )

    def set_project_name(self, name: str | None) -> None:
        """An open project names the window ("story — Timeline Viewer", "*" while unsaved)."""
        self._project_name = name
        self._retitle()

    def set_unsaved(self, unsaved: bool) -> None:
        if self._project_name is not None or not unsaved:  # only a project's title shows it
            self.setWindowModified(unsaved)

    def _retitle(self) -> None:
        if self._project_name is not None:
            self.setWindowTitle(
                self.tr("%1[*] — %2")
                .replace("%1", window_title_part(self._project_name))
                .replace("%2", self.tr("Timeline Viewer"))
            )
            return
        names = [source.name for source in self._session.sources]
        self.setWindowTitle(self.title_for(names))

    def title_for(self, names: list[str]) -> str:
        """ "news.csv, court.csv — Timeline Viewer"; past three files, "a, b, c +2 — …"."""
        app = self.tr("Timeline Viewer")
        if not names:
            return app
        listed = ", ".join(window_title_part(name) for name in names[:TITLE_FILES])
        if len(names) > TITLE_FILES:
            listed = (
                self.tr("%1 +%2").replace("%1", listed).replace("%2", str(len(names) - TITLE_FILES))
            )
        return self.tr("%1 — %2").replace("%1", listed).replace("%2", app)

    def show_loading(self, files: int) -> None:
        if files and self.progress.isHidden():
            self.progress.setValue(0)  # a new round of loads starts from nothing done
        self.progress.setVisible(files > 0)
        self.cancel_button.setVisible(files > 0)
        if files:
            text = self.tr("Loading 1 file…") if files == 1 else self.tr("Loading %1 files…")
            self.status_text.setText(text.replace("%1", str(files)))
        # Over the empty timeline (a file named on the command line, the window just up).
        message = self.timeline.empty_message
        if files:
            self._idle_message = self._idle_message or message.text()
            message.setText(self.tr("Loading…"))
        elif self._idle_message:
            message.setText(self._idle_message)

    def show_progress(self, fraction: float) -> None:
        """How far the loads in flight are together, 0 to 1."""
        self.progress.setValue(round(max(0.0, min(1.0, fraction)) * PROGRESS_STEPS))

    def show_status(self, text: str) -> None:
        self.status_text.setText(text)

    # -- drops -------------------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if _local_paths(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = _local_paths(event.mimeData())
        if not paths:
            return
        event.acceptProposedAction()
        # Ctrl (Cmd on macOS) held while dropping replaces what is loaded; plain drops add.
        modifiers = event.modifiers() | QApplication.keyboardModifiers()
        self.files_dropped.emit(paths, bool(modifiers & Qt.KeyboardModifier.ControlModifier))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._dock_share_timer.start()

    def _on_dock_share_timer_timeout(self) -> None:
        keep_centre_share(self, self.docks())

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.close_guard():  # unsaved changes the user chose to keep
            event.ignore()
            return
        self.closing.emit()
        super().closeEvent(event)


def _local_paths(mime: QMimeData) -> list[str]:
    return [url.toLocalFile() for url in mime.urls() if url.isLocalFile()] if mime.hasUrls() else []
