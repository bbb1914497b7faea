from __future__ import annotations

import itertools

import pyqtgraph as pg
import pytest
from PySide6 import QtCore, QtGui

from viewer.model.instants import seconds_at
from viewer.timeline.tick_spacing import choose_ticks
from viewer.timeline.time_axis import MIN_LABEL_GAP_PX, TimeAxisItem

ORIGIN = float(seconds_at(2026, 4, 27))

SPANS = {
    "seconds": (seconds_at(2026, 4, 27, 9), seconds_at(2026, 4, 27, 9, 1)),
    "hours": (seconds_at(2026, 4, 27, 8, 58), seconds_at(2026, 4, 27, 17, 30)),
    "days": (seconds_at(2026, 4, 10), seconds_at(2026, 5, 20)),
    "months": (seconds_at(2025, 11, 15), seconds_at(2026, 11, 15)),
    "years": (seconds_at(1960), seconds_at(1980)),
    "centuries BC": (seconds_at(-1200), seconds_at(300)),
    "palaeolithic": (seconds_at(1950 - 350_000), seconds_at(1950 - 250_000)),
    "billions of years": (seconds_at(1950 - 13_800_000_000), seconds_at(2026)),
}


@pytest.fixture
def plot(qtbot):
    axis = TimeAxisItem("bottom", origin=ORIGIN)
    widget = pg.PlotWidget(axisItems={"bottom": axis})
    widget.resize(900, 240)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget, axis


def show_span(widget: pg.PlotWidget, start: float, end: float) -> None:
    widget.setXRange(start - ORIGIN, end - ORIGIN, padding=0)


def drawn_labels(axis: TimeAxisItem) -> list[tuple[QtCore.QRectF, str]]:
    """The labels AxisItem would paint, with their rectangles, as AxisItem.paint computes them."""
    picture = QtGui.QPicture()
    painter = QtGui.QPainter(picture)
    try:
        specs = axis.generateDrawSpecs(painter)
    finally:
        painter.end()
    assert specs is not None
    return [(rect, text) for rect, _flags, text in specs[2]]


@pytest.mark.parametrize("name", list(SPANS))
def test_the_axis_draws_the_labels_choose_ticks_gives_without_overlap(plot, tmp_path, name):
    widget, axis = plot
    start, end = SPANS[name]
    show_span(widget, start, end)
    assert widget.grab().save(str(tmp_path / f"axis_{name}.png"))

    lo, hi = axis.range
    width = axis.geometry().width()
    levels = axis.tickValues(lo, hi, width)
    assert len(levels) == 1
    values = levels[0][1]
    expected = choose_ticks(
        ORIGIN + lo,
        ORIGIN + hi,
        width,
        QtGui.QFontMetricsF(axis.font()).horizontalAdvance,
        MIN_LABEL_GAP_PX,
    )
    assert axis.tickStrings(values, 1.0, None) == [t.label for t in expected]
    assert values == pytest.approx([t.seconds - ORIGIN for t in expected])

    drawn = drawn_labels(axis)
    texts = [text for _rect, text in drawn]
    assert len(texts) >= 2
    assert texts == [t.label for t in expected], "every chosen label is drawn, none hidden"
    rects = sorted((rect for rect, _text in drawn), key=lambda r: r.left())
    for left, right in itertools.pairwise(rects):
        assert left.right() <= right.left(), f"labels overlap in {name}: {texts}"


def assert_evenly_spaced_years_between_1960_and_1980(labels: list[str]) -> None:
    """How many years are labelled depends on the font's width (so on the machine); that they
    are absolute years, inside the span shown, evenly spaced, does not."""
    years = [int(label) for label in labels]
    assert len(years) >= 3, labels
    assert all(1960 <= year <= 1980 for year in years), labels
    steps = {b - a for a, b in itertools.pairwise(years)}
    assert len(steps) == 1, labels
    assert steps.pop() > 0, labels


@pytest.mark.parametrize("point_size", [7, 11])
def test_the_axis_remembers_the_ticks_it_drew(plot, point_size):
    widget, axis = plot
    font = QtGui.QFont(axis.font())
    font.setPointSize(point_size)  # wider labels, fewer of them: the assertions hold for any
    axis.setStyle(tickFont=font)
    show_span(widget, *SPANS["years"])
    drawn = [text for _rect, text in drawn_labels(axis)]
    assert drawn == [t.label for t in axis.ticks()]
    assert_evenly_spaced_years_between_1960_and_1980(drawn)


def test_moving_the_origin_keeps_absolute_labels(plot):
    widget, axis = plot
    show_span(widget, *SPANS["years"])
    lo, hi = axis.range
    width = axis.geometry().width()
    before = axis.tickStrings(axis.tickValues(lo, hi, width)[0][1], 1.0, None)
    assert_evenly_spaced_years_between_1960_and_1980(before)
    shift = 1_000_000.0
    axis.set_origin(ORIGIN + shift)
    values = axis.tickValues(lo - shift, hi - shift, width)[0][1]
    assert axis.tickStrings(values, 1.0, None) == before
    assert [t.seconds for t in axis.ticks()] == pytest.approx([v + ORIGIN + shift for v in values])


@pytest.mark.parametrize(
    ("lo", "hi", "size"),
    [(5.0, 5.0, 800.0), (0.0, 100.0, 0.0), (float("nan"), 1.0, 800.0), (0.0, float("inf"), 800.0)],
)
def test_degenerate_ranges_give_an_empty_tick_level(qtbot, lo, hi, size):
    axis = TimeAxisItem("bottom")
    assert axis.tickValues(lo, hi, size) == [(None, [])]
    assert axis.tickStrings([], 1.0, None) == []


def test_unknown_values_get_empty_labels(qtbot):
    axis = TimeAxisItem("bottom", origin=ORIGIN)
    assert axis.tickStrings([0.123], 1.0, None) == [""]
