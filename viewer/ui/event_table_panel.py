"""The event table panel: the shown events in a sortable table, with their count above it.

The panel reports what the user does (``event_selected``, ``event_activated``); selection set
from elsewhere (``select_event``) and new data (``set_events``, ``set_shown``) change the table
quietly, so the selection can be synchronised both ways without loops.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPoint,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from viewer.model.event_table import EventTable
from viewer.state.session import Session
from viewer.ui.event_table_model import (
    DATE,
    LANE,
    NOTE,
    SOURCE,
    STAR,
    TAGS,
    TITLE,
    BoolArray,
    EventTableModel,
    IntArray,
)
from viewer.ui.plain_text import plain_label

_COLUMN_WIDTHS = {DATE: 200, TITLE: 420, LANE: 150, SOURCE: 200, TAGS: 160, NOTE: 200}
_ACTIVATION_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class EventTablePanel(QWidget):
    event_selected = Signal(object)  # the event index the user selected, or None
    event_activated = Signal(int)  # the event index the user double-clicked or pressed Enter on
    context_requested = Signal(QPoint)  # a right click on a row (selected first), screen point

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Event table"))
        self.model = EventTableModel()
        self.model.sorting_changed.connect(self._on_model_sorting_changed)
        self.count_label = plain_label()
        self.count_label.setAccessibleName(self.tr("Event count"))
        self.count_label.setContentsMargins(4, 2, 4, 2)
        self.table = QTableView()
        self.table.setAccessibleName(self.tr("Events"))
        self.table.setAccessibleDescription(
            self.tr("The events that pass the filters; click a column header to sort.")
        )
        self.table.setModel(self.model)
        self._configure_table()
        self._selected: int | None = None
        self._quiet = False

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.count_label)
        layout.addWidget(self.table)

        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        self.table.installEventFilter(self)
        self._update_count()

    def _configure_table(self) -> None:
        table = self.table
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Several rows (Shift/Ctrl) to star or tag together; the current row is the selected event.
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(self._on_table_context_menu_requested)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setWordWrap(False)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        table.setAlternatingRowColors(True)
        table.setCornerButtonEnabled(False)
        # Tab leaves the table for the next panel (arrow keys move between rows and cells).
        table.setTabKeyNavigation(False)
        rows = table.verticalHeader()
        rows.setVisible(False)  # row numbers mean nothing once sorted, and are wide at 1M
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # uniform heights: O(1) layout
        rows.setDefaultSectionSize(table.fontMetrics().height() + 6)
        columns = table.horizontalHeader()
        columns.setHighlightSections(False)
        columns.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        columns.setStretchLastSection(True)
        for column, width in _COLUMN_WIDTHS.items():
            table.setColumnWidth(column, width)
        table.setColumnWidth(STAR, table.fontMetrics().horizontalAdvance("★") * 3 + 12)
        columns.setSortIndicator(DATE, Qt.SortOrder.AscendingOrder)
        table.setSortingEnabled(True)

    # --- the public API -------------------------------------------------------------------

    def bind(self, session: Session) -> None:
        """List the session's listed events, follow its selection, and select in it."""
        self._session = session
        session.sources_changed.connect(self._on_session_sources_changed)
        session.filters_changed.connect(self._on_session_listed_changed)
        session.search_changed.connect(self._on_session_listed_changed)
        session.selection_changed.connect(self._on_session_selection_changed)
        session.annotations_changed.connect(self._on_session_annotations_changed)
        self.event_selected.connect(session.select)

    def _on_session_sources_changed(self, _keep_view: bool) -> None:
        self.set_events(self._session.events, self._session.listed)

    def _on_session_annotations_changed(self, changed: object) -> None:
        self.model.set_marks(self._session.marks, changed)  # type: ignore[arg-type]  # indices or None

    def _on_session_listed_changed(self) -> None:
        s = self._session
        self.set_shown(s.listed, s.listed_flags())

    def _on_session_selection_changed(self, index: object) -> None:
        self.select_event(index if isinstance(index, int) else None)

    def set_events(self, events: EventTable, shown: IntArray | None = None) -> None:
        """Show ``events[shown]`` (all when ``shown`` is None); the selection is cleared."""
        self._quiet = True
        try:
            self.model.set_events(events, shown)
            self._selected = None
        finally:
            self._quiet = False
        self._update_count()

    def set_shown(self, shown: IntArray, mask: BoolArray | None = None) -> None:
        """Show another subset of the events, keeping the sort and, if still shown, the selection
        (``mask``: ``shown`` as a flag per event, when the caller has it)."""
        self._quiet = True
        try:
            self.model.set_shown(shown, mask)
            self._select_row(self._selected)
        finally:
            self._quiet = False
        self._update_count()

    def select_event(self, index: int | None) -> None:
        """Select and scroll to an event's row without emitting ``event_selected``. The user's
        own pick coming back from the session keeps the other rows selected with it."""
        row = None if index is None else self.model.row_of(index)
        selected = self.table.selectionModel().isRowSelected
        if row is not None and index == self._selected and selected(row):
            return
        self._quiet = True
        try:
            self._selected = index
            self._select_row(index)
        finally:
            self._quiet = False

    @property
    def selected_event(self) -> int | None:
        return self._selected

    def selected_events(self) -> list[int]:
        """The events of every selected row, in table order."""
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [self.model.event_at(row) for row in rows]

    def _on_table_context_menu_requested(self, where: QPoint) -> None:
        index = self.table.indexAt(where)
        if not index.isValid():
            return
        selection = self.table.selectionModel()
        if not selection.isRowSelected(index.row()):  # a row outside the selection: it alone
            self.table.selectRow(index.row())
        self.context_requested.emit(self.table.viewport().mapToGlobal(where))

    # --- slots and events -----------------------------------------------------------------

    def _on_selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        if self._quiet:
            return
        selection = self.table.selectionModel()
        current = selection.currentIndex()
        rows = selection.selectedRows()
        if current.isValid() and selection.isRowSelected(current.row()):
            event: int | None = self.model.event_at(current.row())
        else:
            event = self.model.event_at(rows[0].row()) if rows else None
        if event != self._selected:
            self._selected = event
            self.event_selected.emit(event)

    def _on_table_double_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.event_activated.emit(self.model.event_at(index.row()))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.table
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in _ACTIVATION_KEYS
        ):
            current = self.table.currentIndex()
            if current.isValid():
                self.event_activated.emit(self.model.event_at(current.row()))
                return True
        return super().eventFilter(watched, event)

    # --- internals ------------------------------------------------------------------------

    def _select_row(self, event: int | None) -> None:
        selection = self.table.selectionModel()
        row = None if event is None else self.model.row_of(event)
        if row is None:
            selection.clearSelection()
            return
        index = self.model.index(row, 0)
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        selection.setCurrentIndex(index, flags)
        self.table.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)

    def _on_model_sorting_changed(self, _sorting: bool) -> None:
        self._update_count()

    def _update_count(self) -> None:
        shown, total = self.model.shown_count, self.model.total_count
        if shown != total:
            text = self.tr("%1 of %2 events")
        elif total == 1:
            text = self.tr("1 event")
        else:
            text = self.tr("%2 events")
        # Grouped as every other count in the window (QLocale's C locale, a minimal system's,
        # wrote "1000009 events" beside "1,000,009 events" in the Files panel).
        text = text.replace("%1", f"{shown:,}").replace("%2", f"{total:,}")
        if self.model.sorting:
            text = self.tr("%1 · sorting…").replace("%1", text)
        self.count_label.setText(text)
