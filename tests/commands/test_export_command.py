"""``timeline-viewer export`` as scripts use it: pictures and data files, in a process with no
display, with one-line errors."""

from __future__ import annotations

import json
import os
import re
import stat
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from viewer.io.loading import load_file
from viewer.model.lane_colours import assign_lane_colours
from viewer.timeline.look import LIGHT

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "data" / "sample_timeline_en.csv"
LANES = ["Microsoft–OpenAI", "Musk v. OpenAI", "Coverage", "Cloud", "Industry"]


def export(*args: str, file_size_limit: int | None = None) -> subprocess.CompletedProcess[str]:
    """``timeline-viewer export ARGS``; ``file_size_limit`` (bytes, RLIMIT_FSIZE) makes writes
    beyond it fail with EFBIG, as a full disk makes them fail (Python ignores SIGXFSZ)."""
    command = ["-m", "viewer"]
    if file_size_limit is not None:
        command = ["-c", _LIMITED.replace("BYTES", str(file_size_limit))]
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    return subprocess.run(
        [sys.executable, *command, "export", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        check=False,
        timeout=120,
    )


_LIMITED = (
    "import resource, runpy, sys; resource.setrlimit(resource.RLIMIT_FSIZE, (BYTES, BYTES)); "
    "sys.argv[0] = 'timeline-viewer'; runpy.run_module('viewer', run_name='__main__')"
)


@pytest.fixture(scope="module")
def png(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("png") / "story.png"
    result = export(
        str(SAMPLE),
        "-o",
        str(out),
        "--title",
        "Microsoft and OpenAI",
        "--from",
        "2026-04-20",
        "--to",
        "June 2026",
    )
    assert result.returncode == 0, result.stderr
    assert "propagateSizeHints" not in result.stderr
    return out


def test_png_has_the_requested_size_and_is_not_blank(png):
    image = QImage(str(png))
    assert (image.width(), image.height()) == (1920, 1080)
    colours = {image.pixelColor(x, y).rgb() for x in range(0, 1920, 37) for y in range(0, 1080, 29)}
    assert len(colours) > 5


def test_png_shows_every_lane_colour_and_a_dark_title(png):
    image = QImage(str(png)).convertToFormat(QImage.Format.Format_RGB32)
    seen = {image.pixelColor(x, y).name() for x in range(0, 1920, 2) for y in range(0, 1080, 2)}
    for number in assign_lane_colours(LANES).values():
        colour = LIGHT.lane_colour(number).name()
        assert colour in seen, colour
    title_band = [
        image.pixelColor(x, y).lightness() for x in range(24, 500, 3) for y in range(20, 60, 3)
    ]
    assert min(title_band) < 80


def test_png_scale_multiplies_the_pixels(tmp_path):
    out = tmp_path / "big.png"
    assert (
        export(
            str(SAMPLE), "-o", str(out), "--width", "800", "--height", "500", "--scale", "2"
        ).returncode
        == 0
    )
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1600, 1000)


def test_svg_is_valid_xml_with_the_title_and_lane_names_as_text(tmp_path):
    out = tmp_path / "story.svg"
    assert export(str(SAMPLE), "-o", str(out), "--title", "Contract change").returncode == 0
    tree = ET.parse(out)
    text = " ".join(t for t in tree.getroot().itertext())
    assert "Contract change" in text
    for lane in LANES:
        assert lane in text


def test_the_lanes_option_exports_only_those_lanes(tmp_path):
    out = tmp_path / "two.svg"
    assert export(str(SAMPLE), "-o", str(out), "--lanes", "Cloud,Industry").returncode == 0
    text = " ".join(ET.parse(out).getroot().itertext())
    assert "Cloud" in text
    assert "Industry" in text
    assert "Musk v. OpenAI" not in text


def test_pdf_is_a_valid_one_page_pdf(tmp_path):
    out = tmp_path / "story.pdf"
    assert export(str(SAMPLE), "-o", str(out), "--page", "A4").returncode == 0
    data = out.read_bytes()
    assert data.startswith(b"%PDF-")
    assert len(re.findall(rb"/Type\s*/Page(?!s)", data)) == 1


def test_dark_theme_pictures_have_a_dark_background(tmp_path):
    out = tmp_path / "dark.png"
    assert export(str(SAMPLE), "-o", str(out), "--theme", "dark").returncode == 0
    assert QImage(str(out)).pixelColor(5, 5).lightnessF() < 0.2


def test_a_bad_input_gives_one_line_on_stderr_and_a_failure_status(tmp_path):
    bad = tmp_path / "notes.txt"
    bad.write_bytes(b"\x00\x01binary")
    result = export(str(bad), "-o", str(tmp_path / "out.png"))
    assert result.returncode != 0
    assert len(result.stderr.strip().splitlines()) == 1
    assert "notes.txt" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out.png").exists()


def test_an_input_file_is_never_overwritten(tmp_path):
    copy = tmp_path / "story.csv"
    copy.write_bytes(SAMPLE.read_bytes())
    result = export(str(copy), "-o", str(copy))
    assert result.returncode != 0
    assert copy.read_bytes() == SAMPLE.read_bytes()


@pytest.mark.parametrize("name", ["story.timelinejs.json", "story.timesketch.csv"])
def test_exchange_formats_load_back_into_the_same_events(tmp_path, name):
    out = tmp_path / name
    assert export(str(SAMPLE), "-o", str(out)).returncode == 0
    original = load_file(SAMPLE).events.sorted_by_time().records()
    again = load_file(out).events.sorted_by_time().records()
    fields = ["start", "end", "precision", "approximate", "title", "excerpt", "lane", "url"]
    fields += ["date_text"]
    if name.endswith("timesketch.csv"):
        fields += ["source", "row"]  # Timesketch rows carry all our columns
    assert [{f: r[f] for f in fields} for r in again] == [
        {f: r[f] for f in fields} for r in original
    ]


def test_timelinejs_output_counts_bc_years_the_timelinejs_way(tmp_path):
    source = tmp_path / "rome.csv"
    source.write_text("date,title\n44 BC,Caesar\n-0043-03-15,Ides\n", encoding="utf-8")
    out = tmp_path / "rome.timelinejs.json"
    assert export(str(source), "-o", str(out)).returncode == 0
    years = [e["start_date"]["year"] for e in json.loads(out.read_text(encoding="utf-8"))["events"]]
    assert years == ["-44", "-44"]
    assert [r["start"] for r in load_file(out).events.records()] == [
        r["start"] for r in load_file(source).events.records()
    ]


def test_timesketch_output_has_its_required_columns(tmp_path):
    out = tmp_path / "s.timesketch.csv"
    assert export(str(SAMPLE), "-o", str(out)).returncode == 0
    header = out.read_text(encoding="utf-8").splitlines()[0].split(",")
    assert header[:4] == ["message", "datetime", "timestamp", "timestamp_desc"]


def _one_line(result: subprocess.CompletedProcess[str]) -> str:
    """The one error line; a warning about the machine's fonts (the sample holds Chinese text)
    may come before it where no CJK font is installed."""
    assert "Traceback" not in result.stderr
    lines = [
        line
        for line in result.stderr.strip().splitlines()
        if not line.startswith("timeline-viewer: warning: the events hold Chinese")
    ]
    assert len(lines) == 1, result.stderr
    return lines[0]


@pytest.mark.parametrize("name", ["story.svg", "story.pdf", "story.png", "story.csv"])
def test_a_full_disk_fails_the_export_and_leaves_no_file(tmp_path, name):
    out = tmp_path / name
    result = export(str(SAMPLE), "-o", str(out), file_size_limit=1024)
    assert result.returncode == 1
    assert "File too large" in _one_line(result)
    assert list(tmp_path.iterdir()) == []


def test_a_full_disk_keeps_the_file_that_was_there(tmp_path):
    out = tmp_path / "story.svg"
    out.write_text("<svg>old</svg>", encoding="utf-8")
    result = export(str(SAMPLE), "-o", str(out), file_size_limit=1024)
    assert result.returncode == 1
    assert out.read_text(encoding="utf-8") == "<svg>old</svg>"
    assert [p.name for p in tmp_path.iterdir()] == ["story.svg"]


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full (Linux)")
@pytest.mark.parametrize("fmt", ["csv", "svg"])
def test_export_to_dev_full_reports_the_write_error_and_keeps_the_device(fmt):
    result = export(str(SAMPLE), "-o", "/dev/full", "--format", fmt)
    assert result.returncode == 1
    line = _one_line(result)
    assert "/dev/full" in line
    assert "No space left on device" in line
    assert stat.S_ISCHR(os.lstat("/dev/full").st_mode)


@pytest.mark.skipif(not Path("/dev/stdout").exists(), reason="needs /dev/stdout")
def test_export_to_dev_stdout_writes_the_events_to_the_output():
    result = export(str(SAMPLE), "-o", "/dev/stdout", "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == len(load_file(SAMPLE).events)


def test_export_to_a_symbolic_link_replaces_the_file_it_points_to(tmp_path):
    real = tmp_path / "published" / "story.svg"
    real.parent.mkdir()
    real.write_text("<svg>old</svg>", encoding="utf-8")
    link = tmp_path / "story.svg"
    link.symlink_to(real)
    assert export(str(SAMPLE), "-o", str(link)).returncode == 0
    assert link.is_symlink()
    assert "Musk v. OpenAI" in " ".join(ET.parse(real).getroot().itertext())


def _annotated_export(tmp_path: Path) -> Path:
    """Our CSV export of the sample with one event starred and tagged, as the app writes it."""
    import numpy as np

    from viewer.io.writers.event_writer import write_events
    from viewer.model.annotations import EventMarks

    events = load_file(SAMPLE).events
    index = int(
        np.flatnonzero(events.frame["title"] == "Jury selection begins in Musk v. OpenAI")[0]
    )
    marks = EventMarks(
        np.zeros(len(events), dtype=bool), tags={index: ("trial",)}, notes={index: "ask"}
    )
    marks.starred[index] = True
    out = tmp_path / "annotated.csv"
    write_events(events, out, marks=marks)
    return out


def test_starred_only_draws_the_starred_events_an_export_carries(tmp_path):
    source = _annotated_export(tmp_path)
    out = tmp_path / "starred.svg"
    result = export(
        str(source), "-o", str(out), "--starred-only", "--width", "900", "--height", "400"
    )
    assert result.returncode == 0, result.stderr
    text = "".join((n.text or "") for n in ET.parse(out).getroot().iter())
    assert "Jury selection begins" in text
    assert "Altman" not in text


def test_starred_only_with_nothing_starred_writes_no_picture(tmp_path):
    out = tmp_path / "none.png"
    result = export(str(SAMPLE), "-o", str(out), "--starred-only")
    assert result.returncode != 0
    assert "starred" in result.stderr
    assert not out.exists()


def test_a_data_export_of_an_annotated_export_keeps_its_tags(tmp_path):
    source = _annotated_export(tmp_path)
    out = tmp_path / "again.timesketch.csv"
    result = export(str(source), "-o", str(out))
    assert result.returncode == 0, result.stderr
    header, *rows = out.read_text(encoding="utf-8").splitlines()
    assert header.split(",")[4:7] == ["tag", "comment", "starred"]
    assert sum(",trial,ask,true," in row for row in rows) == 1
