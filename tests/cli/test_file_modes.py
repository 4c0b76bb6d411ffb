"""What the app writes is the user's alone (POSIX): the real command, started with the usual
umask 022, creates its case file, SQLite's WAL and shared memory, the lock, the memo and the
exhibits (and their folder) readable by the user only."""

from __future__ import annotations

import contextlib
import os
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")


def _start(*argv: object, cwd: Path) -> subprocess.Popen[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ANNOTATOR_")}
    return subprocess.Popen(
        [sys.executable, "-m", "annotator", *map(str, argv)],
        cwd=cwd,
        env={**env, "TMPDIR": str(cwd)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=lambda: os.umask(0o022),  # what a desktop session usually gives
    )


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _modes_while_running(proc: subprocess.Popen[str], paths: list[Path]) -> dict[str, int]:
    """The modes of files that exist only while the process has the case open."""
    seen: dict[str, int] = {}
    deadline = time.monotonic() + 300
    while len(seen) < len(paths) and proc.poll() is None and time.monotonic() < deadline:
        for path in paths:
            with contextlib.suppress(FileNotFoundError):
                seen.setdefault(path.name, _mode(path))
        time.sleep(0.005)
    return seen


def test_case_wal_lock_memo_and_exhibits_are_private(tmp_path, sample_pdfs):
    case = tmp_path / "client.case"
    scan = _start("scan", *sample_pdfs, "--case", case, cwd=tmp_path)
    sqlite_files = [case.with_name(case.name + suffix) for suffix in ("-wal", "-shm")]
    during = _modes_while_running(scan, sqlite_files)
    _, err = scan.communicate(timeout=300)
    assert scan.returncode == 0, err
    assert during == {"client.case-wal": 0o600, "client.case-shm": 0o600}
    exhibits = tmp_path / "exhibits"
    export = _start(
        "export", case, "--memo", tmp_path / "memo.docx", "--exhibits", exhibits, cwd=tmp_path
    )
    _, err = export.communicate(timeout=300)
    assert export.returncode == 0, err
    files = [case, case.with_name("client.case.lock"), tmp_path / "memo.docx"]
    files += sorted(exhibits.glob("*.pdf"))
    assert len(files) == 3 + len(sample_pdfs)
    assert {f.name: _mode(f) for f in files} == {f.name: 0o600 for f in files}
    assert _mode(exhibits) == 0o700
