"""Helpers of the fault-injection suite: processes to watch and kill, small and read-only
filesystems, the real command as a process of its own (fixtures: conftest.py)."""

from __future__ import annotations

import contextlib
import errno
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pymupdf
import pytest

LINUX = sys.platform.startswith("linux")
needs_linux = pytest.mark.skipif(not LINUX, reason="reads /proc and mounts filesystems (Linux)")

REFERENCES = (
    "FICTIONAL TEST DOCUMENT. The officer wrote that the subject is a gang member and an "
    "MS-13 associate. The Boston Regional Intelligence Center, a fusion center, listed him in "
    "the Gang Assessment Database. A SAFE report from the PNC repeats it, and an INTERPOL Red "
    "Notice was requested."
)


@dataclass
class Run:
    code: int
    out: str
    err: str

    def rows(self) -> list[dict[str, Any]]:
        return [json.loads(line) for line in self.out.splitlines()]


def command(*argv: object) -> list[str]:
    return [sys.executable, "-m", "annotator", *map(str, argv)]


def run_command(*argv: object, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """The command as a process of its own, to the end."""
    done = subprocess.run(
        command(*argv), capture_output=True, text=True, timeout=timeout, check=False
    )
    assert "Traceback" not in done.stderr, done.stderr
    return done


def long_pdf(path: Path, pages: int, *, every: int = 1) -> Path:
    """A fictional text PDF; every `every`-th page carries references (the rest plain prose)."""
    font = pymupdf.Font("helv")
    plain = "FICTIONAL TEST DOCUMENT. The applicant appeared for biometrics as scheduled. " * 8
    pdf = pymupdf.open()
    for n in range(pages):
        page = pdf.new_page(width=612, height=792)
        writer = pymupdf.TextWriter(page.rect)
        text = "\n\n".join([REFERENCES if n % every == 0 else plain] * 3)
        writer.fill_textbox(pymupdf.Rect(72, 72, 540, 740), text, font=font, fontsize=10)
        writer.write_text(page)
    pdf.save(path, garbage=3, deflate=True)
    pdf.close()
    return path


# -- processes ------------------------------------------------------------------------------


def children(pid: int) -> list[int]:
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        with contextlib.suppress(OSError):
            found += [int(c) for c in (task / "children").read_text().split()]
    return found


def descendants(pid: int) -> set[int]:
    out: set[int] = set()
    stack = children(pid)
    while stack:
        child = stack.pop()
        if child not in out:
            out.add(child)
            stack += children(child)
    return out


def alive(pid: int) -> bool:
    """Running (a zombie has exited: in a container nothing may ever reap it)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] not in ("Z", "X")


def wait_until(predicate: Callable[[], bool], timeout: float, step: float = 0.05) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(step)
    return predicate()


@dataclass
class Started:
    """A process started by a test; its output goes to files, so that a worker left holding
    the output's pipe can never block the test reading it."""

    proc: subprocess.Popen[bytes]
    out_path: Path
    err_path: Path

    @property
    def pid(self) -> int:
        return self.proc.pid

    def poll(self) -> int | None:
        return self.proc.poll()

    def out(self) -> str:
        return self.out_path.read_text(encoding="utf-8", errors="replace")

    def err(self) -> str:
        return self.err_path.read_text(encoding="utf-8", errors="replace")


class Processes:
    """Processes a test started (and their descendants), so teardown ends every one of them,
    by its id, even when the test failed because one outlived its parent."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.pids: set[int] = set()
        self.started: list[Started] = []

    def start(self, argv: list[str], **kwargs: Any) -> Started:
        n = len(self.started)
        out, err = self.folder / f"proc{n}.out", self.folder / f"proc{n}.err"
        with open(out, "wb") as out_fh, open(err, "wb") as err_fh:
            proc = subprocess.Popen(argv, stdout=out_fh, stderr=err_fh, **kwargs)
        started = Started(proc, out, err)
        self.started.append(started)
        self.pids.add(proc.pid)
        return started

    def watch(self, pid: int) -> set[int]:
        """The descendants of `pid` now, remembered for teardown."""
        found = descendants(pid)
        self.pids |= found
        return found

    def kill(self, started: Started, sig: int = signal.SIGKILL) -> int:
        """Signal the process (its descendants noted first); its exit code."""
        self.watch(started.pid)
        started.proc.send_signal(sig)
        return started.proc.wait(timeout=60)

    def cleanup(self) -> None:
        """Kill what is left: workers first, then, once it has had a moment to remove their
        semaphores from /dev/shm, multiprocessing's resource tracker."""
        for started in self.started:
            self.watch(started.pid)
        trackers = {pid for pid in self.pids if "resource_tracker" in _cmdline(pid)}
        for pid in self.pids - trackers:
            _kill(pid)
        wait_until(lambda: not any(alive(pid) for pid in trackers), 5)
        for pid in trackers:
            _kill(pid)
        for started in self.started:
            with contextlib.suppress(subprocess.TimeoutExpired):
                started.proc.wait(timeout=10)


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace")
    except OSError:
        return ""


def _kill(pid: int) -> None:
    if alive(pid):
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)


# -- filesystems ----------------------------------------------------------------------------


def mount(args: list[str]) -> str:
    """'' when mounted, else why not."""
    if not LINUX:
        return "tmpfs mounts are a Linux feature"
    try:
        done = subprocess.run(["mount", *args], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired) as err:
        return f"mount cannot run ({err})"
    return "" if done.returncode == 0 else f"mount refused: {done.stderr.strip()}"


@contextlib.contextmanager
def tmpfs(where: Path, size: str) -> Iterator[Path]:
    where.mkdir(parents=True, exist_ok=True)
    problem = mount(["-t", "tmpfs", "-o", f"size={size},mode=0777", "tmpfs", str(where)])
    if problem:
        pytest.skip(f"a small filesystem is needed (tmpfs of {size}): {problem}")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], capture_output=True, timeout=30)


def fill(folder: Path, leave: int = 0) -> Path:
    """Fill the filesystem of `folder` up, leaving about `leave` bytes; the filler's path."""
    filler = folder / f".filler-{uuid.uuid4().hex}"
    stats = os.statvfs(folder)
    target = max(0, stats.f_bavail * stats.f_frsize - leave)
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o600)
    written, chunk = 0, b"\0" * 65536
    try:
        while leave == 0 or written < target:
            piece = chunk if leave == 0 else chunk[: min(len(chunk), target - written)]
            if not piece:
                break
            written += os.write(fd, piece)
    except OSError as err:
        if err.errno != errno.ENOSPC:
            raise
    finally:
        os.close(fd)
    return filler


# -- case files -----------------------------------------------------------------------------


def integrity(path: Path) -> str:
    """SQLite's own verdict on a case file, read-only."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])
    except sqlite3.DatabaseError as err:
        return str(err)
    finally:
        conn.close()


def stored_pages(case) -> int:
    """Pages committed so far, read beside the writer."""
    try:
        conn = sqlite3.connect(f"file:{case}?mode=ro", uri=True, timeout=1)
        try:
            return int(conn.execute("SELECT count(*) FROM pages").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def checkpoint(path: Path) -> None:
    """Fold the WAL into the case file, so a copy of the file alone is the whole case."""
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
