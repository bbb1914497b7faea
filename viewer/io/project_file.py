"""Project files (``.tvproj``): an investigation saved under a name. One small JSON file holds
the files it reads (which are never written to), how each was read, the filters and search,
the view, the lanes' order, visibility and colours, and every star, tag and note.

Format 1::

    {"format": "timeline-viewer-project", "version": 1, "saved_by": "Timeline Viewer 1.2",
     "sources": [{"path": "data/news.csv",            # relative to the project file if possible
                  "absolute": "/home/ana/story/data/news.csv",
                  "size": 48213, "modified_ns": 1764583200000000000,
                  "columns": {"start": "Date", "title": "Headline"}, "day_first": null,
                  "year": 2026}],                   # optional: for dates written without one
     "lanes": {"order": ["Court", "Deals"], "hidden": ["Markets"], "colours": {"Court": 3}},
     "filters": {"dates": [1777248000.0, 1777939200.0], "search": "court -appeal"},
     "view": [1777161600.0, 1778025600.0],            # seconds since 1970-01-01 UTC, or null
     "annotations": [{"source": "data/news.csv", "start": 1777248000, "digest": "9f0c…",
                      "occurrence": 0, "title": "Jury selection", "date": "27 April 2026",
                      "row": 12, "starred": true, "tags": ["trial"], "note": "Check the docket"}]}

A reader ignores keys it does not know (a later version may add some) and refuses a file of a
later format version with a sentence saying so. A damaged part is reported and left at its
default; the rest is kept."""

from __future__ import annotations

import json
import math
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from viewer.atomic_file import atomic_output
from viewer.model.annotation_records import from_records, to_records
from viewer.model.annotations import AnnotationStore

SUFFIX = ".tvproj"
FORMAT = "timeline-viewer-project"
VERSION = 1
MAX_BYTES = 256 * 1024 * 1024  # a project is small; a bigger file is not one of ours


class ProjectError(Exception):
    """The file cannot be read as a project at all; the sentence says why."""


@dataclass
class ProjectSource:
    path: str  # absolute, where it is now (or was last seen, when missing)
    size: int | None = None
    modified_ns: int | None = None
    columns: dict[str, str] = field(default_factory=dict)  # role -> column the user chose
    day_first: bool | None = None
    year: int | None = None  # for dates written without one


@dataclass
class Project:
    sources: list[ProjectSource] = field(default_factory=list)
    lane_order: list[str] = field(default_factory=list)
    hidden_lanes: list[str] = field(default_factory=list)
    lane_colours: dict[str, int] = field(default_factory=dict)
    date_range: tuple[float, float] | None = None
    search: str = ""
    view: tuple[float, float] | None = None
    annotations: AnnotationStore = field(default_factory=AnnotationStore)


def is_project_path(path: str | os.PathLike[str]) -> bool:
    return Path(path).suffix.lower() == SUFFIX


def write_project(path: str | os.PathLike[str], project: Project, saved_by: str) -> None:
    """Write ``project`` whole or not at all (the previous file stays until the new one is in)."""
    folder = Path(path).resolve().parent
    data = {
        "format": FORMAT,
        "version": VERSION,
        "saved_by": saved_by,
        "sources": [_source_record(s, folder) for s in project.sources],
        "lanes": {
            "order": project.lane_order,
            "hidden": project.hidden_lanes,
            "colours": project.lane_colours,
        },
        "filters": {
            "dates": list(project.date_range) if project.date_range else None,
            "search": project.search,
        },
        "view": list(project.view) if project.view else None,
        "annotations": [],  # last: filled in below
    }
    relative: dict[str, str] = {}  # once per file, not per annotation
    records = to_records(
        project.annotations,
        lambda p: relative.get(p) or relative.setdefault(p, _relative(p, folder)),
    )
    text = json.dumps(data, ensure_ascii=False, indent=1)
    if records:  # one line each: readable, and written by json's fast encoder (no indent)
        lines = ",\n  ".join(json.dumps(r, ensure_ascii=False) for r in records)
        head, _empty, tail = text.rpartition('"annotations": []')
        text = f'{head}"annotations": [\n  {lines}\n ]{tail}'
    with atomic_output(Path(path)) as out:
        out.write(text + "\n")


def read_project(path: str | os.PathLike[str]) -> tuple[Project, list[str]]:
    """The project at ``path`` and a sentence for each part that could not be read. Source
    paths are found relative to the project first (it moved with its data), then as saved."""
    name = Path(path).name
    try:
        with open(path, "rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except OSError as error:
        raise ProjectError(f"{name} could not be opened: {error.strerror or error}") from error
    if len(raw) > MAX_BYTES:
        raise ProjectError(f"{name} is too large to be a project file")
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as error:
        raise ProjectError(f"{name} is not a project file: it is not JSON text") from error
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ProjectError(f"{name} is not a Timeline Viewer project file")
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ProjectError(f"{name} has no valid format version")
    if version > VERSION:
        raise ProjectError(
            f"{name} was saved by a newer Timeline Viewer (project format {version}); "
            f"this one reads format {VERSION}"
        )
    return _Reader(Path(path).resolve().parent, name).project(data)


class _Reader:
    """Reads one part at a time; a part that is damaged is reported and left at its default."""

    def __init__(self, folder: Path, name: str) -> None:
        self.folder, self.name = folder, name
        self.problems: list[str] = []
        self.located: dict[str, str] = {}  # a source's saved path -> where it is now

    def project(self, data: dict[str, Any]) -> tuple[Project, list[str]]:
        project = Project()
        project.sources = self._part(data, "sources", list, self._sources, [])
        lanes = self._part(data, "lanes", dict, lambda d: d, {})
        project.lane_order = self._part(lanes, "order", list, _texts, [])
        project.hidden_lanes = self._part(lanes, "hidden", list, _texts, [])
        project.lane_colours = self._part(lanes, "colours", dict, _colours, {})
        filters = self._part(data, "filters", dict, lambda d: d, {})
        project.date_range = self._part(filters, "dates", list, _span, None)
        project.search = self._part(filters, "search", str, lambda s: s, "")
        project.view = self._part(data, "view", list, _span, None)
        records = self._part(data, "annotations", list, lambda r: r, [])
        project.annotations, unread = from_records(records, self._path_from)
        self.problems += [f"{self.name}: {sentence}" for sentence in unread]
        return project, self.problems

    def _part(self, data: dict[str, Any], key: str, kind: type, read: Any, default: Any) -> Any:
        value = data.get(key)
        if value is None:
            return default
        try:
            if not isinstance(value, kind):
                raise ValueError(f"it is not {_KIND_WORDS[kind]}")
            return read(value)
        except (TypeError, ValueError) as error:
            self.problems.append(f"{self.name}: its {key!r} could not be read ({error}); left out.")
            return default

    def _sources(self, records: list[Any]) -> list[ProjectSource]:
        sources = []
        for number, record in enumerate(records, start=1):
            try:
                sources.append(self._source(record))
            except (TypeError, ValueError) as error:
                self.problems.append(
                    f"{self.name}: file {number} of the project could not be read ({error}); "
                    "left out."
                )
        return sources

    def _source(self, record: Any) -> ProjectSource:
        if not isinstance(record, dict) or not isinstance(record.get("path"), str):
            raise ValueError("it has no path")
        saved, absolute = record["path"], record.get("absolute")
        candidates = [self.folder / saved]
        if isinstance(absolute, str):
            candidates.append(Path(absolute))
        found = next((c for c in candidates if c.is_file()), candidates[-1])
        where = os.path.normpath(str(found if found.is_absolute() else self.folder / found))
        self.located[saved] = where
        columns = record.get("columns") or {}
        if not isinstance(columns, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in columns.items()
        ):
            raise ValueError("its column choices are not names")
        day_first = record.get("day_first")
        return ProjectSource(
            path=where,
            size=_whole(record.get("size")),
            modified_ns=_whole(record.get("modified_ns")),
            columns=dict(columns),
            day_first=day_first if isinstance(day_first, bool) else None,
            year=_whole(record.get("year")),
        )

    def _path_from(self, saved: str) -> str:
        if saved in self.located:
            return self.located[saved]
        return os.path.normpath(str(self.folder / saved))


_KIND_WORDS: dict[type, str] = {list: "a list", dict: "a record", str: "text"}


def source_on_disk(path: str) -> ProjectSource:
    """A loaded file as a project names it: its size and time now, to tell later if it changed."""
    try:
        info = os.stat(path)
    except OSError:
        return ProjectSource(os.path.abspath(path))
    return ProjectSource(os.path.abspath(path), info.st_size, info.st_mtime_ns)


def source_state(source: ProjectSource) -> str:
    """ "missing", "changed" (size or time differ from when it was saved) or "same"."""
    now = source_on_disk(source.path)
    if now.size is None:
        return "missing"
    if source.size is not None and (now.size, now.modified_ns) != (source.size, source.modified_ns):
        return "changed"
    return "same"


def _source_record(source: ProjectSource, folder: Path) -> dict[str, Any]:
    record: dict[str, Any] = {"path": _relative(source.path, folder), "absolute": source.path}
    if source.size is not None:
        record["size"], record["modified_ns"] = source.size, source.modified_ns
    record["columns"], record["day_first"] = source.columns, source.day_first
    if source.year is not None:
        record["year"] = source.year
    return record


def _relative(path: str, folder: Path) -> str:
    """Relative to the project's folder where possible (they travel together), with "/"."""
    try:
        return Path(os.path.relpath(path, folder)).as_posix()
    except ValueError:  # another drive (Windows)
        return path


def _texts(values: list[Any]) -> list[str]:
    if not all(isinstance(v, str) for v in values):
        raise ValueError("it holds something that is not text")
    return list(values)


def _colours(values: dict[str, Any]) -> dict[str, int]:
    if not all(isinstance(v, int) and not isinstance(v, bool) and v >= 0 for v in values.values()):
        raise ValueError("a colour is not a colour number")
    return dict(values)


def _span(values: list[Any]) -> tuple[float, float]:
    if len(values) != 2 or not all(
        isinstance(v, int | float) and not isinstance(v, bool) and math.isfinite(v) for v in values
    ):
        raise ValueError("it is not two times")
    first, last = float(values[0]), float(values[1])
    return (min(first, last), max(first, last))


def _whole(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None
