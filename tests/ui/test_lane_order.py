"""A user arranges the lanes in the Lanes panel (drag, or Ctrl+Up / Ctrl+Down): the timeline, a
picture's lanes and its legend follow, files added later keep the order, colours stay."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from tests.ui.test_lane_colours_agree import source
from viewer.model.lane_order import in_lane_order
from viewer.ui.export_image_dialog import ExportImageDialog

LANES = ["Court", "Press", "Cloud"]


@pytest.fixture
def application(lanes_app):
    lanes_app.session.replace_all([source("court.csv", LANES, 1)])
    return lanes_app


def timeline_lanes(application) -> list[str]:
    return [lane.lane.name for lane in application.window.timeline.events_item.layout.lanes]


def move(application, lane: str, key: Qt.Key, qtbot) -> None:
    panel = application.window.legend.list
    row = application.window.legend.names().index(lane)
    panel.setCurrentRow(row)
    panel.setFocus()
    qtbot.keyClick(panel, key, Qt.KeyboardModifier.ControlModifier)


def test_ctrl_down_moves_a_lane_down_in_the_panel_and_on_the_timeline(application, qtbot):
    colours = dict(application.session.lane_colours)
    move(application, "Court", Qt.Key.Key_Down, qtbot)
    assert application.window.legend.names() == ["Press", "Court", "Cloud"]
    assert timeline_lanes(application) == ["Press", "Court", "Cloud"]
    assert application.session.lane_colours == colours  # moved, not recoloured
    move(application, "Cloud", Qt.Key.Key_Up, qtbot)
    assert timeline_lanes(application) == ["Press", "Cloud", "Court"]


def test_a_dragged_order_survives_a_filter_and_a_file_added_after(application, qtbot):
    application.session.set_lane_order(["Cloud", "Court"])  # as a drop in the panel sets it
    assert application.window.legend.names() == ["Cloud", "Court", "Press"]
    application.session.set_lane_visible("Press", False)
    assert timeline_lanes(application) == ["Cloud", "Court"]
    application.session.add_source(source("press.csv", ["Wire", "Court"], 10))
    assert timeline_lanes(application) == ["Cloud", "Court", "Wire"]  # the new lane at the end
    assert application.window.legend.names() == ["Cloud", "Court", "Press", "Wire"]


def lane_stripe_order(path, application) -> list[str]:
    """Lanes from the top of the picture, by where each lane's colour first appears in the
    stripe column at the lanes' left edge."""
    image = QImage(str(path)).convertToFormat(QImage.Format.Format_RGB32)
    look = application.appearance.theme
    colours = {
        look.lane_colour(n).name(): lane for lane, n in application.session.lane_colours.items()
    }
    first_row: dict[str, int] = {}
    for x in range(image.width() // 3):  # the stripes stand left of the events
        for y in range(image.height() // 5, image.height()):  # below the title and legend
            lane = colours.get(image.pixelColor(x, y).name())
            if lane is not None:
                first_row.setdefault(lane, y)
        if len(first_row) == len(colours):
            break
    return sorted(first_row, key=first_row.__getitem__)


def test_a_picture_draws_its_lanes_in_the_users_order(application, tmp_path, monkeypatch):
    application.session.set_lane_order(["Cloud", "Press", "Court"])
    out = tmp_path / "picture.png"
    application.exports.ask_output = lambda caption, filters, default: str(out)
    monkeypatch.setattr(
        ExportImageDialog, "exec", lambda self: ExportImageDialog.DialogCode.Accepted
    )
    application.exports.export_image()
    assert lane_stripe_order(out, application) == ["Cloud", "Press", "Court"]


def test_lanes_not_arranged_keep_their_own_order_after_the_arranged_ones():
    assert in_lane_order(["a", "b", "c", "d"], ["c", "a"], str) == ["c", "a", "b", "d"]
    assert in_lane_order(["a", "b"], [], str) == ["a", "b"]
    assert np.array_equal(in_lane_order([3, 1, 2], ["2"], str), [2, 3, 1])
