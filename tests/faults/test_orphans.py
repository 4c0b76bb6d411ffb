"""Worker processes die with their parent (issue 16, item 2): kill -9 or SIGTERM of a scan, of
a scan that is OCR'ing, or of any program running a pool with `exit_with_parent` as its
initializer (the window's pool), and no worker outlives it by more than 5 s; the named
semaphores of a spawn pool leave /dev/shm once its workers have gone."""

from __future__ import annotations

import re
import signal
import sys
import textwrap
from pathlib import Path

import pytest
from fault_support import Processes, alive, command, descendants, needs_linux, wait_until
from ocr_support import scanned_copy, tesseract

pytestmark = needs_linux

GRACE = 5.0
"""How long a worker may outlive its parent."""


def _kill_and_check(processes: Processes, proc, workers: set[int], sig: int) -> None:
    processes.kill(proc, sig)
    assert workers, "the test saw no worker to check"
    assert wait_until(lambda: not any(alive(p) for p in workers), GRACE), (
        f"still alive {GRACE} s after the parent got {signal.Signals(sig).name}: "
        f"{sorted(p for p in workers if alive(p))}"
    )


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM])
def test_detection_worker_dies_with_the_scan(processes, tmp_path, long_pdf_400, sig):
    proc = processes.start(command("scan", long_pdf_400, "--case", tmp_path / "x.case"))
    # The worker is started before anything else; kill the scan soon after, while the worker
    # loads spaCy or takes pages (400 pages can be done in under 2 s on an idle machine).
    assert wait_until(lambda: descendants(proc.pid), 30), "no detection worker started"
    wait_until(lambda: proc.poll() is not None, 0.3)
    assert proc.poll() is None, "the scan ended before it could be killed"
    _kill_and_check(processes, proc, processes.watch(proc.pid), sig)


@pytest.fixture(scope="module")
def scanned_pdf(tmp_path_factory) -> Path:
    from fault_support import long_pdf

    tesseract()
    folder = tmp_path_factory.mktemp("scanned")
    return scanned_copy(long_pdf(folder / "text.pdf", 8), folder / "scanned.pdf", dpi=150)


def test_ocr_workers_die_with_the_scan(processes, tmp_path, scanned_pdf):
    proc = processes.start(command("scan", scanned_pdf, "--case", tmp_path / "x.case"))
    # The detection worker, then the OCR pool (two workers and the resource tracker).
    assert wait_until(lambda: len(descendants(proc.pid)) >= 3, 60), "no OCR workers started"
    wait_until(lambda: proc.poll() is not None, 1.0)
    assert proc.poll() is None, "the scan ended before it could be killed"
    _kill_and_check(processes, proc, processes.watch(proc.pid), signal.SIGKILL)


POOL_PROGRAM = textwrap.dedent(
    """
    import multiprocessing, sys, time
    from concurrent.futures import ProcessPoolExecutor
    from annotator.core.lifeline import exit_with_parent

    if __name__ == "__main__":
        pool = ProcessPoolExecutor(
            2, mp_context=multiprocessing.get_context(sys.argv[1]), initializer=exit_with_parent
        )
        jobs = [pool.submit(time.sleep, 600), pool.submit(time.sleep, 0)]
        jobs[1].result()
        print("ready", flush=True)
        time.sleep(600)
    """
)


def _semaphores(pid: int) -> set[str]:
    """The named POSIX semaphores a process has open (mapped from /dev/shm)."""
    try:
        maps = Path(f"/proc/{pid}/maps").read_text()
    except OSError:
        return set()
    return set(re.findall(r"/dev/shm/(sem\.\S+)", maps))


@pytest.mark.parametrize("method", ["spawn", "fork"])
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM])
def test_any_pool_with_the_initializer_dies_with_its_parent(processes, tmp_path, method, sig):
    """What the window's pool does: a program with a ProcessPoolExecutor whose initializer is
    exit_with_parent, killed while a job runs and another worker waits."""
    script = tmp_path / "pool_program.py"
    script.write_text(POOL_PROGRAM, encoding="utf-8")
    proc = processes.start([sys.executable, str(script), method], cwd=Path.cwd())
    assert wait_until(lambda: proc.out().strip() == "ready" or proc.poll() is not None, 60)
    assert proc.out().strip() == "ready", proc.err()
    workers = processes.watch(proc.pid)
    semaphores = set().union(*(_semaphores(p) for p in workers))
    _kill_and_check(processes, proc, workers, sig)
    if method == "spawn":  # a fork pool's semaphores have no name to leave behind
        assert semaphores, "a spawn pool's workers map named semaphores"
    shm = Path("/dev/shm")
    assert wait_until(lambda: not any((shm / s).exists() for s in semaphores), GRACE), (
        f"left in /dev/shm: {sorted(s for s in semaphores if (shm / s).exists())}"
    )
