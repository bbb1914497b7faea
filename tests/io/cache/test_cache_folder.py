"""The cache folder follows the XDG rule, and the tests never use the user's own."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import pytest

from viewer.io.cache.cache_folder import user_cache_folder


def test_xdg_cache_home_names_the_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert user_cache_folder() == tmp_path / "timeline-viewer"


@pytest.mark.skipif(sys.platform in ("darwin", "win32"), reason="the XDG default is Linux's")
@pytest.mark.parametrize("value", ["", "relative/cache"])
def test_an_empty_or_relative_xdg_cache_home_is_ignored(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, value: str
):
    monkeypatch.setenv("XDG_CACHE_HOME", value)
    monkeypatch.setenv("HOME", str(tmp_path))
    assert user_cache_folder() == tmp_path / ".cache" / "timeline-viewer"


def test_the_tests_cache_folder_is_a_temporary_one():
    """tests/conftest.py moves it, for these tests and the programs they start."""
    folder = user_cache_folder()
    assert folder.is_relative_to(Path(tempfile.gettempdir()))
    assert not folder.is_relative_to(Path.home() / ".cache")
