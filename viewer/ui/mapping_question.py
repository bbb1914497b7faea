"""Asking the user which column is which, or the order of day and month, and remembering the
answer for that file (then it is loaded again with it)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QWidget

from viewer import settings
from viewer.io.load_errors import LoadError
from viewer.io.load_report import LoadReport
from viewer.io.readers.preview import preview_rows
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

    def after_load(self, path: str, report: LoadReport) -> None:
        """A file loaded month-first that reads day-first too: ask, unless already answered
        (later, so the view shows the file meanwhile)."""
        if report.ambiguous_order and not self._settings.order_chosen(path):
            # With the window as context: dropped if the window is gone before it fires.
            QTimer.singleShot(
                0, self._window, lambda: self.ask_about(path, report, _order_question())
            )

    def ask_about(self, path: str, report: LoadReport, reason: str) -> bool:
        """Ask which column is which; on OK, remember the answer and load the file again."""
        options = self._settings.load_options_for(path)
        try:
            columns, rows = preview_rows(path, options)
        except LoadError:
            return False  # not a delimited table: nothing to map
        current = dict(report.columns)
        if options.year is not None:  # the year given before, beside the roles
            current[YEAR_FIELD] = str(options.year)
        answer = self.ask(Path(path).name, columns, rows, reason, current)
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
        dialog = MappingDialog(name, columns, rows, reason, current, self._window)
        if dialog.exec() != MappingDialog.DialogCode.Accepted:
            return None
        return dialog.mapping(), dialog.day_first(), dialog.year()


def _order_question() -> str:
    return QCoreApplication.translate(
        "Application",
        "The dates in this file read the same as day/month and month/day. They are shown month "
        "first; choose the order if that is wrong.",
    )
