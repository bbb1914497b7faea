"""Spreadsheet formulas in CSV cells: our exports escape them, and reading our export back
removes exactly that escape. One list of starts serves both ways.

A cell a spreadsheet would run as a formula gets a leading apostrophe (OWASP's advice); a cell
that already starts with an apostrophe followed by such a start gets one more, so loading
removes exactly one."""

from __future__ import annotations

import re

import pyarrow as pa
import pyarrow.compute as pc

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_ESCAPED_STARTS = (*FORMULA_STARTS, "'")
_ESCAPE_PATTERN = "^'([" + "".join(re.escape(c) for c in _ESCAPED_STARTS) + "])"


def escape_formula(cell: str) -> str:
    if cell.startswith(FORMULA_STARTS) or (cell.startswith("'") and cell[1:2] in _ESCAPED_STARTS):
        return "'" + cell
    return cell


def without_formula_escapes(table: pa.Table) -> pa.Table:
    """Undo ``escape_formula`` in every cell, so a re-loaded export gives back the same text."""
    columns = [
        pc.replace_substring_regex(table.column(i), _ESCAPE_PATTERN, r"\1")
        for i in range(table.num_columns)
    ]
    return pa.table(columns, names=table.column_names)
