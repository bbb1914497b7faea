"""Outputs are written whole or not at all, with the permissions a new file usually gets;
through symbolic links; straight into devices and FIFOs; no temporary file is left behind."""

from __future__ import annotations

import errno
import os
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from viewer.atomic_file import STALE_AFTER, atomic_output, remove_stale_temporaries


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
    with atomic_output(tmp_path / "picture.png", "wb") as stream:
        stream.write(b"\x89PNG")
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


def test_a_failed_sync_leaves_no_file_and_no_temporary(tmp_path, monkeypatch):
    def full_disk(_fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(OSError, match="No space left"), atomic_output(tmp_path / "a.csv") as out:
        out.write("start\n")
    assert list(tmp_path.iterdir()) == []


def test_a_symbolic_link_is_written_through_and_stays_a_link(tmp_path):
    real = tmp_path / "real" / "events.csv"
    real.parent.mkdir()
    real.write_text("old", encoding="utf-8")
    real.chmod(0o640)
    link = tmp_path / "latest.csv"
    link.symlink_to(Path("real") / "events.csv")
    with atomic_output(link) as stream:
        stream.write("new")
    assert link.is_symlink()
    assert (real.read_text(encoding="utf-8"), _mode(real)) == ("new", 0o640)
    assert sorted(p.name for p in real.parent.iterdir()) == ["events.csv"]


def test_a_dangling_symbolic_link_gets_its_file_created(tmp_path):
    link = tmp_path / "out.csv"
    link.symlink_to("target.csv")
    with atomic_output(link) as stream:
        stream.write("x")
    assert link.is_symlink()
    assert (tmp_path / "target.csv").read_text(encoding="utf-8") == "x"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_fifo_is_written_into_not_replaced(tmp_path):
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    deadline = time.monotonic() + 10
    while True:  # the reader's open must be under way, or the writer is refused
        try:
            with atomic_output(fifo) as stream:
                stream.write("start\n")
            break
        except OSError as error:
            if error.errno != errno.ENXIO or time.monotonic() > deadline:
                raise
            time.sleep(0.01)
    reader.join(10)
    assert received == [b"start\n"]
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pipe.csv"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_fifo_nobody_reads_is_refused_at_once(tmp_path):
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    started = time.monotonic()
    with pytest.raises(OSError, match="no program reads"), atomic_output(fifo) as stream:
        stream.write("x")
    assert time.monotonic() - started < 5
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full (Linux)")
def test_dev_full_reports_the_write_error_and_stays_a_device():
    with pytest.raises(OSError, match="No space") as raised, atomic_output("/dev/full") as out:
        out.write("start\n")
    assert raised.value.errno == errno.ENOSPC
    assert stat.S_ISCHR(os.lstat("/dev/full").st_mode)


def test_a_folder_is_refused(tmp_path):
    with pytest.raises(OSError, match="folder"), atomic_output(tmp_path) as stream:
        stream.write("x")
    assert tmp_path.is_dir()


def test_the_temporary_file_is_hidden_beside_the_target_and_names_its_writer(tmp_path):
    with atomic_output(tmp_path / "chart.svg", "wb") as stream:
        (temporary,) = [p for p in tmp_path.iterdir()]
        stream.write(b"<svg/>")
    assert temporary.name.startswith(".chart.svg.")
    assert f".{os.getpid()}." in temporary.name
    assert temporary.name.endswith(".tmp")
    assert [p.name for p in tmp_path.iterdir()] == ["chart.svg"]


def _dead_pid() -> int:
    child = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                           capture_output=True, text=True, check=True, timeout=30)  # fmt: skip
    return int(child.stdout)


def test_stale_temporaries_of_killed_exports_are_removed_by_the_next_export(tmp_path):
    dead = tmp_path / f".big.csv.{_dead_pid()}.0123abcd.tmp"
    old = tmp_path / ".big.csv.k2j4_9xq.tmp.csv"  # named as exports named them before
    running = tmp_path / f".other.png.{os.getppid()}.89abcdef.tmp"  # a live writer's
    mine = tmp_path / ".notes.abcdefgh.tmp.txt"  # not ours
    for path in (dead, old, running, mine):
        path.write_bytes(b"x" * 1000)
    an_hour_ago = time.time() - STALE_AFTER - 60
    os.utime(old, (an_hour_ago, an_hour_ago))
    os.utime(mine, (an_hour_ago, an_hour_ago))
    with atomic_output(tmp_path / "events.csv") as stream:
        stream.write("start\n")
    left = sorted(p.name for p in tmp_path.iterdir())
    assert left == sorted([running.name, mine.name, "events.csv"])
    remove_stale_temporaries(tmp_path, now=time.time() + STALE_AFTER + 60)
    assert running.name not in [p.name for p in tmp_path.iterdir()]


def test_a_very_long_name_still_gets_a_temporary_file(tmp_path):
    target = tmp_path / ("n" * 250 + ".csv")
    with atomic_output(target) as stream:
        stream.write("x")
    assert target.read_text(encoding="utf-8") == "x"


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root")
def test_replacing_someone_elses_file_as_root_keeps_its_owner(tmp_path):
    target = tmp_path / "theirs.csv"
    target.write_text("old", encoding="utf-8")
    os.chown(target, 1234, 1234)
    with atomic_output(target) as stream:
        stream.write("new")
    assert (target.stat().st_uid, target.stat().st_gid) == (1234, 1234)


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root may write")
def test_a_read_only_file_is_not_replaced(tmp_path):
    target = tmp_path / "kept.csv"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o444)
    with pytest.raises(PermissionError, match="read-only"), atomic_output(target) as stream:
        stream.write("new")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["kept.csv"]
