"""``timeline-viewer export``: the events of one or more files into one data file or picture."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from viewer.commands.command_error import EXIT_USAGE, CommandError
from viewer.commands.project_command import ProjectView, load_project_view
from viewer.io.file_names import picture_title
from viewer.io.load_options import LoadOptions
from viewer.io.loading import load_annotated_files
from viewer.io.mapping.column_mapping import TEXT_ROLES
from viewer.io.project_file import is_project_path
from viewer.io.writers.event_writer import data_format, write_events
from viewer.model.annotations import EventMarks
from viewer.model.event_table import EventTable

if TYPE_CHECKING:
    from viewer.timeline.picture_request import ImageRequest

PICTURE_FORMATS = {"png", "svg", "pdf"}
PICTURE_TEXT = frozenset({"title", "lane"})


def run_export(args: argparse.Namespace, output: Path, options: LoadOptions) -> int:
    files: list[str] = args.files
    fmt = args.format or data_format(output) or output.suffix.lower().lstrip(".")
    if fmt not in PICTURE_FORMATS and data_format(output, fmt) is None:
        raise CommandError(
            f"cannot write {output.name}: use .jsonl, .csv, .timelinejs.json, .timesketch.csv, .timesketch.jsonl, .png, .svg or .pdf"
        )
    project = next((f for f in files if is_project_path(f)), None)
    _check_output(output, files)
    if fmt in PICTURE_FORMATS:
        _check_picture_options(args)
    # A picture draws titles and lanes; excerpts and links are not read for it.
    roles = PICTURE_TEXT if fmt in PICTURE_FORMATS else TEXT_ROLES
    saved = None
    if project is not None:
        if len(files) > 1:
            raise CommandError("export takes one project, or data files, not both", EXIT_USAGE)
        saved = load_project_view(project, options, roles)
        _check_output(output, saved.files)
        events, reports, files, marks = saved.events, saved.reports, saved.files, saved.marks
    else:
        events, reports, marks = load_annotated_files(files, options, roles)
    annotated = bool(marks.starred.any() or marks.tags or marks.notes)
    failed = [r for r in reports if r.error]
    for report in failed:
        print(f"timeline-viewer: {report.error}", file=sys.stderr)
    if failed and len(failed) == len(reports):
        return 1
    try:
        if fmt in PICTURE_FORMATS:
            titled = [(f, r.title) for f, r in zip(files, reports, strict=True) if not r.error]
            _write_picture(events, marks, args, output, fmt, picture_title(titled), saved)
        else:  # stars, tags and notes go on with the events
            if saved is not None:  # what the project shows: its lanes, within its dates
                events, marks = events.subset(saved.shown), marks.subset(saved.shown)
            write_events(
                events, output, fmt, in_time_order=True, marks=marks if annotated else None
            )
    except OSError as error:
        raise CommandError(f"cannot write {output}: {error.strerror or error}") from error
    except MemoryError as error:  # what was written so far is removed with the temporary file
        raise CommandError(
            f"not enough memory to write {len(events):,} events to {output.name}; close other "
            "programs, or export fewer events (--from/--to, --lanes, fewer files)"
        ) from error
    skipped = sum(len(r.skipped) for r in reports)
    note = f" ({skipped:,} rows skipped; see timeline-viewer inspect)" if skipped else ""
    print(f"wrote {len(events):,} events to {output}{note}", file=sys.stderr)
    return 1 if failed else 0


def _check_output(output: Path, files: list[str]) -> None:
    resolved = output.resolve()
    if any(Path(f).resolve() == resolved for f in files):
        raise CommandError(
            f"refusing to overwrite the input file {output.name}; choose another output"
        )
    if not output.parent.exists():
        raise CommandError(f"cannot write {output}: folder {output.parent} does not exist")


def _check_picture_options(args: argparse.Namespace) -> None:
    for size in (args.width, args.height):
        if size is not None and not 100 <= size <= 20_000:
            raise CommandError("--width and --height take 100 to 20000 pixels", EXIT_USAGE)
    if not 1.0 <= args.scale <= 4.0:
        raise CommandError("--scale takes 1 to 4", EXIT_USAGE)
    if args.font_size is not None and not 4.0 <= args.font_size <= 96.0:
        raise CommandError("--font-size takes 4 to 96 points", EXIT_USAGE)
    if not 1 <= args.pages_wide <= 50:
        raise CommandError("--pages-wide takes 1 to 50 pages", EXIT_USAGE)


def _time_range(args: argparse.Namespace) -> tuple[float, float] | None:
    from viewer.model.date_parsing import covered_span
    from viewer.model.parsed_date import DateParseError

    if not args.start and not args.end:
        return None
    try:
        start = covered_span(args.start)[0] if args.start else None
        end = covered_span(args.end)[1] + 1 if args.end else None
    except DateParseError as error:
        raise CommandError(f"--from/--to: not a date ({error.reason})", EXIT_USAGE) from error
    return (float(start) if start is not None else None, float(end) if end is not None else None)  # type: ignore[return-value]


def _write_picture(
    events: EventTable,
    marks: EventMarks,
    args: argparse.Namespace,
    output: Path,
    fmt: str,
    title: str,
    saved: ProjectView | None = None,
) -> None:
    """``saved``: a project's view, drawn as saved (options given on the command line win)."""
    # Pictures are drawn by Qt; headless unless told otherwise, so no display is needed.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    from viewer.timeline.image_export import NothingToDrawError, export_image
    from viewer.timeline.look import LOOKS

    qInstallMessageHandler(_quiet_platform_notes)
    _app = QApplication.instance() or QApplication(["timeline-viewer"])
    shown = None if saved is None else saved.shown
    order: list[str] = [] if saved is None else saved.lane_order
    if args.lanes:
        order = [lane.strip() for lane in args.lanes.split(",")]  # shown in this order
        wanted = set(order)
        in_lanes = events.in_lanes(wanted)
        shown = np.flatnonzero(in_lanes if shown is None else in_lanes & _mask(shown, len(events)))
        if len(shown) == 0:
            raise CommandError(
                f"--lanes: no events in lanes {', '.join(sorted(wanted))}", EXIT_USAGE
            )
    span = _time_range(args)
    if span is None and saved is not None:
        span = saved.view
    if span is not None and (span[0] is None or span[1] is None):
        starts = events.start
        span = (
            span[0] if span[0] is not None else float(starts.min()),
            span[1] if span[1] is not None else float(starts.max()),
        )
    from viewer.ui.font_coverage import cjk_font_missing

    if cjk_font_missing(events):
        print(
            "timeline-viewer: warning: the events hold Chinese, Japanese or Korean text but no installed "
            "font covers it; install one (Debian/Ubuntu: fonts-noto-cjk) or it shows as empty boxes",
            file=sys.stderr,
        )
    request = _picture_request(args, title)
    request.time_range, request.look = span, LOOKS[args.theme]
    request.lane_order = order
    request.starred, request.tagged = np.flatnonzero(marks.starred), np.flatnonzero(marks.tagged)
    request.starred_only = args.starred_only
    try:
        export_image(events, shown, request, output, fmt)
    except NothingToDrawError as error:
        raise CommandError(f"nothing to draw: {error}; no picture was written") from error


def _mask(indices: np.ndarray, n: int) -> np.ndarray:
    mask = np.zeros(n, dtype=bool)
    mask[indices] = True
    return mask


def _picture_request(args: argparse.Namespace, title: str) -> ImageRequest:
    """The preset's request (or 1920x1080), with the options given on the command line."""
    from viewer.timeline.picture_presets import PRESETS
    from viewer.timeline.picture_request import ImageRequest, preset_request

    if args.preset:
        name = next(n for n in PRESETS if n.lower() == args.preset)
        request = preset_request(name)
    else:
        request = ImageRequest()
    if args.width is not None or args.height is not None:
        # Another size: its own text size, unless one is given.
        request.width = args.width or request.width
        request.height = args.height or request.height
        request.font_size = None
    if args.font_size is not None:
        request.font_size = args.font_size
    if args.page is not None:
        request.page = args.page
    request.scale, request.pages_wide = args.scale, args.pages_wide
    request.title = args.title if args.title is not None else title
    request.subtitle, request.credit = args.subtitle or "", args.credit or ""
    request.legend, request.date_span = not args.no_legend, not args.no_date_span
    return request


def _quiet_platform_notes(_kind: object, _context: object, message: str) -> None:
    """Qt's offscreen platform notes each hidden window; scripts only need real problems."""
    if "propagateSizeHints" not in message:
        print(f"qt: {message}", file=sys.stderr)
