"""Encrypted case files (SQLCipher): created and reopened with the passphrase only, refused
untouched without it, no case text in the file or its WAL, plain cases converted and re-keyed."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from annotator.core.errors import CaseError
from annotator.core.model import PageText
from annotator.store import CaseStore
from annotator.store.connection import APP_ID
from annotator.store.crypto import PassphraseNeeded, WrongPassphrase, is_encrypted
from annotator.store.migrations import MIGRATIONS, schema_version
from annotator.store.rekey import encrypt_case, partial_copies, rekey_case

PASSPHRASE = "a long passphrase, with 'quotes' and ñ"
SECRETS = ("Zyxwvut Quorblemann", "client hid at the Vorpal Street shelter", "ZQX-0042-HOMBRE")
"""Words no library or SQLite page header holds: what a grep of the bytes must not find."""


def _fill(case: CaseStore) -> int:
    """A document whose page text, finding and note are the SECRETS; returns the finding's id."""
    case.set_info(respondent=SECRETS[0], a_number="A 098-765-432")
    document = case.add_document("f" * 64, "/cases/intake.pdf", "Intake", 1)
    text = f"Officer notes: {SECRETS[2]} is said to be a gang member."
    case.save_pages(document.id, [PageText(1, 612, 792, 0, text, [])])
    finding = case.add_manual_finding(document.id, 1, "gang_label", SECRETS[2], 15, 30, [])
    case.set_note(finding.id, SECRETS[1], "Reviewer")
    return finding.id


def _files_of(path: Path) -> dict[str, bytes]:
    """The case file and what SQLite keeps beside it (WAL, shared memory), as they are now."""
    return {p.name: p.read_bytes() for p in path.parent.glob(path.name + "*") if p.is_file()}


def _found(files: dict[str, bytes]) -> list[str]:
    return [
        f"{secret!r} in {name}"
        for name, data in files.items()
        for secret in SECRETS
        for encoded in (secret.encode("utf-8"), secret.encode("utf-16-le"))
        if encoded in data
    ]


def test_an_encrypted_case_round_trips_with_its_passphrase(tmp_path):
    path = tmp_path / "secret.case"
    with CaseStore(path, passphrase=PASSPHRASE) as case:
        assert case.encrypted
        finding_id = _fill(case)
    assert is_encrypted(path)
    with CaseStore(path, lock=True, passphrase=PASSPHRASE) as case:
        assert schema_version(case.db) == len(MIGRATIONS)
        assert case.db.execute("PRAGMA application_id").fetchone()[0] == APP_ID
        assert case.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert case.finding(finding_id).note == SECRETS[1]
        assert [h.page for h in case.search("gang member")] == [1]  # full-text index works
        assert case.info().respondent == SECRETS[0]
        assert [e.new for e in case.audit(finding_id)][-1] == SECRETS[1]


def test_no_case_text_reaches_the_file_or_its_wal_while_the_case_is_open(tmp_path):
    plain, secret = tmp_path / "plain" / "p.case", tmp_path / "secret" / "s.case"
    for path, passphrase in ((plain, None), (secret, PASSPHRASE)):
        path.parent.mkdir()
        with CaseStore(path, passphrase=passphrase) as case:
            _fill(case)
            files = _files_of(path)
            assert {path.name, path.name + "-wal"} <= set(files), files.keys()
            if passphrase is None:
                assert len(_found(files)) >= len(SECRETS)  # the grep does find plain text
            else:
                assert _found(files) == []
                assert case.db.execute("PRAGMA temp_store").fetchone()[0] == 2  # memory
    assert _found(_files_of(secret)) == []


def test_without_the_passphrase_or_with_a_wrong_one_nothing_is_written(tmp_path):
    path = tmp_path / "secret.case"
    with CaseStore(path, passphrase=PASSPHRASE) as case:
        _fill(case)
    before = _files_of(path)
    with pytest.raises(PassphraseNeeded, match="is encrypted"):
        CaseStore(path)
    with pytest.raises(WrongPassphrase, match="passphrase is wrong") as caught:
        CaseStore(path, lock=True, passphrase=PASSPHRASE + "x")
    assert PASSPHRASE not in str(caught.value)
    after = _files_of(path)
    after.pop(path.name + ".lock", None)  # the lock file only says who held it
    before.pop(path.name + ".lock", None)
    assert after == before


def test_plain_cases_are_not_opened_with_a_passphrase_nor_empty_ones_accepted(tmp_path):
    plain = tmp_path / "plain.case"
    CaseStore(plain).close()
    with pytest.raises(CaseError, match="is not encrypted"):
        CaseStore(plain, passphrase=PASSPHRASE)
    with pytest.raises(CaseError, match="empty"):
        CaseStore(tmp_path / "new.case", passphrase="")
    assert not (tmp_path / "new.case").exists()


def test_only_sqlcipher_files_count_as_encrypted(tmp_path, sample_pdfs):
    pdf = tmp_path / "a.pdf"
    shutil.copy(sample_pdfs[0], pdf)
    plain = tmp_path / "plain.case"
    CaseStore(plain).close()
    assert not is_encrypted(pdf) and not is_encrypted(plain)
    assert not is_encrypted(tmp_path / "missing.case")
    with pytest.raises(CaseError, match="is not a Case-File Annotator case file"):
        CaseStore(pdf)


def test_a_plain_case_is_encrypted_in_place_and_keeps_everything(sample_case_path):
    assert b"Salvatrucha" in sample_case_path.read_bytes()
    with CaseStore(sample_case_path) as case:
        findings = case.findings()
        pages = [p.text for d in case.documents() for p in case.pages(d.id)]
    encrypt_case(sample_case_path, PASSPHRASE)
    assert is_encrypted(sample_case_path)
    assert partial_copies(sample_case_path) == []
    assert os.stat(sample_case_path).st_mode & 0o777 == 0o600
    with CaseStore(sample_case_path, passphrase=PASSPHRASE) as case:
        assert case.findings() == findings
        assert [p.text for d in case.documents() for p in case.pages(d.id)] == pages
        assert schema_version(case.db) == len(MIGRATIONS)
        assert case.db.execute("PRAGMA application_id").fetchone()[0] == APP_ID
    raw = sample_case_path.read_bytes()
    assert b"Salvatrucha" not in raw and b"Rivas" not in raw
    with pytest.raises(CaseError, match="already encrypted"):
        encrypt_case(sample_case_path, PASSPHRASE)


def test_rekey_changes_the_passphrase(tmp_path):
    path = tmp_path / "secret.case"
    with CaseStore(path, passphrase=PASSPHRASE) as case:
        finding_id = _fill(case)
    with pytest.raises(WrongPassphrase):
        rekey_case(path, "not it", "new passphrase")
    rekey_case(path, PASSPHRASE, "new passphrase")
    with pytest.raises(WrongPassphrase):
        CaseStore(path, passphrase=PASSPHRASE)
    with CaseStore(path, passphrase="new passphrase") as case:
        assert case.finding(finding_id).note == SECRETS[1]
    assert partial_copies(path) == []
