"""The Qt binding itself: guards against known defects of particular PySide6 releases."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    fired = Signal(object)


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="True is immortal from Python 3.12 on")
def test_emitting_signals_does_not_leak_references_to_true():
    """PySide6 6.12.0 returned True from emit() without a reference: Python 3.11 then aborts
    at exit ("bool_dealloc"). A long session emits millions of signals."""
    emitter = _Emitter()
    emitter.fired.connect(lambda value: None)
    before = sys.getrefcount(True)
    for _ in range(1000):
        emitter.fired.emit(1)
    assert sys.getrefcount(True) >= before - 10
