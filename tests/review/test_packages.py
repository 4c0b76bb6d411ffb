"""Review packages: one reviewer's work, written and read back whole, and bad ones refused."""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

import pytest
from clinic_support import HAND_PHRASE, add_by_hand, export, rewrite

from annotator.core.model import Approval, Category, Source, Status
from annotator.review import Review
from annotator.review.collect import collect_key, collect_review
from annotator.review.package import PackageError
from annotator.review.package_file import FORMAT_VERSION, read_package, write_package
from annotator.store import CaseStore
from annotator.store.case import EDITABLE


@pytest.fixture
def worked(case_copy):
    """Student A's copy: three tags (one later changed by B), a finding added by hand, another
    added and deleted; Student B tagged one more."""
    path = case_copy("a")
    with CaseStore(path) as case:
        first, second, third, fourth = case.findings()[:4]
        a, b = Review(case, "Student A"), Review(case, "Student B")
        a.tag(first.id, Status.REBUTTED, note="School record shows attendance", exhibit="Ex. 4")
        a.tag(second.id, Status.UNVERIFIED)
        a.tag(third.id, Status.DISMISSED)
        b.tag(third.id, Status.UNVERIFIED)
        b.tag(fourth.id, Status.REBUTTED)
        kept = add_by_hand(a, first.document_id, 1, HAND_PHRASE)
        a.tag(kept.id, Status.UNVERIFIED)
        gone = add_by_hand(a, first.document_id, 1, "National Records Center")
        a.delete_finding(gone.id)
    return path, (first, second, third, fourth), kept, gone


def test_a_package_holds_the_reviewers_own_work_with_their_last_values(worked, tmp_path):
    path, (first, second, third, _), kept, gone = worked
    export(path, "Student A", tmp_path / "a.cfr")
    package = read_package(tmp_path / "a.cfr")
    by_uid = {f.uid: f for f in package.findings}
    assert set(by_uid) == {first.id, second.id, third.id, kept.id, gone.id}
    assert by_uid[first.id].values == {
        "status": "rebutted",
        "note": "School record shows attendance",
        "exhibit": "Ex. 4",
    }
    assert by_uid[third.id].values == {"status": "dismissed"}  # A's say, not B's later one
    assert by_uid[kept.id].source is Source.MANUAL and by_uid[kept.id].author == "Student A"
    assert by_uid[kept.id].text == HAND_PHRASE and not by_uid[kept.id].deleted
    assert by_uid[gone.id].deleted  # a deletion is part of the work
    assert {e.who for e in package.audit} == {"Student A"}
    assert package.fields == (*EDITABLE, "role")
    with CaseStore(path) as case:
        sha = case.document(first.document_id).sha256
        assert by_uid[first.id].document == sha
        assert by_uid[first.id].rects == tuple(tuple(r) for r in case.finding(first.id).rects)


def test_every_reviewer_field_travels_generically(worked, tmp_path):
    path, (first, *_), *_ = worked
    with CaseStore(path) as case:
        Review(case, "Student A").set_fields(first.id, {"approval": Approval.APPROVED.value})
    export(path, "Student A", tmp_path / "a.cfr")
    package = read_package(tmp_path / "a.cfr")
    values = next(f.values for f in package.findings if f.uid == first.id)
    assert values["approval"] == "approved" and values["exhibit"] == "Ex. 4"


def test_the_same_work_exported_twice_has_one_digest_and_no_pdfs_unless_asked(worked, tmp_path):
    path, *_ = worked
    export(path, "Student A", tmp_path / "one.cfr")
    export(path, "Student A", tmp_path / "two.cfr")
    one, two = read_package(tmp_path / "one.cfr"), read_package(tmp_path / "two.cfr")
    assert one.digest == two.digest
    assert not [n for n in zipfile.ZipFile(tmp_path / "one.cfr").namelist() if n.endswith(".pdf")]
    with CaseStore(path) as case:
        package = collect_review(case, "Student A")
        pdfs = [(d.sha256, Path(d.path)) for d in case.documents()]
    write_package(tmp_path / "pdfs.cfr", package, pdfs)
    with zipfile.ZipFile(tmp_path / "pdfs.cfr") as archive:
        for sha, pdf in pdfs:
            data = archive.read(f"pdfs/{sha}.pdf")
            assert (
                hashlib.sha256(data).hexdigest()
                == sha
                == hashlib.sha256(pdf.read_bytes()).hexdigest()
            )
    assert read_package(tmp_path / "pdfs.cfr").digest == one.digest


def test_a_package_carries_only_the_assigned_documents_unless_asked(worked):
    path, (first, *_), *_ = worked
    with CaseStore(path) as case:
        other = next(d for d in case.documents() if d.id != first.document_id)
        case.clinic.assign(other.sha256, "Student A", "Supervisor", "2026-12-01")
        assigned = collect_review(case, "Student A")
        everything = collect_review(case, "Student A", all_documents=True)
        chosen = collect_review(case, "Student A", documents=[first.document_id])
        documents = len(case.documents())
    assert [d.sha256 for d in assigned.documents] == [other.sha256] and not assigned.findings
    assert len(everything.documents) == documents and len(everything.findings) == 5
    assert len(chosen.documents) == 1 and len(chosen.findings) == 5


def test_user_lexicon_entries_used_are_listed(case_copy):
    path = case_copy("lexicon")
    with CaseStore(path) as case:
        document_id = case.documents()[0].id
        review = Review(case, "Student A")
        stored = case.page(document_id, 1)
        at = stored.text.index("Harbor")
        finding = review.add_finding(
            document_id, 1, Category.GANG_LABEL, at, at + 6, [(72, 72, 100, 80)], subtype="user"
        )
        review.tag(finding.id, Status.UNVERIFIED)
        package = collect_review(case, "Student A")
    assert [(x.category, x.text) for x in package.lexicon] == [("gang_label", "Harbor")]


def test_a_key_holds_every_tagged_finding_with_its_expected_values(case_copy):
    path = case_copy("instructor")
    with CaseStore(path) as case:
        first, second, third = case.findings()[:3]
        review = Review(case, "Instructor")
        review.tag(first.id, Status.REBUTTED, note="Model answer: the school record")
        review.tag(second.id, Status.DISMISSED)
        review.tag(third.id, Status.UNVERIFIED)
        review.tag(third.id, Status.UNTAGGED)
        key = collect_key(case)
    assert key.kind == "key" and key.reviewer == "Instructor"
    assert {f.uid: f.status for f in key.findings} == {first.id: "rebutted", second.id: "dismissed"}
    assert key.findings[0].values["note"] == "Model answer: the school record"


# -- bad packages ---------------------------------------------------------------------------------


@pytest.fixture
def good(worked, tmp_path) -> Path:
    path, *_ = worked
    export(path, "Student A", tmp_path / "good.cfr")
    return tmp_path / "good.cfr"


def test_a_package_from_a_newer_version_is_refused(good, tmp_path):
    bad = tmp_path / "newer.cfr"
    rewrite(
        good,
        bad,
        lambda name, d: d.update(version=FORMAT_VERSION + 1) if name == "manifest" else None,
    )
    with pytest.raises(PackageError, match="newer version of the app"):
        read_package(bad)


def test_a_truncated_or_corrupted_package_is_refused(good, tmp_path):
    data = good.read_bytes()
    truncated = tmp_path / "truncated.cfr"
    truncated.write_bytes(data[: len(data) // 2])
    with pytest.raises(PackageError, match=r"truncated\.cfr: is damaged or truncated"):
        read_package(truncated)
    flipped = bytearray(data)
    at = data.index(b"review.json") + 60  # inside review.json's compressed bytes
    flipped[at] ^= 0xFF
    corrupted = tmp_path / "corrupted.cfr"
    corrupted.write_bytes(bytes(flipped))
    with pytest.raises(PackageError, match=r"corrupted\.cfr: is damaged"):
        read_package(corrupted)
    (tmp_path / "text.cfr").write_text("not a zip")
    with pytest.raises(PackageError, match=r"text\.cfr"):
        read_package(tmp_path / "text.cfr")


def test_no_damaged_byte_gets_past_the_checks_or_raises_anything_else(good, tmp_path):
    data, reference = good.read_bytes(), read_package(good)
    damaged = tmp_path / "damaged.cfr"
    for at in range(0, len(data), 3):
        flipped = bytearray(data)
        flipped[at] ^= 0x55
        damaged.write_bytes(bytes(flipped))
        try:
            package = read_package(damaged)
        except PackageError as err:
            assert str(err).startswith(str(damaged))
        else:  # a byte nothing reads (a timestamp in the zip's directory)
            assert (package.findings, package.digest) == (reference.findings, reference.digest)
    for size in range(0, len(data), 7):
        damaged.write_bytes(data[:size])
        with pytest.raises(PackageError):
            read_package(damaged)


def test_a_package_whose_audit_contradicts_its_findings_is_refused(good, tmp_path):
    def retag(name, data):
        if name == "review":
            data["findings"][0]["values"]["status"] = "dismissed"

    def undelete(name, data):
        if name == "review":
            next(f for f in data["findings"] if f["deleted"])["deleted"] = False

    def foreign(name, data):
        if name == "review":
            data["audit"][0]["who"] = "Someone Else"

    for n, change in enumerate((retag, undelete, foreign)):
        bad = tmp_path / f"bad{n}.cfr"
        rewrite(good, bad, change)
        with pytest.raises(PackageError, match=rf"bad{n}\.cfr: its audit entries contradict"):
            read_package(bad)


def test_a_key_is_not_a_review_package_nor_the_reverse(good, tmp_path):
    with pytest.raises(PackageError, match="is a review, not a key"):
        read_package(good, "key")
