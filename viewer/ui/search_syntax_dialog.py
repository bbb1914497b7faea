"""Help → Search Syntax: what the search box understands, each form with an example. Not modal,
so it can stay open beside the window while the user types a query."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTableWidget, QVBoxLayout, QWidget

from viewer.ui.plain_text import plain_label
from viewer.ui.reference_table import reference_table


class SearchSyntaxDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Search Syntax"))
        rows = self.examples()
        self.table = reference_table(
            rows, self.tr("Search syntax"), [self.tr("Type"), self.tr("Finds")]
        )
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.resizeRowsToContents()
        self.intro = plain_label(
            self.tr(
                "Words are found anywhere in titles and excerpts, in any case, Chinese too. "
                "Dates are UTC; an event counts when any part of it falls in the dates named. "
                "A query with a mistake keeps the last matches and says what is wrong under "
                "the box."
            )
        )
        self.intro.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(760, 620)

    def examples(self) -> list[tuple[str, str]]:
        return [
            ("court ruling", self.tr("events with both words")),
            ('"opening statements"', self.tr("the words together, as written")),
            ("appeal OR verdict", self.tr("either word (OR in capitals)")),
            (
                "court appeal OR verdict",
                self.tr("court, and appeal or verdict: OR binds closer than the space"),
            ),
            ("(court appeal) OR verdict", self.tr("parentheses group terms")),
            ('-appeal  -"jury trial"  NOT appeal', self.tr("leave out events with it")),
            ("title:court  excerpt:court", self.tr("the word in the title only, the excerpt only")),
            ('lane:courts  lane:"court filings"', self.tr("events in lanes whose name holds it")),
            ("source:filings", self.tr("events from files whose name holds it")),
            ("-lane:markets", self.tr("any field term can be left out, too")),
            ("tag:evidence  tag:evid*", self.tr("events with that tag, or a tag starting so")),
            ("note:witness", self.tr("events whose note holds the word")),
            ("is:starred", self.tr("starred events")),
            (
                "date:2026  date:2026-04  date:2026-04-27",
                self.tr("events in that year, month or day"),
            ),
            ("date:2026-04-27..2026-05-03", self.tr("events from the first day to the last")),
            ("date:2026-04..  date:..2025", self.tr("events from, or until, a date")),
            ("微软 发布", self.tr("Chinese words, found anywhere in the text")),
            (
                'http://example.com  "re: meeting"',
                self.tr(
                    "text with a colon: a link or a time is text; quote what looks like a field"
                ),
            ),
        ]
