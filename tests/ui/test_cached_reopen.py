"""Opening a file the app has read before: it comes from the cache, and the window shows the
same events and the same Problems, translated, as the first time."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from viewer import settings
from viewer.app import build_application
from viewer.io import loading, pipeline
from viewer.model import word_index
from viewer.ui import search_runner

TEXT = (
    "date,end,title,lane\n"
    "2026-04-27,2026-04-30,Alpha,Court\n"
    "banana,,Beta,Court\n"
    "2026-04-28,soon,Gamma,Press\n"
)


@pytest.fixture
def story(tmp_path: Path) -> Path:
    path = tmp_path / "story.csv"
    path.write_text(TEXT, encoding="utf-8")
    an_hour_ago = time.time() - 3600  # a file changed just now is not cached
    os.utime(path, (an_hour_ago, an_hour_ago))
    return path


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files the pipeline read."""
    read: list[str] = []

    def counted(path, *args, **kwargs):
        read.append(str(path))
        return pipeline.read_file_columns(path, *args, **kwargs)

    monkeypatch.setattr(loading, "read_file_columns", counted)
    return read


def open_once(qtbot, tmp_path: Path, path: Path) -> tuple[list[str], list[list[str]]]:
    """The titles and the Problems rows a fresh app shows for ``path`` (in Chinese)."""
    preferences = settings.open_settings(str(tmp_path / "settings.ini"))
    preferences.set(settings.LANGUAGE, "zh_CN")
    built = build_application([str(path)], preferences, lambda system: ["Noto Sans CJK SC"])
    qtbot.addWidget(built.window)
    try:
        qtbot.waitUntil(lambda: len(built.session.events) == 2, timeout=10_000)
        tree = built.window.problems.tree
        rows = []
        for i in range(tree.topLevelItemCount()):
            top = tree.topLevelItem(i)
            rows.append([top.text(c) for c in range(4)])
            rows += [[top.child(j).text(c) for c in range(4)] for j in range(top.childCount())]
        return built.session.events.texts("title"), rows
    finally:
        built.shutdown()  # waits for the cache's write


def test_a_file_opened_again_comes_from_the_cache_with_the_same_problems(
    qtbot, tmp_path: Path, story: Path, reads: list[str]
):
    first = open_once(qtbot, tmp_path, story)
    again = open_once(qtbot, tmp_path, story)
    assert reads == [str(story)]
    assert again == first
    titles, problems = again
    assert titles == ["Alpha", "Gamma"]
    assert [row[2] for row in problems[1:]] == ["banana", "soon"]
    english = loading.load_file(story).report.warnings[0].reason
    assert "soon" in problems[2][3]
    assert problems[2][3] != english  # translated from the cached template, not shown as text


def test_a_file_changed_since_is_read_again(qtbot, tmp_path: Path, story: Path, reads: list[str]):
    open_once(qtbot, tmp_path, story)
    story.write_text(TEXT.replace("Alpha", "Omega"), encoding="utf-8")
    an_hour_ago = time.time() - 3600
    os.utime(story, (an_hour_ago, an_hour_ago))
    titles, _ = open_once(qtbot, tmp_path, story)
    assert titles == ["Omega", "Gamma"]
    assert reads == [str(story), str(story)]


def test_with_the_cache_off_every_open_reads_the_file(
    qtbot, tmp_path: Path, story: Path, reads: list[str]
):
    preferences = settings.open_settings(str(tmp_path / "settings.ini"))
    preferences.set(settings.CACHE_LIMIT_MB, 0)
    preferences.sync()
    open_once(qtbot, tmp_path, story)
    open_once(qtbot, tmp_path, story)
    assert reads == [str(story), str(story)]


def test_a_big_files_word_index_is_kept_and_the_next_open_searches_with_it(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr(search_runner, "BACKGROUND_FROM", 100)  # a big file, for the app
    path = tmp_path / "big.csv"
    path.write_text(
        "date,title\n" + "".join(f"2026-04-{1 + i % 28:02d},Ruling {i}\n" for i in range(500)),
        encoding="utf-8",
    )
    an_hour_ago = time.time() - 3600
    os.utime(path, (an_hour_ago, an_hour_ago))
    preferences = settings.open_settings(str(tmp_path / "settings.ini"))
    first = build_application([str(path)], preferences, lambda system: [])
    qtbot.addWidget(first.window)
    with qtbot.waitSignal(first.window.search.runner.indexer.indexed, timeout=20_000):
        pass  # the file loads, then its words are indexed in the background
    first.shutdown()  # waits for the cache's writes: the events, then the index
    monkeypatch.setattr(word_index, "build_word_part", lambda _v: pytest.fail("built again"))
    again = build_application([str(path)], preferences, lambda system: [])
    qtbot.addWidget(again.window)
    try:
        qtbot.waitUntil(lambda: len(again.session.events) == 500, timeout=10_000)
        assert again.session.events.word_index.complete  # at once, from the cache
        again.window.search.runner.search('"ruling 4"')
        qtbot.waitUntil(lambda: again.session.search_text == '"ruling 4"', timeout=10_000)
        assert len(again.session.matches) == 111  # the phrase: 4, 40–49, 400–499
    finally:
        again.shutdown()
