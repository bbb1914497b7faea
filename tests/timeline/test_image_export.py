"""Pictures write their dates with the wording in the request (the app's, or English)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from viewer.io.loading import load_file
from viewer.model.date_wording import CHINESE, ENGLISH
from viewer.model.instants import seconds_at
from viewer.timeline.image_export import ImageRequest, export_image

SAMPLE = "data/sample_timeline_en.csv"
APRIL = (float(seconds_at(2026, 4, 20)), float(seconds_at(2026, 5, 10)))


def svg_text(path: Path) -> str:
    """All the picture's text, joined: Qt splits a label into runs where the font changes
    (Latin digits, CJK characters)."""
    root = ET.parse(path).getroot()
    return "".join((node.text or "").strip() for node in root.iter() if node.tag.endswith("text"))


def picture_text(tmp_path: Path, name: str, **request: object) -> str:
    events = load_file(SAMPLE).events
    out = tmp_path / f"{name}.svg"
    export_image(
        events, None, ImageRequest(width=900, height=400, time_range=APRIL, **request), out
    )  # type: ignore[arg-type]
    return svg_text(out)


def test_a_picture_writes_its_axis_in_the_wording_it_is_given(qtbot, tmp_path):
    english = picture_text(tmp_path, "en", wording=ENGLISH)
    chinese = picture_text(tmp_path, "zh", wording=CHINESE)
    # Which days get a tick depends on the fonts' widths; that each is written in Chinese does not.
    assert re.search(r"2026年4月\d{1,2}日", chinese), chinese
    assert re.search(r"(?<!年)5月\d{1,2}日", chinese), chinese
    assert "Apr" not in chinese
    assert "Apr 2026" in english, english
    assert "月" not in english


def test_pictures_write_english_unless_told_otherwise(qtbot, tmp_path):
    assert picture_text(tmp_path, "default") == picture_text(tmp_path, "en", wording=ENGLISH)
