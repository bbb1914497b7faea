"""The cells of a file as read, before any column is given a meaning."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt
import pyarrow as pa
import pyarrow.compute as pc

from viewer.io.load_errors import RowProblem


@dataclass
class RawTable:
    """Text cells keyed by (unique) header name, with each record's spreadsheet row number.

    ``data`` holds only string columns (null where a cell is empty). ``rows`` gives, for each
    record, the row a spreadsheet shows it on: the header is row 1, so the first record is row 2
    (for JSON and XML sources it is the 1-based position of the event instead).
    """

    data: pa.Table
    rows: npt.NDArray[np.int64]
    format: str
    encoding: str | None = None
    delimiter: str | None = None
    # Roles a reader already knows (e.g. a JSON format), as role -> column name.
    known_roles: dict[str, str] = field(default_factory=dict)
    # Records the reader itself had to drop (e.g. a line of JSONL that is not JSON).
    problems: list[RowProblem] = field(default_factory=list)
    # Records kept with a remark (e.g. bytes that were not text, read as U+FFFD).
    warnings: list[RowProblem] = field(default_factory=list)
    # Every column the file has, in its order, when only some were read (``data``).
    all_columns: list[str] | None = None
    # The story's own title, when the file gives one (a TimelineJS title slide, JSON "title").
    title: str | None = None

    @property
    def columns(self) -> list[str]:
        return list(self.data.column_names)

    @property
    def file_columns(self) -> list[str]:
        """The columns a user sees in the file, for messages naming them."""
        return self.all_columns if self.all_columns is not None else self.columns

    def __len__(self) -> int:
        return int(self.data.num_rows)

    def column(self, name: str) -> pa.ChunkedArray:
        return self.data.column(name)


def unique_headers(names: list[str]) -> list[str]:
    """Header names made unique and non-empty, as a spreadsheet user would read them.

    Empty cells become ``Column 3`` (1-based position); a repeated name gets `` (2)``, `` (3)``.
    """
    seen: dict[str, int] = {}
    taken: set[str] = set()
    out = []
    for position, raw in enumerate(names, start=1):
        name = (raw or "").strip() or f"Column {position}"
        key = name.casefold()
        count = seen.get(key, 0) + 1
        unique = name if count == 1 else f"{name} ({count})"
        while unique.casefold() in taken:  # a header already named "Date (2)"
            count += 1
            unique = f"{name} ({count})"
        seen[key] = count
        taken.add(unique.casefold())
        out.append(unique)
    return out


def table_from_records(header: list[str], records: list[list[str | None]]) -> pa.Table:
    """A string table from Python records; short records are padded, long ones cut."""
    names = unique_headers(header)
    width = len(names)
    columns: list[list[str | None]] = [[] for _ in range(width)]
    for record in records:
        for index in range(width):
            value = record[index] if index < len(record) else None
            columns[index].append(value if value else None)
    return pa.table(
        {name: pa.array(col, type=pa.string()) for name, col in zip(names, columns, strict=True)}
    )


def join_cells(columns: list[pa.ChunkedArray], separator: str) -> pa.ChunkedArray:
    """Cells joined row by row, skipping empty ones; a row with none stays null.

    (pyarrow's own ``null_handling="skip"`` drops rows whose cells are all null, which would
    misalign every row after them.)
    """
    joined = columns[0]
    for column in columns[1:]:
        both = pc.and_(pc.is_valid(joined), pc.is_valid(column))
        together = pc.binary_join_element_wise(joined, column, separator, null_handling="emit_null")
        joined = pc.if_else(both, together, pc.coalesce(joined, column))
    return joined
