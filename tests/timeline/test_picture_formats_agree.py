"""One request, three formats, one picture: the PNG as Qt draws it, the SVG as rsvg-convert draws
it and the PDF as pdftoppm draws it put the marks and the text in the same places (within 2 px).

Places are measured, not pixels compared: renderers antialias and hint text differently, but a
mark's centre and where a line of text starts and sits do not move.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtGui import QImage

from viewer.io.loading import load_file
from viewer.timeline.image_export import ImageRequest, export_image
from viewer.timeline.palette import lane_colours

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "data" / "sample_timeline_en.csv"
TOLERANCE = 2  # px
TICK_LENGTH = 5  # pyqtgraph's, px
Box = tuple[int, int, int, int]  # top, bottom, left, right (inclusive)


def rgb(path: Path) -> np.ndarray:
    image = QImage(str(path)).convertToFormat(QImage.Format.Format_RGB32)
    assert not image.isNull(), path
    bits = np.frombuffer(image.constBits(), np.uint8)
    pixels = bits.reshape(image.height(), image.bytesPerLine() // 4, 4)[:, : image.width(), :3]
    return pixels[..., ::-1].astype(np.int16)  # BGRA in memory → RGB


def runs(profile: np.ndarray, gap: int) -> list[tuple[int, int]]:
    """Stretches where ``profile`` is non-zero, joining those fewer than ``gap`` apart."""
    found: list[list[int]] = []
    for i in np.flatnonzero(profile).tolist():
        if found and i - found[-1][1] <= gap + 1:
            found[-1][1] = i
        else:
            found.append([i, i])
    return [(a, b) for a, b in found]


def boxes(mask: np.ndarray, row_gap: int, column_gap: int) -> list[Box]:
    """Lines of the mask (row stretches), each cut into pieces (column stretches)."""
    out = []
    for top, bottom in runs(mask.sum(axis=1), row_gap):
        for left, right in runs(mask[top : bottom + 1].sum(axis=0), column_gap):
            rows = np.flatnonzero(mask[top : bottom + 1, left : right + 1].any(axis=1))
            out.append((top + int(rows[0]), top + int(rows[-1]), left, right))
    return out


def text_mask(pixels: np.ndarray) -> np.ndarray:
    """Dark grey pixels that are not part of the axes' lines and ticks (renderers draw a thin
    line half a pixel apart, or lighter: text is what must agree)."""
    grey = (pixels.max(axis=2) - pixels.min(axis=2)) < 30
    mask = grey & (pixels.mean(axis=2) < 110)
    greyish = grey & (pixels.mean(axis=2) < 200)  # a thin line may be drawn light
    long_rows = _longest_run(greyish) > 60
    long_columns = _longest_run(greyish.T) > 60
    mask[:, long_columns] = False
    for row in np.flatnonzero(long_rows).tolist():
        mask[max(row - TICK_LENGTH - 1, 0) : row + 2] = False  # and the ticks on the line
    return mask


def _longest_run(mask: np.ndarray) -> np.ndarray:
    best = np.zeros(mask.shape[0], np.int64)
    current = np.zeros(mask.shape[0], np.int64)
    for column in mask.T:
        current = np.where(column, current + 1, 0)
        best = np.maximum(best, current)
    return best


def colour_mask(pixels: np.ndarray, colour: str) -> np.ndarray:
    target = np.array([int(colour[i : i + 2], 16) for i in (1, 3, 5)], np.int16)
    return np.abs(pixels - target).max(axis=2) < 24


def assert_same_places(
    name: str, expected: list[Box], got: list[Box], *, starts_only: bool
) -> None:
    """Same pieces, each at the same place; for text only its top and where it starts
    (renderers lay a line out to slightly different widths from the same start, and fall back
    to other fonts for CJK text)."""
    assert len(got) == len(expected), f"{name}: {len(expected)} pieces, {len(got)} in the other"
    for want, have in zip(expected, got, strict=True):
        if starts_only:  # top and left
            want, have = (want[0], want[2]), (have[0], have[2])
        else:  # a mark: its centre
            want = ((want[0] + want[1]) / 2, (want[2] + want[3]) / 2)
            have = ((have[0] + have[1]) / 2, (have[2] + have[3]) / 2)
        off = max(abs(a - b) for a, b in zip(want, have, strict=True))
        assert off <= TOLERANCE, f"{name}: {want} drawn at {have} ({off} px off)"


@pytest.fixture(scope="module")
def pictures(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("formats")
    events = load_file(SAMPLE).events
    request = ImageRequest(width=1200, height=675, title="Microsoft and OpenAI")
    for fmt in ("png", "svg", "pdf"):
        export_image(events, None, request, folder / f"picture.{fmt}")
    return folder


@pytest.fixture
def renderings(qapp, pictures, system_tool) -> dict[str, np.ndarray]:
    """The three pictures as pixels, the SVG drawn by rsvg-convert and the PDF by pdftoppm."""
    rsvg = system_tool("rsvg-convert", "librsvg2-bin")
    pdftoppm = system_tool("pdftoppm", "poppler-utils")
    svg, pdf = pictures / "svg.png", pictures / "pdf"
    subprocess.run([rsvg, str(pictures / "picture.svg"), "-o", str(svg)], check=True)
    subprocess.run([pdftoppm, "-png", "-r", "96", "-singlefile", str(pictures / "picture.pdf"),
                    str(pdf)], check=True)  # fmt: skip
    return {
        "png": rgb(pictures / "picture.png"),
        "svg": rgb(svg),
        "pdf": rgb(pdf.with_suffix(".png")),
    }


def test_every_format_is_the_requested_size(renderings):
    assert {fmt: pixels.shape[:2] for fmt, pixels in renderings.items()} == {
        "png": (675, 1200),
        "svg": (675, 1200),
        "pdf": (675, 1200),
    }


@pytest.mark.parametrize("fmt", ["svg", "pdf"])
def test_marks_sit_where_the_png_has_them(renderings, fmt):
    lanes = load_file(SAMPLE).events.lanes
    for lane, colour in zip(lanes, lane_colours(lanes), strict=True):
        expected = boxes(colour_mask(renderings["png"], colour), 0, 0)
        got = boxes(colour_mask(renderings[fmt], colour), 0, 0)
        expected = [b for b in expected if (b[1] - b[0] + 1) * (b[3] - b[2] + 1) >= 9]
        got = [b for b in got if (b[1] - b[0] + 1) * (b[3] - b[2] + 1) >= 9]
        assert expected, f"no {lane} marks in the PNG"
        assert_same_places(f"{fmt} {lane}", expected, got, starts_only=False)


@pytest.mark.parametrize("fmt", ["svg", "pdf"])
def test_text_sits_where_the_png_has_it(renderings, fmt):
    expected = boxes(text_mask(renderings["png"]), 2, 10)
    got = boxes(text_mask(renderings[fmt]), 2, 10)
    assert len(expected) > 20  # title, legend, lane names, event titles, dates
    assert_same_places(f"{fmt} text", expected, got, starts_only=True)
