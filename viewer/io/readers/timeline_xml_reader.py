"""The XML ``.timeline`` files of Timeline (thetimelineproj), as text cells.

Times are passed on as written: ``2011-02-01 10:00:00``, with astronomical years for BC
(``-43-03-15 00:00:00`` is 15 March 44 BC) and no zero-padding of the year (``5-01-01``).
Timeline encodes containers in the event text (``[7]Name`` for container 7, ``(7)Name`` for its
members, a leading space protecting ordinary text that starts with ``(`` or ``[``); that
encoding is undone here and reported in the ``kind`` and ``container`` columns.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np

from viewer.io.load_errors import LoadError
from viewer.io.readers.raw_table import RawTable, table_from_records
from viewer.io.readers.reader_format import ReaderFormat, whole_file
from viewer.model.messages import QT_TRANSLATE_NOOP, Message

FORMAT = "timelineproj-xml"

COLUMNS = (
    "start",
    "end",
    "text",
    "description",
    "category",
    "fuzzy",
    "hyperlink",
    "kind",  # event, milestone, container or subevent
    "container",  # name of the container an event belongs to (or is)
    "ends_today",  # "True": the end is "now"; the file holds the day it was last saved
)

KNOWN_ROLES = {
    "start": "start",
    "end": "end",
    "title": "text",
    "excerpt": "description",
    "lane": "category",
    "url": "hyperlink",
    "approximate": "fuzzy",
}

# Time types whose <start>/<end> are Gregorian "Y-MM-DD hh:mm:ss" text. Files written before
# Timeline had time types carry no <timetype> and are Gregorian too.
_GREGORIAN_TIME_TYPES = frozenset({"gregoriantime", "wxtime"})

# Markers that open the door to entity-expansion and external-entity attacks. Timeline never
# writes them; checked in UTF-8 and both UTF-16 byte orders because expat honours the declaration.
_FORBIDDEN = tuple(
    (marker, marker.encode(codec))
    for marker in ("<!DOCTYPE", "<!ENTITY")
    for codec in ("utf-8", "utf-16-le", "utf-16-be")
)

_CONTAINER = re.compile(r"\[(\d+)\](.*)", re.DOTALL)
_SUBEVENT = re.compile(r"\((\d+)\)(.*)", re.DOTALL)


def read_timeline_xml(path: Path, data: bytes) -> RawTable:
    """One record per ``<event>``; eras, categories and view settings are not events."""
    events = _events_element(path, _parse(path, data))
    containers: dict[str, str | None] = {}
    records: list[list[str | None]] = []
    rows: list[int] = []
    for position, event in enumerate(events.iterfind("event"), start=1):
        records.append(_event_record(event, containers))
        rows.append(position)
    return RawTable(
        data=table_from_records(list(COLUMNS), records),
        rows=np.asarray(rows, dtype=np.int64),
        format=FORMAT,
        known_roles=dict(KNOWN_ROLES),
    )


def _parse(path: Path, data: bytes) -> ET.Element:
    found = next((name for name, encoded in _FORBIDDEN if encoded in data), None)
    if found is not None:
        raise LoadError(
            path,
            QT_TRANSLATE_NOOP(
                "LoadMessages",
                "contains a {found} declaration, which .timeline files never have and which "
                "can be used to attack XML readers, so it was not read.",
            ),
            found=found,
        )
    if _is_old_text_format(data):
        raise LoadError(
            path,
            QT_TRANSLATE_NOOP(
                "LoadMessages",
                "is a Timeline file in the early plain-text format (EVENT: lines), not the XML "
                "format later versions write; open and save it in Timeline to convert it.",
            ),
        )
    try:
        return ET.fromstring(data)
    except ET.ParseError as err:
        raise LoadError(
            path,
            QT_TRANSLATE_NOOP(
                "LoadMessages", "is not well-formed XML ({err}); a .timeline file is XML."
            ),
            err=err,
        ) from err
    except (LookupError, ValueError) as err:  # e.g. an unknown encoding in the declaration
        raise LoadError(
            path, QT_TRANSLATE_NOOP("LoadMessages", "could not be read as XML ({err})."), err=err
        ) from err


def _is_old_text_format(data: bytes) -> bool:
    # Early 0.x versions wrote "# Written by Timeline ..." and "EVENT:start;end;text" lines.
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith(b"# Written by Timeline") or head.startswith(b"EVENT:")


def _events_element(path: Path, root: ET.Element) -> ET.Element:
    name = _local_name(root.tag)
    if name != "timeline":
        raise LoadError(
            path,
            QT_TRANSLATE_NOOP(
                "LoadMessages",
                "is XML whose top element is <{name}>, not <timeline>, so it is not a .timeline file.",
            ),
            name=name,
        )
    time_type = (root.findtext("timetype") or "").strip()
    if time_type and time_type not in _GREGORIAN_TIME_TYPES:
        raise LoadError(
            path,
            QT_TRANSLATE_NOOP(
                "LoadMessages",
                "uses Timeline's '{time_type}' time type rather than Gregorian dates, "
                "which cannot be shown on a calendar timeline.",
            ),
            time_type=time_type,
        )
    events = root.find("events")
    if events is None:
        raise LoadError(
            path,
            QT_TRANSLATE_NOOP(
                "LoadMessages", "is a <timeline> document without an <events> element."
            ),
        )
    return events


_MIDNIGHT = " 00:00:00"
_UNPADDED_YEAR = re.compile(r"^(-?)(\d{1,3})(?=-\d{1,2}-\d{1,2}\b)")


def _local_name(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _iso_year(value: str | None) -> str | None:
    """Timeline writes astronomical years unpadded (``-43-03-15``, ``5-06-01``); ISO 8601 pads them
    to four digits, and a signed ISO year is astronomical, so ``-0043-03-15`` means 44 BC."""
    if value is None:
        return None
    m = _UNPADDED_YEAR.match(value)
    if m is None:
        return value
    return f"{m.group(1)}{int(m.group(2)):04d}{value[m.end(2) :]}"


def _event_record(event: ET.Element, containers: dict[str, str | None]) -> list[str | None]:
    start = _iso_year(_text(event, "start", strip=True))
    end = _iso_year(_text(event, "end", strip=True))
    if all(v is None or v.endswith(_MIDNIGHT) for v in (start, end)):
        # Timeline stores whole-day events at midnight: they are dates, not times.
        start, end = (v.removesuffix(_MIDNIGHT) if v else v for v in (start, end))
    kind, container, title = _unpack_text(
        _text(event, "text"), _text(event, "milestone", strip=True), containers
    )
    return [
        start,
        None if end == start else end,  # a point event is saved with end == start
        title,
        _text(event, "description"),
        _text(event, "category"),  # the primary one; newer files add <categories> too
        _text(event, "fuzzy", strip=True),
        _text(event, "hyperlink", strip=True),
        kind,
        container,
        _text(event, "ends_today", strip=True),
    ]


def _unpack_text(
    text: str | None, milestone: str | None, containers: dict[str, str | None]
) -> tuple[str, str | None, str | None]:
    """(kind, container name, display text) from Timeline's encoded event text."""
    if text is None:
        return ("milestone" if milestone == "True" else "event"), None, None
    container = _CONTAINER.fullmatch(text)
    if container:
        # Timeline writes every container before the events inside it.
        name = container.group(2) or None
        containers[container.group(1)] = name
        return "container", name, name
    member = _SUBEVENT.fullmatch(text)
    if member and member.group(1) in containers:
        return "subevent", containers[member.group(1)], member.group(2) or None
    if text[:2] in (" (", " ["):
        text = text[1:]  # the space Timeline adds so "(draft)" is not read as a subevent
    return ("milestone" if milestone == "True" else "event"), None, text


def _text(element: ET.Element, tag: str, *, strip: bool = False) -> str | None:
    value = element.findtext(tag)
    if value is None:
        return None
    if strip:
        value = value.strip()
    return value or None


_TIMELINE_RE = re.compile(r"<timeline[\s>]")

READER = ReaderFormat(
    name="timeline",
    label=Message(QT_TRANSLATE_NOOP("LoadMessages", "Timeline files (thetimelineproj)")),
    suffixes=(".timeline",),
    sniff=lambda head: head.text_starts_with("<") and bool(_TIMELINE_RE.search(head.text)),
    open=whole_file(lambda head: read_timeline_xml(head.path, head.whole())),
)
