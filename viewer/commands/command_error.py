"""The one error a sub-command reports: a line for stderr and an exit status."""

from __future__ import annotations

EXIT_FAILED, EXIT_USAGE = 1, 2


class CommandError(Exception):
    def __init__(self, message: str, status: int = EXIT_FAILED) -> None:
        super().__init__(message)
        self.status = status
