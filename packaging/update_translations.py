"""Refresh resources/translations/*.ts from the code: every string passed to tr() or
QCoreApplication.translate() is collected by pyside6-lupdate; translations already made are kept.
Then translate the new entries (Qt Linguist: pyside6-linguist, or any editor) and run the tests:
tests/ui/test_translations.py fails while a string has no translation.

    python packaging/update_translations.py
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LANGUAGES = ("zh_CN",)


def main() -> int:
    sources = sorted(str(p) for p in (ROOT / "viewer").rglob("*.py"))
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    for language in LANGUAGES:
        target = ROOT / "resources" / "translations" / f"timeline_viewer_{language}.ts"
        subprocess.run(
            [str(lupdate), *sources, "-no-obsolete", "-locations", "none", "-ts", str(target)],
            check=True,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
