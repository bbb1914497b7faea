"""Outputs are written whole or not at all, with the permissions a new file usually gets."""

from __future__ import annotations

import os
import stat

import pytest

from viewer.atomic_file import atomic_output, atomic_path


@pytest.fixture
def umask_022():
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def _mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_file_gets_the_usual_permissions_not_owner_only(tmp_path, umask_022):
    target = tmp_path / "events.csv"
    with atomic_output(target) as stream:
        stream.write("start\n")
    assert _mode(target) == 0o644
    with atomic_path(tmp_path / "picture.png") as temporary:
        temporary.write_bytes(b"\x89PNG")
    assert _mode(tmp_path / "picture.png") == 0o644


def test_a_strict_umask_is_respected(tmp_path):
    previous = os.umask(0o077)
    try:
        with atomic_output(tmp_path / "private.csv") as stream:
            stream.write("x")
    finally:
        os.umask(previous)
    assert _mode(tmp_path / "private.csv") == 0o600


def test_replacing_a_file_keeps_its_permissions(tmp_path, umask_022):
    target = tmp_path / "shared.csv"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o664)
    with atomic_output(target) as stream:
        stream.write("new")
    assert (target.read_text(encoding="utf-8"), _mode(target)) == ("new", 0o664)


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path):
    target = tmp_path / "events.jsonl"
    target.write_text("kept\n", encoding="utf-8")

    def write_half() -> None:
        with atomic_output(target) as stream:
            stream.write("half")
            raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        write_half()
    assert target.read_text(encoding="utf-8") == "kept\n"
    assert [p.name for p in tmp_path.iterdir()] == ["events.jsonl"]


def test_the_temporary_path_keeps_the_suffix_writers_go_by(tmp_path):
    with atomic_path(tmp_path / "chart.svg") as temporary:
        assert temporary.suffix == ".svg"
        assert temporary.parent == tmp_path
        temporary.write_text("<svg/>", encoding="utf-8")
