"""An export never replaces the case's own files (issue 16, item 5): not a source PDF, not the
case file, its WAL, its shared-memory index or its lock; not through a symbolic or a hard link;
not even with --force."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from annotator.store import CaseStore


@pytest.fixture
def case_and_sources(cli, make_pdf, tmp_path):
    """A case of two PDFs of the test's own (a test that fails must not hurt the samples)."""
    first = make_pdf([["The officer called him a gang member."]], name="evidence.pdf")
    second = make_pdf([["The fusion center bulletin names him."]], name="bulletin.pdf")
    case = tmp_path / "rivas.case"
    assert cli("scan", first, second, "--case", case).code == 0
    return case, [str(first), str(second)]


def _refused(run, target, what):
    assert run.code == 3, run.err
    assert run.err.count("\n") == 1
    assert str(target) in run.err and what in run.err, run.err


@pytest.mark.parametrize("how", ["its own name", "a link to it"])
def test_the_memo_never_replaces_a_source_document(cli, case_and_sources, tmp_path, how):
    case, sources = case_and_sources
    source = sources[0]
    target = source
    if how == "a link to it":
        target = tmp_path / "memo.docx"
        os.symlink(source, target)
    before = Path(source).read_bytes()
    run = cli("export", case, "--memo", target, "--force")
    _refused(run, target, "a source document of the case")
    assert Path(source).read_bytes() == before


@pytest.mark.parametrize("part", ["", "-wal", "-shm", ".lock"])
def test_the_memo_never_replaces_the_case_file_or_its_parts(cli, case_and_sources, part, tmp_path):
    case, _ = case_and_sources
    target = tmp_path / "memo.md"
    Path(f"{case}{part}").touch()
    os.symlink(f"{case}{part}", target)  # the memo named as the user meant, linked to the case
    run = cli("export", case, "--memo", target, "--force")
    _refused(run, target, "the case file")
    assert target.is_symlink()  # not replaced, and what it leads to holds no memo
    linked = Path(f"{case}{part}")
    assert not linked.exists() or not linked.read_bytes().startswith(b"# Rebuttal")
    with CaseStore(case) as store:
        assert store.findings()


def test_the_memo_never_replaces_the_case_file_through_a_hard_link(cli, case_and_sources, tmp_path):
    case, _ = case_and_sources
    target = tmp_path / "memo.pdf"
    os.link(case, target)
    run = cli("export", case, "--memo", target, "--force")
    _refused(run, target, "the case file")


def test_an_exhibit_never_replaces_the_case_file(cli, case_and_sources, tmp_path):
    case, sources = case_and_sources
    folder = tmp_path / "exhibits"
    folder.mkdir()
    first = os.path.splitext(os.path.basename(sources[0]))[0]
    os.symlink(case, folder / f"{first}.annotated.pdf")
    run = cli("export", case, "--exhibits", folder, "--force")
    _refused(run, folder / f"{first}.annotated.pdf", "the case file")
    assert sorted(p.name for p in folder.iterdir()) == [f"{first}.annotated.pdf"]
    with CaseStore(case) as store:
        assert store.findings()
