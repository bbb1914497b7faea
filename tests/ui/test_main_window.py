from __future__ import annotations

from viewer.app import build_window


def test_the_app_opens_on_the_sample_timeline_and_lists_its_events(qtbot):
    window = build_window([])
    qtbot.addWidget(window)
    model = window.table.model()
    assert model.rowCount() == 9
    titles = {model.index(r, 1).data() for r in range(model.rowCount())}
    assert "Jury selection begins in Musk v. OpenAI" in titles
    assert window.statusBar().currentMessage().startswith("9 event")


def test_a_bad_file_is_named_in_the_status_bar_and_the_good_one_still_loads(qtbot, tmp_path):
    bad = tmp_path / "notes.txt"
    bad.write_text("just some words\nand more\n", encoding="utf-8")
    good = tmp_path / "good.csv"
    good.write_text("date,title\n2026-04-27,Announcement\n", encoding="utf-8")
    window = build_window([str(good), str(bad)])
    qtbot.addWidget(window)
    assert window.table.model().rowCount() == 1
    assert "notes.txt" in window.statusBar().currentMessage()
