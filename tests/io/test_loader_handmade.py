"""Hand-made files with the awkward shapes real files have: delimiters, line endings, encodings,
odd headers, forced columns, dates without years, and files that are not tables at all."""

from __future__ import annotations

from pathlib import Path

import pytest

from viewer.io.load_options import LoadOptions
from viewer.io.loading import LoadResult, load_file
from viewer.io.pipeline import read_file_columns
from viewer.model.instants import seconds_at

APR_27, APR_28, APR_29 = seconds_at(2026, 4, 27), seconds_at(2026, 4, 28), seconds_at(2026, 4, 29)


def load_bytes(
    tmp_path: Path, data: bytes, name: str = "events.csv", **options: object
) -> LoadResult:
    path = tmp_path / name
    path.write_bytes(data)
    return load_file(path, LoadOptions(**options))  # type: ignore[arg-type]


def load_text(tmp_path: Path, text: str, name: str = "events.csv", **options: object) -> LoadResult:
    return load_bytes(tmp_path, text.encode("utf-8"), name, **options)


def column(result: LoadResult, name: str) -> list[object]:
    assert result.report.error is None, result.report.error
    return result.events.frame[name].tolist()


@pytest.mark.parametrize(
    ("delimiter", "title"),
    [(";", "Alpha, the first"), ("\t", "Alpha, one; two"), ("|", "Alpha; one, two")],
    ids=["semicolon", "tab", "pipe"],
)
def test_the_delimiter_is_sniffed_even_when_cells_hold_other_delimiters(
    tmp_path: Path, delimiter: str, title: str
) -> None:
    lines = [["date", "title", "lane"], ["2026-04-27", title, "A"], ["2026-04-28", "Beta", "B"]]
    result = load_text(tmp_path, "".join(delimiter.join(line) + "\n" for line in lines))
    assert result.report.delimiter == delimiter
    assert column(result, "title") == [title, "Beta"]
    assert column(result, "lane") == ["A", "B"]
    assert column(result, "start") == [APR_27, APR_28]


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\n"], ids=["CRLF", "lone CR", "LF"])
def test_any_line_ending_gives_the_same_cells_and_rows(tmp_path: Path, newline: str) -> None:
    text = newline.join(["date,title", "2026-04-27,Alpha", "2026-04-28,Beta", ""])
    result = load_text(tmp_path, text)
    assert column(result, "title") == ["Alpha", "Beta"]
    assert column(result, "row") == [2, 3]


def test_quoted_multi_line_cells_are_one_record_and_rows_count_records(tmp_path: Path) -> None:
    text = (
        "date,title,excerpt\n"
        '2026-04-27,Alpha,"line one\nline two"\n'
        '2026-04-28,"Beta\r\nsecond line","x, ""quoted"""\n'
        "banana,Gamma,z\n"
    )
    result = load_text(tmp_path, text)
    assert column(result, "excerpt") == ["line one\nline two", 'x, "quoted"']
    assert column(result, "row") == [2, 3]
    assert [(p.row, p.value) for p in result.report.skipped] == [(4, "banana")]


def test_blank_lines_keep_the_row_numbers_a_spreadsheet_shows(tmp_path: Path) -> None:
    result = load_text(tmp_path, "date,title\n2026-04-27,A\n\n2026-04-29,C\n")
    assert column(result, "title") == ["A", "C"]
    assert column(result, "row") == [2, 4]


def test_short_rows_are_padded_with_empty_cells(tmp_path: Path) -> None:
    result = load_text(tmp_path, "date,title,lane\n2026-04-27,Alpha\n2026-04-28,Beta,B\n")
    assert column(result, "title") == ["Alpha", "Beta"]
    assert column(result, "lane") == ["", "B"]


def test_long_rows_keep_their_extra_cells(tmp_path: Path) -> None:
    text = "date,title,lane\n2026-04-27,Alpha,A\n2026-04-28,Beta,B,extra one,extra two\n"
    result = load_text(tmp_path, text)
    assert column(result, "title") == ["Alpha", "Beta"]
    beta = result.events.records()[1]
    shown = " ".join(str(beta[name]) for name in ("excerpt", "title", "lane", "url"))
    assert "extra one" in shown
    assert "extra two" in shown


def test_duplicate_and_empty_header_names_are_made_distinct(tmp_path: Path) -> None:
    text = "date,title,title,,note\n2026-04-27,Alpha,Second,Fourth,Note\n"
    result = load_text(tmp_path, text, columns={"title": "title (2)", "lane": "Column 4"})
    assert column(result, "title") == ["Second"]
    assert column(result, "lane") == ["Fourth"]


def test_chinese_headers_are_recognised(tmp_path: Path) -> None:
    text = (
        "日期,标题,摘要,分类,链接\n"
        "2026-04-27,微软与OpenAI,摘要文字,微软,https://example.com/a\n"
        "2026年4月28日,开庭,内容,法律,https://example.com/b\n"
    )
    result = load_text(tmp_path, text)
    assert result.report.columns == {
        "start": "日期", "title": "标题", "excerpt": "摘要", "lane": "分类", "url": "链接",
    }  # fmt: skip
    assert column(result, "start") == [APR_27, APR_28]
    assert column(result, "title") == ["微软与OpenAI", "开庭"]


ENCODED = {
    "gb18030": ("日期,标题,分类", ["微软与OpenAI更新合作关系", "马斯克诉OpenAI案开庭", "亚马逊云服务上线新模型",
                "北京时间下午三点发布公告", "陪审团遴选正式开始", "双方预计进行开庭陈述"], "新闻"),
    "big5": ("日期,標題,分類", ["微軟與OpenAI更新合作關係", "馬斯克訴OpenAI案開庭", "亞馬遜雲端服務上線新模型",
             "臺北時間下午三點發布公告", "陪審團遴選正式開始", "雙方預計進行開庭陳述"], "新聞"),
    "shift_jis": ("日付,タイトル,分類", ["東京で新しいモデルを発表", "マイクロソフトとの提携を更新",
                  "裁判が始まりました", "日本語のタイトルです", "陪審員の選任が始まる", "双方が冒頭陳述を行う"], "ニュース"),
    "cp1252": ("date,title,lane", ["Café Müller à Zürich", "Naïve façade – œuvre", "Crème brûlée für Jürgen",
               "Señor Niño’s “quotes”", "Œdipe à Besançon", "Smørrebrød € 12"], "Actualités"),
    "utf-16": ("日期,标题,分类", ["微软与OpenAI更新合作关系", "東京で新しいモデル", "Café Müller", "马斯克诉OpenAI案",
               "Señor Niño", "陪审团遴选"], "新闻"),
}  # fmt: skip


@pytest.mark.parametrize("encoding", list(ENCODED))
def test_text_in_legacy_and_utf16_encodings_comes_back_exactly(
    tmp_path: Path, encoding: str
) -> None:
    header, titles, lane = ENCODED[encoding]
    body = "".join(f"2026-04-{20 + i},{title},{lane}\n" for i, title in enumerate(titles))
    data = (header + "\n" + body).encode(encoding)  # Python's utf-16 codec writes a BOM
    result = load_bytes(tmp_path, data)
    assert column(result, "title") == titles
    assert column(result, "lane") == [lane] * len(titles)
    assert column(result, "start") == [seconds_at(2026, 4, 20 + i) for i in range(len(titles))]


def test_a_named_encoding_is_used_instead_of_guessing(tmp_path: Path) -> None:
    data = "date,title\n2026-04-27,Ærø\n".encode("cp1252")
    result = load_bytes(tmp_path, data, encoding="cp1252")
    assert column(result, "title") == ["Ærø"]


def test_columns_with_unknown_names_are_recognised_by_their_content(tmp_path: Path) -> None:
    text = (
        "col_a,col_b,col_c\n"
        "17,2026-04-27,Opening statements expected\n"
        "42,2026-04-28,Jury selection begins\n"
        "7,2026-04-29,Cloud launch\n"
    )
    result = load_text(tmp_path, text)
    assert (result.report.columns["start"], result.report.columns["title"]) == ("col_b", "col_c")
    assert column(result, "start") == [APR_27, APR_28, APR_29]


def test_a_file_without_a_header_row_numbers_its_first_record_row_1(tmp_path: Path) -> None:
    result = load_text(tmp_path, "2026-04-27,Alpha\n2026-04-28,Beta\n")
    assert column(result, "title") == ["Alpha", "Beta"]
    assert column(result, "row") == [1, 2]


def test_the_day_first_option_reads_ambiguous_dates_as_day_month(tmp_path: Path) -> None:
    result = load_text(tmp_path, "date,title\n01/02/2026,A\n03/04/2026,B\n", day_first=True)
    assert column(result, "start") == [seconds_at(2026, 2, 1), seconds_at(2026, 4, 3)]


def test_a_named_delimiter_is_used_instead_of_sniffing(tmp_path: Path) -> None:
    result = load_text(tmp_path, "date;title,x\n2026-04-27;A,b\n", delimiter=";")
    assert column(result, "title") == ["A,b"]


def test_an_unknown_time_zone_name_is_one_sentence_naming_the_file(tmp_path: Path) -> None:
    result = load_text(tmp_path, "date,title\n2026-07-01 12:00,A\n", tz="Mars/Olympus")
    error = result.report.error
    assert error is not None
    assert error.startswith("events.csv")
    assert "Mars/Olympus" in error


def test_forced_columns_win_over_what_the_loader_would_guess(tmp_path: Path) -> None:
    text = (
        "Erstellt,Datum,Titel,Notiz\n"
        "2020-01-01,2026-04-27,Erster Eintrag,a\n"
        "2020-01-02,2026-04-28,Zweiter Eintrag,b\n"
    )
    result = load_text(tmp_path, text, columns={"start": "Datum", "title": "Titel"})
    assert result.report.columns["start"] == "Datum"
    assert column(result, "start") == [APR_27, APR_28]
    assert column(result, "title") == ["Erster Eintrag", "Zweiter Eintrag"]


def test_forcing_a_column_that_is_not_there_names_it_and_lists_the_columns(
    tmp_path: Path,
) -> None:
    result = load_text(tmp_path, "Datum,Titel\n2026-04-27,Erster\n", columns={"start": "Nope"})
    error = result.report.error
    assert error is not None
    assert "Nope" in error
    assert "'Datum'" in error
    assert "'Titel'" in error
    assert len(result.events) == 0


def test_the_year_option_places_dates_written_without_one(tmp_path: Path) -> None:
    result = load_text(tmp_path, "date,title\n27 Apr,A\n4月28日,B\n", year=2020)
    assert column(result, "start") == [seconds_at(2020, 4, 27), seconds_at(2020, 4, 28)]


def test_dates_without_a_year_take_it_from_the_rows_around_them(tmp_path: Path) -> None:
    text = "date,title\n30 Dec,Z\n2025-12-28,A\n30 Dec,B\n3 Jan,C\n2026-01-05,D\n"
    result = load_text(tmp_path, text)
    assert column(result, "start") == [
        seconds_at(2025, 12, 30),
        seconds_at(2025, 12, 28),
        seconds_at(2025, 12, 30),
        seconds_at(2026, 1, 3),
        seconds_at(2026, 1, 5),
    ]


def test_dates_without_a_year_are_never_placed_in_the_current_year(tmp_path: Path) -> None:
    result = load_text(tmp_path, "date,title\n27 Apr,A\n28 Apr,B\n")
    assert len(result.events) == 0
    assert result.report.error is not None
    assert "--year" in result.report.error


def test_a_bad_row_is_skipped_and_reported_with_row_column_value_and_reason(
    tmp_path: Path,
) -> None:
    result = load_text(tmp_path, "date,title\n2026-04-27,A\nbanana,B\n2026-04-29,C\n")
    assert column(result, "title") == ["A", "C"]
    (problem,) = result.report.skipped
    assert (problem.row, problem.column, problem.value) == (3, "date", "banana")
    assert problem.reason


def test_one_column_may_mix_every_kind_of_date(tmp_path: Path) -> None:
    text = "when,what\n2026-04-27,A\nApril 28 2026,B\n2026年4月29日,C\n1777507200,D\n55 BC,E\n"
    result = load_text(tmp_path, text)
    assert column(result, "start") == [
        APR_27,
        APR_28,
        APR_29,
        seconds_at(2026, 4, 30),
        seconds_at(-54),
    ]


BAD_FILES = {
    "empty": b"",
    "blank": b"  \r\n\r\n",
    "header only": b"date,title\n",
    "binary": bytes(range(256)) * 8,
    "web page": b"<!DOCTYPE html><html><head><title>x</title></head><body><table></table></body></html>",
    "no date column": b"name,colour,size\napple,red,3\npear,green,4\n",
}


@pytest.mark.parametrize("data", list(BAD_FILES.values()), ids=list(BAD_FILES))
def test_a_file_that_cannot_be_loaded_gets_one_sentence_naming_it(
    tmp_path: Path, data: bytes
) -> None:
    result = load_bytes(tmp_path, data, name="upload.csv")
    error = result.report.error
    assert error is not None
    assert error.startswith("upload.csv")
    assert "\n" not in error
    assert len(result.events) == 0


def test_a_file_without_a_date_column_lists_its_columns_and_how_to_name_one(
    tmp_path: Path,
) -> None:
    result = load_bytes(tmp_path, BAD_FILES["no date column"], name="fruit.csv")
    error = result.report.error
    assert error is not None
    for name in ("fruit.csv", "'name'", "'colour'", "'size'", "--column start="):
        assert name in error


def test_a_missing_file_or_a_folder_is_an_error_not_an_exception(tmp_path: Path) -> None:
    for path in (tmp_path / "missing.csv", tmp_path):
        report, columns = read_file_columns(path, LoadOptions())
        assert columns is None
        assert report.error is not None
        assert path.name in report.error


def test_a_timelinejs_display_date_that_reads_approximate_makes_the_event_approximate(
    tmp_path: Path,
) -> None:
    sheet = tmp_path / "story.csv"
    sheet.write_text(
        "Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text\n"
        "1850,,,,,,,,c. 1850,Circa,\n"
        "1850,,,,,,,,1850,Exact,\n"
        "2026,6,15,,,,,,mid-June 2026,Mid-month,\n"
        "2026,4,27,,2026,5,31,,2026-04-27 – c. 2026-05-31,Span with a rough end,\n"
        "1969,7,20,,,,,,the Moon landing,Words,\n",
        encoding="utf-8",
    )
    records = load_file(sheet).events.records()
    assert {r["title"]: r["approximate"] for r in records} == {
        "Circa": True,
        "Exact": False,
        "Mid-month": True,
        "Span with a rough end": True,
        "Words": False,
    }
