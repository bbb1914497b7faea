"""The first rows of a file as they would load with a choice of columns: what the column dialog
shows while the user chooses, read by the same loader as the file itself."""

from __future__ import annotations

import csv
import dataclasses
import tempfile
from pathlib import Path

from viewer.io.load_options import LoadOptions
from viewer.io.loading import LoadResult, load_file
from viewer.io.readers.preview import preview_rows

PREVIEW_ROWS = 20


def preview_load(path: str | Path, options: LoadOptions, limit: int = PREVIEW_ROWS) -> LoadResult:
    """The file's first ``limit`` rows loaded with ``options`` (a failure is in the report).
    They are copied, as CSV under the file's own name, to a folder of their own that is removed
    afterwards: the loader reads only those rows, and the name gives it the same context (a
    year in the name) as the file. Raises LoadError when the file is not a delimited table."""
    path = Path(path)
    columns, rows = preview_rows(path, options, limit)
    with tempfile.TemporaryDirectory(prefix="timeline-viewer-preview-") as folder:
        copy = Path(folder) / f"{path.stem or 'preview'}.csv"
        with copy.open("w", encoding="utf-8", newline="") as out:
            writer = csv.writer(out)
            writer.writerow(columns)
            writer.writerows(rows)
        return load_file(copy, dataclasses.replace(options, encoding="utf-8", delimiter=","))
