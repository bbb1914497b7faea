"""``timeline-viewer export`` pictures laid out for an article: presets, the title the data
gives, a subtitle and source line, no legend, text size, pages, and no blank pictures."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from test_export_command import LANES, SAMPLE, export

ROOT = Path(__file__).resolve().parents[2]
WOMEN = ROOT / "tests" / "data" / "timelinejs_women_in_computing.csv"
COSMOS = ROOT / "tests" / "data" / "timelinejs_cosmo_mixed.json"


def svg_words(path: Path) -> str:
    return " ".join(ET.parse(path).getroot().itertext())


@pytest.mark.parametrize(
    ("preset", "size"),
    [("web", (1200, 675)), ("square", (1080, 1080)), ("slide", (1920, 1080)),
     ("a4", (3508, 2480)), ("letter", (3300, 2550))],
)  # fmt: skip
def test_a_preset_gives_its_pixels(tmp_path, preset, size):
    out = tmp_path / f"{preset}.png"
    result = export(str(SAMPLE), "-o", str(out), "--preset", preset)
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == size


def test_a_page_preset_gives_a_pdf_of_that_page(tmp_path):
    out = tmp_path / "a4.pdf"
    assert export(str(SAMPLE), "-o", str(out), "--preset", "a4").returncode == 0
    box = re.search(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)", out.read_bytes())
    assert box is not None
    assert (round(float(box[1])), round(float(box[2]))) == (842, 595)  # A4 landscape, points


def test_the_title_is_the_storys_own_when_it_has_one(tmp_path):
    for source, title in ((WOMEN, "Women in Computing"), (COSMOS, "A Brief History of Light")):
        out = tmp_path / "story.svg"
        assert export(str(source), "-o", str(out)).returncode == 0
        assert ET.parse(out).getroot().findtext("{http://www.w3.org/2000/svg}title") == title


def test_without_a_title_of_its_own_the_file_name_is_written_as_words(tmp_path):
    out = tmp_path / "story.svg"
    assert export(str(SAMPLE), "-o", str(out)).returncode == 0
    assert "sample timeline en" in svg_words(out)
    assert ".csv" not in svg_words(out)


def test_subtitle_and_source_line_are_written_and_the_legend_can_go(tmp_path):
    out = tmp_path / "story.svg"
    result = export(str(SAMPLE), "-o", str(out), "--subtitle", "Partners and rivals",
                    "--credit", "Source: court filings", "--no-legend")  # fmt: skip
    assert result.returncode == 0, result.stderr
    words = svg_words(out)
    assert "Partners and rivals" in words
    assert "Source: court filings" in words
    with_legend = tmp_path / "legend.svg"
    assert export(str(SAMPLE), "-o", str(with_legend)).returncode == 0
    for lane in LANES:  # the lane axis names each lane; the legend names it again
        assert svg_words(out).count(lane) < svg_words(with_legend).count(lane)


def test_the_date_span_is_written_under_the_title(tmp_path):
    out = tmp_path / "story.svg"
    assert (
        export(str(SAMPLE), "-o", str(out), "--from", "2026-04-20", "--to", "2026-05-10").returncode
        == 0
    )
    assert re.search(r"20 Apr\s*–\s*1[01] May 2026", svg_words(out)), svg_words(out)
    bare = tmp_path / "bare.svg"
    assert export(str(SAMPLE), "-o", str(bare), "--from", "2026-04-20", "--to", "2026-05-10",
                  "--no-date-span").returncode == 0  # fmt: skip
    assert not re.search(r"Apr\s*–", svg_words(bare))


def _title_height(path: Path) -> int:
    """How many rows the picture's first line of dark text (the title) takes."""
    image = QImage(str(path))
    dark = [any(image.pixelColor(x, y).lightnessF() < 0.3 for x in range(0, image.width() // 2))
            for y in range(image.height() // 2)]  # fmt: skip
    first = dark.index(True)
    return dark[first:].index(False)


def test_a_larger_font_size_makes_larger_text(tmp_path):
    small, large = tmp_path / "small.png", tmp_path / "large.png"
    for out, size in ((small, "8"), (large, "16")):
        result = export(str(SAMPLE), "-o", str(out), "--width", "1200", "--height", "675",
                        "--font-size", size, "--no-legend", "--no-date-span")  # fmt: skip
        assert result.returncode == 0, result.stderr
    assert _title_height(large) > 1.6 * _title_height(small)


def test_pages_wide_makes_that_many_pdf_pages(tmp_path):
    out = tmp_path / "wide.pdf"
    assert export(str(SAMPLE), "-o", str(out), "--pages-wide", "3").returncode == 0
    assert len(re.findall(rb"/Type\s*/Page(?!s)", out.read_bytes())) == 3


@pytest.mark.parametrize("where", [["--lanes", "Cloud", "--from", "1800", "--to", "1801"],
                                   ["--from", "1800", "--to", "1801"]])  # fmt: skip
def test_a_picture_of_no_events_is_refused_and_not_written(tmp_path, where):
    out = tmp_path / "empty.png"
    result = export(str(SAMPLE), "-o", str(out), *where)
    assert result.returncode == 1
    assert "nothing to draw" in result.stderr
    assert not out.exists()


@pytest.mark.parametrize("order", [["Cloud", "Coverage"], ["Coverage", "Cloud"]])
def test_lanes_named_on_the_command_line_are_drawn_in_that_order(tmp_path, order):
    out = tmp_path / "lanes.svg"
    result = export(str(SAMPLE), "-o", str(out), "--lanes", ",".join(order), "--no-date-span")
    assert result.returncode == 0, result.stderr
    words = svg_words(out)
    legend = [words.index(lane) for lane in order]  # the legend comes first, left to right
    assert legend == sorted(legend)
    names = [words.rindex(lane) for lane in order]  # the lane names last, top to bottom
    assert names == sorted(names)
