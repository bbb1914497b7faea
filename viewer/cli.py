"""The command line: ``timeline-viewer [FILES...]``, ``timeline-viewer inspect``, ``timeline-viewer export``.

Sub-commands import their modules when chosen, so ``inspect`` starts without loading Qt or
pandas (start-up time is most of a small file's load time).
"""

from __future__ import annotations

import argparse
import codecs
import io
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from viewer import __version__
from viewer.commands.command_error import EXIT_USAGE, CommandError
from viewer.io.load_options import ROLES, LoadOptions
from viewer.timeline.picture_presets import PRESETS  # plain data: no Qt is loaded

PRESET_NAMES = [name.lower() for name in PRESETS]


def _add_load_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("reading files")
    group.add_argument(
        "--column", action="append", default=[], metavar="ROLE=NAME",
        help=f"use column NAME for ROLE ({', '.join(ROLES)}); repeat for several roles",
    )  # fmt: skip
    group.add_argument("--encoding", help="text encoding of the files (default: detected)")
    group.add_argument(
        "--delimiter", help="field delimiter, e.g. ',' ';' 'tab' '|' (default: detected)"
    )
    group.add_argument(
        "--day-first", action="store_true", default=None, help="read 01/02/2026 as 1 February"
    )
    group.add_argument("--tz", help="time zone of times written without one, e.g. Europe/Berlin")
    group.add_argument(
        "--year", type=int, help="year for dates written without one (e.g. '27 Apr')"
    )


def _formats_read() -> str:
    """The epilog of the help: what FILE may be, from the loader's table of formats."""
    from viewer.io.formats import (
        readable_formats,  # the readers, which inspect and export load anyway
    )

    kinds = "; ".join(f"{f.label} ({' '.join(f.suffixes)})" for f in readable_formats())
    return f"FILE is a timeline file or a folder of them. Reads: {kinds}."


def build_parser() -> argparse.ArgumentParser:
    formats_read = _formats_read()
    parser = argparse.ArgumentParser(
        prog="timeline-viewer",
        description="A fast, zoomable timeline of dated events. With no command, opens the app.",
        epilog=formats_read,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    inspect = commands.add_parser(
        "inspect", help="say how each file is read, without a window", epilog=formats_read
    )
    inspect.add_argument("files", nargs="+", metavar="FILE")
    inspect.add_argument("--json", action="store_true", help="print one JSON object")
    _add_load_options(inspect)
    export = commands.add_parser(
        "export",
        help="write the events (.jsonl, .csv, .timelinejs.json, .timesketch.csv, .timesketch.jsonl) or a picture (.png, .svg, .pdf)",
        epilog=formats_read,
    )
    export.add_argument("files", nargs="+", metavar="FILE")
    export.add_argument("-o", "--output", required=True, metavar="OUT")
    export.add_argument("--format", choices=["jsonl", "csv", "timelinejs", "timesketch", "timesketch-jsonl", "png", "svg", "pdf"],
                        help="the output format (default: from the output's extension)")  # fmt: skip
    picture = export.add_argument_group("pictures")
    picture.add_argument(
        "--preset", type=str.lower, choices=PRESET_NAMES,
        help="size, text and page for: web (1200x675), square (1080x1080), slide (1920x1080), "
        "a4 or letter (a page at 300 dpi); --width, --height, --font-size and --page change it",
    )  # fmt: skip
    picture.add_argument("--width", type=int, help="width in pixels (default 1920)")
    picture.add_argument("--height", type=int, help="height in pixels (default 1080)")
    picture.add_argument(
        "--font-size", type=float, metavar="PT",
        help="size of the lane names and events' titles in points (default: for the picture's size)",
    )  # fmt: skip
    picture.add_argument(
        "--scale", type=float, default=1.0, help="PNG pixel scale, 1 to 4 (default 1)"
    )
    picture.add_argument(
        "--from", dest="start", metavar="DATE", help="first date shown (any date form)"
    )
    picture.add_argument("--to", dest="end", metavar="DATE", help="last date shown (any date form)")
    picture.add_argument("--lanes", metavar="A,B", help="only these lanes, drawn in this order")
    picture.add_argument(
        "--starred-only", action="store_true",
        help="draw only the starred events (the files' starred column, as Export Events writes "
        "it); starred events are drawn with a gold ring either way",
    )  # fmt: skip
    picture.add_argument(
        "--title", help="the picture's title (default: the story's own, else the file names)"
    )
    picture.add_argument("--subtitle", help="a line under the title")
    picture.add_argument("--credit", metavar="TEXT", help="a source line under the picture")
    picture.add_argument("--no-legend", action="store_true", help="leave out the lane legend")
    picture.add_argument(
        "--no-date-span", action="store_true", help="leave out the span of dates under the title"
    )
    picture.add_argument(
        "--theme", choices=["light", "dark", "print"], default="light",
        help="colours; print keeps black text and lines that greyscale printing keeps",
    )  # fmt: skip
    picture.add_argument(
        "--page", metavar="SIZE", help="PDF page size such as A4 or Letter (default: fit)"
    )
    picture.add_argument(
        "--pages-wide", type=int, default=1, metavar="N",
        help="PDF: cut the time range into N pages, each with its time axis (default 1)",
    )  # fmt: skip
    _add_load_options(export)
    return parser


def load_options(args: argparse.Namespace) -> LoadOptions:
    columns = {}
    for item in args.column:
        role, sep, name = item.partition("=")
        if not sep or not name or role.strip() not in ROLES:
            raise CommandError(
                f"--column takes ROLE=NAME with ROLE one of {', '.join(ROLES)}; got {item!r}",
                EXIT_USAGE,
            )
        columns[role.strip()] = name
    delimiter = args.delimiter
    if delimiter is not None:
        delimiter = {"tab": "\t", "\\t": "\t", "comma": ",", "semicolon": ";", "pipe": "|"}.get(
            delimiter.lower(), delimiter
        )
        if len(delimiter) != 1:
            raise CommandError(
                f"--delimiter takes one character; got {args.delimiter!r}", EXIT_USAGE
            )
    return LoadOptions(columns=columns, encoding=args.encoding, delimiter=delimiter,
                       day_first=args.day_first, tz=args.tz, year=args.year)  # fmt: skip


def _files(named: list[str]) -> list[str]:
    """The files named, with each folder replaced by the readable files inside it."""
    from viewer.io.formats import expand_paths, readable_suffixes

    files = expand_paths(named)
    if not files:
        raise CommandError(
            f"no timeline files in {', '.join(named)} (files ending {' '.join(readable_suffixes())})",
            EXIT_USAGE,
        )
    return files


def _print_any_name() -> None:
    """File names may hold bytes that are not text (Python keeps them as lone surrogates), and
    a terminal may not show every character: print a name's bytes as they are on disk and
    anything else the output cannot encode as an escape, never fail on it."""
    codecs.register_error("timeline-viewer", _unprintable)
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="timeline-viewer")


def _unprintable(error: UnicodeError) -> tuple[bytes, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    out = bytearray()
    for char in error.object[error.start : error.end]:
        code = ord(char)
        if 0xDC80 <= code <= 0xDCFF:  # a byte of a file name that was not text
            out.append(code - 0xDC00)
        else:
            out += char.encode("ascii", "backslashreplace")
    return bytes(out), error.end


def _import_the_core_before_qt() -> None:
    """Once PySide6.QtCore is imported, its ``__feature__`` hook reads the source of every
    module imported after it (looking for "PySide6" in it): with pandas, pyarrow and numpy
    imported first the app is imported 0.13 s sooner (0.79 -> 0.66 s, 2-core dev machine)."""
    # The loader's libraries (pandas, pyarrow, numpy, dateutil) and the cache's.
    import viewer.io.cache.event_cache
    import viewer.io.loading  # noqa: F401


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    _print_any_name()
    if not argv or argv[0] not in ("inspect", "export", "-h", "--help", "--version"):
        _import_the_core_before_qt()
        from viewer.head_start import start_head_starts

        head_starts = start_head_starts(argv)  # while the window is built
        from viewer.app import run_app

        return run_app(argv, head_starts)
    args = build_parser().parse_args(argv)
    try:
        options = load_options(args)
        args.files = _files(args.files)
        if args.command == "inspect":
            from viewer.commands.inspect_command import run_inspect

            projects = [f for f in args.files if f.lower().endswith(".tvproj")]
            if projects:
                from viewer.commands.project_command import run_inspect_project

                status = [run_inspect_project(p, args.json) for p in projects]
                others = [f for f in args.files if f not in projects]
                if others:
                    status.append(run_inspect(others, options, as_json=args.json))
                return max(status)
            return run_inspect(args.files, options, as_json=args.json)
        _import_the_core_before_qt()
        from viewer.commands.export_command import run_export

        return run_export(args, Path(args.output), options)
    except CommandError as error:
        print(f"timeline-viewer: {error}", file=sys.stderr)
        return error.status
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # the output's reader stopped reading (| head): nothing to say
        return 1
    except MemoryError:
        print(
            "timeline-viewer: not enough memory; close other programs, or give fewer or "
            "smaller files",
            file=sys.stderr,
        )
        return 1
    except (
        Exception
    ) as error:  # scripts get one line, not a traceback (TIMELINE_VIEWER_DEBUG=1 shows it)
        if os.environ.get("TIMELINE_VIEWER_DEBUG"):
            raise
        print(
            f"timeline-viewer: unexpected error: {type(error).__name__}: {error}", file=sys.stderr
        )
        return 3
