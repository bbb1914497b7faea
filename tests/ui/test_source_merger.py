"""A file that joins big ones already open is merged off the GUI thread: the window keeps
answering, the session takes the merged table whole, files that finish meanwhile join in the
next merge, and a merge planned before the files changed is planned again."""

from __future__ import annotations

import threading

import numpy as np
import pytest

from tests.ui.test_main_window import build, seconds_at, write
from viewer import settings
from viewer.io.load_report import LoadReport
from viewer.model.event_table import EventTable
from viewer.state.session import Adding, Session, Source
from viewer.ui import source_merger
from viewer.ui.source_merger import SourceMerger


def source(path: str, first_day: int, n: int = 3) -> Source:
    days = first_day + np.arange(n)
    events = EventTable.from_columns(
        start=days * 86_400, title=[f"{path} {i}" for i in range(n)], lane=[path] * n
    )
    return Source(path, LoadReport(path), events)


@pytest.fixture
def merges(monkeypatch) -> list[tuple[list[str], bool]]:
    """Every merge made: its files, and whether it ran on the GUI thread."""
    monkeypatch.setattr(source_merger, "MERGE_IN_BACKGROUND_FROM", 1)  # every merge is big
    made: list[tuple[list[str], bool]] = []
    merge = source_merger.merge_sources

    def recorded(sources):
        made.append(
            ([s.path for s in sources], threading.current_thread() is threading.main_thread())
        )
        return merge(sources)

    monkeypatch.setattr(source_merger, "merge_sources", recorded)
    return made


@pytest.fixture
def merger(qtbot, merges):
    session = Session()
    session.replace_all([source("a.csv", 0)])
    built = SourceMerger(session)
    yield built
    built.wait()


def test_a_file_joining_others_is_merged_off_the_gui_thread(merger, merges, qtbot):
    session = merger._session
    session.select(1)  # "a.csv 1"
    merger.add(source("b.csv", -10))
    assert session.source_paths() == ["a.csv"]  # add returned before the merge ended
    assert merger.merging
    qtbot.waitUntil(lambda: not merger.merging)
    assert session.source_paths() == ["a.csv", "b.csv"]
    assert merges == [(["a.csv", "b.csv"], False)]
    titles = session.events.frame["title"].tolist()
    assert titles == [f"a.csv {i}" for i in range(3)] + [f"b.csv {i}" for i in range(3)]
    assert session.selected is not None
    assert titles[session.selected] == "a.csv 1"  # the selection stays on its event
    order = session.events.order.time_order()  # worked out on the merge's thread, and right
    assert [titles[i] for i in order[:3]] == ["b.csv 0", "b.csv 1", "b.csv 2"]


def test_files_that_finish_while_a_merge_runs_join_in_one_merge_after_it(merger, merges, qtbot):
    session = merger._session
    merger.add(source("b.csv", 10))
    merger.add(source("c.csv", 20))
    merger.add(source("d.csv", 30), Adding(order=["c.csv", "d.csv"]))
    qtbot.waitUntil(lambda: not merger.merging and session.source_paths()[-1] == "d.csv")
    assert session.source_paths() == ["a.csv", "b.csv", "c.csv", "d.csv"]
    assert [paths for paths, _ in merges] == [
        ["a.csv", "b.csv"],
        ["a.csv", "b.csv", "c.csv", "d.csv"],
    ]
    assert len(session.events) == 12


def test_a_merge_planned_before_a_file_was_removed_is_planned_again(merger, merges, qtbot):
    session = merger._session
    session.replace_all([source("a.csv", 0), source("x.csv", 5)])
    merger.add(source("b.csv", 10))
    session.remove_source("x.csv")  # while the merge runs
    qtbot.waitUntil(lambda: not merger.merging and "b.csv" in session.source_paths())
    assert session.source_paths() == ["a.csv", "b.csv"]  # x.csv does not come back
    assert len(session.events) == 6
    assert [paths for paths, _ in merges][-1] == ["a.csv", "b.csv"]


def test_the_last_sessions_view_is_restored_after_its_files_are_merged(qtbot, tmp_path, merges):
    first_file = write(tmp_path, "one.csv", "date,title\n2026-05-01,One\n2026-09-01,Late\n")
    second_file = write(tmp_path, "two.csv", "date,title\n2026-05-02,Two\n")
    app_settings = settings.open_settings(str(tmp_path / "settings.ini"))
    first = build(qtbot, [first_file, second_file], app_settings)
    qtbot.waitUntil(lambda: len(first.session.sources) == 2 and not first.files.merger.merging)
    view = (seconds_at(2026, 4, 20), seconds_at(2026, 5, 10))
    first.window.timeline.set_time_range(*view)
    first.save_state()
    second = build(qtbot, [], settings.open_settings(app_settings.file_name()))
    qtbot.waitUntil(lambda: len(second.session.sources) == 2 and not second.files.merger.merging)
    assert any(not on_gui for _paths, on_gui in merges)  # the second file joined off the GUI
    assert second.window.timeline.time_range() == pytest.approx(view)
