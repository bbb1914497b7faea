"""Text cells are shown trimmed of spaces (Unicode ones too) and a missing cell as empty text,
whichever block of the file they are in (most blocks need no change and are kept as read)."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
from hypothesis import given, settings
from hypothesis import strategies as st

from viewer.io.events import event_assembly
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


# Cells built from pieces that matter to the look at a cell's edges: ASCII and Unicode
# spaces, controls, two- and three-byte letters sharing a space's lead byte (C2, E2, E3).
PIECES = [
    *SPACES,
    "a",
    "Z",
    "\x00",
    "\x1f",
    "\x7f",
    "é",
    "\u00c2",
    "©",
    "\u2010",
    "東",
    "\u3001",
    "",
]


@settings(max_examples=300, deadline=None)
@given(
    cells=st.lists(st.lists(st.sampled_from(PIECES), max_size=4).map("".join), max_size=60),
    missing=st.sets(st.integers(0, 59)),
    cut=st.integers(0, 5),
)
def test_a_block_is_kept_as_read_only_when_no_cell_would_change(
    cells: list[str], missing: set[int], cut: int
) -> None:
    values = [None if i in missing else c for i, c in enumerate(cells)]
    # A slice with bytes around it, as a block may lie inside the reader's buffers.
    block = pa.array(["x" * cut, *values, "x"], pa.string()).slice(1, len(values))
    trimmed = pc.utf8_trim_whitespace(block)
    if not event_assembly._may_need_trimming(block):
        assert trimmed.equals(block)
    assert event_assembly._cleaned(block).to_pylist() == [
        "" if v is None else v for v in trimmed.to_pylist()
    ]


def test_one_cell_with_a_space_at_one_end_among_many_is_trimmed() -> None:
    for where in (0, 1, 65_535, 65_536, 65_537, 199_998, 199_999):
        for space in (" ", "\u00a0", "\u3000", "\t"):
            for cell in (f"{space}word", f"word{space}", f"東{space}"):
                cells = ["plain words", "東京"] * 100_000
                cells[where] = cell
                block = pa.array(cells, pa.string())
                assert event_assembly._cleaned(block)[where].as_py() == cell.strip(), (where, cell)
