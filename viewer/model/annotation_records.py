"""Annotations as plain JSON-ready records, and back: what a project file holds. Reading is
forgiving record by record: a damaged record is reported in words and the others are kept."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from viewer.model.annotations import Annotation, AnnotationStore, EventKey, clean_tag


def to_records(
    store: AnnotationStore, path_for: Callable[[str], str] = lambda path: path
) -> list[dict[str, Any]]:
    """One record per annotated event; ``path_for`` writes each source path (e.g. relative to
    the project file)."""
    records = []
    for key, annotation in store.items():
        record: dict[str, Any] = {
            "source": path_for(key.source),
            "start": key.start,
            "digest": key.digest,
            "occurrence": key.occurrence,
            "title": annotation.title,
            "date": annotation.date_text,
            "row": annotation.row,
        }
        if annotation.starred:
            record["starred"] = True
        if annotation.tags:
            record["tags"] = list(annotation.tags)
        if annotation.note:
            record["note"] = annotation.note
        records.append(record)
    return records


def from_records(
    records: Iterable[object], path_from: Callable[[str], str] = lambda path: path
) -> tuple[AnnotationStore, list[str]]:
    """The store the records describe, and a sentence for each record that could not be read."""
    items: dict[EventKey, Annotation] = {}
    problems: list[str] = []
    for number, record in enumerate(records, start=1):
        try:
            key, annotation = _read(record, path_from)
        except (TypeError, ValueError, KeyError) as error:
            problems.append(
                f"Annotation {number} could not be read ({_reason(error)}); it was left out."
            )
            continue
        if not annotation.empty:
            items[key] = annotation
    return AnnotationStore(items), problems


def _read(record: object, path_from: Callable[[str], str]) -> tuple[EventKey, Annotation]:
    if not isinstance(record, dict):
        raise TypeError("it is not a record")
    key = EventKey(
        source=path_from(_text(record, "source", required=True)),
        start=_integer(record, "start"),
        digest=_text(record, "digest", required=True),
        occurrence=_integer(record, "occurrence", default=0),
    )
    tags = record.get("tags", [])
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        raise ValueError("its tags are not a list of words")
    cleaned = tuple(dict.fromkeys(t for t in (clean_tag(t) for t in tags) if t))
    starred = record.get("starred", False)
    if not isinstance(starred, bool):
        raise ValueError("'starred' is neither true nor false")
    annotation = Annotation(
        starred=starred,
        tags=cleaned,
        note=_text(record, "note"),
        title=_text(record, "title"),
        date_text=_text(record, "date"),
        row=_integer(record, "row", default=0),
    )
    return key, annotation


def _text(record: dict[str, Any], name: str, required: bool = False) -> str:
    if name not in record:
        if required:
            raise KeyError(name)
        return ""
    value = record[name]
    if not isinstance(value, str):
        raise ValueError(f"'{name}' is not text")
    return value


def _integer(record: dict[str, Any], name: str, default: int | None = None) -> int:
    if name not in record:
        if default is None:
            raise KeyError(name)
        return default
    value = record[name]
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"'{name}' is not a whole number")
    return value


def _reason(error: Exception) -> str:
    if isinstance(error, KeyError):
        return f"it has no '{error.args[0]}'"
    return str(error)
