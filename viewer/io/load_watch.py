"""What a running load tells and asks: how far it is, and whether to stop.

A load runs off the GUI thread; it reports its progress as a fraction of the whole (0 to 1,
moving with the bytes read where a reader reads in blocks) and asks ``is_cancelled`` between
its steps and its blocks, raising ``LoadCancelled`` when told to stop."""

from __future__ import annotations

import contextlib
import contextvars
from collections.abc import Callable, Iterator
from dataclasses import dataclass

IsCancelled = Callable[[], bool]
Progress = Callable[[float], None]  # the fraction of the load done, 0 to 1


def never_cancelled() -> bool:
    return False


def no_progress(_fraction: float) -> None:
    """Nobody is told (inspect, export, tests)."""


class LoadCancelled(Exception):
    """The load was cancelled between two of its steps or blocks; raised, never reported."""


def check_cancelled(is_cancelled: IsCancelled) -> None:
    if is_cancelled():
        raise LoadCancelled


@dataclass(frozen=True)
class LoadWatch:
    is_cancelled: IsCancelled = never_cancelled
    on_progress: Progress = no_progress

    def check(self) -> None:
        check_cancelled(self.is_cancelled)

    def part(self, start: float, end: float) -> LoadWatch:
        """The watch of a step that makes the load go from ``start`` to ``end``: the step
        reports its own fraction, 0 to 1."""
        report = self.on_progress
        return LoadWatch(self.is_cancelled, lambda f: report(start + (end - start) * f))


NO_WATCH = LoadWatch()


# The cancel question of the load running on this thread (each loader thread has its own
# context), asked by steps deep in the load (date parsing, the table's columns) between
# slices of their work, so Cancel stops a 10M-row load within a fraction of a second wherever
# it is, without a callback threaded through every signature.
_current_cancel: contextvars.ContextVar[IsCancelled] = contextvars.ContextVar(
    "current_cancel", default=never_cancelled
)


@contextlib.contextmanager
def cancelled_by(is_cancelled: IsCancelled) -> Iterator[None]:
    """While in this block, ``checkpoint()`` on this thread asks ``is_cancelled``."""
    token = _current_cancel.set(is_cancelled)
    try:
        yield
    finally:
        _current_cancel.reset(token)


def checkpoint() -> None:
    """Raise LoadCancelled if the load running on this thread was cancelled."""
    check_cancelled(_current_cancel.get())
