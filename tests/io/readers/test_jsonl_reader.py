"""JSON Lines (Timesketch style) and JSON arrays of records read as text cells."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from viewer.io.load_errors import LoadError, RowProblem
from viewer.io.readers.jsonl_reader import read_jsonl
from viewer.io.readers.raw_table import RawTable

DATA = Path(__file__).parents[2] / "data"
SKETCH = DATA / "handmade_timesketch.jsonl"


def read_text(text: str, name: str = "events.jsonl") -> RawTable:
    return read_jsonl(Path(name), text.encode("utf-8"))


def cells(table: RawTable, column: str) -> list[str | None]:
    values: list[str | None] = table.column(column).to_pylist()
    return values


@pytest.fixture(scope="module")
def sketch() -> RawTable:
    return read_jsonl(SKETCH, SKETCH.read_bytes())


def test_columns_are_the_union_of_keys_in_first_seen_order(sketch: RawTable) -> None:
    assert sketch.columns == [
        "message",
        "datetime",
        "timestamp",
        "timestamp_desc",
        "data_type",
        "tag",
        "is_admin",
        "pid",
        "score",
        "parent",
        "Message (2)",  # "Message" differs from "message" only by case
        "extra.path",  # a nested object's fields are columns of their own
        "extra.size",
    ]
    assert sketch.format == "jsonl"
    assert sketch.encoding == "utf-8"
    assert sketch.known_roles == {}


def test_rows_are_the_line_numbers_of_the_records(sketch: RawTable) -> None:
    # Line 3 is blank, lines 4 and 5 are not objects.
    assert sketch.rows.tolist() == [1, 2, 6]
    assert str(sketch.rows.dtype) == "int64"


def test_bad_json_line_is_reported_with_its_line_number_and_the_rest_load(
    sketch: RawTable,
) -> None:
    assert len(sketch) == 3
    truncated, array = sketch.problems
    assert truncated.row == 4
    assert truncated.column == ""
    assert truncated.value == '{"message": "Truncated record", "datetime": "2023-03-14T09:28'
    assert truncated.reason.startswith("not a JSON object: Unterminated string")
    assert array == RowProblem(
        row=5,
        column="",
        value='["not", "an", "object"]',
        reason="not a JSON object: found an array",
    )


def test_strings_are_delivered_as_written_and_missing_keys_are_null(sketch: RawTable) -> None:
    assert cells(sketch, "message") == [
        "User alice logged in",
        "Process started: C:\\Windows\\System32\\cmd.exe",
        "Résumé.docx opened",
    ]
    assert cells(sketch, "datetime")[0] == "2023-03-14T09:26:53.589793+00:00"
    assert cells(sketch, "pid") == [None, "4242", None]
    assert cells(sketch, "Message (2)") == [None, None, "duplicate key in another case"]


def test_numbers_keep_their_json_text(sketch: RawTable) -> None:
    assert cells(sketch, "timestamp") == [
        "1678786013589793",
        "1678786021000000",
        "1678786200000000",
    ]
    assert cells(sketch, "score")[1] == "1.50"


def test_booleans_nulls_and_lists_become_json_text(sketch: RawTable) -> None:
    assert cells(sketch, "is_admin")[0] == "false"
    assert cells(sketch, "parent")[1] is None
    assert cells(sketch, "tag")[0] == '["login","suspicious"]'


def test_nested_objects_become_columns_named_by_their_path(sketch: RawTable) -> None:
    assert cells(sketch, "extra.path") == [None, None, "C:\\Users\\alice"]
    assert cells(sketch, "extra.size") == [None, None, "12345"]


def test_a_dotted_key_and_the_same_nested_path_make_one_cell() -> None:
    table = read_text('{"alert.signature": "flat", "alert": {"signature": "nested"}, "n": 1}\n')
    assert table.columns == ["alert.signature", "n"]
    assert cells(table, "alert.signature") == ["nested"]


def test_a_one_line_record_holding_a_list_of_objects_stays_one_record() -> None:
    table = read_text('{"message": "one", "tags": [{"a": 1}, {"a": 2}]}')
    assert cells(table, "message") == ["one"]
    assert cells(table, "tags") == ['[{"a":1},{"a":2}]']


def test_line_separator_inside_a_string_does_not_split_the_record() -> None:
    table = read_text('{"message": "one\u2028two", "n": 1}\n{"message": "three"}\n')
    assert cells(table, "message") == ["one\u2028two", "three"]
    assert table.rows.tolist() == [1, 2]


def test_crlf_line_endings_and_a_bom_are_accepted() -> None:
    data = b'\xef\xbb\xbf{"message": "a"}\r\n{"message": "b"}\r\n'
    table = read_jsonl(Path("windows.jsonl"), data)
    assert cells(table, "message") == ["a", "b"]


def test_utf16_with_a_bom_is_decoded() -> None:
    data = '{"message": "ä"}\n'.encode("utf-16")
    table = read_jsonl(Path("powershell.jsonl"), data)
    assert cells(table, "message") == ["ä"]
    assert table.encoding == "utf-16"


def test_a_file_with_no_json_object_is_a_load_error() -> None:
    with pytest.raises(
        LoadError, match=r"no line holding a JSON object \(2 lines .* line 1: .*Expecting value"
    ):
        read_text("not json\n[1, 2]\n", name="junk.jsonl")


def test_an_empty_file_is_a_load_error() -> None:
    with pytest.raises(LoadError, match="is empty"):
        read_text("\n  \n")


def test_undecodable_bytes_are_a_load_error_not_a_unicode_error() -> None:
    with pytest.raises(
        LoadError, match=r"line 1: holds a byte that is not UTF-8 text at column 14"
    ):
        read_jsonl(Path("latin1.jsonl"), b'{"message": "\xe9"}\n')


def test_a_stray_byte_costs_only_its_line() -> None:
    data = b'{"message": "one"}\n{"message": "caf\xe9"}\n{"message": "three"}\n'
    table = read_jsonl(Path("stray.jsonl"), data)
    assert cells(table, "message") == ["one", "three"]
    assert table.rows.tolist() == [1, 3]
    (stray,) = table.problems
    assert stray.row == 2
    assert stray.value == '{"message": "caf\ufffd"}'
    assert stray.reason.startswith("holds a byte that is not UTF-8 text at column 17")


def test_a_json_array_of_flat_objects_is_read_as_records() -> None:
    records = [
        {"date": "2020-01-01", "title": "first"},
        {"date": "2020-02-01", "title": "second", "count": 3},
    ]
    table = read_text(json.dumps(records, indent=2), name="records.json")
    assert table.format == "json-records"
    assert table.columns == ["date", "title", "count"]
    assert cells(table, "title") == ["first", "second"]
    assert cells(table, "count") == [None, "3"]
    assert table.rows.tolist() == [1, 2]


def test_non_objects_in_a_json_array_are_reported_by_position() -> None:
    table = read_text('[{"title": "ok"}, 42, {"title": "also ok"}]', name="mixed.json")
    assert cells(table, "title") == ["ok", "also ok"]
    assert table.rows.tolist() == [1, 3]
    assert table.problems == [
        RowProblem(row=2, column="", value="42", reason="not a JSON object: found a number")
    ]


def test_a_broken_json_array_is_a_load_error_with_its_position() -> None:
    with pytest.raises(LoadError, match=r"not valid JSON \(.* at line 2, column \d+\)"):
        read_text('[{"title": "ok"},\n {"title": }]')


def test_a_json_array_without_objects_is_a_load_error() -> None:
    with pytest.raises(LoadError, match="none of which is an object"):
        read_text("[1, 2, 3]")


def test_a_pretty_printed_timelinejs_story_is_handed_to_its_reader() -> None:
    cosmo = DATA / "timelinejs_cosmo_mixed.json"
    table = read_jsonl(cosmo, cosmo.read_bytes())
    assert table.format == "timelinejs-json"
    assert cells(table, "Year")[0] == "-13800000000"


def test_another_pretty_printed_object_is_a_load_error_naming_its_keys() -> None:
    with pytest.raises(LoadError, match=r"single JSON object .* \(keys: data, meta\)"):
        read_text(json.dumps({"data": [], "meta": {}}, indent=2))


def test_a_single_line_object_is_one_record() -> None:
    table = read_text('{"message": "only", "timestamp": 1}')
    assert cells(table, "message") == ["only"]
    assert table.rows.tolist() == [1]


def test_deeply_nested_line_is_a_row_problem_not_a_crash() -> None:
    deep = '{"a": ' + "[" * 100_000 + "]" * 100_000 + "}"
    table = read_text(f'{{"message": "fine"}}\n{deep}\n')
    assert cells(table, "message") == ["fine"]
    assert [problem.row for problem in table.problems] == [2]


def test_an_empty_json_array_is_a_load_error() -> None:
    with pytest.raises(LoadError, match="empty JSON array"):
        read_text("[]", name="empty.json")


def test_json_lines_starting_with_an_array_line_are_still_json_lines() -> None:
    table = read_text('["header", "junk"]\n{"message": "kept"}\n')
    assert table.format == "jsonl"
    assert cells(table, "message") == ["kept"]
    assert [problem.row for problem in table.problems] == [1]


def test_a_file_read_in_several_blocks_keeps_line_numbers_columns_and_problems(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("viewer.io.readers.jsonl_reader._BLOCK", 64)
    lines = [json.dumps({"n": i, "title": f"event {i}"}) for i in range(1, 40)]
    lines[20] = '{"broken": '
    lines[30] = json.dumps({"n": 31, "late": "first seen on line 31"})
    table = read_text("\n".join(lines) + "\n")
    assert table.columns == ["n", "title", "late"]
    assert len(table) == 38
    assert table.rows.tolist() == [*range(1, 21), *range(22, 40)]
    assert [problem.row for problem in table.problems] == [21]
    assert cells(table, "title")[19:21] == ["event 20", "event 22"]
    assert cells(table, "late").index("first seen on line 31") == 29
    assert cells(table, "late").count(None) == 37


def test_a_line_too_long_to_be_a_record_costs_only_that_line(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("viewer.io.readers.jsonl_reader._BLOCK", 64)
    monkeypatch.setattr("viewer.io.readers.jsonl_reader.LINE_LIMIT", 1000)
    huge = json.dumps({"title": "huge", "excerpt": "x" * 5000})
    table = read_text(f'{{"title": "before"}}\n{huge}\n{{"title": "after"}}\n')
    assert cells(table, "title") == ["before", "after"]
    assert table.rows.tolist() == [1, 3]
    (problem,) = table.problems
    assert problem.row == 2
    assert problem.value.startswith('{"title": "huge", "excerpt": "xxx')
    assert "more than the 0 MB a record may hold" in problem.reason


def test_a_file_that_is_one_line_too_long_is_refused_saying_why(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("viewer.io.readers.jsonl_reader.LINE_LIMIT", 1000)
    with pytest.raises(LoadError, match=r"line 1: this line is 0 MB long, more than the 0 MB"):
        read_text(json.dumps({"title": "huge", "excerpt": "x" * 5000}) + "\n")


def test_a_stray_byte_in_a_later_block_costs_its_line_and_keeps_the_numbering(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("viewer.io.readers.jsonl_reader._BLOCK", 64)
    data = b'{"message": "fine"}\n' * 10 + b'{"message": "\xe9"}\n' + b'{"message": "end"}\n'
    table = read_jsonl(Path("late.jsonl"), data)
    assert table.rows.tolist() == [*range(1, 11), 12]
    assert [problem.row for problem in table.problems] == [11]


def test_a_timelinejs_story_on_one_line_is_handed_to_its_reader() -> None:
    story = {"events": [{"start_date": {"year": "1969"}, "text": {"headline": "Moon"}}]}
    table = read_text(json.dumps(story), name="story.json")
    assert table.format == "timelinejs-json"
    assert cells(table, "Year") == ["1969"]


def test_a_json_array_with_extra_data_after_it_is_a_load_error() -> None:
    with pytest.raises(LoadError, match=r"not valid JSON \(Extra data at line 2"):
        read_text('[{"title": "ok"},\n{"title": "two"}] stray', name="records.json")
