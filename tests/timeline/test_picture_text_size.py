"""Text grows with the picture (and with the font size asked for), so a big picture is not a
small one with more white; the print look stays readable when printed in greyscale."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PySide6.QtGui import QImage

from viewer.io.loading import load_file
from viewer.timeline.image_export import ImageRequest, export_image
from viewer.timeline.look import PRINT
from viewer.timeline.picture_presets import PRESETS
from viewer.timeline.picture_request import preset_request

SAMPLE = Path(__file__).resolve().parents[2] / "data" / "sample_timeline_en.csv"


def grey(path: Path) -> np.ndarray:
    image = QImage(str(path)).convertToFormat(QImage.Format.Format_Grayscale8)
    bits = np.frombuffer(image.constBits(), np.uint8)
    return bits.reshape(image.height(), image.bytesPerLine())[:, : image.width()].copy()  # own it


def title_rows(pixels: np.ndarray) -> int:
    """How many rows the first line of dark text (the title) takes."""
    dark = (pixels[:, : pixels.shape[1] // 2] < 80).any(axis=1)
    first = int(np.argmax(dark))
    return int(np.argmin(dark[first:]))


def picture(tmp_path: Path, name: str, request: ImageRequest) -> np.ndarray:
    out = tmp_path / f"{name}.png"
    request.title = "Microsoft and OpenAI"
    export_image(load_file(SAMPLE).events, None, request, out)
    return grey(out)


def test_a_picture_twice_the_size_has_text_twice_the_size(qtbot, tmp_path):
    small = title_rows(picture(tmp_path, "small", ImageRequest(1200, 675)))
    large = title_rows(picture(tmp_path, "large", ImageRequest(2400, 1350)))
    assert large == pytest.approx(2 * small, abs=3)


def test_a_page_at_300_dpi_has_its_text_at_the_size_the_preset_names(qtbot, tmp_path):
    web = title_rows(picture(tmp_path, "web", preset_request("web")))
    a4 = title_rows(picture(tmp_path, "a4", preset_request("A4")))
    # Text in points at each picture's resolution: 9 pt at 300 dpi against 10.5 pt at 96.
    expected = (PRESETS["A4"].font_size * 300) / (PRESETS["web"].font_size * 96)
    assert a4 / web == pytest.approx(expected, rel=0.1)


def test_the_print_look_has_black_text_and_stripes_greyscale_keeps(qtbot, tmp_path):
    pixels = picture(tmp_path, "print", ImageRequest(1200, 675, look=PRINT))
    assert pixels.min() < 20  # text in black, not grey
    levels = set(np.unique(pixels[:, -30]).tolist())  # a column through the lanes' right end
    assert 255 in levels
    assert any(200 <= level <= 245 for level in levels)  # the stripes, in a grey a printer prints
