"""Nothing left behind (issue 16, item 8): no `.lock` beside a file that is not a case, no
temporary file after an export killed part-way. (Semaphores left by killed workers:
test_orphans.py.)"""

from __future__ import annotations

import random
import signal
import sqlite3
import time

import pytest
from fault_support import command, long_pdf, needs_linux, wait_until

from annotator.core.errors import CaseError
from annotator.store import CaseStore


def _not_cases(tmp_path, make_pdf):
    pdf = make_pdf([["The officer called him a gang member."]], name="evidence.pdf")
    notes = tmp_path / "notes.txt"
    notes.write_text("attorney notes\n" * 10, encoding="utf-8")
    other = tmp_path / "contacts.sqlite"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.commit()
    conn.close()
    return [pdf, notes, other]


def test_no_lock_file_beside_a_file_that_is_not_a_case(cli, tmp_path, make_pdf):
    good = make_pdf([["The fusion center bulletin names him."]], name="good.pdf")
    names = {"good.pdf", "evidence.pdf", "notes.txt", "contacts.sqlite"}
    for not_a_case in _not_cases(tmp_path, make_pdf):
        before = not_a_case.read_bytes()
        run = cli("scan", good, "--case", not_a_case)
        assert {p.name for p in tmp_path.iterdir()} == names
        tag = cli("tag", not_a_case, "1", "--status", "dismissed")
        with pytest.raises(CaseError) as opened:
            CaseStore(not_a_case, lock=True)
        assert {p.name for p in tmp_path.iterdir()} == names
        assert not_a_case.read_bytes() == before
        for message in (run.err, tag.err, str(opened.value)):
            assert "not a Case-File Annotator case file" in message
        assert run.code == tag.code == 3


@pytest.fixture(scope="module")
def big_case(tmp_path_factory):
    """A case with enough findings that a DOCX export of it takes a while to write."""
    folder = tmp_path_factory.mktemp("big")
    pdf = long_pdf(folder / "long.pdf", 120)
    case = folder / "big.case"
    from fault_support import run_command

    done = run_command("scan", pdf, "--case", case, timeout=300)
    assert done.returncode == 0, done.stderr
    with CaseStore(case) as store:
        with store.db.atomic():
            for f in store.findings()[::2]:
                store.set_status(f.id, "unverified")
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return case


def _kill_while_writing(processes, case, memo) -> bool:
    """Start an export and kill it once its temporary file is there, at a random moment;
    False if it finished first."""
    proc = processes.start(command("export", case, "--memo", memo))
    folder = memo.parent
    assert wait_until(lambda: any(folder.iterdir()) or proc.poll() is not None, 120, step=0.005)
    time.sleep(random.uniform(0.0, 0.2))
    processes.kill(proc, signal.SIGKILL)
    if memo.exists():
        memo.unlink()
        return False
    return True


@needs_linux
@pytest.mark.parametrize("suffix", [".docx", ".pdf"])
def test_an_export_killed_part_way_leaves_nothing_behind(processes, big_case, tmp_path, suffix):
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    memo = out_dir / f"memo{suffix}"
    assert any(_kill_while_writing(processes, big_case, memo) for _ in range(5))
    assert [p.name for p in out_dir.iterdir()], "the killed export left its temporary file"
    # The next export into that folder finds the dead one's temporary file and removes it.
    other = out_dir / "other.md"
    assert processes.start(command("export", big_case, "--memo", other)).proc.wait(120) == 0
    assert sorted(p.name for p in out_dir.iterdir()) == ["other.md"]
