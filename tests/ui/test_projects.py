"""File → Save Project / Open Project: an investigation saved under a name opens again as it
was saved, the title tells about unsaved changes, and closing asks before losing them."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from viewer.model.instants import seconds_at

NEWS = (
    "date,title,lane\n"
    "2026-04-27,Microsoft and OpenAI change their contract,Deals\n"
    "2026-04-27,Jury selection in Musk v. OpenAI,Court\n"
    "2026-04-28,Opening statements,Court\n"
    "2026-05-12,OpenAI models come to AWS,Deals\n"
)


@pytest.fixture
def news(tmp_path):
    path = tmp_path / "story" / "news.csv"
    path.parent.mkdir()
    path.write_text(NEWS, encoding="utf-8")
    return path


def loaded(qtbot, app, files=1):
    qtbot.waitUntil(lambda: len(app.session.sources) == files and not app.loader.busy)


def index_of(app, title):
    return next(
        i for i in range(len(app.session.events)) if app.session.events.text_at("title", i) == title
    )


def shown_title(app):
    window = app.window
    return window.windowTitle().replace("[*]", "*" if window.isWindowModified() else "")


def test_a_saved_project_opens_again_as_it_was_saved(start, news, tmp_path, qtbot, monkeypatch):
    app = start([news])
    loaded(qtbot, app)
    s = app.session
    s.set_starred([index_of(app, "Opening statements")], True)
    s.add_tag([index_of(app, "Jury selection in Musk v. OpenAI")], "trial")
    s.set_note([index_of(app, "Jury selection in Musk v. OpenAI")], "Check the docket")
    s.set_lane_order(["Court", "Deals"])
    s.set_lane_visible("Deals", False)
    app.window.search.field.setText("statements")
    view = (float(seconds_at(2026, 4, 20)), float(seconds_at(2026, 5, 20)))
    app.window.timeline.set_time_range(*view)
    target = tmp_path / "story" / "trial"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(target), ""))
    app.window.actions.save_project.trigger()
    assert (tmp_path / "story" / "trial.tvproj").is_file()
    assert shown_title(app) == "trial — Timeline Viewer"

    again = start([tmp_path / "story" / "trial.tvproj"], name="other.ini")
    loaded(qtbot, again)
    t = again.session
    qtbot.waitUntil(lambda: not again.projects._opening)
    assert [lane for lane, _n in t.lane_counts()] == ["Court", "Deals"]
    assert t.hidden_lanes == {"Deals"}
    assert again.window.search.field.text() == "statements"
    assert t.marks.starred[index_of(again, "Opening statements")]
    jury = index_of(again, "Jury selection in Musk v. OpenAI")
    assert t.marks.tags[jury] == ("trial",)
    assert t.marks.notes[jury] == "Check the docket"
    first, last = again.window.timeline.time_range()
    assert abs(first - view[0]) < 60
    assert abs(last - view[1]) < 60
    assert shown_title(again) == "trial — Timeline Viewer"


def test_the_title_shows_unsaved_changes_and_closing_asks_before_losing_them(
    start, news, tmp_path, qtbot, monkeypatch
):
    app = start([news])
    loaded(qtbot, app)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(tmp_path / "p.tvproj"), ""))
    app.projects.save()
    app.session.add_tag([0], "deal")
    assert shown_title(app) == "p* — Timeline Viewer"
    asked = []

    def answer(button):
        def question(*args):
            asked.append(args[2])
            return button

        return question

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Cancel))
    app.window.close()
    assert app.window.isVisible()  # Cancel keeps the window and the tag
    assert asked == ["Save the changes to the project “p” before closing it?"]
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Save))
    app.window.close()
    assert not app.window.isVisible()
    again = start([tmp_path / "p.tvproj"], name="other.ini")
    loaded(qtbot, again)
    assert again.session.marks.tags == {0: ("deal",)}


def test_stars_on_plain_files_are_not_lost_without_a_question(start, news, qtbot, monkeypatch):
    app = start([news])
    loaded(qtbot, app)
    app.session.set_starred([1], True)
    asked = []
    monkeypatch.setattr(
        QMessageBox, "question", lambda *a: asked.append(a[2]) or QMessageBox.StandardButton.Discard
    )
    app.window.close()
    assert asked == ["Save your stars, tags and notes as a project before closing?"]
    assert not app.window.isVisible()


def test_a_project_whose_file_is_gone_opens_the_rest_and_says_which(start, news, tmp_path, qtbot):
    court = tmp_path / "court.csv"
    court.write_text("date,title\n2026-04-28,Opening statements\n", encoding="utf-8")
    app = start([news, court])
    loaded(qtbot, app, files=2)
    app.projects._write(str(tmp_path / "p.tvproj"))
    court.unlink()
    again = start([tmp_path / "p.tvproj"], name="other.ini")
    loaded(qtbot, again)
    qtbot.waitUntil(lambda: not again.projects._opening)
    assert again.session.source_paths() == [str(news)]
    summary = again.window.problems.summary.text()
    assert f"court.csv was not found at {court}" in summary
    assert again.window.problems.isVisible()  # its tab was brought to the front


def test_recent_projects_are_in_open_recent(start, news, tmp_path, qtbot):
    app = start([news])
    loaded(qtbot, app)
    app.projects._write(str(tmp_path / "p.tvproj"))
    menu = app.window.recent_menu
    menu.aboutToShow.emit()
    names = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert names[:2] == ["p.tvproj", "news.csv"]


def test_a_damaged_project_is_named_in_problems_and_what_is_loaded_stays(
    start, news, tmp_path, qtbot
):
    app = start([news])
    loaded(qtbot, app)
    bad = tmp_path / "bad.tvproj"
    bad.write_text("{not json", encoding="utf-8")
    app.open_paths([str(bad)])
    assert (
        "bad.tvproj is not a project file: it is not JSON text"
        in app.window.problems.summary.text()
    )
    assert app.session.source_paths() == [str(news)]
