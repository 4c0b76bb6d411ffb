"""A full disk during each write (issue 16, item 6): the memo in each format, the exhibits, a
scan into a case, a tag. Each gets one clear line and exit 3; nothing half-written is left; what
was saved before is all there once space is freed. The disk is a real 4 MB tmpfs, filled up."""

from __future__ import annotations

import shutil

import pytest
from fault_support import checkpoint, fill, integrity, long_pdf, needs_linux, run_command

from annotator.store import CaseStore

pytestmark = [
    needs_linux,
    # An exception in a clean-up the program never sees (python-docx's zip writer closing on a
    # full disk) is a traceback on the command's stderr: a failure here.
    pytest.mark.filterwarnings("error::pytest.PytestUnraisableExceptionWarning"),
]


@pytest.fixture
def sample_case(sample_case_path):
    """The sample case with one finding tagged, on the ordinary disk."""
    with CaseStore(sample_case_path) as case:
        first = case.findings()[0]
        case.set_status(first.id, "rebutted", "Tester")
        case.set_note(first.id, "Contradicted by the school's attendance record.", "Tester")
    checkpoint(sample_case_path)
    return sample_case_path


def one_line(err: str) -> str:
    lines = err.splitlines()
    assert len(lines) == 1, err
    return lines[0]


@pytest.mark.parametrize("suffix", [".docx", ".pdf", ".md"])
@pytest.mark.parametrize("leave", [0, 20_000])
def test_the_memo_on_a_full_disk(cli, sample_case, small_disk, suffix, leave):
    fill(small_disk, leave=leave)
    memo = small_disk / f"memo{suffix}"
    run = cli("export", sample_case, "--memo", memo)
    assert run.code == 3
    line = one_line(run.err)
    assert str(memo) in line and "No space left on device" in line
    assert [p.name for p in small_disk.iterdir() if not p.name.startswith(".filler")] == []


@pytest.mark.parametrize("leave", [0, 200_000])
def test_the_exhibits_on_a_full_disk(cli, sample_case, small_disk, leave):
    fill(small_disk, leave=leave)
    run = cli("export", sample_case, "--exhibits", small_disk / "exhibits")
    assert run.code == 3
    assert "No space left on device" in one_line(run.err)
    written = (
        list((small_disk / "exhibits").iterdir()) if (small_disk / "exhibits").exists() else []
    )
    assert [p.name for p in written if p.name.startswith(".")] == []  # no temporary file left
    for exhibit in written:  # what was written is whole
        assert exhibit.read_bytes().rstrip().endswith(b"%%EOF")


@pytest.fixture
def case_on_small_disk(sample_case, small_disk):
    case = small_disk / "rivas.case"
    shutil.copy(sample_case, case)
    return case


def test_a_scan_into_a_case_on_a_full_disk(tmp_path, case_on_small_disk, small_disk):
    with CaseStore(case_on_small_disk) as case:
        before = {f.id: (f.status, f.note) for f in case.findings()}
    big = long_pdf(tmp_path / "long_afile.pdf", 300)
    filler = fill(small_disk, leave=300_000)
    done = run_command("scan", big, "--case", case_on_small_disk, timeout=300)
    assert done.returncode == 3, done.stderr
    line = one_line(done.stderr)
    assert str(case_on_small_disk) in line and "disk is full" in line
    filler.unlink()
    assert integrity(case_on_small_disk) == "ok"
    with CaseStore(case_on_small_disk) as case:
        after = {f.id: (f.status, f.note) for f in case.findings()}
    assert {i: after.get(i) for i in before} == before  # every earlier finding, tag and note


@pytest.mark.parametrize("leave", [0, 100_000])
def test_a_tag_on_a_full_disk(cli, case_on_small_disk, small_disk, leave):
    with CaseStore(case_on_small_disk) as case:
        before = {f.id: (f.status, f.note) for f in case.findings()}
    target = sorted(before)[1]
    filler = fill(small_disk, leave=leave)
    note = "x" * 400_000  # more than the disk can take
    run = cli("tag", case_on_small_disk, target, "--status", "dismissed", "--note", note)
    assert run.code == 3
    line = one_line(run.err)
    assert str(case_on_small_disk) in line and "disk is full" in line
    filler.unlink()
    assert integrity(case_on_small_disk) == "ok"
    with CaseStore(case_on_small_disk) as case:
        after = {f.id: (f.status, f.note) for f in case.findings()}
    assert after[target][1] != note  # the note that did not fit is not there, in part or whole
    del before[target], after[target]
    assert after == before
