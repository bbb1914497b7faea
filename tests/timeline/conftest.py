"""A shown timeline widget, 1200×600, for the tests of this folder."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from viewer.timeline.timeline_widget import TimelineWidget


def _shown_timeline(qtbot) -> TimelineWidget:
    widget = TimelineWidget()
    qtbot.addWidget(widget)
    widget.resize(1200, 600)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture
def make_timeline(qtbot) -> Callable[[], TimelineWidget]:
    """Builds the widget when called (after a test has patched what it is made of)."""
    return lambda: _shown_timeline(qtbot)


@pytest.fixture
def timeline(make_timeline) -> TimelineWidget:
    return make_timeline()
