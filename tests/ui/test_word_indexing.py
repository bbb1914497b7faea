"""A big table's word index is built on its own thread once the table is shown; a newer table
stops the build for the one before; searches use the index once it is there."""

from __future__ import annotations

import threading

import numpy as np
from PySide6.QtCore import QRunnable, QThreadPool

from viewer.io.load_report import LoadReport
from viewer.model import word_index
from viewer.model.event_table import EventTable
from viewer.model.word_index import PART_ROWS
from viewer.state.session import Session, Source
from viewer.ui import search_runner
from viewer.ui.search_runner import SearchRunner
from viewer.ui.word_indexing import WordIndexer


def events(n: int, word: str = "alpha") -> EventTable:
    titles = [f"{word} {i}" if i % 2 else f"beta {i}" for i in range(n)]
    return EventTable.from_columns(start=np.arange(n) * 60, title=titles)


def test_a_big_table_is_indexed_in_the_background_and_its_searches_read_no_text(qtbot, monkeypatch):
    monkeypatch.setattr(search_runner, "BACKGROUND_FROM", 1_000)
    session = Session()
    runner = SearchRunner(session)
    table = events(3_000)
    with qtbot.waitSignal(runner.indexer.indexed, timeout=20_000) as heard:
        session.replace_all([Source("big.csv", LoadReport("big.csv"), table)])
    assert heard.args == [table]
    assert table.word_index.complete
    read: list[int] = []
    real = word_index.read_holding
    monkeypatch.setattr(word_index, "read_holding", lambda v, t: read.append(len(v)) or real(v, t))
    runner.search("alpha")
    qtbot.waitUntil(lambda: session.search_text == "alpha", timeout=10_000)
    assert len(session.matches) == 1_500
    assert read == []
    runner.stop()


def test_a_small_table_gets_no_index(qtbot, monkeypatch):
    monkeypatch.setattr(search_runner, "BACKGROUND_FROM", 1_000)
    session = Session()
    runner = SearchRunner(session)
    small = events(999)
    session.replace_all([Source("small.csv", LoadReport("small.csv"), small)])
    runner.indexer.wait()
    assert small.word_index.covered == 0
    runner.stop()


class _Gate(QRunnable):
    """Holds the pool's one thread until opened."""

    def __init__(self) -> None:
        super().__init__()
        self.opened = threading.Event()

    def run(self) -> None:
        self.opened.wait(10)


def test_a_newer_table_stops_the_build_for_the_one_before_and_a_return_goes_on(qtbot):
    pool = QThreadPool(maxThreadCount=1)
    indexer = WordIndexer(pool=pool)
    gate = _Gate()
    pool.start(gate)
    first, second = events(2 * PART_ROWS + 5), events(PART_ROWS + 5, "gamma")
    indexer.index(first)
    indexer.index(second)  # before the first build began: it stops at once
    with qtbot.waitSignal(indexer.indexed, timeout=30_000) as heard:
        gate.opened.set()
    assert heard.args == [second]
    assert first.word_index.covered == 0
    with qtbot.waitSignal(indexer.indexed, timeout=30_000):
        indexer.index(first)  # shown again (its file's table): built on from where it was
    assert first.word_index.complete
    indexer.stop()
