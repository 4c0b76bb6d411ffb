"""`scan --json` and `findings --json` say whom a gang reference is about and who asserted
each finding; `annotator withheld CASE` lists what the release withholds."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.store import CaseStore

REPORT = [
    [
        "U.S. Immigration and Customs Enforcement",
        "Enforcement and Removal Operations",
        "According to BRIC, the subject is a documented MS-13 associate.",
        "He stated that Barrio 18 members threatened to kill his mother.",
        "ICE received the PNC report under the SAFE program.",
        "Officer name: (b)(6), (b)(7)(C). Two pages were withheld in full.",
        "RIVAS-000001",
    ],
    ["The next page of the release.", "RIVAS-000002"],
    ["The last page of the release.", "RIVAS-000005"],
]
WITHHELD_KEYS = {"file", "page", "kind", "code", "text", "rects"}


@pytest.fixture
def report(make_pdf) -> Path:
    return make_pdf(REPORT, name="release.pdf")


def test_scan_json_adds_role_and_source(cli, report):
    run = cli("scan", report, "--json")
    assert run.code == 0
    rows = {r["text"]: r for r in run.rows()}
    label, threat = rows["documented MS-13 associate"], rows["Barrio 18 members"]
    assert label["role"] == "subject" and threat["role"] == "persecutor"
    assert label["source"] == {"agency": "ICE/ERO", "attributed_to": "BRIC", "relayed": True}
    assert threat["source"]["relayed"] is True and threat["source"]["attributed_to"] is None
    safe = rows["SAFE program"]
    assert safe["role"] is None, "only gang references have a role"
    assert safe["source"] == {"agency": "ICE/ERO", "attributed_to": None, "relayed": False}


def test_findings_json_shows_the_role_a_reviewer_set(cli, report, tmp_path):
    case_path = tmp_path / "c.case"
    assert cli("scan", report, "--case", case_path).code == 0
    with CaseStore(case_path) as case:
        (threat,) = [f for f in case.findings() if f.text == "Barrio 18 members"]
        case.set_role(threat.id, "third_party", "reviewer")
    rows = {r["id"]: r for r in cli("findings", case_path, "--json").rows()}
    assert rows[threat.id]["role"] == "third_party"
    assert rows[threat.id]["source"]["agency"] == "ICE/ERO"


def test_withheld_lists_one_json_object_a_line(cli, report, tmp_path):
    case_path = tmp_path / "c.case"
    assert cli("scan", report, "--case", case_path).code == 0
    run = cli("withheld", case_path, "--json")
    assert run.code == 0 and run.err == ""
    rows = run.rows()
    assert all(set(r) == WITHHELD_KEYS for r in rows)
    assert all(r["file"] == str(report.resolve()) for r in rows)
    found = [(r["page"], r["kind"], r["code"]) for r in rows]
    assert found == [
        (1, "exemption", "(b)(6)"),
        (1, "exemption", "(b)(7)(C)"),
        (1, "withheld_page", ""),
        (3, "bates_gap", "RIVAS-000003–RIVAS-000004"),
    ]
    exemption = rows[0]
    assert exemption["rects"] and all(len(r) == 4 for r in exemption["rects"])
    assert rows[-1]["rects"] == [] and "2 pages missing" in rows[-1]["text"]


def test_withheld_without_json_is_readable_and_counts(cli, report, tmp_path):
    case_path = tmp_path / "c.case"
    cli("scan", report, "--case", case_path)
    run = cli("withheld", case_path)
    assert run.code == 0
    assert "Exemption cited (b)(6)" in run.out and "Gap in the page numbering" in run.out
    assert run.out.rstrip().endswith("4 item(s) withheld or missing")


def test_withheld_on_a_missing_case_is_one_clear_line(cli, tmp_path):
    run = cli("withheld", tmp_path / "none.case")
    assert run.code == 3
    assert run.err.strip() == f"annotator: {tmp_path / 'none.case'}: no such case file"
