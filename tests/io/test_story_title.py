"""A file's story title is kept for the picture: TimelineJS's title slide (sheet or JSON) or a
JSON document's "title"; otherwise the file name reads as one."""

from __future__ import annotations

import json
from pathlib import Path

from viewer.io.file_names import picture_title, title_from_name
from viewer.io.loading import load_file

DATA = Path(__file__).resolve().parents[1] / "data"


def test_a_timelinejs_sheet_gives_its_title_slide_headline():
    result = load_file(DATA / "timelinejs_women_in_computing.csv")
    assert result.report.title == "Women in Computing"
    assert "Women in Computing" not in result.events.texts("title")  # still not an event


def test_a_timelinejs_story_gives_its_title_headline():
    assert (
        load_file(DATA / "timelinejs_cosmo_mixed.json").report.title == "A Brief History of Light"
    )


def test_a_json_document_gives_its_title(tmp_path):
    path = tmp_path / "story.json"
    events = [{"start_date": {"year": 2020}, "text": {"headline": "One"}}]
    path.write_text(json.dumps({"title": "Plain title", "events": events}), encoding="utf-8")
    assert load_file(path).report.title == "Plain title"


def test_a_file_without_one_has_no_title(tmp_path):
    path = tmp_path / "plain.csv"
    path.write_text("date,title\n2020-01-01,One\n", encoding="utf-8")
    assert load_file(path).report.title is None


def test_a_file_name_reads_as_a_title():
    assert title_from_name("/x/sample_timeline_en.csv") == "sample timeline en"
    assert title_from_name("cabinet_turnover.timelinejs.json") == "cabinet turnover"


def test_a_picture_of_several_files_names_each_story_once():
    files = [
        ("a/women.csv", "Women in Computing"),
        ("b/rome_1.csv", None),
        ("c/w.csv", "Women in Computing"),
    ]
    assert picture_title(files) == "Women in Computing, rome 1"
