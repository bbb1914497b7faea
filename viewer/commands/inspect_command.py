"""``timeline-viewer inspect``: how each file was read, as text or JSON."""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path

from viewer.commands.command_error import CommandError
from viewer.io.load_options import LoadOptions
from viewer.io.load_report import LoadReport
from viewer.io.pipeline import inspect_file, unexpected_error

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def run_inspect(files: list[str], options: LoadOptions, as_json: bool) -> int:
    reports = [_inspect_one(path, options) for path in files]
    if as_json:
        text = json.dumps({"files": [r.as_dict() for r in reports]}, ensure_ascii=False)
        # A file name's bytes that are not text stay JSON escapes (os.fsencode gives them back):
        # the output is valid UTF-8 whatever the names.
        _print(_LONE_SURROGATE.sub(lambda m: f"\\u{ord(m[0]):04x}", text) + "\n")
    else:
        _print("".join(describe(report) for report in reports))
    return 1 if any(r.error for r in reports) else 0


def _inspect_one(path: str, options: LoadOptions) -> LoadReport:
    """One file's report; a bug met on one file is that file's error, and the others are
    still inspected and reported."""
    try:
        return inspect_file(path, options)
    except Exception as error:
        return LoadReport(path=path, error=unexpected_error(Path(path), error))


def _print(text: str) -> None:
    """The report on stdout, flushed, so a full disk or a closed pipe is an error now."""
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except OSError as error:
        # Python would flush again at exit and print a traceback: what is left goes nowhere.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        if isinstance(error, BrokenPipeError):  # the reader has all it wanted (| head)
            raise
        raise CommandError(f"cannot write the report: {error.strerror or error}") from error


def describe(report: LoadReport, shown: int = 10) -> str:
    if report.error:
        return f"{report.path}: error: {report.error}\n"
    delimiter = {"\t": "tab", None: "-"}.get(report.delimiter, report.delimiter)
    lines = [
        f"{report.path}",
        f"  format {report.format}, encoding {report.encoding or '-'}, delimiter {delimiter!s}",
        "  columns " + ", ".join(f"{role}={column}" for role, column in report.columns.items()),
        *_date_choice_lines(report),
        *(f"  time zone: {note}" for note in report.zone_notes),
        f"  {report.events:,} events, {len(report.skipped):,} rows skipped, {len(report.warnings):,} warnings",
    ]
    for kind, problems in (("skipped", report.skipped), ("warning", report.warnings)):
        for problem in problems[:shown]:
            lines.append(
                f"  {kind}: row {problem.row}, {problem.column}: {problem.value!r}: {problem.reason}"
            )
        if len(problems) > shown:
            lines.append(f"  ... and {len(problems) - shown:,} more ({kind})")
    return "\n".join(lines) + "\n"


def _date_choice_lines(report: LoadReport) -> list[str]:
    """Every column that read as dates, the chosen one first, each with why; a close runner-up;
    notes of the choice (a remembered column no longer in the file)."""
    lines = ["  date columns considered:"] if report.date_candidates else []
    for candidate in report.date_candidates:
        mark = "chosen: " if report.is_chosen(candidate) else ""
        if mark and report.date_chosen_by_user:
            mark = "chosen by you: "
        why = f" — {', '.join(candidate.reasons)}" if candidate.reasons else ""
        lines.append(f"    {mark}{candidate.column}{why}")
    close = report.close_date()
    if close is not None:
        lines.append(f"  also a date: {close} (it weighed close to {report.chosen_date})")
    lines.extend(f"  note: {note}" for note in report.notes)
    return lines
