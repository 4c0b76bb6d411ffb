"""`annotator findings` and `annotator tag` on a real case file."""

from __future__ import annotations

import pytest

import annotator.cli.output
from annotator.store import CaseStore

CONTRACT_KEYS = {
    *("file", "page", "category", "subtype", "text", "start", "end", "rects", "status"),
    *("role", "source"),  # issue 13: whom a gang reference is about; who asserted a finding
}


@pytest.fixture
def case_file(cli, make_pdf, tmp_path):
    pdf = make_pdf(
        [
            ["The officer called him a gang member; the fusion center agreed."],
            ["A SAFE report from the PNC repeats the claim."],
        ],
        name="i213.pdf",
    )
    path = tmp_path / "rivas.case"
    assert cli("scan", pdf, "--case", path).code == 0
    return path


def test_findings_json_adds_id_note_and_exhibit(cli, case_file):
    run = cli("findings", case_file, "--json")
    assert run.code == 0 and run.err == ""
    rows = run.rows()
    assert len(rows) == 3
    for row in rows:
        assert set(row) == CONTRACT_KEYS | {"id", "note", "exhibit"}
        assert isinstance(row["id"], int)
        assert (row["note"], row["exhibit"], row["status"]) == ("", "", "untagged")
        assert row["file"].endswith("i213.pdf")
    assert len({r["id"] for r in rows}) == 3
    assert [(r["page"], r["category"]) for r in rows] == [
        (1, "gang_label"),
        (1, "fusion_center"),
        (2, "safe"),
    ]


def test_findings_filters_and_plain_listing(cli, case_file):
    only_safe = cli("findings", case_file, "--json", "--category", "safe").rows()
    assert [r["text"] for r in only_safe] == ["SAFE report"]
    plain = cli("findings", case_file)
    assert plain.code == 0
    assert plain.out.splitlines()[-1] == "3 finding(s)"
    assert "SAFE report" in plain.out


def test_tag_changes_status_and_note_and_is_audited(cli, case_file):
    target = cli("findings", case_file, "--json", "--category", "gang_label").rows()[0]
    run = cli(
        "tag",
        case_file,
        target["id"],
        "--status",
        "rebutted",
        "--note",
        "School records: no gang contact.",
        "--exhibit",
        "Ex. 7",
        "--who",
        "attorney",
    )
    assert run.code == 0
    assert run.out.strip() == f"finding {target['id']}: rebutted — School records: no gang contact."
    after = {r["id"]: r for r in cli("findings", case_file, "--json").rows()}
    assert (
        after[target["id"]]["status"],
        after[target["id"]]["note"],
        after[target["id"]]["exhibit"],
    ) == ("rebutted", "School records: no gang contact.", "Ex. 7")
    assert all(r["status"] == "untagged" for i, r in after.items() if i != target["id"])
    rebutted = cli("findings", case_file, "--json", "--status", "rebutted").rows()
    assert [r["id"] for r in rebutted] == [target["id"]]
    with CaseStore(case_file) as case:
        audit = [(e.who, e.field, e.old, e.new) for e in case.audit(target["id"])]
    assert audit == [
        ("attorney", "status", "untagged", "rebutted"),
        ("attorney", "note", "", "School records: no gang contact."),
        ("attorney", "exhibit", "", "Ex. 7"),
    ]


def test_tag_unknown_finding_is_one_clear_line(cli, case_file):
    run = cli("tag", case_file, 9999, "--status", "rebutted")
    assert run.code == 3
    assert run.err.count("\n") == 1 and "9999" in run.err


def test_tag_while_the_case_is_open_elsewhere(cli, case_file, monkeypatch):
    monkeypatch.setattr(annotator.cli.output, "LOCK_WAIT", 0.2)  # it waits, then says so
    target = cli("findings", case_file, "--json").rows()[0]
    with CaseStore(case_file, lock=True):
        run = cli("tag", case_file, target["id"], "--status", "dismissed")
    assert run.code == 3
    assert run.err.count("\n") == 1
    assert str(case_file) in run.err and "already open" in run.err


@pytest.mark.parametrize("command", ["findings", "tag"])
def test_missing_case_file_is_one_clear_line(cli, tmp_path, command):
    missing = tmp_path / "nowhere.case"
    argv = [command, missing] + (["1", "--status", "rebutted"] if command == "tag" else [])
    run = cli(*argv)
    assert run.code == 3
    assert run.err.count("\n") == 1 and str(missing) in run.err
    assert not missing.exists()


def test_a_file_that_is_not_a_case_is_one_clear_line(cli, make_pdf):
    pdf = make_pdf([["not a case"]])
    before = pdf.read_bytes()
    run = cli("findings", pdf)
    assert run.code == 3
    assert run.err.count("\n") == 1 and str(pdf) in run.err
    assert pdf.read_bytes() == before


@pytest.mark.parametrize(
    "argv",
    [
        ["scan"],
        ["scan", "x.pdf", "--ocr", "sometimes"],
        ["tag", "x.case", "not-a-number", "--status", "rebutted"],
        ["tag", "x.case", "1"],
        ["tag", "x.case", "1", "--status", "maybe"],
        ["findings"],
        ["findings", "x.case", "--category", "weather"],
        ["scan", "x.pdf", "--no-such-option"],
    ],
)
def test_usage_errors_exit_2(cli, argv, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    run = cli(*argv)
    assert run.code == 2
    assert "usage:" in run.err
    assert list(tmp_path.iterdir()) == []


def test_an_interrupted_document_says_so_and_the_next_scan_finishes_it(cli, make_pdf, tmp_path):
    """An ingest killed between storing pages and findings (here: its lexicon stamp and the
    findings of its second page undone by hand, as a kill leaves them)."""
    first = make_pdf([["He is a gang member."], ["The fusion center agreed."]], name="a.pdf")
    other = make_pdf([["A SAFE report from the PNC."]], name="b.pdf")
    path = tmp_path / "c.case"
    assert cli("scan", first, "--case", path).code == 0
    with CaseStore(path) as case:
        document = case.documents()[0]
        case.update_document(document.id, lexicon_version="")
        with case.transaction():
            case.db.execute("DELETE FROM findings WHERE page = 2")
    listed = cli("findings", path)
    assert listed.code == 0 and "1 finding(s)" in listed.out
    assert f"reading not finished: {first}: its reading was not finished" in listed.out
    memo = tmp_path / "memo.md"
    assert cli("export", path, "--memo", memo).code == 0
    assert "reading not finished: findings may be missing" in memo.read_text(encoding="utf-8")

    scan = cli("scan", other, "--case", path)
    assert scan.code == 0 and "(its interrupted reading is now finished)" in scan.out
    after = cli("findings", path, "--json")
    assert after.err == ""
    assert {(r["file"].rsplit("/", 1)[-1], r["page"]) for r in after.rows()} == {
        ("a.pdf", 1),
        ("a.pdf", 2),
        ("b.pdf", 1),
    }
