"""Shared by the UI tests."""

from __future__ import annotations

from collections.abc import Callable, Iterable

import pytest


@pytest.fixture
def cjk_font_installed() -> Callable[[object], Iterable[str]]:
    """``font_families`` for build_application: a CJK font is installed. The machine's own fonts
    vary (a fresh one has only DejaVu), and without this the app opens a notice about them."""
    return lambda system: ["Noto Sans CJK SC"]
