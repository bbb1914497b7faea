"""The core's messages stay English text for the CLI while keeping what the UI needs to
translate them; and every message the core writes is a template lupdate can collect."""

from __future__ import annotations

import ast
import copy
import pickle
from pathlib import Path

import pytest

from viewer.io.load_errors import LoadError, RowProblem
from viewer.model.date_parsing import parse_date
from viewer.model.messages import QT_TRANSLATE_NOOP, VERBATIM, Message, as_message
from viewer.model.parsed_date import DateParseError

ROOT = Path(__file__).resolve().parents[2]
CORE = [*sorted((ROOT / "viewer" / "model").rglob("*.py")), *(ROOT / "viewer" / "io").rglob("*.py")]

# The calls that carry a message for users, and which argument holds it.
MESSAGE_ARGUMENT = {
    "DateParseError": 0,
    "MappingError": 0,
    "Message": 0,
    "LoadError": 1,
    "MappingNeeded": 1,
    "RowProblem": 3,
}


def test_a_message_is_its_english_text_and_keeps_template_and_values():
    month = Message(QT_TRANSLATE_NOOP("LoadMessages", "month {month} is out of range"), month=13)
    assert month == "month 13 is out of range"
    assert (month.template, month.values) == ("month {month} is out of range", {"month": 13})
    outer = Message("{reason}; shown without an end", reason=month)
    assert outer == "month 13 is out of range; shown without an end"
    assert outer.values["reason"].template == month.template


def test_copies_and_pickles_keep_the_template():
    month = Message("month {month} is out of range", month=13)
    for copied in (copy.deepcopy(month), pickle.loads(pickle.dumps(month))):
        assert copied == month
        assert (copied.template, copied.values) == (month.template, month.values)


def test_foreign_text_is_kept_verbatim_even_with_braces():
    text = as_message("Expecting value {at 3}")
    assert (text, text.template) == ("Expecting value {at 3}", VERBATIM)


def test_a_bad_date_gives_a_translatable_reason():
    with pytest.raises(DateParseError) as caught:
        parse_date("Smarch 3, 2026")
    reason = caught.value.reason
    assert reason == "'smarch' is not part of a date we know"
    assert reason.template == "'{token}' is not part of a date we know"


def test_a_load_error_names_the_file_and_keeps_its_reason_apart():
    error = LoadError("/data/x.csv", "has a header but no rows (columns: {columns})", columns="'a'")
    assert str(error) == "x.csv: has a header but no rows (columns: 'a')"
    assert error.message.values["reason"].template.startswith("has a header")


def test_row_problems_are_plain_json_for_inspect():
    problem = RowProblem(3, "date", "x", Message("month {month} is out of range", month=13))
    assert type(problem.as_dict()["reason"]) is str


def _message_calls(tree: ast.AST):
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            position = MESSAGE_ARGUMENT.get(node.func.id)
            if position is None:
                continue
            if len(node.args) > position:
                yield node.func.id, node.args[position]
            yield from ((node.func.id, k.value) for k in node.keywords if k.arg == "reason")


def test_the_core_never_writes_a_message_lupdate_cannot_collect():
    """A literal or f-string passed as a message would reach Chinese users in English."""
    offenders = []
    for path in CORE:
        for name, argument in _message_calls(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(argument, (ast.JoinedStr, ast.BinOp)) or (
                isinstance(argument, ast.Constant) and isinstance(argument.value, str)
            ):
                offenders.append(f"{path.relative_to(ROOT)}:{argument.lineno} {name}")
    assert not offenders, offenders
    # and the check does look at the calls: the core raises through them
    calls = [c for p in CORE for c in _message_calls(ast.parse(p.read_text(encoding="utf-8")))]
    assert len(calls) > 60
