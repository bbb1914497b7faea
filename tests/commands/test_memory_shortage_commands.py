"""``inspect`` and ``export`` when memory runs out: one line naming the file and what to do,
exit status 1 as for any file that cannot be read, never a traceback or "unexpected error"."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from viewer import cli
from viewer.commands import export_command

ROOT = Path(__file__).resolve().parents[2]
# Runs the command line with its address space limited to argv[1] bytes (as a small machine),
# and prints the most address space it used as its last line of stderr.
_LIMITED = (
    "import atexit, resource, sys; n = int(sys.argv.pop(1)); "
    "resource.setrlimit(resource.RLIMIT_AS, (n, n)); "
    "atexit.register(lambda: print(next(l for l in open('/proc/self/status') "
    "if l.startswith('VmPeak')), file=sys.stderr)); "
    "from viewer.cli import main; sys.exit(main())"
)
_MB = 1_000_000


def _no_memory(*_args: object, **_kwargs: object) -> None:
    raise MemoryError


@pytest.fixture
def small(tmp_path: Path) -> Path:
    path = tmp_path / "small.csv"
    path.write_text("date,title\n2020-01-02,b\n", encoding="utf-8")
    return path


def test_export_out_of_memory_while_writing_says_so_and_leaves_no_file(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], small: Path
) -> None:
    out = small.with_name("out.csv")
    monkeypatch.setattr(export_command, "write_events", _no_memory)
    assert cli.main(["export", str(small), "-o", str(out)]) == 1
    assert capsys.readouterr().err == (
        "timeline-viewer: not enough memory to write 1 events to out.csv; close other "
        "programs, or export fewer events (--from/--to, --lanes, fewer files)\n"
    )
    assert not out.exists()


def test_export_out_of_memory_while_loading_names_the_file(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], small: Path
) -> None:
    monkeypatch.setattr("viewer.io.readers.delimited_reader.read_whole_buffer", _no_memory)
    monkeypatch.setattr("viewer.io.readers.delimited_reader.open_file_blocks", _no_memory)
    assert cli.main(["export", str(small), "-o", str(small.with_name("out.csv"))]) == 1
    err = capsys.readouterr().err
    assert err.startswith("timeline-viewer: not enough memory to read small.csv (24 bytes): ")
    assert "unexpected" not in err


def _run_limited(limit: int, *args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", _LIMITED, str(limit), *map(str, args)],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def _peak(result: subprocess.CompletedProcess[str]) -> int:
    """The address space the limited run used at most, in bytes."""
    return int(result.stderr.strip().splitlines()[-1].split()[1]) * 1024


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="RLIMIT_AS as Linux has it")
@pytest.mark.parametrize("command", ["inspect", "export"])
def test_a_file_too_big_for_the_memory_there_is_ends_in_a_sentence_not_a_traceback(
    small: Path, command: str
) -> None:
    out = ["-o", str(small.with_name("out.csv"))] if command == "export" else []
    # The smallest of these limits under which a tiny file is read (imports and threads take
    # more or less address space on other machines); then a file bigger than what is left.
    tiny = None
    for megabytes in (400, 600, 900, 1400, 2000):
        limit = megabytes * _MB
        tiny = _run_limited(limit, command, small, *out)
        if tiny.returncode == 0:
            break
    else:
        pytest.skip("this Python does not start in 2 GB of address space")
    big = small.with_name("big.jsonl")
    line = b'{"date": "2020-01-01", "title": "an event"}\n'
    lines = line * 100_000
    with big.open("wb") as stream:
        for _ in range((limit - _peak(tiny) + 64 * _MB) // len(lines) + 1):
            stream.write(lines)
    result = _run_limited(limit, command, big, *out)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    if command == "inspect":
        assert f"{big}: error: not enough memory to read big.jsonl (" in result.stdout
    else:
        assert result.stderr.startswith("timeline-viewer: not enough memory to read big.jsonl (")
