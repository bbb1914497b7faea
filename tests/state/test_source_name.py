"""A loaded file's name as the app shows it, whatever bytes the name holds."""

from __future__ import annotations

import os

import pytest

from viewer.io.loading import load_file
from viewer.state.session import Source


def test_a_name_that_is_not_utf8_is_shown_with_a_replacement_character(tmp_path):
    path = tmp_path / os.fsdecode(b"caf\xe9.csv")
    try:
        path.write_text("date,title\n2020-01-01,One\n", encoding="utf-8")
    except (OSError, UnicodeError):
        pytest.skip("this file system accepts only UTF-8 names")
    loaded = load_file(path)
    source = Source(str(path), loaded.report, loaded.events)
    assert source.name == "caf\ufffd.csv"  # Qt would drop the byte: "caf.csv"
    assert list(loaded.events.texts("source")) == [source.name]
