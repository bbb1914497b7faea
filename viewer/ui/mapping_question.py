"""Asking the user which column is which, or the order of day and month, and remembering the
answer for that file (then it is loaded again with it): when the loader cannot tell, or when
the user asks (the Files panel's Columns…)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QWidget

from viewer import settings
from viewer.io.load_errors import LoadError
from viewer.io.load_options import LoadOptions
from viewer.io.load_preview import preview_load
from viewer.io.load_report import LoadReport
from viewer.io.loading import LoadResult
from viewer.io.readers.preview import preview_rows
from viewer.ui.load_preview_table import PreviewLoad
from viewer.ui.mapping_dialog import YEAR_FIELD, MappingDialog

# name, columns, first rows, reason, current roles -> (roles, day first[, year]) or None if
# cancelled (the year: for dates written without one; None lets the file tell)
Answer = tuple[dict[str, str], bool | None] | tuple[dict[str, str], bool | None, int | None]
Ask = Callable[[str, list[str], list[list[str]], str, dict[str, str]], Answer | None]


class MappingQuestion:
    """``ask`` shows the dialog (tests put a stand-in there); ``reload(path)`` loads a file
    again once the user has answered."""

    def __init__(
        self, preferences: settings.Settings, window: QWidget, reload: Callable[[str], None]
    ) -> None:
        self._settings, self._window, self._reload = preferences, window, reload
        self.ask: Ask = self._ask_with_dialog
        # The file being asked about: its first rows as they would load, its order of day and
        # month (the dialog is modal: one question at a time).
        self._preview: PreviewLoad | None = None
        self._day_first: bool | None = None

    def after_load(self, path: str, report: LoadReport) -> None:
        """A file loaded month-first that reads day-first too: ask, unless already answered
        (later, so the view shows the file meanwhile)."""
        if report.ambiguous_order and not self._settings.order_chosen(path):
            # With the window as context: dropped if the window is gone before it fires.
            QTimer.singleShot(
                0, self._window, lambda: self.ask_about(path, report, _order_question())
            )

    def choose_columns(self, path: str, report: LoadReport) -> bool:
        """The user asked to choose the file's columns (Columns…): the roles it loaded with
        are pre-selected, and the first rows show as they would load. False when the file is
        no table of columns (nothing to choose)."""
        return self._ask(path, report, _choose_question()) is not None

    def ask_about(self, path: str, report: LoadReport, reason: str) -> bool:
        """Ask which column is which; on OK, remember the answer and load the file again."""
        return bool(self._ask(path, report, reason))

    def _ask(self, path: str, report: LoadReport, reason: str) -> bool | None:
        """True: answered (and loading again); False: cancelled; None: no table to ask about."""
        options = self._settings.load_options_for(path)
        try:
            columns, rows = preview_rows(path, options)
        except LoadError:
            return None  # not a delimited table: nothing to map
        current = dict(report.columns)
        if options.year is not None:  # the year given before, beside the roles
            current[YEAR_FIELD] = str(options.year)
        self._day_first = options.day_first
        self._preview = _preview_of(path, options)
        try:
            answer = self.ask(Path(path).name, columns, rows, reason, current)
        finally:
            self._preview = None
        if answer is None:
            return False
        mapping, day_first, *year = answer
        self._settings.remember_choice(path, mapping, day_first, year[0] if year else None)
        self._reload(path)
        return True

    def _ask_with_dialog(
        self,
        name: str,
        columns: list[str],
        rows: list[list[str]],
        reason: str,
        current: dict[str, str],
    ) -> Answer | None:
        dialog = MappingDialog(
            name, columns, rows, reason, current, self._window, self._preview, self._day_first
        )
        if dialog.exec() != MappingDialog.DialogCode.Accepted:
            return None
        return dialog.mapping(), dialog.day_first(), dialog.year()


def _order_question() -> str:
    return QCoreApplication.translate(
        "Application",
        "The dates in this file read the same as day/month and month/day. They are shown month "
        "first; choose the order if that is wrong.",
    )


def _preview_of(path: str, options: LoadOptions) -> PreviewLoad:
    def load(roles: dict[str, str], day_first: bool | None, year: int | None) -> LoadResult:
        chosen = dataclasses.replace(
            options,
            columns=roles,
            day_first=day_first,
            year=options.year if year is None else year,
            remembered=False,
        )
        return preview_load(path, chosen)

    return load


def _choose_question() -> str:
    return QCoreApplication.translate(
        "Application",
        "Choose which column plays each role. The second table shows the first rows as they "
        "would load; OK loads the file again with these columns, and they are remembered for it.",
    )
