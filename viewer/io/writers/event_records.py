"""Events as plain records (ISO times, text), and CSV cells safe for spreadsheets: what every
data export shares."""

from __future__ import annotations

from collections.abc import Iterator

import pandas as pd

from viewer.model.event_table import EventTable
from viewer.model.instants import format_iso

# Cells a spreadsheet would run as a formula get a leading apostrophe (OWASP's advice); a cell
# that already starts with an apostrophe gets one more, so loading removes exactly one.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_ESCAPED_STARTS = (*_FORMULA_STARTS, "'")


def event_records(events: EventTable) -> Iterator[dict[str, object]]:
    frame = events.frame
    starts = format_iso(frame["start"].to_numpy())
    has_end = frame["end"].notna().to_numpy()
    ends = format_iso(frame["end"].fillna(0).to_numpy(dtype="int64"))
    text = {
        name: frame[name].astype(str).tolist()
        for name in ("title", "excerpt", "lane", "url", "date_text", "source")
    }
    precision = frame["precision"].astype(str).tolist()
    approximate = frame["approximate"].tolist()
    rows = frame["row"].tolist()
    for i in range(len(frame)):
        yield {
            "start": starts[i],
            "end": ends[i] if has_end[i] else None,
            "precision": precision[i],
            "approximate": bool(approximate[i]),
            **{name: values[i] for name, values in text.items() if name != "source"},
            "source": text["source"][i],
            "row": int(rows[i]),
        }


def _cell_text(value: object) -> str:
    if value is None or value is pd.NA:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def escape_formula(cell: str) -> str:
    if cell.startswith(_FORMULA_STARTS) or (cell.startswith("'") and cell[1:2] in _ESCAPED_STARTS):
        return "'" + cell
    return cell


def csv_cell(value: object) -> str:
    """A record's value as a CSV cell: text, ``true``/``false``, empty for none; escaped."""
    return escape_formula(_cell_text(value))
