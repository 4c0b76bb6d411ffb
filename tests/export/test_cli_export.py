"""`annotator export`: overwrite refusal, --force, atomic writes, and one-line errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from export_support import Tagged, untagged_count

import annotator.export as export
from annotator.cli import main
from annotator.store import CaseStore
from tests.conftest import run_as_user


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(["export", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_warns_when_findings_are_not_yet_reviewed(capsys, tagged: Tagged, tmp_path: Path):
    code, out, err = _run(capsys, str(tagged.path), "--memo", str(tmp_path / "m.md"))
    assert code == 0 and f"wrote {tmp_path / 'm.md'}" in out
    n = untagged_count(tagged.path)
    assert err == (
        f"annotator: warning: {n} findings not yet reviewed; "
        "they are listed under 'Not yet reviewed'\n"
    )


def test_no_warning_once_everything_is_reviewed(capsys, case, make_pdf, detector, tmp_path):
    from annotator.ingest import Ingestor

    Ingestor(case, detector, workers=1).add_files([make_pdf([["He is a gang member."]])])
    for finding in case.findings():
        case.set_status(finding.id, "unverified")
    code, _, err = _run(capsys, str(case.path), "--memo", str(tmp_path / "m.docx"))
    assert code == 0 and err == ""


def test_existing_memo_is_not_overwritten_without_force(capsys, tagged: Tagged, tmp_path: Path):
    out = tmp_path / "memo.md"
    out.write_text("the attorney's edited copy", encoding="utf-8")
    code, _, err = _run(capsys, str(tagged.path), "--memo", str(out))
    assert code == 3
    assert err == f"annotator: {out}: already exists; use --force to overwrite it\n"
    assert out.read_text(encoding="utf-8") == "the attorney's edited copy"
    code, _, _ = _run(capsys, str(tagged.path), "--memo", str(out), "--force", "--reviewer", "Z")
    assert code == 0
    assert "**Prepared by:** Z" in out.read_text(encoding="utf-8")


def test_unwritable_path_is_one_line_and_exit_3(capsys, tagged: Tagged, tmp_path: Path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    code, _, err = _run(capsys, str(tagged.path), "--memo", str(blocker / "memo.pdf"))
    assert code == 3
    assert err.count("\n") == 1 and str(blocker / "memo.pdf") in err
    assert "Traceback" not in err
    code, _, err = _run(capsys, str(tagged.path), "--exhibits", str(blocker))
    assert code == 3 and err.count("\n") == 1 and "is a file" in err


def test_read_only_folder_is_one_line_and_exit_3(tagged: Tagged, tmp_path: Path):
    """As the real command, in a process that obeys file permissions (even when run as root)."""
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    target = locked / "memo.docx"
    try:
        done = run_as_user("-m", "annotator", "export", str(tagged.path), "--memo", str(target))
    finally:
        locked.chmod(0o755)
    assert done.returncode == 3 and done.stderr.count("\n") == 1, done.stderr
    assert "cannot be written" in done.stderr and str(locked) in done.stderr
    assert list(locked.iterdir()) == []


def test_usage_errors_exit_2(capsys, tagged: Tagged, tmp_path: Path):
    folder = tmp_path / "out"
    folder.mkdir()
    code, _, err = _run(capsys, str(tagged.path), "--memo", str(folder / "memo.txt"))
    assert code == 2 and "must end in .docx, .md or .pdf" in err
    code, _, err = _run(capsys, str(tagged.path))
    assert code == 2 and "--memo" in err
    assert not list(folder.iterdir())


def test_missing_case_is_exit_3(capsys, tmp_path: Path):
    code, _, err = _run(capsys, str(tmp_path / "nope.case"), "--memo", str(tmp_path / "m.md"))
    assert code == 3 and "nope.case: no such case file" in err


def test_a_failed_write_leaves_the_old_file_and_no_temporary(
    monkeypatch, tagged: Tagged, tmp_path: Path
):
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "memo.md"
    out.write_text("previous memo", encoding="utf-8")

    def broken(memo, path: Path) -> None:
        path.write_text("half a memo", encoding="utf-8")
        raise OSError(28, "No space left on device")

    monkeypatch.setitem(export.RENDERERS, ".md", broken)
    with CaseStore(tagged.path) as case, pytest.raises(export.ExportError, match="No space left"):
        export.export_memo(case, out, force=True)
    assert out.read_text(encoding="utf-8") == "previous memo"
    assert [p.name for p in folder.iterdir()] == ["memo.md"]


def test_memo_and_exhibits_in_one_command(capsys, tagged: Tagged, tmp_path: Path):
    code, out, _ = _run(
        capsys,
        str(tagged.path),
        "--memo",
        str(tmp_path / "memo.pdf"),
        "--exhibits",
        str(tmp_path / "exhibits"),
    )
    assert code == 0
    written = sorted(p.name for p in (tmp_path / "exhibits").iterdir())
    assert written and all(name.endswith(".annotated.pdf") for name in written)
    assert out.count("wrote ") == 1 + len(written)
