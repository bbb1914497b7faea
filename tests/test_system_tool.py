"""Tests that need a system command skip on a desktop without it and fail under CI."""

from __future__ import annotations

import pytest


def test_a_missing_tool_skips_naming_the_package_to_install(system_tool, monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match=r"apt-get install some-package"):
        system_tool("no-such-command-here", "some-package")


def test_under_ci_a_missing_tool_fails_the_test(system_tool, monkeypatch):
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI must have it"):
        system_tool("no-such-command-here", "some-package")


def test_a_present_tool_gives_its_path(system_tool):
    assert system_tool("python3", "python3").endswith("python3")
