"""``timeline-viewer export``: the normalised events of one or more files into one output."""

from __future__ import annotations

import sys
from pathlib import Path

from viewer.commands.command_error import CommandError
from viewer.io.event_loading import load_files
from viewer.io.event_writer import data_format, write_events
from viewer.io.load_options import LoadOptions


def run_export(files: list[str], output: Path, options: LoadOptions) -> int:
    if data_format(output) is None:
        raise CommandError(f"cannot write {output.name}: the output must end in .jsonl or .csv")
    resolved = output.resolve()
    if any(Path(f).resolve() == resolved for f in files):
        raise CommandError(
            f"refusing to overwrite the input file {output.name}; choose another output"
        )
    if not output.parent.exists():
        raise CommandError(f"cannot write {output}: folder {output.parent} does not exist")
    events, reports = load_files(files, options)
    failed = [r for r in reports if r.error]
    for report in failed:
        print(f"timeline-viewer: {report.error}", file=sys.stderr)
    if failed and len(failed) == len(reports):
        return 1
    skipped = sum(len(r.skipped) for r in reports)
    try:
        write_events(events.sorted_by_time(), output)
    except OSError as error:
        raise CommandError(f"cannot write {output}: {error.strerror or error}") from error
    note = f" ({skipped:,} rows skipped; see timeline-viewer inspect)" if skipped else ""
    print(f"wrote {len(events):,} events to {output}{note}", file=sys.stderr)
    return 1 if failed else 0
