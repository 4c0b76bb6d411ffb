"""`annotator encrypt` killed with SIGKILL midway, in a real process: the plain case is left as
it was, byte for byte, and readable; the next run finishes the job and clears the leftovers."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from annotator.core.model import PageText
from annotator.store import CaseStore
from annotator.store.crypto import is_encrypted
from annotator.store.rekey import partial_copies

PASSPHRASE = "kill-test passphrase"
PAGES = 3000

pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")


@pytest.fixture(scope="module")
def big_case(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A plain case large enough (about 10 MB) that a conversion takes a second or more."""
    path = tmp_path_factory.mktemp("big") / "big.case"
    with CaseStore(path) as case:
        document = case.add_document("b" * 64, "/cases/big.pdf", "Big", PAGES)
        case.save_pages(
            document.id,
            [
                PageText(n, 612, 792, 0, f"page {n}: " + "the officer wrote a report " * 120, [])
                for n in range(1, PAGES + 1)
            ],
        )
    return path


def _encrypt(path: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "ANNOTATOR_PASSPHRASE": PASSPHRASE}
    return subprocess.Popen(
        [sys.executable, "-m", "annotator", "encrypt", str(path)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _kill_once_copying(path: Path, delay: float) -> bool:
    """Start a conversion, SIGKILL it `delay` s after its encrypted copy appears; True if it was
    still running (killed midway), False if it had finished first."""
    proc = _encrypt(path)
    deadline = time.monotonic() + 120
    while not partial_copies(path) and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.002)
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=60)
    return proc.returncode == -signal.SIGKILL


@pytest.mark.parametrize("delay", [0.0, 0.3])
def test_a_kill_during_conversion_leaves_the_plain_case_intact(big_case, tmp_path, delay):
    path = tmp_path / "case.case"
    path.write_bytes(big_case.read_bytes())
    before = _sha(path)
    killed = _kill_once_copying(path, delay)
    if not killed or is_encrypted(path):  # the run won the race: then it must be whole
        with CaseStore(path, passphrase=PASSPHRASE) as case:
            assert case.page_count_stored(1) == PAGES
        pytest.skip(f"the conversion finished within {delay} s of starting its copy")
    assert _sha(path) == before, "the original was changed"
    with CaseStore(path) as case:
        assert case.page_count_stored(1) == PAGES
        assert [h.page for h in case.search("page 2999")][:1] == [2999]
    # the interrupted run's copy is ciphertext; the next run replaces it and leaves nothing
    assert all(b"officer" not in p.read_bytes() for p in partial_copies(path))
    done = _encrypt(path)
    _, err = done.communicate(timeout=300)
    assert done.returncode == 0, err
    assert is_encrypted(path) and partial_copies(path) == []
    with CaseStore(path, passphrase=PASSPHRASE) as case:
        assert case.page_count_stored(1) == PAGES
