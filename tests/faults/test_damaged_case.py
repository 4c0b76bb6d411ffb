"""A damaged case file: cut short, or with pages of it overwritten. SQLite's integrity check
fails; a command that meets the damage says so in one line naming the file, what a read-only look
can still read, and to restore a backup; the look itself changes nothing."""

from __future__ import annotations

import os

import pytest
from fault_support import checkpoint, integrity, long_pdf

from annotator.core.errors import CaseError
from annotator.store import CaseStore
from annotator.store.health import salvage


@pytest.fixture
def case_file(cli, tmp_path):
    case = tmp_path / "rivas.case"
    assert cli("scan", long_pdf(tmp_path / "afile.pdf", 40), "--case", case).code == 0
    with CaseStore(case) as store:
        store.set_status(store.findings()[0].id, "rebutted", "Tester")
    checkpoint(case)
    assert integrity(case) == "ok"
    return case


def _damage(case, how: str) -> None:
    size = case.stat().st_size
    if how == "cut short":
        os.truncate(case, size * 6 // 10)
        return
    with open(case, "r+b") as fh:  # overwrite a run of pages in the second half
        fh.seek(size // 2 // 4096 * 4096)
        fh.write(os.urandom(4096 * 8))


@pytest.mark.parametrize("how", ["cut short", "pages overwritten"])
def test_a_damaged_case_is_one_clear_line_saying_what_can_be_read(cli, case_file, how):
    _damage(case_file, how)
    assert integrity(case_file) != "ok"
    before = case_file.read_bytes()
    runs = [cli("findings", case_file), cli("tag", case_file, "1", "--status", "dismissed")]
    runs.append(cli("export", case_file, "--memo", case_file.with_name("memo.md")))
    damaged = [run for run in runs if run.code != 0]
    assert damaged, "some command meets the damage"
    for run in damaged:
        assert run.code == 3
        lines = run.err.splitlines()
        assert len(lines) == 1, run.err
        line = lines[0]
        assert str(case_file) in line and "is damaged" in line and "backup" in line
        assert "can still read" in line and "document" in line and "finding" in line
    assert case_file.read_bytes() == before  # nothing was written to it
    assert not case_file.with_name("memo.md").exists()


@pytest.mark.parametrize("how", ["cut short", "pages overwritten"])
def test_a_read_only_look_says_what_can_still_be_read(case_file, how):
    with CaseStore(case_file) as store:
        total = {"documents": 1, "findings": len(store.findings()), "audit_log": 1}
    _damage(case_file, how)
    before = case_file.read_bytes()
    report = salvage(case_file)
    assert not report.ok and report.integrity != "ok"
    for table, rows in total.items():  # never more than there was
        assert report.readable[table] is None or report.readable[table] <= rows
    if how == "pages overwritten":  # the damage is past the documents table
        assert report.readable["documents"] == 1
        assert "a read-only look can still read 1 document" in report.summary()
    assert case_file.read_bytes() == before
    assert not os.path.exists(f"{case_file}-wal")


def test_a_case_opened_read_only_writes_nothing(case_file, tmp_path):
    before = case_file.read_bytes()
    listing = sorted(p.name for p in tmp_path.iterdir())
    with CaseStore(case_file, read_only=True) as store:
        first = store.findings()[0]
        assert first.status.value == "rebutted"
    with pytest.raises(CaseError, match="is read-only"), CaseStore(case_file, read_only=True) as s:
        s.set_status(first.id, "dismissed")
    assert case_file.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == listing
