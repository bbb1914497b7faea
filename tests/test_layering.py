"""The core (viewer.model, viewer.io) stays free of Qt, so it runs headless and in scripts."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_import_linter_contracts_hold():
    linter = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(linter)], cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_core_loads_a_file_with_qt_and_pyqtgraph_blocked():
    code = (
        "import sys\n"
        "for name in ('PySide6', 'pyqtgraph'): sys.modules[name] = None\n"
        "from viewer.io.loading import load_file\n"
        "result = load_file(sys.argv[1])\n"
        "assert len(result.events) == 9, result.report\n"
    )
    sample = ROOT / "data" / "sample_timeline_en.csv"
    result = subprocess.run(
        [sys.executable, "-c", code, str(sample)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr


def test_only_the_event_table_reaches_into_its_data_frame():
    """Callers use EventTable's accessors (has_end, end_or_start, subset, event...), so a rule
    such as "a span ends at its end, a point at its start" is written once."""
    root = ROOT / "viewer"
    reaching = [
        f"{path.relative_to(root)}:{number}"
        for path in sorted(root.rglob("*.py"))
        if path.name != "event_table.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"\.frame\b", line)
    ]
    assert reaching == []


def test_inspect_never_imports_pandas():
    """inspect counts events without building the table: pandas' import alone is ~0.15 s, a
    third of inspect's time on a million rows (bench_load.py)."""
    code = (
        "import contextlib, io, sys\n"
        "from viewer.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    main(['inspect', sys.argv[1]])\n"
        "assert 'pandas' not in sys.modules, 'inspect imported pandas'\n"
    )
    sample = ROOT / "data" / "sample_timeline_en.csv"
    result = subprocess.run(
        [sys.executable, "-c", code, str(sample)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
