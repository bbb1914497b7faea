"""Whether loaded text needs a CJK font: found from a sample of the rows, wherever in a big file
the Chinese rows are."""

from __future__ import annotations

import pytest

from viewer.model.event_table import EventTable
from viewer.ui.font_coverage import has_cjk_text


def table(titles: list[str]) -> EventTable:
    return EventTable.from_columns(start=list(range(len(titles))), title=titles)


@pytest.mark.parametrize("where", [0.0, 0.3, 0.7, 0.999])
def test_a_stretch_of_chinese_titles_anywhere_in_a_big_file_is_found(where: float):
    n = 200_000
    titles = ["Plain title"] * n
    first = int(where * (n - 1000))
    titles[first : first + 1000] = ["微软与OpenAI修改合同"] * 1000
    assert has_cjk_text(table(titles))


def test_latin_text_needs_no_cjk_font_and_an_empty_table_neither():
    assert not has_cjk_text(table(["Plain title"] * 50_000))
    assert not has_cjk_text(EventTable.empty())
    assert has_cjk_text(table(["东京"]))
