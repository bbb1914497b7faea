"""TimelineJS JSON files, flattened into the columns of a TimelineJS spreadsheet.

Producing the spreadsheet's own column names lets one mapping step serve both the Google Sheet
(CSV) and the JSON form of a TimelineJS story. Dates are passed on as the text of their parts;
nothing here parses them.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np

from viewer.io.load_errors import LoadError
from viewer.io.readers.raw_table import RawTable, table_from_records
from viewer.model.messages import QT_TRANSLATE_NOOP, Message

FORMAT = "timelinejs-json"

# The date and text columns of the TimelineJS spreadsheet template, in its order.
COLUMNS = (
    "Year",
    "Month",
    "Day",
    "Time",
    "End Year",
    "End Month",
    "End Day",
    "End Time",
    "Display Date",
    "Headline",
    "Text",
    "Media",
    "Group",
    "Type",
)

# Only the roles held by one column; the split Year/Month/Day dates are left to the
# mapping step, exactly as for the spreadsheet.
KNOWN_ROLES = {"title": "Headline", "excerpt": "Text", "lane": "Group", "url": "Media"}

# In a spreadsheet these rows are slides too; in a story they are not events.
_NOT_EVENTS = frozenset({"title", "era"})


def looks_like_timelinejs_json(obj: object) -> bool:
    """True for a dict whose "events" is a non-empty list of objects, dated with "start_date".

    One undated event does not disqualify the story (TimelineJS itself only skips it), but at
    least one must carry a start_date, or any {"events": [...]} document would match.
    """
    if not isinstance(obj, dict):
        return False
    events = obj.get("events")
    if not isinstance(events, list) or not events:
        return False
    return all(isinstance(e, dict) for e in events) and any("start_date" in e for e in events)


def read_timelinejs_json(path: Path, data: bytes) -> RawTable:
    """The events of a TimelineJS story; the title slide and eras are left out."""
    story = _load(path, data)
    records: list[list[str | None]] = []
    rows: list[int] = []
    for position, event in enumerate(story["events"], start=1):
        if (_cell(event.get("type")) or "").casefold() in _NOT_EVENTS:
            continue
        records.append(_event_record(event))
        rows.append(position)
    return RawTable(
        data=table_from_records(list(COLUMNS), records),
        rows=np.asarray(rows, dtype=np.int64),
        format=FORMAT,
        known_roles=dict(KNOWN_ROLES),
        title=story_title(story),
    )


def story_title(document: object) -> str | None:
    """A story's title: TimelineJS's title slide headline, or a plain ``"title"`` text."""
    if not isinstance(document, dict):
        return None
    title = document.get("title")
    if isinstance(title, dict):
        title = _as_dict(title.get("text")).get("headline")
    return _cell(title) if isinstance(title, str) else None


def _load(path: Path, data: bytes) -> dict[str, Any]:
    # json.loads on bytes follows RFC 8259: UTF-8 (with or without BOM), UTF-16 or UTF-32.
    try:
        story = json.loads(data)
    except UnicodeDecodeError as err:
        raise LoadError(
            path,
            QT_TRANSLATE_NOOP(
                "LoadMessages",
                "is not UTF-8 text (undecodable byte at offset {offset}); "
                "TimelineJS JSON must be UTF-8.",
            ),
            offset=err.start,
        ) from err
    except json.JSONDecodeError as err:
        raise LoadError(
            path,
            QT_TRANSLATE_NOOP(
                "LoadMessages",
                "is not valid JSON ({error} at line {line}, column {column}); "
                "a TimelineJS file is a JSON object with an events list.",
            ),
            error=err.msg,
            line=err.lineno,
            column=err.colno,
        ) from err
    except (ValueError, RecursionError) as err:
        raise LoadError(
            path, QT_TRANSLATE_NOOP("LoadMessages", "could not be read as JSON ({err})."), err=err
        ) from err
    if not looks_like_timelinejs_json(story):
        raise LoadError(
            path,
            QT_TRANSLATE_NOOP("LoadMessages", "{found}, not a TimelineJS story with dated events."),
            found=_describe(story),
        )
    return dict(story)


def _describe(obj: object) -> str:
    """What was found instead of a story, as the start of a sentence."""
    if not isinstance(obj, dict):
        return _json_kind(obj)
    events = obj.get("events")
    if events is None:
        return Message(
            QT_TRANSLATE_NOOP(
                "LoadMessages", "holds a JSON object without an events list (keys: {keys})"
            ),
            keys=", ".join(list(obj)[:5]) or "—",
        )
    if not isinstance(events, list) or not events:
        return Message(QT_TRANSLATE_NOOP("LoadMessages", "has an empty or non-list events entry"))
    return Message(
        QT_TRANSLATE_NOOP(
            "LoadMessages", "has an events list whose items are not objects with a start_date"
        )
    )


def _json_kind(value: object) -> Message:
    if isinstance(value, list):
        return Message(QT_TRANSLATE_NOOP("LoadMessages", "holds a JSON array at the top level"))
    if isinstance(value, str):
        return Message(QT_TRANSLATE_NOOP("LoadMessages", "holds a JSON string at the top level"))
    if isinstance(value, bool) or value is None:
        return Message(
            QT_TRANSLATE_NOOP(
                "LoadMessages", "holds a JSON literal (true, false or null) at the top level"
            )
        )
    return Message(QT_TRANSLATE_NOOP("LoadMessages", "holds a JSON number at the top level"))


def _event_record(event: dict[str, Any]) -> list[str | None]:
    text = _as_dict(event.get("text"))
    media = _as_dict(event.get("media"))
    return [
        *_date_cells(event.get("start_date")),
        *_date_cells(event.get("end_date")),
        _display_date(event),
        _cell(text.get("headline")),
        _cell(text.get("text")),
        _cell(media.get("url")),
        _cell(event.get("group")),
        _cell(event.get("type")),
    ]


def _date_cells(date: object) -> list[str | None]:
    """Year, Month, Day and Time text of one TimelineJS date object."""
    if date is None:
        return [None, None, None, None]
    if not isinstance(date, dict):
        # Not valid TimelineJS; hand the text on so the date step can report it by row.
        return [_cell(date), None, None, None]
    return [_cell(date.get("year")), _cell(date.get("month")), _cell(date.get("day")), _time(date)]


def _time(date: dict[str, Any]) -> str | None:
    """``H:MM`` or ``H:MM:SS[.mmm]``, as the spreadsheet's Time column would hold it."""
    hour, minute, second, millisecond = (
        _cell(date.get(part)) for part in ("hour", "minute", "second", "millisecond")
    )
    if not any((hour, minute, second, millisecond)):
        return None
    text = f"{hour or '0'}:{_two_digits(minute)}"
    if second or millisecond:
        text += f":{_two_digits(second)}"
    if millisecond:
        text += "." + (millisecond.zfill(3) if millisecond.isdigit() else millisecond)
    return text


def _two_digits(part: str | None) -> str:
    if part is None:
        return "00"
    return part.zfill(2) if part.isdigit() else part


def _display_date(event: dict[str, Any]) -> str | None:
    # The spreadsheet's Display Date lands on the event; some converters put it on start_date.
    own = _cell(event.get("display_date"))
    return own if own is not None else _cell(_as_dict(event.get("start_date")).get("display_date"))


def _as_dict(value: object) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _cell(value: object) -> str | None:
    """Text of a JSON value: numbers without a spurious ``.0``, empty as None."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        # JSON writers often emit -13800000000 as -1.38e10 or 1969 as 1969.0.
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, str):
        return value.strip() or None
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
