"""kill -9 at random moments: during a scan into a case (ingest, detection, the merge of the
findings), during OCR, while tagging, during an export. After each, the case passes SQLite's
integrity check, opens again, and holds everything acknowledged before the kill."""

from __future__ import annotations

import random
import signal
import sys
import textwrap

import pytest
from fault_support import command, integrity, needs_linux, run_command, stored_pages, wait_until
from ocr_support import scanned_copy, tesseract

from annotator.store import CaseStore

pytestmark = needs_linux


def findings_of(case) -> list[tuple]:
    with CaseStore(case) as store:
        return [(f.page, f.category.value, f.start, f.end, f.text) for f in store.findings()]


@pytest.fixture(scope="module")
def clean_findings(long_pdf_400, tmp_path_factory):
    """What a scan of the long PDF that nobody interrupts finds."""
    case = tmp_path_factory.mktemp("clean") / "clean.case"
    assert run_command("scan", long_pdf_400, "--case", case, timeout=300).returncode == 0
    return findings_of(case)


def test_a_scan_killed_at_random_moments_leaves_a_sound_case(
    processes, tmp_path, long_pdf_400, clean_findings
):
    case = tmp_path / "x.case"
    # Killed as the first pages are stored, at a random moment after, and as the last page is
    # stored (the findings are merged next).
    for stored, then in ((1, 0.0), (1, random.uniform(0.0, 1.5)), (400, 0.0)):
        proc = processes.start(command("scan", long_pdf_400, "--case", case))
        wait_until(lambda n=stored, p=proc: stored_pages(case) >= n or p.poll() is not None, 120)
        wait_until(lambda p=proc: p.poll() is not None, then)
        processes.kill(proc, signal.SIGKILL)
        assert integrity(case) == "ok"
        with CaseStore(case, lock=True) as store:  # opens, and its lock was released by the kill
            assert len(store.documents()) <= 1
    done = run_command("scan", long_pdf_400, "--case", case, timeout=300)
    assert done.returncode == 0, done.stderr
    assert integrity(case) == "ok"
    assert findings_of(case) == clean_findings  # the next scan finishes what the killed left


def test_a_scan_killed_while_ocr_runs_leaves_a_sound_case(processes, tmp_path):
    tesseract()
    from fault_support import long_pdf

    scanned = scanned_copy(long_pdf(tmp_path / "text.pdf", 4), tmp_path / "scan.pdf", dpi=150)
    case = tmp_path / "ocr.case"
    proc = processes.start(command("scan", scanned, "--case", case))
    assert wait_until(lambda: len(processes.watch(proc.pid)) >= 3 or proc.poll() is not None, 60)
    wait_until(lambda: proc.poll() is not None, random.uniform(0.5, 2.0))
    processes.kill(proc, signal.SIGKILL)
    assert integrity(case) == "ok"
    done = run_command("scan", scanned, "--case", case, timeout=300)
    assert done.returncode == 0, done.stderr
    with CaseStore(case) as store:
        [document] = store.documents()
        assert document.pages_needing_ocr == 0  # the pages OCR'd before the kill were kept
        assert store.findings()


TAGGER = textwrap.dedent(
    """
    import sys
    from annotator.store import CaseStore
    with CaseStore(sys.argv[1], lock=True) as case:
        statuses = ("unverified", "rebutted", "dismissed", "untagged")
        for n, finding in enumerate(case.findings() * 50):
            status = statuses[(n // 7) % 4]
            case.set_status(finding.id, status, "Tester")
            print(f"ack {finding.id} {status}", flush=True)
    """
)
"""Tags finding after finding, each tag its own commit, saying so once it has returned."""


def test_tags_acknowledged_before_a_kill_are_all_there(processes, cli, tmp_path):
    from fault_support import long_pdf

    case = tmp_path / "tags.case"
    assert cli("scan", long_pdf(tmp_path / "i213.pdf", 3), "--case", case).code == 0
    for _ in range(3):
        proc = processes.start([sys.executable, "-c", TAGGER, str(case)])
        assert wait_until(lambda p=proc: p.out().count("\n") >= 5 or p.poll() is not None, 60)
        wait_until(lambda p=proc: p.poll() is not None, random.uniform(0.05, 0.8))
        processes.kill(proc, signal.SIGKILL)
        last: dict[int, str] = {}
        for line in proc.out().splitlines():
            parts = line.split()
            if len(parts) == 3 and parts[0] == "ack":  # a whole line: the tag was acknowledged
                last[int(parts[1])] = parts[2]
        assert last
        assert integrity(case) == "ok"
        with CaseStore(case) as store:
            now = {f.id: f.status.value for f in store.findings()}
        # Each finding as last acknowledged, but for the one tag under way at the kill.
        assert len([i for i, status in last.items() if now[i] != status]) <= 1


def test_an_export_killed_part_way_leaves_the_old_memo_whole(processes, sample_case_path, tmp_path):
    memo = tmp_path / "memo.docx"
    assert run_command("export", sample_case_path, "--memo", memo).returncode == 0
    before = memo.read_bytes()
    proc = processes.start(command("export", sample_case_path, "--memo", memo, "--force"))
    wait_until(lambda: proc.poll() is not None, random.uniform(0.2, 1.5))
    processes.kill(proc, signal.SIGKILL)
    after = memo.read_bytes()
    assert after == before or after.startswith(b"PK")  # the old memo, or the whole new one
    import docx

    assert docx.Document(str(memo)).paragraphs[0].text == "Rebuttal Memorandum"
