"""A lane has one colour wherever it is drawn: the Lanes panel's swatch, the timeline's mark and
the legend of an exported picture agree, in the light and the dark theme, with lanes hidden and
files added; and an unchecked box in the Lanes panel shows in the dark theme."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QListWidget

from viewer.io.load_report import LoadReport
from viewer.model.event_table import EventTable
from viewer.model.instants import seconds_at
from viewer.state.session import Source
from viewer.ui.export_image_dialog import ExportImageDialog

FIRST = [f"Court {n}" for n in range(1, 8)]
SECOND = [f"Press {n}" for n in range(1, 7)]  # 13 lanes in all: one more than the palette


def source(path: str, lanes: list[str], first_day: int) -> Source:
    """One event per lane, a day apart, so each lane shows one mark of its own."""
    days = range(first_day, first_day + len(lanes))
    events = EventTable.from_columns(
        start=[seconds_at(2026, 5, day, 12) for day in days],
        precision="time",
        title=[f"Event {day}" for day in days],
        lane=lanes,
        source=path,
    )
    return Source(path, LoadReport(path, events=len(lanes)), events)


@pytest.fixture
def application(lanes_app):
    return lanes_app


def hide(panel: QListWidget, lanes: set[str]) -> None:
    """Untick the lanes' boxes in the Lanes panel, as a user does."""
    for row in range(panel.count()):
        item = panel.item(row)
        if item.data(Qt.ItemDataRole.UserRole) in lanes:
            item.setCheckState(Qt.CheckState.Unchecked)


def panel_colours(panel: QListWidget) -> dict[str, str]:
    """Each lane's swatch colour in the Lanes panel."""
    colours = {}
    for row in range(panel.count()):
        item = panel.item(row)
        swatch = item.icon().pixmap(14, 14).toImage()
        colours[item.data(Qt.ItemDataRole.UserRole)] = swatch.pixelColor(7, 7).name()
    return colours


def timeline_colours(application) -> dict[str, str]:
    """Each shown lane's colour in a grab of the timeline: its colour bar at the left edge (off
    the lane's centre line, where the name's tick is), and the centre of its mark wherever one is
    placed (a crowded lane may show a "+N" badge)."""
    timeline = application.window.timeline
    image = timeline.plot.grab().toImage()
    colours = {}
    for lane in timeline.events_item.layout.lanes:
        bar = QPoint(round(lane.band.left() + 2), round(lane.band.top() + lane.band.height() / 4))
        colours[lane.lane.name] = image.pixelColor(bar).name()
        marks = lane.marks
        for x, y in zip(marks.x_start.tolist(), marks.y.tolist(), strict=True) if marks else []:
            assert image.pixelColor(round(x), round(y)).name() == colours[lane.lane.name]
    return colours


def legend_swatches(image: QImage, palette: set[str]) -> list[str]:
    """Solid squares of 10 px or more in a palette colour, in reading order: the legend's 12 px
    swatches (their edges may blend; marks are round and smaller, bars translucent)."""
    found = []
    for y in range(1, image.height() - 10):
        for x in range(1, image.width() - 10):
            colour = image.pixelColor(x, y).name()
            if colour not in palette:
                continue
            # A square's top-left corner: straight edges above and to the left (a round mark,
            # large in a big picture, holds a solid 10 px square but has no such corner).
            corner = all(
                image.pixelColor(x + d, y - 1).name() != colour
                and image.pixelColor(x - 1, y + d).name() != colour
                for d in range(10)
            )
            if corner and all(
                image.pixelColor(x + d, y + e).name() == colour for d in (0, 9) for e in (0, 9)
            ):
                found.append((y, x, colour))
    return [colour for _y, _x, colour in sorted(found)]


def exported_legend(application, tmp_path, monkeypatch, look: str) -> list[str]:
    out = tmp_path / f"{look}.png"
    application.exports.ask_output = lambda caption, filters, default: str(out)
    monkeypatch.setattr(
        ExportImageDialog, "exec", lambda self: ExportImageDialog.DialogCode.Accepted
    )
    application.exports.export_image()
    image = QImage(str(out)).convertToFormat(QImage.Format.Format_RGB32)
    palette = {application.appearance.theme.lane_colour(n).name() for n in range(-1, 12)}
    return legend_swatches(image, palette)


@pytest.mark.parametrize("look", ["light", "dark"])
def test_the_panel_the_timeline_and_the_picture_legend_show_a_lane_in_one_colour(
    application, tmp_path, monkeypatch, look
):
    session = application.session
    session.replace_all([source("court.csv", FIRST, 1)])
    before = panel_colours(application.window.legend.list)
    session.add_source(source("press.csv", SECOND, 10))
    hide(application.window.legend.list, {"Court 2", "Press 3"})
    application.appearance.set_theme(look)

    panel = panel_colours(application.window.legend.list)
    assert list(panel) == FIRST + SECOND  # hidden lanes stay listed, unchecked
    assert {lane: panel[lane] for lane in FIRST} == before  # adding a file recoloured nothing
    assert len(set(panel.values())) == 12  # the first twelve differ; the thirteenth repeats
    shown = [lane for lane in FIRST + SECOND if lane not in session.hidden_lanes]
    assert timeline_colours(application) == {lane: panel[lane] for lane in shown}
    assert exported_legend(application, tmp_path, monkeypatch, look) == [
        panel[lane] for lane in shown
    ]


def test_lanes_shown_in_another_order_keep_their_colours(application):
    application.session.replace_all([source("court.csv", FIRST, 1)])
    panel = panel_colours(application.window.legend.list)
    application.window.timeline.set_lane_order(FIRST[::-1])
    drawn = timeline_colours(application)
    assert list(drawn) == FIRST[::-1]
    assert drawn == panel


def test_the_theme_changes_no_lane_colour(application):
    application.session.replace_all([source("court.csv", FIRST, 1)])
    light = panel_colours(application.window.legend.list)
    application.appearance.set_theme("dark")
    assert panel_colours(application.window.legend.list) == light
    assert timeline_colours(application) == light


def test_a_lane_keeps_its_colour_when_the_file_before_it_is_closed(application):
    session = application.session
    session.replace_all([source("court.csv", FIRST, 1), source("press.csv", SECOND, 10)])
    before = panel_colours(application.window.legend.list)
    session.remove_source("court.csv")
    after = panel_colours(application.window.legend.list)
    assert after == {lane: before[lane] for lane in SECOND}
    assert timeline_colours(application) == after


def box_outline_contrast(panel: QListWidget, row: int) -> float:
    """WCAG contrast between an item's check box outline and the list's background."""
    image = panel.viewport().grab().toImage()
    rect = panel.visualItemRect(panel.item(row))
    background = panel.palette().color(panel.viewport().backgroundRole())
    line = [image.pixelColor(x, rect.center().y()) for x in range(rect.left(), rect.left() + 24)]
    return max(contrast(colour, background) for colour in line)


def contrast(first: QColor, second: QColor) -> float:
    def luminance(colour: QColor) -> float:
        channels = [colour.redF(), colour.greenF(), colour.blueF()]
        linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    bright, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (bright + 0.05) / (dark + 0.05)


@pytest.mark.parametrize("look", ["light", "dark"])
def test_an_unchecked_lane_box_is_outlined_clearly_in_either_theme(application, look):
    application.session.replace_all([source("court.csv", FIRST, 1)])
    hide(application.window.legend.list, {"Court 1"})
    application.appearance.set_theme(look)
    panel = application.window.legend.list
    assert panel.item(0).checkState() == Qt.CheckState.Unchecked
    assert box_outline_contrast(panel, 0) >= 3.0  # WCAG 2.1's minimum for a control's outline
