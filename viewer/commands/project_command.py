"""``inspect PROJECT`` summarises a project; ``export PROJECT`` reads its files as it says and
gives what it shows: its lanes in order, without the hidden ones, within its dates, its view."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np

from viewer.commands.command_error import CommandError
from viewer.io.load_options import LoadOptions
from viewer.io.load_report import LoadReport
from viewer.io.project_file import Project, ProjectError, read_project, source_state
from viewer.model.annotations import EventMarks
from viewer.model.date_wording import ENGLISH
from viewer.model.event_filter import shown_events
from viewer.model.event_table import EventTable


def open_project(path: str) -> tuple[Project, list[str]]:
    try:
        return read_project(path)
    except ProjectError as error:
        raise CommandError(str(error)) from error


def run_inspect_project(path: str, as_json: bool) -> int:
    project, problems = open_project(path)
    summary = summarise(path, project, problems)
    if as_json:
        print(json.dumps(summary, ensure_ascii=False))
    else:
        print(describe(summary), end="")
    return 1 if any(s["state"] == "missing" for s in summary["files"]) else 0


def summarise(path: str, project: Project, problems: list[str]) -> dict[str, Any]:
    items = [a for _key, a in project.annotations.items()]
    tags: dict[str, int] = {}
    for annotation in items:
        for tag in annotation.tags:
            tags[tag] = tags.get(tag, 0) + 1
    return {
        "project": path,
        "files": [
            {
                "path": s.path,
                "state": source_state(s),
                "columns": s.columns,
                "day_first": s.day_first,
            }
            for s in project.sources
        ],
        "lane_order": project.lane_order,
        "hidden_lanes": project.hidden_lanes,
        "dates": list(project.date_range) if project.date_range else None,
        "search": project.search,
        "view": list(project.view) if project.view else None,
        "annotations": {
            "events": len(items),
            "starred": sum(a.starred for a in items),
            "tagged": sum(bool(a.tags) for a in items),
            "notes": sum(bool(a.note) for a in items),
            "tags": dict(sorted(tags.items(), key=lambda kv: (-kv[1], kv[0].casefold()))),
        },
        "problems": problems,
    }


_STATE_WORDS = {"same": "unchanged", "changed": "changed since saved", "missing": "NOT FOUND"}


def describe(summary: dict[str, Any]) -> str:
    files, notes = summary["files"], summary["annotations"]
    lines = [f"{summary['project']}: project with {len(files)} file(s)"]
    for file in files:
        chosen = ", ".join(f"{role}={column}" for role, column in file["columns"].items())
        lines.append(f"  {file['path']}: {_STATE_WORDS[file['state']]}"
                     + (f" (columns {chosen})" if chosen else ""))  # fmt: skip
    if summary["hidden_lanes"]:
        lines.append(f"  hidden lanes: {', '.join(summary['hidden_lanes'])}")
    if summary["dates"]:
        first, last = summary["dates"]
        lines.append(f"  dates: {_day(first)} – {_day(last)}")
    if summary["search"]:
        lines.append(f"  search: {summary['search']}")
    tags = ", ".join(f"{tag} ({n})" for tag, n in notes["tags"].items())
    lines.append(
        f"  annotations: {notes['events']} event(s): {notes['starred']} starred, "
        f"{notes['tagged']} tagged, {notes['notes']} with a note"
        + (f"; tags: {tags}" if tags else "")
    )
    lines += [f"  problem: {p}" for p in summary["problems"]]
    return "\n".join(lines) + "\n"


def _day(seconds: float) -> str:
    return ENGLISH.instant(int(seconds), "day")


@dataclass
class ProjectView:
    """A project's files read as it says, and what it shows of them."""

    events: EventTable
    reports: list[LoadReport]
    shown: np.ndarray
    lane_order: list[str]
    view: tuple[float, float] | None
    marks: EventMarks
    files: list[str]


def load_project_view(path: str, options: LoadOptions, text_roles: frozenset[str]) -> ProjectView:
    """Read the project's files (each with its column choices, then the command line's), and
    pick what it shows. Missing files are named on stderr; the others are read."""
    from viewer.io.loading import load_file

    project, problems = open_project(path)
    for sentence in problems:
        print(f"timeline-viewer: {sentence}", file=sys.stderr)
    present = []
    for source in project.sources:
        if source_state(source) == "missing":
            print(f"timeline-viewer: {Path(source.path).name} was not found at {source.path}",
                  file=sys.stderr)  # fmt: skip
        else:
            present.append(source)
    if not present:
        raise CommandError(f"none of the files of {Path(path).name} was found")
    results = []
    for source in present:
        chosen = replace(options, columns={**source.columns, **options.columns},
                         day_first=options.day_first if options.day_first is not None
                         else source.day_first,
                         year=options.year if options.year is not None else source.year)  # fmt: skip
        results.append(load_file(source.path, chosen, text_roles))
    events = EventTable.concat(r.events for r in results)
    files = [(s.path, len(r.events)) for s, r in zip(present, results, strict=True)]
    marks, _orphans = project.annotations.resolve(events, files)
    shown = shown_events(events, set(project.hidden_lanes), project.date_range)
    return ProjectView(events, [r.report for r in results], shown,
                       project.lane_order, project.view or project.date_range, marks,
                       [s.path for s in present])  # fmt: skip
