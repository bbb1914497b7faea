"""The standalone bundle (PyInstaller, one folder): built from packaging/timeline-viewer.spec,
it starts with no display, loads its bundled sample, writes a PNG and exits 0."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("pyinstaller")
    pyinstaller = Path(sys.executable).with_name("pyinstaller")
    result = subprocess.run(
        [str(pyinstaller), "--noconfirm", "--log-level", "WARN", "--distpath", str(work / "dist"),
         "--workpath", str(work / "build"), str(ROOT / "packaging" / "timeline-viewer.spec")],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    return work / "dist" / "timeline-viewer"


def folder_mb(folder: Path) -> float:
    return (
        sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
        / 1e6
    )


def test_the_bundle_exports_its_sample_with_no_display(bundle, tmp_path):
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "PYTHONPATH")
    }
    sample = bundle / "_internal" / "data" / "sample_timeline_en.csv"
    assert sample.is_file(), "the sample timeline is inside the bundle"
    result = subprocess.run(
        [str(bundle / "timeline-viewer"), "export", str(sample), "-o", str(tmp_path / "sample.png")],
        env=env, cwd=tmp_path, capture_output=True, text=True, check=False, timeout=120,
    )  # fmt: skip
    # A missing Qt plugin or module shows here, in the bundle's own words.
    assert result.returncode == 0, f"bundle failed: {result.stderr}"
    assert (tmp_path / "sample.png").stat().st_size > 10_000
    print(f"bundle size: {folder_mb(bundle):.0f} MB")


def test_the_bundle_reports_its_version(bundle):
    result = subprocess.run(
        [str(bundle / "timeline-viewer"), "--version"], capture_output=True, text=True, check=False
    )
    assert result.stdout.strip() == "timeline-viewer 0.1.0"


def test_the_bundle_leaves_out_what_the_app_does_not_use(bundle):
    names = {p.name for p in bundle.rglob("*")}
    assert not any(name.startswith("libarrow_flight") for name in names)
    assert "tkinter" not in names
