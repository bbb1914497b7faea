"""The loader's sentences and row reasons reach a Chinese user in Chinese: in the Problems panel,
the failure sentence, and everywhere the UI shows them; the CLI keeps them English."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from viewer import settings
from viewer.app import build_application
from viewer.io.load_options import LoadOptions
from viewer.io.pipeline import read_file_columns
from viewer.model.date_parsing import parse_date
from viewer.model.messages import VERBATIM, Message
from viewer.model.parsed_date import DateParseError
from viewer.ui.load_messages import translated
from viewer.ui.translations import install_translators, remove_translators

ROOT = Path(__file__).resolve().parents[2]
CJK = re.compile(r"[\u4e00-\u9fff]")

BAD_DATES = [
    "Smarch 3, 2026", "2026-13-01", "31 Feb 2026", "3 Apr 2026 25:00", "Apr May 2026",
    "2026 2027", "1 2 3 4", "13pm 3 Apr 2026", "0 BC", "4月", "2026年13月", "上旬5日",
    "民國年", "1.5", "99999999999999999999", "spring May 2026", "2026-04-27T10:00+25:00",
    "3 Apr 2026 10:00 XYZ", "195s", "3pm", "",
]  # fmt: skip

BAD_FILES = {
    "empty.csv": b"",
    "binary.csv": b"\x00\x01\x02 not text",
    "page.csv": b"<!DOCTYPE html><html><body>x</body></html>",
    "other.xml": b"<?xml version='1.0'?><catalog/>",
    "header.csv": b"date,title\n",
    "nodates.csv": b"name,title\nalpha,beta\ngamma,delta\n",
    "array.json": b"[1, 2, 3]",
    "broken.json": b'{"events": [',
    "lines.jsonl": b"1\n[2]\n",
    "spread.json": b'{\n "a": 1,\n "b": 2\n}\nx',
    "doctype.timeline": b'<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY e "x">]>\n<timeline><events/></timeline>',
    "yearless.csv": b"date,title\n27 Apr,no year anywhere\n",
    "rows.csv": (
        b"date,end,title\n2026-04-27,2026-04-20,backwards\nSmarch 3 2026,,bad\n"
        b"4 May 2026,2026-02-30,bad end\n"
    ),
}


@pytest.fixture
def chinese(qapp):
    translators = install_translators("zh_CN")
    yield
    remove_translators(translators)


def _all_messages(text: object):
    if isinstance(text, Message):
        yield text
        for value in text.values.values():
            yield from _all_messages(value)


def _loader_messages(tmp_path: Path) -> list[Message]:
    found: list[Message] = []
    for text in BAD_DATES:
        try:
            parse_date(text)
        except DateParseError as error:
            found.append(error.reason)
    for name, data in BAD_FILES.items():
        path = tmp_path / name
        path.write_bytes(data)
        report, _ = read_file_columns(path, LoadOptions())
        found += [report.error] if report.error else []
        found += [p.reason for p in report.skipped + report.warnings]
    return [m for text in found for m in _all_messages(text)]


def test_every_message_the_loader_writes_reads_in_chinese(chinese, tmp_path):
    messages = _loader_messages(tmp_path)
    templates = {m.template for m in messages} - {VERBATIM}
    assert len(templates) >= 25  # the sweep reaches many different messages
    untranslated = sorted(
        str(m) for m in messages if m.template != VERBATIM and not CJK.search(translated(m))
    )
    assert not untranslated, untranslated


def test_nested_reasons_and_values_are_filled_into_the_chinese_sentence(chinese, tmp_path):
    path = tmp_path / "rows.csv"
    path.write_bytes(BAD_FILES["rows.csv"])
    report, _ = read_file_columns(path, LoadOptions())
    by_row = {p.row: translated(p.reason) for p in report.skipped + report.warnings}
    assert by_row[2] == "结束早于开始；显示时不带结束日期"
    assert by_row[3] == "“smarch”不是可识别的日期成分"
    assert by_row[4] == "2026年2月没有30日；显示时不带结束日期"

    path = tmp_path / "yearless.csv"
    path.write_bytes(BAD_FILES["yearless.csv"])
    report, _ = read_file_columns(path, LoadOptions())
    sentence = translated(report.error)
    assert sentence.startswith(
        "yearless.csv：列 date 中没有可用的日期（第 2 行：'27 Apr'，没有年份"
    )
    assert "请在列对话框的“年份”栏中填写，或用 --year 指定" in sentence


def test_without_a_translator_the_english_sentence_is_shown(tmp_path):
    path = tmp_path / "header.csv"
    path.write_bytes(BAD_FILES["header.csv"])
    report, _ = read_file_columns(path, LoadOptions())
    assert (
        translated(report.error)
        == "header.csv: has a header but no rows (columns: 'date', 'title')"
    )


def test_the_chinese_app_lists_problems_and_failures_in_chinese(
    qtbot, tmp_path, cjk_font_installed
):
    rows, binary = tmp_path / "rows.csv", tmp_path / "binary.csv"
    rows.write_bytes(BAD_FILES["rows.csv"])
    binary.write_bytes(BAD_FILES["binary.csv"])
    preferences = settings.open_settings(str(tmp_path / "s.ini"))
    preferences.set(settings.LANGUAGE, "zh_CN")
    app = build_application([str(rows), str(binary)], preferences, cjk_font_installed)
    qtbot.addWidget(app.window)
    try:
        qtbot.waitUntil(lambda: app.loader.busy == 0 and len(app.session.sources) == 1)
        tree = app.window.problems.tree
        qtbot.waitUntil(lambda: tree.topLevelItemCount() == 2)
        failure = tree.topLevelItem(0).text(3)
        assert failure == "binary.csv：是二进制文件，不是文本表格（含有 NUL 字节）"
        rows_item = tree.topLevelItem(1)
        reasons = {rows_item.child(i).text(3) for i in range(rows_item.childCount())}
        assert "“smarch”不是可识别的日期成分" in reasons
        assert "rows.csv 中跳过了 1 行" in app.window.problems.summary.text()
    finally:
        app.shutdown()


def test_counts_of_one_read_as_one_in_english(qtbot, tmp_path, cjk_font_installed):
    rows = tmp_path / "rows.csv"
    rows.write_bytes(BAD_FILES["rows.csv"])
    one = tmp_path / "one.csv"
    one.write_text("date,title\n2026-04-27,only\n", encoding="utf-8")
    preferences = settings.open_settings(str(tmp_path / "s.ini"))
    preferences.set(settings.LANGUAGE, "en")
    app = build_application([str(rows), str(one)], preferences, cjk_font_installed)
    qtbot.addWidget(app.window)
    try:
        qtbot.waitUntil(lambda: len(app.session.sources) == 2)
        assert "1 row skipped in rows.csv" in app.window.problems.summary.text()
        files = app.window.sources
        # (Each file's first line; its roles are on the second.)
        labels = [files.list.item(i).text().split("\n")[0] for i in range(files.list.count())]
        assert labels == ["rows.csv — 2 events · 3 problems", "one.csv — 1 event"]
    finally:
        app.shutdown()


def test_the_command_line_keeps_the_english_sentences(tmp_path, monkeypatch):
    import subprocess
    import sys

    path = tmp_path / "rows.csv"
    path.write_bytes(BAD_FILES["rows.csv"])
    env = {"LANG": "zh_CN.UTF-8", "LC_ALL": "zh_CN.UTF-8", "PATH": "/usr/bin:/bin"}
    out = subprocess.run(
        [sys.executable, "-m", "viewer", "inspect", str(path), "--json"],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    ).stdout
    reasons = {p["reason"] for p in json.loads(out)["files"][0]["skipped"]}
    assert "'smarch' is not part of a date we know" in reasons
