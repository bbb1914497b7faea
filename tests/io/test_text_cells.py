"""Text cells are shown trimmed of spaces (Unicode ones too) and a missing cell as empty text,
whichever block of the file they are in (most blocks need no change and are kept as read)."""

from __future__ import annotations

from pathlib import Path

from viewer.io.loading import load_file

SPACES = ["\u00a0", "\u2003", "\u3000", "\u0085", "\t", " ", "\u1680", "\u205f"]


def test_titles_lose_their_spaces_at_either_end_and_keep_those_inside(tmp_path: Path) -> None:
    titles = [f"{s}left{s}in{s}" for s in SPACES] + ["東京", "café", "plain"]
    rows = [f"2020-01-{i + 1:02d},{t},lane" for i, t in enumerate(titles)]
    path = tmp_path / "spaces.csv"
    path.write_text("date,title,lane\n" + "\n".join(rows) + "\n", encoding="utf-8")
    events = load_file(path).events
    expected = [f"left{s}in" for s in SPACES] + ["東京", "café", "plain"]
    assert events.texts("title") == expected


def test_a_missing_cell_reads_as_empty_text_among_many_rows(tmp_path: Path) -> None:
    rows = [f"2020-01-01,title {i},{'' if i % 3 else 'lane'}" for i in range(200_000)]
    path = tmp_path / "gaps.csv"
    path.write_text("date,title,lane\n" + "\n".join(rows) + "\n", encoding="utf-8")
    events = load_file(path).events
    lanes = events.texts("lane")
    assert lanes[:4] == ["lane", "", "", "lane"]
    assert lanes.count("") == 200_000 - len(range(0, 200_000, 3))
