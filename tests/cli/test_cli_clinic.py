"""A clinic, scripted on the command line: two students review their own copies of the sample
case, the supervisor merges their packages, resolves the conflicts, approves and overturns, and
exports a memo of the approved findings; the audit log says who did each step."""

from __future__ import annotations

import re
import zipfile

import docx
import pytest
from clinic_support import HAND_PHRASE, rewrite, snapshot

from annotator.store import CaseStore

ID_LINE = re.compile(r"^\d+\. “(.*)” — ")


@pytest.fixture
def students(cli, case_copy, tmp_path):
    a, b, supervisor = case_copy("a"), case_copy("b"), case_copy("supervisor")
    ids = [row["id"] for row in cli("findings", supervisor, "--json").rows()[:4]]
    steps = [
        (a, ids[0], "rebutted", "A: attendance record", "Student A"),
        (a, ids[1], "unverified", "", "Student A"),
        (a, ids[2], "rebutted", "", "Student A"),
        (b, ids[0], "dismissed", "B: about his cousin", "Student B"),
        (b, ids[1], "unverified", "", "Student B"),
        (b, ids[3], "rebutted", "", "Student B"),
    ]
    for case, finding, status, note, who in steps:
        args = ["tag", case, finding, "--status", status, "--who", who]
        assert cli(*args, *(["--note", note] if note else [])).code == 0
    added = cli(
        "review", "add", a, "1", "1", HAND_PHRASE, "--category", "gang_label", "--who", "Student A"
    )
    assert added.code == 0 and HAND_PHRASE in added.out
    hand = re.match(r"added finding (\d+)", added.out).group(1)
    assert cli("tag", a, hand, "--status", "unverified", "--who", "Student A").code == 0
    for case, name in ((a, "a"), (b, "b")):
        run = cli("review", "export", case, tmp_path / f"{name}.cfr")
        assert run.code == 0, run.err
    return supervisor, tmp_path / "a.cfr", tmp_path / "b.cfr", ids


def test_a_clinic_run_from_the_command_line(cli, students, tmp_path):
    supervisor, a, b, ids = students
    merged = cli("review", "merge", supervisor, a, b, "--json", "--who", "Supervisor")
    assert merged.code == 0, merged.err
    result = merged.rows()[0]
    assert (result["merged"], result["added"]) == (5, 1)  # A: 3 and 1 by hand; B: 1 agrees, 1 new
    [conflict] = result["conflicts"]
    assert conflict["finding"] == ids[0] and conflict["fields"] == ["note", "status"]
    assert (conflict["mine"]["who"], conflict["mine"]["status"]) == ("Student A", "rebutted")
    assert (conflict["theirs"]["who"], conflict["theirs"]["note"]) == (
        "Student B",
        "B: about his cousin",
    )
    again = cli("review", "merge", supervisor, a, b, "--json", "--who", "Supervisor").rows()[0]
    assert (again["merged"], again["added"], again["conflicts"]) == (0, 0, [])
    assert all(p["already_merged"] for p in again["packages"])

    listed = cli("review", "conflicts", supervisor)
    assert "mine:   Student A" in listed.out and "theirs: Student B" in listed.out
    resolved = cli(
        "review", "resolve", supervisor, conflict["id"], "--take", "theirs", "--who", "Supervisor"
    )
    assert resolved.code == 0 and "is dismissed" in resolved.out
    assert "0 open conflict(s)" in cli("review", "conflicts", supervisor).out

    with CaseStore(supervisor) as case:
        hand = next(f.id for f in case.findings() if f.text == HAND_PHRASE)
    assert (
        cli("review", "approve", supervisor, ids[1], ids[3], hand, "--who", "Supervisor").code == 0
    )
    overturned = cli(
        "review", "overturn", supervisor, ids[2], "--note", "Hearsay", "--who", "Supervisor"
    )
    assert overturned.code == 0
    stats = {r["reviewer"]: r for r in cli("review", "stats", supervisor, "--json").rows()}
    assert stats["Student A"] == {
        "reviewer": "Student A",
        "reviewed": 3,  # ids[1], ids[2] and the finding added by hand
        "approved": 2,
        "overturned": 1,
        "overturn_rate": round(1 / 3, 4),
    }
    assert (stats["Student B"]["reviewed"], stats["Student B"]["approved"]) == (2, 1)

    memo = tmp_path / "memo.docx"
    assert cli("export", supervisor, "--memo", memo, "--approved-only").code == 0
    headings = [
        m.group(1) for p in docx.Document(str(memo)).paragraphs if (m := ID_LINE.match(p.text))
    ]
    with CaseStore(supervisor) as case:
        approved = [case.finding(i) for i in (ids[1], ids[3], hand)]
        assert sorted(headings) == sorted(" ".join(f.text.split()) for f in approved)
        who = {(e.finding_id, e.field): e.who for e in case.audit()}
        assert who[(hand, "created")] == "Student A"
        assert who[(ids[3], "status")] == "Student B"
        assert who[(ids[0], "status")] == "Student B"  # taken their way, credited to them
        assert who[(ids[0], "conflict")] == who[(ids[2], "approval")] == "Supervisor"
        assert who[(ids[1], "merged")] == "Supervisor"
    history = cli("history", supervisor).out
    assert "Supervisor" in history and "merge Student B's review" in history


def test_a_bad_package_is_refused_in_one_line_and_the_rest_merged(cli, students, tmp_path):
    supervisor, a, b, _ = students
    truncated = tmp_path / "truncated.cfr"
    truncated.write_bytes(a.read_bytes()[:200])
    newer = rewrite(
        a,
        tmp_path / "newer.cfr",
        lambda n, d: d.update(version=99) if n == "manifest" else None,
    )
    before = snapshot(supervisor)
    for bad in (truncated, newer):
        run = cli("review", "merge", supervisor, bad)
        assert run.code == 3 and run.err.count("\n") == 1 and str(bad) in run.err
    assert snapshot(supervisor) == before
    run = cli("review", "merge", supervisor, truncated, b, "--json")
    assert run.code == 3 and run.rows()[0]["packages"][0]["file"] == "b.cfr"


def test_a_package_of_other_documents_is_refused(cli, students, tmp_path, make_pdf):
    _, a, _, _ = students
    other_case = tmp_path / "other.case"
    assert (
        cli("scan", make_pdf([["Fictional page: the MS-13 gang."]]), "--case", other_case).code == 0
    )
    before = snapshot(other_case)
    run = cli("review", "merge", other_case, a)
    assert run.code == 3 and "made from different documents" in run.err and str(a) in run.err
    assert snapshot(other_case) == before


def test_export_without_pdfs_unless_asked_and_never_over_a_file(cli, students, tmp_path):
    _, a, *_ = students
    assert not [n for n in zipfile.ZipFile(a).namelist() if n.endswith(".pdf")]
    run = cli("review", "export", tmp_path / "a.case", a)
    assert run.code == 3 and "already exists" in run.err
    with_pdfs = tmp_path / "with.cfr"
    assert cli("review", "export", tmp_path / "a.case", with_pdfs, "--with-pdfs").code == 0
    pdfs = [n for n in zipfile.ZipFile(with_pdfs).namelist() if n.endswith(".pdf")]
    with CaseStore(tmp_path / "a.case") as case:
        assert len(pdfs) == len(case.documents())
    assert cli("review", "export", tmp_path / "a.case", tmp_path / "a.zip").code == 2


def test_assigned_documents_only_unless_asked(cli, students, tmp_path):
    assert students
    case = tmp_path / "a.case"
    run = cli(
        "review", "assign", case, "--reviewer", "Student A", "02_school_police_incident_report.pdf"
    )
    assert run.code == 0 and "1 document(s) assigned" in run.out
    out = tmp_path / "assigned.cfr"
    run = cli("review", "export", case, out)
    assert "only the documents assigned" in run.out and "1 documents" in run.out
    run = cli("review", "export", case, tmp_path / "all.cfr", "--all-documents")
    with CaseStore(case) as store:
        assert f"{len(store.documents())} documents" in run.out
    assert cli("review", "assign", case, "--reviewer", "X", "no-such.pdf").code == 3
