"""Time our processes as a user's Python runs them: with the package's bytecode cached.

Some machines (this project's sandboxes among them) set ``PYTHONDONTWRITEBYTECODE``, so every
``python -m viewer`` compiled the package's modules again: 0.17 s of a 0.8 s start-up on the
2-core dev machine. A user's interpreter keeps them in ``__pycache__`` (and pip compiles what
it installs; a packaged build ships them compiled), so the benchmarks that time whole processes
call :func:`as_users_python` first. Standard library only, like those scripts.
"""

from __future__ import annotations

import compileall
import os
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "viewer"


def as_users_python() -> None:
    """Let child processes use and write the bytecode cache, and fill it for ``viewer/`` now
    (so the first timed run does not pay for it)."""
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    compileall.compile_dir(PACKAGE, quiet=1)
