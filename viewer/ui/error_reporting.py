"""One exception hook for the GUI thread and worker threads: a dialog with one sentence and the
details behind a button, and the app keeps running."""

from __future__ import annotations

import sys
import threading
import traceback
from types import TracebackType

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QWidget


class ErrorReporter(QObject):
    """Installs itself as ``sys.excepthook`` and ``threading.excepthook``; worker-thread errors
    reach the GUI thread through a queued signal."""

    reported = Signal(str, str)  # sentence, details

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__()
        self._parent = parent
        self.reported.connect(self._show, Qt.ConnectionType.QueuedConnection)
        self._previous = (sys.excepthook, threading.excepthook)

    def install(self) -> None:
        sys.excepthook = self._hook
        threading.excepthook = lambda args: self._hook(
            args.exc_type, args.exc_value, args.exc_traceback
        )  # type: ignore[arg-type]

    def uninstall(self) -> None:
        if sys.excepthook == self._hook:
            sys.excepthook, threading.excepthook = self._previous

    def _hook(
        self, kind: type[BaseException], error: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, tb)
            return
        details = "".join(traceback.format_exception(kind, error, tb))
        sys.stderr.write(details)
        sentence = self.tr("Something went wrong: %1. Your loaded files are unchanged.").replace(
            "%1", str(error) or kind.__name__
        )
        self.reported.emit(sentence, details)

    def _show(self, sentence: str, details: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning, self.tr("Timeline Viewer"), sentence, parent=self._parent
        )
        box.setTextFormat(Qt.TextFormat.PlainText)  # the error may quote a file's text
        box.setDetailedText(details)
        box.setWindowModality(Qt.WindowModality.NonModal)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.show()
        self.last_box = box
