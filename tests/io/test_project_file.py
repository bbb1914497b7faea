"""Project files: written whole, read back as saved, found again when the project moves with its
data, and damaged or foreign files refused or reported in words."""

from __future__ import annotations

import json
import os
import shutil

import pytest

from viewer.io.project_file import (
    Project,
    ProjectError,
    read_project,
    source_on_disk,
    source_state,
    write_project,
)
from viewer.model.annotations import AnnotationStore, keys_of, seen_as
from viewer.model.event_table import EventTable


def story(folder):
    data = folder / "data"
    data.mkdir(parents=True)
    news = data / "news.csv"
    news.write_text("date,title\n2026-04-27,Jury selection\n", encoding="utf-8")
    events = EventTable.from_columns(
        start=[1_777_248_000], title=["Jury selection"], source="news.csv"
    )
    store = AnnotationStore()
    keys = keys_of(events, [0], [(str(news), 1)])
    store.add_tag(keys.values(), "trial", seen_as(events, [0]))
    store.set_starred(keys.values(), True, seen_as(events, [0]))
    source = source_on_disk(str(news))
    source.columns = {"start": "date"}
    project = Project(
        sources=[source], lane_order=["Court", "Deals"], hidden_lanes=["Markets"],
        lane_colours={"Court": 3}, date_range=(1.0e9, 2.0e9), search="court -appeal",
        view=(1.5e9, 1.6e9), annotations=store,
    )  # fmt: skip
    return news, events, project


def test_a_saved_project_reads_back_as_it_was(tmp_path):
    news, events, project = story(tmp_path / "story")
    path = tmp_path / "story" / "trial.tvproj"
    before = news.stat().st_mtime_ns
    write_project(path, project, "Timeline Viewer test")
    back, problems = read_project(path)
    assert problems == []
    assert [s.path for s in back.sources] == [str(news)]
    assert back.sources[0].columns == {"start": "date"}
    assert (back.lane_order, back.hidden_lanes, back.lane_colours) == (
        ["Court", "Deals"], ["Markets"], {"Court": 3},
    )  # fmt: skip
    assert (back.date_range, back.search, back.view) == (
        (1.0e9, 2.0e9),
        "court -appeal",
        (1.5e9, 1.6e9),
    )
    marks, orphans = back.annotations.resolve(events, [(str(news), 1)])
    assert marks.tags == {0: ("trial",)}
    assert marks.starred.tolist() == [True]
    assert orphans == []
    assert news.stat().st_mtime_ns == before  # the data file is never written to
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["sources"][0]["path"] == "data/news.csv"  # relative: it travels with its data
    assert saved["annotations"][0]["source"] == "data/news.csv"
    assert sorted(os.listdir(path.parent)) == ["data", "trial.tvproj"]  # no temporary left


def test_a_project_moved_with_its_data_finds_the_data_in_its_new_place(tmp_path):
    _news, events, project = story(tmp_path / "story")
    write_project(tmp_path / "story" / "trial.tvproj", project, "test")
    shutil.move(tmp_path / "story", tmp_path / "moved")
    back, _problems = read_project(tmp_path / "moved" / "trial.tvproj")
    moved = tmp_path / "moved" / "data" / "news.csv"
    assert [s.path for s in back.sources] == [str(moved)]
    assert source_state(back.sources[0]) == "same"
    assert back.annotations.resolve(events, [(str(moved), 1)])[0].tags == {0: ("trial",)}


def test_a_file_changed_or_gone_since_the_save_is_told_apart(tmp_path):
    news, _events, project = story(tmp_path)
    write_project(tmp_path / "p.tvproj", project, "test")
    news.write_text("date,title\n2026-04-26,Filing\n2026-04-27,Jury selection\n", encoding="utf-8")
    assert source_state(read_project(tmp_path / "p.tvproj")[0].sources[0]) == "changed"
    news.unlink()
    assert source_state(read_project(tmp_path / "p.tvproj")[0].sources[0]) == "missing"


@pytest.mark.parametrize(
    ("content", "sentence"),
    [
        (b"\x89PNG\r\n", "p.tvproj is not a project file: it is not JSON text"),
        (b'{"rows": []}', "p.tvproj is not a Timeline Viewer project file"),
        (b'{"format": "timeline-viewer-project", "version": 7}',
         "p.tvproj was saved by a newer Timeline Viewer (project format 7); this one reads format 1"),
    ],
)  # fmt: skip
def test_a_file_that_is_no_project_of_ours_is_refused_in_words(tmp_path, content, sentence):
    (tmp_path / "p.tvproj").write_bytes(content)
    with pytest.raises(ProjectError, match="^" + sentence.replace("(", r"\(").replace(")", r"\)")):
        read_project(tmp_path / "p.tvproj")


def test_a_damaged_part_is_reported_and_the_rest_kept(tmp_path):
    _news, _events, project = story(tmp_path)
    write_project(tmp_path / "p.tvproj", project, "test")
    data = json.loads((tmp_path / "p.tvproj").read_text(encoding="utf-8"))
    data["lanes"]["hidden"] = "Markets"
    data["view"] = ["soon", None]
    data["annotations"].append({"source": "data/news.csv", "start": "x", "digest": "0"})
    (tmp_path / "p.tvproj").write_text(json.dumps(data), encoding="utf-8")
    back, problems = read_project(tmp_path / "p.tvproj")
    assert problems == [
        "p.tvproj: its 'hidden' could not be read (it is not a list); left out.",
        "p.tvproj: its 'view' could not be read (it is not two times); left out.",
        "p.tvproj: Annotation 2 could not be read ('start' is not a whole number); it was left out.",
    ]
    assert back.lane_order == ["Court", "Deals"]
    assert len(back.annotations) == 1
