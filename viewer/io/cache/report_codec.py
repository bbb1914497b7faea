"""A LoadReport as JSON and back, its messages with their templates and values, so a report
read from the cache is translated as the one the load made."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from viewer.io.load_errors import RowProblem
from viewer.io.load_report import LoadReport
from viewer.io.mapping.date_choice import DateCandidate
from viewer.model.messages import Message

_PROBLEM_LISTS = ("skipped", "warnings")


class UnencodableReport(ValueError):
    """The report holds a value JSON cannot keep exactly (such a load is not cached)."""


def report_to_json(report: LoadReport) -> str:
    fields = {f.name: getattr(report, f.name) for f in dataclasses.fields(report)}
    for name in _PROBLEM_LISTS:
        fields[name] = [dataclasses.astuple(p) for p in fields[name]]
    fields["date_candidates"] = [[d.column, d.score, d.reasons] for d in fields["date_candidates"]]
    return json.dumps(_encode(fields), ensure_ascii=True, allow_nan=False)


def report_from_json(text: str) -> LoadReport:
    """Raises (KeyError, TypeError, ValueError) on anything but what ``report_to_json`` wrote."""
    fields = _decode(json.loads(text))
    if not isinstance(fields, dict):
        raise TypeError("the report is not an object")
    for name in _PROBLEM_LISTS:
        fields[name] = [RowProblem(*p) for p in fields[name]]
    fields["date_candidates"] = [DateCandidate(c, s, r) for c, s, r in fields["date_candidates"]]
    return LoadReport(**fields)


def _encode(value: object) -> Any:
    # Messages and dicts are tagged objects: a Message must come back a Message, not text.
    if isinstance(value, Message):
        return {"message": value.template, "values": _encode(value.values)["dict"]}
    if value is None or isinstance(value, str | bool | int | float):
        return value
    if isinstance(value, list | tuple):
        return [_encode(v) for v in value]
    if isinstance(value, dict) and all(isinstance(k, str) for k in value):
        return {"dict": {k: _encode(v) for k, v in value.items()}}
    raise UnencodableReport(f"cannot keep a {type(value).__name__} in the cache")


def _decode(value: Any) -> Any:
    if isinstance(value, list):
        return [_decode(v) for v in value]
    if not isinstance(value, dict):
        return value
    if "message" in value:
        values = {k: _decode(v) for k, v in value["values"].items()}
        return Message(value["message"], **values)
    return {k: _decode(v) for k, v in value["dict"].items()}
