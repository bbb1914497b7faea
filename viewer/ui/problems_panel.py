"""Problems with loaded files: rows skipped (row, column, value, reason), files that failed,
notes of a file's column choice (a close runner-up date column, a remembered column gone), how
a file's dates were read where they could be read two ways (CST: China or US Central), and what
opening a project found (a file gone or changed).

Non-modal: it lists, it does not interrupt. Each file's rows are listed up to a limit, with the
total, so a file with a million bad rows does not freeze the window."""

from __future__ import annotations

import re

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from viewer.io.file_names import display_name
from viewer.io.load_report import LoadReport
from viewer.model.annotations import Orphan
from viewer.state.session import Session
from viewer.ui.column_choice_text import choice_notes
from viewer.ui.load_messages import translated
from viewer.ui.plain_text import plain_label, tooltip

ROWS_LISTED = 1000
_PLACEHOLDER = re.compile(r"%([1-9])")


def _fill(template: str, *values: str) -> str:
    """``%1``… replaced in one pass: a title holding "%3" stays as written."""
    return _PLACEHOLDER.sub(lambda m: values[int(m.group(1)) - 1], template)


class ProblemsPanel(QWidget):
    problems_changed = Signal(int)  # how many problems are listed in all

    def __init__(self) -> None:
        super().__init__()
        self.summary = plain_label()  # file names and reasons
        self.summary.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setAccessibleName(self.tr("Problems"))
        self.tree.setHeaderLabels(
            [self.tr("File / row"), self.tr("Column"), self.tr("Value"), self.tr("Reason")]
        )
        self.tree.setRootIsDecorated(True)
        self.forget_button = QPushButton(self.tr("Forget Lost Annotations"))
        self.forget_button.setToolTip(
            self.tr("Drop the stars, tags and notes whose events are no longer in their files")
        )
        self.forget_button.clicked.connect(self._on_forget_button_clicked)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.forget_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.tree)
        self._reports: dict[str, LoadReport] = {}
        self._failures: dict[str, str] = {}
        self._project_notes: list[str] = []  # what opening a project found (a file gone...)
        self._orphans: list[Orphan] = []
        self._refresh()

    def bind(self, session: Session) -> None:
        """List the problems of the session's files (failures are added as they come)."""
        self._session = session
        session.sources_changed.connect(self._on_session_sources_changed)
        session.annotations_changed.connect(self._on_session_annotations_changed)

    def _on_session_sources_changed(self, _keep_view: bool) -> None:
        self.set_reports([source.report for source in self._session.sources])

    def _on_session_annotations_changed(self, changed: object) -> None:
        if changed is None:  # orphans change on a reload, on opening a project or forgetting
            self.set_orphans(list(self._session.orphans))

    def _on_forget_button_clicked(self) -> None:
        self._session.forget_orphans()

    def set_orphans(self, orphans: list[Orphan]) -> None:
        """Annotations whose event is gone: listed (and counted) until the user forgets them."""
        self._orphans = orphans
        self._refresh()

    def set_reports(self, reports: list[LoadReport]) -> None:
        self._reports = {r.path: r for r in reports}
        for path in self._reports:
            self._failures.pop(path, None)
        self._refresh()

    def add_failure(self, path: str, sentence: str) -> None:
        self._failures[path] = sentence
        self._refresh()

    def set_project_notes(self, sentences: list[str]) -> None:
        self._project_notes = list(sentences)
        self._refresh()

    def clear_failures(self) -> None:
        self._failures.clear()
        self._refresh()

    def _refresh(self) -> None:
        self.tree.clear()
        total = 0
        lines = []
        notes = [(self.tr("Project"), sentence) for sentence in self._project_notes]
        for path, sentence in [*notes, *self._failures.items()]:
            item = QTreeWidgetItem([path, "", "", sentence])
            item.setToolTip(3, tooltip(sentence))
            self.tree.addTopLevelItem(item)
            lines.append(sentence)
            total += 1
        total += self._list_orphans(lines)
        for report in self._reports.values():
            name = report.path.rsplit("/", 1)[-1]
            for note in choice_notes(report):
                item = QTreeWidgetItem([name, "", "", note])
                item.setToolTip(3, tooltip(note))
                self.tree.addTopLevelItem(item)
                lines.append(f"{name}: {note}")
                total += 1
            problems = sorted(report.skipped + report.warnings, key=lambda p: p.row)
            if not problems:
                continue
            total += len(problems)
            lines.append(self._count_line(report, name))
            parent = QTreeWidgetItem([name, "", "", lines[-1]])
            for problem in problems[:ROWS_LISTED]:
                parent.addChild(
                    QTreeWidgetItem(
                        [
                            self.tr("row %1").replace("%1", str(problem.row)),
                            problem.column,
                            problem.value,
                            translated(problem.reason),
                        ]
                    )
                )
            if len(problems) > ROWS_LISTED:
                more = self.tr("… and %1 more (timeline-viewer inspect lists them all)").replace(
                    "%1", f"{len(problems) - ROWS_LISTED:,}"
                )
                parent.addChild(QTreeWidgetItem(["", "", "", more]))
            self.tree.addTopLevelItem(parent)
        for report in self._reports.values():  # how the dates were read: not problems
            name = report.path.rsplit("/", 1)[-1]
            for note in report.zone_notes:
                item = QTreeWidgetItem([name, "", "", translated(note)])
                item.setToolTip(3, tooltip(translated(note)))
                self.tree.addTopLevelItem(item)
        self.summary.setText(
            "; ".join(lines) if lines else self.tr("No problems with the loaded files.")
        )
        self.problems_changed.emit(total)

    def _list_orphans(self, lines: list[str]) -> int:
        """One entry per file: "2 annotations lost their events in news.csv", then each one as
        the event read when it was annotated."""
        self.forget_button.setVisible(bool(self._orphans))
        by_file: dict[str, list[Orphan]] = {}
        for orphan in self._orphans:
            by_file.setdefault(orphan.key.source, []).append(orphan)
        for path, orphans in by_file.items():
            name = display_name(path)
            loaded = orphans[0].source_loaded
            if loaded:
                text = (self.tr("1 annotation lost its event in %2") if len(orphans) == 1
                        else self.tr("%1 annotations lost their events in %2"))  # fmt: skip
            else:
                text = (self.tr("1 annotation is for %2, which is not loaded") if len(orphans) == 1
                        else self.tr("%1 annotations are for %2, which is not loaded"))  # fmt: skip
            text = text.replace("%1", f"{len(orphans):,}").replace("%2", name)
            parent = QTreeWidgetItem([name, "", "", text])
            first = orphans[0].annotation
            example = _fill(self.tr("%1: '%2' (row %3) %4"), text, first.title, str(first.row),
                            self._what(orphans[0]))  # fmt: skip
            lines.append(example + (" …" if len(orphans) > 1 else ""))
            parent.setToolTip(0, tooltip(path))
            for orphan in orphans[:ROWS_LISTED]:
                a = orphan.annotation
                item = QTreeWidgetItem(
                    [self.tr("row %1").replace("%1", str(a.row)), "", a.title, self._what(orphan)]
                )
                item.setToolTip(2, tooltip(a.title))
                item.setToolTip(3, tooltip(a.note))
                parent.addChild(item)
            self.tree.addTopLevelItem(parent)
        return len(self._orphans)

    def _what(self, orphan: Orphan) -> str:
        """ "starred; tagged trial, key; note: Ask the clerk" """
        a = orphan.annotation
        parts = []
        if a.starred:
            parts.append(self.tr("starred"))
        if a.tags:
            parts.append(self.tr("tagged %1").replace("%1", ", ".join(a.tags)))
        if a.note:
            first = a.note.splitlines()[0]
            parts.append(self.tr("note: %1").replace("%1", first[:80]))
        return "; ".join(parts)

    def _count_line(self, report: LoadReport, name: str) -> str:
        """'3 rows skipped in x.csv', or the warnings when no row was skipped."""
        if report.skipped:
            count = len(report.skipped)
            text = (
                self.tr("1 row skipped in %2") if count == 1 else self.tr("%1 rows skipped in %2")
            )
        else:
            count = len(report.warnings)
            text = self.tr("1 warning in %2") if count == 1 else self.tr("%1 warnings in %2")
        return text.replace("%1", f"{count:,}").replace("%2", name)
