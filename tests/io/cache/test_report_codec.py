"""A report kept in the cache comes back equal, its messages still messages (translatable)."""

from __future__ import annotations

from pathlib import Path

import pytest

from viewer.io.cache.report_codec import UnencodableReport, report_from_json, report_to_json
from viewer.io.load_errors import RowProblem
from viewer.io.load_report import LoadReport
from viewer.model.messages import Message


def test_every_field_comes_back_and_messages_keep_their_templates_and_values():
    inner = Message("{value!r} is not part of a date we know", value="soon")
    report = LoadReport(
        path="/数据/story.csv",
        format=Message("comma-separated"),
        encoding="utf-8",
        delimiter=",",
        columns={"start": "日期", "title": "标题, 事件"},
        date_choice=[Message("{column}: {count} dates", column="when", count=3)],
        events=3,
        skipped=[RowProblem(3, "date", "banana", Message("{x}", x=inner))],
        warnings=[RowProblem(4, "end", "", Message("ends before it starts"))],
        ambiguous_order=True,
        title="A story",
    )
    back = report_from_json(report_to_json(report))
    assert back == report
    reason = back.skipped[0].reason
    assert isinstance(reason, Message)
    assert reason.template == "{x}"
    assert reason.values["x"].template == inner.template  # type: ignore[attr-defined]
    assert isinstance(back.format, Message)
    assert not isinstance(back.encoding, Message)


def test_a_value_json_cannot_keep_is_refused_not_changed():
    report = LoadReport(path="a.csv", title=Message("{p}", p=Path("/x")))
    with pytest.raises(UnencodableReport):
        report_to_json(report)


@pytest.mark.parametrize("text", ["[]", '{"path": 1', '{"dict": {"path": "a", "bogus": 1}}'])
def test_anything_else_is_refused(text: str):
    with pytest.raises((KeyError, TypeError, ValueError)):
        report_from_json(text)
