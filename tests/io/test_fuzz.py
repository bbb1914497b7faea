"""Whatever bytes a file holds, loading it ends in events or in one error sentence, never a crash."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from viewer.io.load_options import LoadOptions
from viewer.io.loading import load_file
from viewer.io.pipeline import read_file_columns

BASE_CSV = (
    "date,end,title,excerpt,lane,url\n"
    "2026-04-27,,Alpha,plain,A,https://example.com/a\n"
    '27 Apr 2026,2026-05-01,"Beta, quoted","two\nlines",B,\n'
    "55 BC,44 BC,Gamma,,A,\n"
    "2026年4月28日,,微软,摘要,行业,\n"
    "1777283400,,Epoch,,B,\n"
    "c. 383,410,Rome,,A,\n"
)
# Pieces a mutation may insert: delimiters, quotes, line endings, odd bytes, boundary values.
TOKENS = [
    ",", ";", "\t", "|", '"', '""', "\n", "\r", "\r\n", "\x00", "\ufeff", " ", "'", "=",
    "-", "/", ".", ":", "0", "9", "12", "13", "31", "2026", "-44", "BC", "Apr", "年", "月", "日",
    "between 1 and 2", "13.8 billion years ago", "9999999999999999999", "99999999999999999999",
    "-0043-03-15", "+100000-01-01", "2026-02-30", "24:00", "+19:00", "é", "<",
    "{", "[", "<html>", "date", "title",
]  # fmt: skip
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "gb18030", "cp1252", "shift_jis", "big5"]
OPTIONS = st.builds(
    LoadOptions,
    day_first=st.sampled_from([None, True]),
    tz=st.sampled_from([None, "Europe/Berlin"]),
    year=st.sampled_from([None, 2020]),
)


@st.composite
def mutated_csv(draw: st.DrawFn) -> bytes:
    text = BASE_CSV
    for _ in range(draw(st.integers(1, 8))):
        at = draw(st.integers(0, len(text)))
        kind = draw(st.sampled_from(["insert", "delete", "replace"]))
        token = draw(st.sampled_from(TOKENS) | st.text(max_size=3))
        span = draw(st.integers(1, 12))
        if kind == "insert":
            text = text[:at] + token + text[at:]
        elif kind == "delete":
            text = text[:at] + text[at + span :]
        else:
            text = text[:at] + token + text[at + span :]
    encoding = draw(st.sampled_from(ENCODINGS))
    return text.encode(encoding, errors="replace")


@pytest.fixture(scope="module")
def target(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz") / "input.csv"


def check_loads_or_explains(path: Path, data: bytes, options: LoadOptions) -> None:
    path.write_bytes(data)
    report, columns = read_file_columns(path, options)
    if columns is None:
        assert report.error, "a file without events must say why"
        assert report.error.startswith(path.name)
        assert "\n" not in report.error
    else:
        assert report.error is None
        assert report.events == len(columns)
    result = load_file(path, options)
    assert (result.report.error is None) == (columns is not None)
    assert len(result.events) == report.events
    assert path.read_bytes() == data


FUZZ = settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@given(data=st.binary(max_size=3_000), options=OPTIONS)
@FUZZ
def test_random_bytes_load_or_are_explained(
    target: Path, data: bytes, options: LoadOptions
) -> None:
    check_loads_or_explains(target, data, options)


@given(data=mutated_csv(), options=OPTIONS)
@FUZZ
def test_mutated_csv_text_loads_or_is_explained(
    target: Path, data: bytes, options: LoadOptions
) -> None:
    check_loads_or_explains(target, data, options)


@pytest.mark.parametrize(
    "cell",
    ["9999999999999999999", "-9999999999999999999", "99999999999999999999999", "1e400", "-0"],
)
def test_huge_and_odd_numbers_in_a_date_column_do_not_crash_the_load(
    tmp_path: Path, cell: str
) -> None:
    check_loads_or_explains(
        tmp_path / "numbers.csv", f"date,title\n2026-04-27,A\n{cell},B\n".encode(), LoadOptions()
    )
