"""A course, scripted: the instructor's key from the command line, three students' packages
with known differences, and a grade report (CSV, DOCX, PDF) whose figures match them."""

from __future__ import annotations

import csv

import docx
import pymupdf
import pytest
from clinic_support import CourseRun, course_run, expected_grade, rewrite

from annotator.core.model import Category


@pytest.fixture
def run(case_copy, tmp_path) -> CourseRun:
    return course_run(case_copy, tmp_path)


def _grade(cli, run, key, *extra):
    packages = [run.packages[n] for n in ("Ana", "Ben", "Cy")]
    return cli("review", "grade", key, *packages, *extra)


def test_grades_from_the_command_line_match_what_each_student_did(cli, run, tmp_path):
    key = tmp_path / "cli.cfk"
    made = cli("review", "key", tmp_path / "instructor.case", key)
    assert made.code == 0 and "12 findings" in made.out and "2 with a model note" in made.out
    graded = _grade(cli, run, key, "--json")
    assert graded.code == 0, graded.err
    rows = graded.rows()
    for row in rows:
        assert row.pop("package") == f"{row['reviewer']}.cfr"
    assert rows == [expected_grade(run, name) for name in ("Ana", "Ben", "Cy")]


def test_the_class_report_in_each_format(cli, run, tmp_path):
    expected = {n: expected_grade(run, n) for n in ("Ana", "Ben", "Cy")}
    report = tmp_path / "grades.csv"
    assert _grade(cli, run, run.key, "--report", report).code == 0
    lines = list(csv.reader(report.read_text(encoding="utf-8").splitlines()))
    header = lines[1]
    students = {row[0]: dict(zip(header, row, strict=True)) for row in lines[2:5]}
    for name, figures in expected.items():
        row = students[name]
        assert (int(row["Found"]), int(row["Missed"]), int(row["Extra"])) == (
            figures["found"],
            figures["missed"],
            figures["extra"],
        )
        assert float(row["Status agreement"]) == pytest.approx(
            figures["status_agreement"], abs=5e-4
        )
        gang = figures["per_category"]["gang_label"]
        assert row[f"Recall: {Category.GANG_LABEL.short}"].startswith(
            f"{gang['found']}/{gang['total']}"
        )
    missed = lines[7:]
    assert missed[0][0] == "Missed by" and missed[1][0] == "2 of 3" and missed[1][-1] == "Ben, Cy"
    misses = sum(f["missed"] for f in expected.values())
    assert sum(int(r[0].split(" of ")[0]) for r in missed[1:]) == misses

    word = tmp_path / "grades.docx"
    assert _grade(cli, run, run.key, "--report", word).code == 0
    table = docx.Document(str(word)).tables[0]
    cells = [[c.text for c in r.cells] for r in table.rows]
    assert cells[0][:4] == ["Student", "Found", "Missed", "Extra"]
    assert {r[0]: r[1:4] for r in cells[1:]} == {
        n: [str(f["found"]), str(f["missed"]), str(f["extra"])] for n, f in expected.items()
    }

    pdf = tmp_path / "grades.pdf"
    assert _grade(cli, run, run.key, "--report", pdf).code == 0
    text = " ".join(page.get_text() for page in pymupdf.open(pdf))
    assert "Grade report" in text and all(name in text for name in expected)
    assert "2 of 3" in text


def test_a_bad_key_or_package_is_one_line_and_the_others_graded(cli, run, tmp_path):
    (tmp_path / "broken.cfk").write_bytes(run.key.read_bytes()[:100])
    bad_key = cli("review", "grade", tmp_path / "broken.cfk", run.packages["Ana"])
    assert bad_key.code == 3 and bad_key.err.count("\n") == 1 and "broken.cfk" in bad_key.err

    def elsewhere(name, data):
        if name == "review":
            for n, d in enumerate(data["documents"]):
                d["sha256"] = f"{n:064d}"
            for x in data["findings"]:
                x["document"] = f"{0:064d}"

    other = rewrite(run.packages["Ben"], tmp_path / "other.cfr", elsewhere)
    report = tmp_path / "report.csv"
    graded = cli(
        "review", "grade", run.key, run.packages["Ana"], other, "--json", "--report", report
    )
    assert graded.code == 3 and "other.cfr: was made from different documents" in graded.err
    assert [r["reviewer"] for r in graded.rows()] == ["Ana"] and report.exists()
    assert (
        cli("review", "grade", run.key, run.packages["Ana"], "--report", tmp_path / "x.txt").code
        == 2
    )
    assert cli("review", "grade", run.packages["Ana"], run.packages["Ben"]).code == 3  # not a key
