"""Ship what we test: the wheel carries the sample timeline and the icons, and its command works
from a fresh virtual environment outside the checkout."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out), str(ROOT)],
        check=True, capture_output=True,
    )  # fmt: skip
    return next(out.glob("timeline_viewer-*.whl"))


def test_the_wheel_carries_the_sample_timeline_and_the_icons(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    assert "viewer/bundled/data/sample_timeline_en.csv" in names
    assert "viewer/bundled/data/sample_timeline_zh.csv" in names
    assert "viewer/bundled/resources/icons/app-icon.svg" in names
    assert any(n.endswith("entry_points.txt") for n in names)


def test_the_installed_wheel_exports_its_bundled_sample_outside_the_checkout(wheel, tmp_path):
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    bin_dir = venv / ("Scripts" if os.name == "nt" else "bin")
    # Without PYTHONPATH: a checkout on it (its timeline_viewer.egg-info) makes pip think the
    # app is installed already, and it installs nothing.
    subprocess.run(
        [str(bin_dir / "python"), "-m", "pip", "install", "-q", "--no-deps", str(wheel)],
        check=True,
        env={k: v for k, v in os.environ.items() if k != "PYTHONPATH"},
    )
    # Dependencies come from this environment's site-packages on PYTHONPATH (no downloads; and
    # .pth files there, like our editable install's, are not read from PYTHONPATH).
    env = {**os.environ, "PYTHONPATH": sysconfig.get_paths()["purelib"]}
    env.pop("QT_QPA_PLATFORM", None)

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([str(bin_dir / "timeline-viewer"), *args], cwd=tmp_path, env=env,
                              capture_output=True, text=True, check=False)  # fmt: skip

    where = subprocess.run(
        [str(bin_dir / "python"), "-c", "import viewer, viewer.assets as a; print(viewer.__file__); print(a.sample_timeline('en'))"],
        cwd=tmp_path, env=env, capture_output=True, text=True, check=True,
    ).stdout.split()  # fmt: skip
    assert str(venv) in where[0], "the wheel's package, not the checkout's"
    assert Path(where[1]).is_file()
    assert run("--version").stdout.strip().endswith("0.1.0")
    assert "export" in run("--help").stdout
    result = run("export", where[1], "-o", "sample.png")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "sample.png").stat().st_size > 10_000
