"""Encrypted cases from the command line, in real processes: scan --encrypt, tag, undo, export
and re-open with the passphrase; refused without it; nothing of the case in the case file, its WAL
or the temporary folder; exports plain, as a court needs them."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import docx
import pytest

PASSPHRASE = "Correct horse, battery staple"
NOTE = "Client worked the night shift at the Quorble bakery"
RESPONDENT = "Zyxwvut Quorblemann (fictional)"


def annotator(*argv: object, tmpdir: Path, passphrase: str | None = PASSPHRASE):
    env = {k: v for k, v in os.environ.items() if not k.startswith("ANNOTATOR_")}
    env.update(TMPDIR=str(tmpdir), PYTHONIOENCODING="utf-8")
    if passphrase is not None:
        env["ANNOTATOR_PASSPHRASE"] = passphrase
    return subprocess.run(
        [sys.executable, "-m", "annotator", *map(str, argv)],
        cwd=tmpdir.parent,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=600,
    )


@pytest.fixture(scope="module")
def session(tmp_path_factory, sample_pdfs):
    """Scan two samples into a new encrypted case, tag two findings, undo the second, export:
    one case's life."""
    root = tmp_path_factory.mktemp("encrypted")
    tmpdir = root / "tmp"
    tmpdir.mkdir()
    case = root / "client.case"
    pdfs = [p for p in sample_pdfs if p.name.startswith(("01_", "04_"))]
    scan = annotator(
        "scan", *pdfs, "--case", case, "--encrypt", "--respondent", RESPONDENT, "--json",
        tmpdir=tmpdir,
    )  # fmt: skip
    assert scan.returncode == 0, scan.stderr
    found = annotator("findings", case, "--json", tmpdir=tmpdir)
    assert found.returncode == 0, found.stderr
    rows = [json.loads(line) for line in found.stdout.splitlines()]
    tag = annotator(
        "tag", case, rows[0]["id"], "--status", "rebutted", "--note", NOTE, tmpdir=tmpdir
    )
    assert tag.returncode == 0, tag.stderr
    second = annotator("tag", case, rows[1]["id"], "--status", "dismissed", tmpdir=tmpdir)
    assert second.returncode == 0, second.stderr
    undo = annotator("undo", case, tmpdir=tmpdir)
    assert undo.returncode == 0 and "undid" in undo.stdout, undo.stderr
    memo = root / "out" / "memo.docx"
    memo.parent.mkdir()
    export = annotator("export", case, "--memo", memo, tmpdir=tmpdir)
    assert export.returncode == 0, export.stderr
    return {"case": case, "tmpdir": tmpdir, "rows": rows, "memo": memo, "export": export}


def test_the_case_round_trips_and_reopens_with_its_passphrase(session):
    again = annotator("findings", session["case"], "--json", tmpdir=session["tmpdir"])
    assert again.returncode == 0, again.stderr
    rows = [json.loads(line) for line in again.stdout.splitlines()]
    assert [r["id"] for r in rows] == [r["id"] for r in session["rows"]] and len(rows) > 10
    assert rows[0]["status"] == "rebutted" and rows[0]["note"] == NOTE
    assert rows[1]["status"] == "untagged"  # its tag was undone
    history = annotator("history", session["case"], tmpdir=session["tmpdir"])
    assert history.returncode == 0 and "(undone)" in history.stdout, history.stderr
    assert any("Salvatrucha" in r["text"] for r in rows)


def test_the_export_is_plain_and_says_so(session):
    text = "\n".join(p.text for p in docx.Document(session["memo"]).paragraphs)
    assert NOTE in text
    assert "plain files, not encrypted" in session["export"].stderr


def test_nothing_of_the_case_is_in_its_files_or_the_temporary_folder(session):
    case = session["case"]
    leftovers = [p for p in session["tmpdir"].rglob("*") if p.is_file()]
    files = [p for p in case.parent.glob(case.name + "*") if p.is_file()] + leftovers
    assert case in files
    words = [NOTE, "Quorblemann", "Salvatrucha", "pandillero", "I-213", session["rows"][0]["text"]]
    for path in files:
        data = path.read_bytes()
        for word in words:
            assert word.encode("utf-8") not in data, f"{word!r} in {path.name}"
            assert word.encode("utf-16-le") not in data, f"{word!r} in {path.name}"


def test_without_the_passphrase_or_with_a_wrong_one_it_is_one_line_and_nothing_changes(
    session, tmp_path
):
    case = session["case"]
    before = hashlib.sha256(case.read_bytes()).hexdigest()
    missing = annotator("findings", case, tmpdir=tmp_path, passphrase=None)
    assert missing.returncode == 2
    assert missing.stderr.count("\n") == 1 and "is encrypted" in missing.stderr
    assert "--passphrase-file" in missing.stderr
    wrong = annotator("tag", case, 1, "--status", "dismissed", tmpdir=tmp_path, passphrase="guess")
    assert wrong.returncode == 3 and wrong.stdout == ""
    assert wrong.stderr.count("\n") == 1 and "passphrase is wrong" in wrong.stderr
    assert "guess" not in wrong.stderr and "Traceback" not in wrong.stderr
    assert hashlib.sha256(case.read_bytes()).hexdigest() == before
    assert not Path(str(case) + "-wal").exists()


def test_the_passphrase_file_rekey_and_encrypt_commands(session, tmp_path, sample_pdfs):
    case = tmp_path / "plain.case"
    assert annotator("scan", sample_pdfs[4], "--case", case, tmpdir=tmp_path).returncode == 0
    secret = tmp_path / "secret.txt"
    secret.write_text("first passphrase\nignored second line\n", encoding="utf-8")
    fresh = tmp_path / "new.txt"
    fresh.write_text("second passphrase\r\n", encoding="utf-8")
    done = annotator("encrypt", case, "--passphrase-file", secret, tmpdir=tmp_path, passphrase=None)
    assert done.returncode == 0, done.stderr
    assert "first passphrase" not in done.stdout + done.stderr
    rekey = annotator(
        "rekey", case, "--passphrase-file", secret, "--new-passphrase-file", fresh,
        tmpdir=tmp_path, passphrase=None,
    )  # fmt: skip
    assert rekey.returncode == 0, rekey.stderr
    old = annotator("findings", case, "--passphrase-file", secret, tmpdir=tmp_path)
    assert old.returncode == 3 and "passphrase is wrong" in old.stderr
    new = annotator("findings", case, "--passphrase-file", fresh, tmpdir=tmp_path)
    assert new.returncode == 0 and "finding(s)" in new.stdout
