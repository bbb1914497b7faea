"""Pictures emphasise starred events as the app does (a gold ring), or draw only them."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PySide6.QtGui import QColor, QImage

from tests.timeline.test_image_export import APRIL, SAMPLE, picture_text
from viewer.io.loading import load_file
from viewer.timeline.image_export import ImageRequest, NothingToDrawError, export_image
from viewer.timeline.look import LIGHT


def star_pixels(path: Path) -> int:
    image = QImage(str(path))
    star = QColor(LIGHT.star)
    count = 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            c = image.pixelColor(x, y)
            if (
                abs(c.red() - star.red())
                + abs(c.green() - star.green())
                + abs(c.blue() - star.blue())
                < 40
            ):
                count += 1
    return count


def titled(title: str) -> int:
    events = load_file(SAMPLE).events
    return int(np.flatnonzero(events.frame["title"] == title)[0])


def test_a_picture_rings_the_starred_events_in_gold(qtbot, tmp_path):
    events = load_file(SAMPLE).events
    plain, starred = tmp_path / "plain.png", tmp_path / "starred.png"
    export_image(events, None, ImageRequest(width=900, height=400, time_range=APRIL), plain)
    index = titled("Jury selection begins in Musk v. OpenAI")
    request = ImageRequest(width=900, height=400, time_range=APRIL, starred=np.array([index]))
    export_image(events, None, request, starred)
    assert star_pixels(starred) > star_pixels(plain) + 10


def test_starred_only_draws_only_the_starred_events(qtbot, tmp_path):
    index = titled("Jury selection begins in Musk v. OpenAI")
    text = picture_text(tmp_path, "only", starred=np.array([index]), starred_only=True)
    assert "Jury selection begins" in text
    assert "Altman" not in text
    everything = picture_text(tmp_path, "all", starred=np.array([index]))
    assert "Altman" in everything


def test_starred_only_without_a_star_is_nothing_to_draw(qtbot, tmp_path):
    events = load_file(SAMPLE).events
    with pytest.raises(NothingToDrawError, match="starred"):
        export_image(events, None, ImageRequest(starred_only=True), tmp_path / "x.png")
    assert not (tmp_path / "x.png").exists()
