"""``inspect PROJECT`` summarises a project; ``export PROJECT`` gives what the project shows."""

from __future__ import annotations

import csv
import json

from PySide6.QtGui import QImage

from viewer.cli import main
from viewer.io.loading import load_file
from viewer.io.project_file import Project, source_on_disk, write_project
from viewer.model.annotations import AnnotationStore, keys_of, seen_as
from viewer.model.instants import seconds_at

NEWS = (
    "when,headline,desk\n"
    "2026-04-27,Microsoft and OpenAI change their contract,Deals\n"
    "2026-04-27,Jury selection in Musk v. OpenAI,Court\n"
    "2026-04-28,Opening statements,Court\n"
    "2026-05-12,OpenAI models come to AWS,Deals\n"
    "2026-06-30,Verdict,Court\n"
)


def saved_project(tmp_path, annotated=True):
    news = tmp_path / "news.csv"
    news.write_text(NEWS, encoding="utf-8")
    events = load_file(str(news)).events
    store = AnnotationStore()
    jury = [i for i in range(len(events)) if events.text_at("title", i).startswith("Jury")]
    keys = keys_of(events, jury, [(str(news), len(events))])
    if annotated:
        store.add_tag(keys.values(), "trial", seen_as(events, jury))
        store.set_starred(keys.values(), True, seen_as(events, jury))
    source = source_on_disk(str(news))
    source.columns = {"title": "headline", "lane": "desk"}
    project = Project(
        sources=[source], hidden_lanes=["Deals"],
        date_range=(float(seconds_at(2026, 4, 1)), float(seconds_at(2026, 5, 31))),
        view=(float(seconds_at(2026, 4, 20)), float(seconds_at(2026, 5, 21))), annotations=store,
    )  # fmt: skip
    path = tmp_path / ("trial.tvproj" if annotated else "plain.tvproj")
    write_project(path, project, "test")
    return path, news


def test_inspect_summarises_a_project(tmp_path, capsys):
    path, news = saved_project(tmp_path)
    assert main(["inspect", str(path)]) == 0
    out = capsys.readouterr().out
    assert f"{path}: project with 1 file(s)" in out
    assert f"{news}: unchanged (columns title=headline, lane=desk)" in out
    assert "hidden lanes: Deals" in out
    assert "annotations: 1 event(s): 1 starred, 1 tagged, 0 with a note; tags: trial (1)" in out
    assert main(["inspect", "--json", str(path)]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["files"] == [
        {"path": str(news), "state": "same",
         "columns": {"title": "headline", "lane": "desk"}, "day_first": None}
    ]  # fmt: skip
    assert summary["annotations"]["tags"] == {"trial": 1}


def test_inspect_names_a_file_the_project_lost(tmp_path, capsys):
    path, news = saved_project(tmp_path)
    news.unlink()
    assert main(["inspect", str(path)]) == 1
    assert f"{news}: NOT FOUND" in capsys.readouterr().out


def test_export_gives_what_the_project_shows(tmp_path, capsys):
    path, _news = saved_project(tmp_path)
    out = tmp_path / "out.csv"
    assert main(["export", str(path), "-o", str(out)]) == 0
    with out.open(encoding="utf-8") as handle:
        titles = [row["title"] for row in csv.DictReader(handle)]
    # Deals hidden, the verdict outside the project's dates; columns read as the project chose.
    assert titles == ["Jury selection in Musk v. OpenAI", "Opening statements"]


def test_export_draws_a_project_as_saved(tmp_path):
    """The same picture as the file drawn with the project's choices given by hand; its stars
    drawn as on screen."""
    path, news = saved_project(tmp_path, annotated=False)
    size = ["--width", "800", "--height", "450"]
    assert main(["export", str(path), "-o", str(tmp_path / "project.png"), *size]) == 0
    starred, _news = saved_project(tmp_path)
    assert main(["export", str(starred), "-o", str(tmp_path / "starred.png"), *size]) == 0
    by_hand = ["--column", "title=headline", "--column", "lane=desk", "--lanes", "Court",
               "--from", "2026-04-20", "--to", "2026-05-20"]  # fmt: skip
    assert main(["export", str(news), "-o", str(tmp_path / "hand.png"), *size, *by_hand]) == 0
    assert main(["export", str(news), "-o", str(tmp_path / "all.png"), *size]) == 0
    project, hand = QImage(str(tmp_path / "project.png")), QImage(str(tmp_path / "hand.png"))
    assert (project.width(), project.height()) == (800, 450)
    assert project == hand
    assert project != QImage(str(tmp_path / "all.png"))
    assert QImage(str(tmp_path / "starred.png")) != project
