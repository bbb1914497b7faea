"""One request, three formats, one picture: the PNG as Qt draws it, the SVG as rsvg-convert draws
it and the PDF as pdftoppm draws it put the marks and the text in the same places (within 2 px).

Places are measured, not pixels compared: renderers antialias and hint text differently, but
how many of a line's pixels fall in each row and each column (its profiles) hardly changes.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtGui import QImage

from viewer.io.loading import load_file
from viewer.model.lane_colours import assign_lane_colours
from viewer.timeline.image_export import ImageRequest, export_image
from viewer.timeline.look import LIGHT

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "data" / "sample_timeline_en.csv"
TOLERANCE = 2  # px
SEARCH = 8  # px: how far a profile is looked for
ALIKE = 0.5  # the same glyphs, hinted by another renderer, stay well above this
PIECE = 40  # px: how much of the start of a piece is compared
PIECE_GAP = 20  # px: a wider gap between dark pixels starts another piece (not a space)
MIN_INK = 30  # pixels: fewer are a speck of antialiasing, not a line
TICK_LENGTH = 5  # pyqtgraph's, px


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


def text_ink(pixels: np.ndarray) -> np.ndarray:
    """How dark each grey pixel is (0 to 1), leaving out the axes' lines and ticks (renderers
    draw a thin line half a pixel apart, or lighter: text is what must agree). Darkness, not
    dark or not, so that a renderer's lighter antialiasing moves no edge."""
    grey = (pixels.max(axis=2) - pixels.min(axis=2)) < 30
    ink = np.where(grey, np.clip(230 - pixels.mean(axis=2), 0, None) / 230, 0.0)
    long_rows = _longest_run(ink > 0.1) > 60
    long_columns = _longest_run((ink > 0.1).T) > 60
    ink[:, long_columns] = 0
    for row in np.flatnonzero(long_rows).tolist():
        ink[max(row - TICK_LENGTH - 1, 0) : row + 2] = 0  # and the ticks on the line
    return ink


def _longest_run(mask: np.ndarray) -> np.ndarray:
    best = np.zeros(mask.shape[0], np.int64)
    current = np.zeros(mask.shape[0], np.int64)
    for column in mask.T:
        current = np.where(column, current + 1, 0)
        best = np.maximum(best, current)
    return best


def colour_mask(pixels: np.ndarray, colour: str) -> np.ndarray:
    target = np.array([int(colour[i : i + 2], 16) for i in (1, 3, 5)], np.int16)
    close = np.abs(pixels - target).max(axis=2) < 24
    # Only where the colour is solid: the blended edge of another lane's swatch can come near it.
    solid = np.zeros_like(close)
    solid[1:-1, 1:-1] = (
        close[1:-1, 1:-1] & close[:-2, 1:-1] & close[2:, 1:-1] & close[1:-1, :-2] & close[1:-1, 2:]
    )
    return solid


def best_shift(expected: np.ndarray, got: np.ndarray) -> tuple[int, float]:
    """The shift (px) that best lays profile ``got`` over ``expected``, and how alike they are
    then (correlation, 1 = the same shape)."""
    best = (0, -1.0)
    for shift in range(-SEARCH, SEARCH + 1):
        moved = np.roll(got, -shift).astype(float)
        if moved.std() == 0 or expected.std() == 0:
            continue
        alike = float(np.corrcoef(expected.astype(float), moved)[0, 1])
        if alike > best[1]:
            best = (shift, alike)
    return best


def assert_same_places(name: str, expected: np.ndarray, got: np.ndarray) -> None:
    """Each line of ``expected`` (a mask) is at the same height in ``got``, and each piece of it
    (a word, a label, a mark) starts in the same column, within the tolerance. Only a piece's
    start: renderers lay text out a few per cent wider or narrower from the same start."""
    solid = expected > 0.5
    lines = [line for line in runs(solid.sum(axis=1), 2) if _pixels(solid, line) >= MIN_INK]
    assert lines, f"{name}: nothing to compare"
    height, width = expected.shape
    for top, bottom in lines:
        rows = slice(max(top - SEARCH, 0), min(bottom + SEARCH + 1, height))
        where = f"{name}, the line at rows {top}-{bottom}"
        _assert_alike(where, expected[rows].sum(axis=1), got[rows].sum(axis=1))
        # Pieces from fainter ink too: a thin dash ("2026 – 2032") is part of its run of text.
        for left, _right in runs((expected[top : bottom + 1] > 0.2).sum(axis=0), PIECE_GAP):
            columns = slice(max(left - SEARCH, 0), min(left + PIECE, width))
            _assert_alike(
                f"{where}, from column {left}",
                expected[rows, columns].sum(axis=0),
                got[rows, columns].sum(axis=0),
            )


def _pixels(mask: np.ndarray, line: tuple[int, int]) -> int:
    return int(mask[line[0] : line[1] + 1].sum())


def _assert_alike(where: str, expected: np.ndarray, got: np.ndarray) -> None:
    shift, alike = best_shift(expected, got)
    assert alike > ALIKE, f"{where}: not the same shape (correlation {alike:.2f})"
    assert abs(shift) <= TOLERANCE, f"{where}: {shift} px off"


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
    # A PDF's page is the layout's size (text_scale smaller than the picture): drawn at its pixels.
    subprocess.run([pdftoppm, "-png", "-scale-to-x", "1200", "-scale-to-y", "675", "-singlefile",
                    str(pictures / "picture.pdf"), str(pdf)], check=True)  # fmt: skip
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
    numbers = assign_lane_colours(lanes)
    for lane in lanes:
        colour = LIGHT.lane_colour(numbers[lane]).name()
        expected = colour_mask(renderings["png"], colour)
        assert expected.sum() > 50, f"no {lane} marks in the PNG"
        assert_same_places(f"{fmt} {lane}", expected, colour_mask(renderings[fmt], colour))


@pytest.mark.parametrize("fmt", ["svg", "pdf"])
def test_text_sits_where_the_png_has_it(renderings, fmt):
    expected = text_ink(renderings["png"])
    assert len(runs((expected > 0.5).sum(axis=1), 2)) > 6  # title, legend, lanes, titles, dates
    assert_same_places(f"{fmt} text", expected, text_ink(renderings[fmt]))


def test_the_pdf_keeps_the_faded_ends_of_an_approximate_span(qapp, tmp_path, system_tool):
    pdftoppm = system_tool("pdftoppm", "poppler-utils")
    source = tmp_path / "approximate.csv"
    source.write_text("start,end,title,lane\nc. 1990,c. 2000,Approximate,A\n", encoding="utf-8")
    events = load_file(source).events
    request = ImageRequest(width=1200, height=675, legend=False, date_span=False)
    request.time_range = (
        float(events.start.min()) - 3e8,
        float(events.last_instants().max()) + 3e8,
    )
    export_image(events, None, request, tmp_path / "picture.png")
    export_image(events, None, request, tmp_path / "picture.pdf")
    subprocess.run([pdftoppm, "-png", "-scale-to-x", "1200", "-scale-to-y", "675", "-singlefile",
                    str(tmp_path / "picture.pdf"), str(tmp_path / "pdf")], check=True)  # fmt: skip
    for fmt, path in (("png", tmp_path / "picture.png"), ("pdf", tmp_path / "pdf.png")):
        pixels = rgb(path)
        bar = np.abs(pixels - pixels[5, 5]).sum(axis=2) > 30  # not the background
        bar &= ~(text_ink(pixels) > 0)  # nor text
        row = int(np.argmax(bar[:, 300:900].sum(axis=1)))  # the bar's middle row
        columns = np.flatnonzero(bar[row])
        stripe_end = columns[np.flatnonzero(np.diff(columns) > 1)[0]]  # the lane's colour stripe
        columns = columns[columns > stripe_end]
        start, end = int(columns[0]), int(columns[-1])
        strength = np.abs(pixels[row] - pixels[5, 5]).sum(axis=1)
        middle = strength[(start + end) // 2]
        assert strength[start + 2] < 0.6 * middle, f"{fmt}: the span's start does not fade"
        assert strength[end - 2] < 0.6 * middle, f"{fmt}: the span's end does not fade"
