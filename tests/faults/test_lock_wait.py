"""Two processes on one case (issue 16, item 7): a command waits a little for the other to
finish instead of refusing; a window (wait=0) is told at once; a wait that runs out says so."""

from __future__ import annotations

import sys
import textwrap
import time

import pytest
from fault_support import command, integrity, long_pdf, wait_until

import annotator.cli.output
from annotator.core.errors import CaseLocked
from annotator.store import CaseStore

HOLD = textwrap.dedent(
    """
    import sys, time
    from annotator.store import CaseStore
    with CaseStore(sys.argv[1], lock=True):
        print("holding", flush=True)
        time.sleep(float(sys.argv[2]))
    """
)


@pytest.fixture
def case_file(cli, tmp_path):
    pdf = long_pdf(tmp_path / "i213.pdf", 3)
    path = tmp_path / "rivas.case"
    assert cli("scan", pdf, "--case", path).code == 0
    return path


def _hold(processes, case_file, seconds: float):
    holder = processes.start([sys.executable, "-c", HOLD, str(case_file), str(seconds)])
    assert wait_until(lambda: "holding" in holder.out() or holder.poll() is not None, 60)
    assert "holding" in holder.out(), holder.err()
    return holder


def test_a_tag_waits_for_the_other_writer_to_finish(processes, case_file):
    with CaseStore(case_file) as case:
        target = case.findings()[0].id
    _hold(processes, case_file, 1.5)
    started = time.monotonic()
    tag = processes.start(command("tag", case_file, target, "--status", "dismissed"))
    assert tag.proc.wait(timeout=60) == 0, tag.err()
    assert time.monotonic() - started >= 1.0
    with CaseStore(case_file) as case:
        assert case.finding(target).status.value == "dismissed"


def test_a_window_is_told_at_once_and_a_wait_that_runs_out_says_so(processes, case_file):
    _hold(processes, case_file, 30)
    started = time.monotonic()
    with pytest.raises(CaseLocked) as at_once:
        CaseStore(case_file, lock=True, wait=0)
    assert time.monotonic() - started < 0.5
    assert "already open in Case-File Annotator (process" in str(at_once.value)
    with pytest.raises(CaseLocked) as waited:
        CaseStore(case_file, lock=True, wait=0.4)
    assert "waited 0.4 s" in str(waited.value) and str(case_file) in str(waited.value)


def test_the_command_gives_up_after_its_wait_with_one_line(cli, processes, case_file, monkeypatch):
    monkeypatch.setattr(annotator.cli.output, "LOCK_WAIT", 0.3)
    _hold(processes, case_file, 30)
    run = cli("tag", case_file, "1", "--status", "dismissed")
    assert run.code == 3
    assert run.err.count("\n") == 1 and "already open" in run.err and "waited 0.3 s" in run.err


def test_two_processes_tagging_one_case_lose_no_tag(processes, case_file):
    with CaseStore(case_file) as case:
        ids = [f.id for f in case.findings()]
    assert len(ids) >= 12
    halves = {"rebutted": ids[0:12:2], "unverified": ids[1:12:2]}
    loops = []
    for status, mine in halves.items():
        script = "".join(
            f"{' '.join(command('tag', case_file, i, '--status', status, '--note', f'n{i}'))}"
            f" || echo REFUSED {i}\n"
            for i in mine
        )
        loops.append(processes.start(["bash", "-c", script]))
    for loop in loops:
        assert loop.proc.wait(timeout=300) == 0
        assert "REFUSED" not in loop.out(), loop.err()
    assert integrity(case_file) == "ok"
    with CaseStore(case_file) as case:
        for status, mine in halves.items():
            for i in mine:
                finding = case.finding(i)
                assert (finding.status.value, finding.note) == (status, f"n{i}")
        assert len([e for e in case.audit() if e.field == "status"]) == 12
