"""Text from files (titles, excerpts, lanes, headers, values, file names) is never HTML.

Qt guesses whether a label, tooltip or message box holds HTML; a CSV named ``<img src=x.png>.csv``
whose header and cells hold markup must show every piece literally, anywhere it appears.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLabel, QWidget

from viewer import settings
from viewer.app import build_application
from viewer.ui.error_reporting import ErrorReporter
from viewer.ui.event_table_model import TITLE
from viewer.ui.mapping_dialog import MappingDialog

NAME = "<img src=x.png>.csv"
TITLE_TEXT = "<h1>Big</h1> title"
EXCERPT = "<img src=/tmp/x.png> excerpt"
LANE = "<font color=red>Lane</font>"
MARKERS = ("<img", "<h1>", "<font", "<b>")


def _rendered(tooltip: str) -> str:
    """What Qt draws for a tooltip: rich text when it guesses so (as QToolTip does)."""
    if not GuiQt.mightBeRichText(tooltip):
        return tooltip
    document = QTextDocument()
    document.setHtml(tooltip)
    return document.toPlainText()


def _labels_with_markup(roots: list[QWidget]) -> list[QLabel]:
    labels = [label for root in roots for label in root.findChildren(QLabel)]
    return [label for label in labels if any(m in label.text() for m in MARKERS)]


def _tooltips(roots: list[QWidget]) -> list[str]:
    """Every tooltip the windows hold: widgets' own and their items' (views, lists, trees)."""
    tips = []
    for root in roots:
        for widget in [root, *root.findChildren(QWidget)]:
            tips.append(widget.toolTip())
            if isinstance(widget, QAbstractItemView) and widget.model() is not None:
                tips += _item_tooltips(widget.model(), QModelIndex())
    return [tip for tip in tips if tip and tip != "None"]


def _item_tooltips(model, parent: QModelIndex, depth: int = 0) -> list[str]:
    tips = []
    for row in range(min(model.rowCount(parent), 50)):
        for column in range(8):  # a list model's columnCount is private in PySide
            if not model.hasIndex(row, column, parent):
                break
            index = model.index(row, column, parent)
            tips.append(str(model.data(index, Qt.ItemDataRole.ToolTipRole)))
            if depth < 1 and column == 0:
                tips += _item_tooltips(model, index, depth + 1)
    return tips


@pytest.fixture
def hostile_app(qtbot, tmp_path):
    path = tmp_path / NAME
    path.write_text(
        f"date,title,excerpt,lane,<b>extra</b>\n"
        f'2026-05-01,{TITLE_TEXT},"{EXCERPT}",{LANE},<b>cell</b>\n'
        f"<img src=x.png>,<b>bad date</b>,x,y,z\n",
        encoding="utf-8",
    )
    preferences = settings.open_settings(str(tmp_path / "settings.ini"))
    built = build_application([str(path)], preferences, lambda system: ["Noto Sans CJK SC"])
    built.files.mapping.ask = lambda *args: None
    qtbot.addWidget(built.window)
    built.window.show()
    qtbot.waitExposed(built.window)
    qtbot.waitUntil(lambda: built.loader.busy == 0, timeout=10_000)  # files load in the background
    yield built
    built.shutdown()


def test_every_label_and_tooltip_shows_file_text_literally(hostile_app, qtbot):
    window = hostile_app.window
    session = hostile_app.session
    assert len(session.events) == 1
    session.select(0)
    roots = [window, *QApplication.topLevelWidgets()]

    # The status bar says "Loaded <img src=x.png>.csv"; Problems names the file and its row.
    assert NAME in window.status_text.text()
    assert NAME in window.problems.summary.text()
    labels = _labels_with_markup(roots)
    assert window.status_text in labels
    assert window.problems.summary in labels
    for label in labels:
        assert label.textFormat() == Qt.TextFormat.PlainText, label.text()

    # The event table's tooltip, the Sources list's and Problems' show the text as written.
    table = window.table.model
    tip = table.data(table.index(0, TITLE), Qt.ItemDataRole.ToolTipRole)
    assert TITLE_TEXT in _rendered(tip)
    assert EXCERPT in _rendered(tip)
    tips = _tooltips(roots)
    assert any(NAME in _rendered(t) for t in tips)  # the Sources list: the file's path
    for tip in tips:
        if any(m in tip for m in MARKERS):
            assert any(m in _rendered(tip) for m in MARKERS), tip

    # The timeline's tooltip on the event.
    item = window.timeline.events_item
    assert TITLE_TEXT in _rendered(item._tooltip(0))
    assert LANE in _rendered(item._tooltip(0))


def test_the_column_dialog_shows_the_file_name_headers_and_reason_literally(qtbot):
    dialog = MappingDialog(
        NAME,
        ["<h1>When</h1>", LANE],
        [["<img src=x.png>", "<b>cell</b>"]],
        "No date column in <i>" + NAME + "</i>",
    )
    qtbot.addWidget(dialog)
    assert NAME in dialog.windowTitle()
    labels = _labels_with_markup([dialog])
    assert labels  # the reason
    for label in labels:
        assert label.textFormat() == Qt.TextFormat.PlainText
    assert dialog.preview.horizontalHeaderItem(0).text() == "<h1>When</h1>"
    assert dialog.role_boxes["start"].itemText(1) == "<h1>When</h1>"


def test_an_error_quoting_a_file_is_shown_as_plain_text(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    reporter = ErrorReporter(parent)
    reporter.reported.emit(f"Could not read {NAME}", "details")  # shown on the next loop
    qtbot.waitUntil(lambda: getattr(reporter, "last_box", None) is not None)
    box = reporter.last_box
    qtbot.addWidget(box)
    assert box.textFormat() == Qt.TextFormat.PlainText
    assert NAME in box.text()


def test_a_tooltip_of_a_huge_title_is_cut(qtbot, tmp_path):
    from viewer.model.event_table import EventTable
    from viewer.model.instants import seconds_at
    from viewer.ui.event_table_model import EventTableModel

    events = EventTable.from_columns(
        start=[seconds_at(2026)], title=["x" * 300_000], source=[str(Path(NAME))], row=[1]
    )
    model = EventTableModel(events)
    tip = model.data(model.index(0, TITLE), Qt.ItemDataRole.ToolTipRole)
    assert len(tip) < 2000


def test_bidi_overrides_in_titles_and_lanes_are_not_drawn(qtbot):
    # U+202E would draw "Report \u202etxt.exe" as "Report exe.txt".
    from PySide6.QtGui import QFont

    from viewer.model.event_table import EventTable
    from viewer.model.instants import seconds_at
    from viewer.timeline.timeline_data import build_timeline_data
    from viewer.timeline.title_metrics import FontTitleMetrics
    from viewer.ui.event_table_model import LANE, EventTableModel
    from viewer.ui.lane_legend import LaneLegend

    events = EventTable.from_columns(
        start=[seconds_at(2026)], title=["Report \u202etxt.exe"], lane=["\u2067Court"]
    )
    model = EventTableModel(events)
    assert model.data(model.index(0, TITLE)) == "Report txt.exe"
    assert model.data(model.index(0, LANE)) == "Court"
    assert "\u202e" not in model.data(model.index(0, TITLE), Qt.ItemDataRole.ToolTipRole)
    metrics = FontTitleMetrics(build_timeline_data(events), QFont())
    assert metrics.elided(0, 10_000) == "Report txt.exe"
    legend = LaneLegend()
    qtbot.addWidget(legend)
    legend.set_lanes([("\u2067Court", 1)], set())
    assert legend.list.item(0).text().startswith("Court")
    assert events.text_at("title", 0) == "Report \u202etxt.exe"  # the data keeps its text
