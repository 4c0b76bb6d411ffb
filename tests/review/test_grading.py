"""A course: an instructor's key, three students with known differences, and their grades.

The expected figures are worked out here from what each student did (clinic_support.course_run),
with a kappa computed from the confusion matrix, never by calling the grader.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from clinic_support import CourseRun, copy_case, course_run, expected_grade, rewrite

from annotator.review.grading import cohen_kappa, grade, most_missed
from annotator.review.package import PackageError
from annotator.review.package_file import read_package


@pytest.fixture(scope="module")
def run(sample_case_master, tmp_path_factory) -> CourseRun:
    folder = tmp_path_factory.mktemp("course")
    return course_run(lambda name: copy_case(sample_case_master, folder / f"{name}.case"), folder)


def test_each_students_figures_match_what_they_did(run):
    key = read_package(run.key, "key")
    assert len(key.findings) == 12
    for name, path in run.packages.items():
        result = grade(key, read_package(path)).to_dict()
        result.pop("package")
        assert result == expected_grade(run, name), name


def test_the_known_differences_show(run):
    key = read_package(run.key, "key")
    ana, ben, cy = (grade(key, read_package(run.packages[n])) for n in ("Ana", "Ben", "Cy"))
    assert (len(ana.found), len(ana.missed), ana.status_agreement, ana.kappa) == (12, 0, 1.0, 1.0)
    assert (len(ben.found), len(ben.extra), ben.status_agreement) == (8, 2, 0.75)
    assert (len(cy.found), len(cy.missed), len(cy.extra)) == (4, 8, 1)


def test_the_key_findings_most_students_missed_come_first(run):
    key = read_package(run.key, "key")
    grades = [grade(key, read_package(p)) for p in run.packages.values()]
    ranked = most_missed(key, grades)
    missed_by = Counter(
        k for name in run.packages for k in run.key_findings if k not in run.found[name]
    )
    counts = [len(m.missed_by) for m in ranked]
    assert counts == sorted(counts, reverse=True)
    assert {(m.finding.uid, len(m.missed_by)) for m in ranked} == set(missed_by.items())
    assert ranked[0].missed_by == ("Ben", "Cy")


def test_kappa_matches_a_textbook_example():
    # Cohen (1960)-style table: 20 agree yes, 15 agree no, 5 + 10 disagree: kappa = 0.4
    pairs = [("y", "y")] * 20 + [("n", "n")] * 15 + [("y", "n")] * 5 + [("n", "y")] * 10
    assert cohen_kappa(pairs) == pytest.approx(0.4)
    assert cohen_kappa([("y", "y")] * 3) is None and cohen_kappa([]) is None


def test_a_package_of_other_documents_is_refused_by_name(run, tmp_path):
    def elsewhere(name, data):
        if name == "review":
            for n, d in enumerate(data["documents"]):
                d["sha256"] = f"{n:064d}"
            for x in data["findings"]:
                x["document"] = f"{0:064d}"

    other = rewrite(run.packages["Ana"], tmp_path / "other.cfr", elsewhere)
    with pytest.raises(PackageError, match=r"other\.cfr: was made from different documents"):
        grade(read_package(run.key, "key"), read_package(other))


def test_role_agreement_compares_the_roles_the_key_and_the_student_chose(
    sample_case_master, tmp_path
):
    from clinic_support import export

    from annotator.core.model import Category, Role, Status
    from annotator.review import Review
    from annotator.review.collect import collect_key
    from annotator.review.package_file import write_package
    from annotator.store import CaseStore

    def worked(name: str, roles: list[Role]) -> Path:
        path = copy_case(sample_case_master, tmp_path / f"{name}.case")
        with CaseStore(path) as case:
            gang = case.findings(category=Category.GANG_LABEL.value)[:2]
            review = Review(case, name)
            for finding, role in zip(gang, roles, strict=True):
                review.tag(finding.id, Status.UNVERIFIED)
                review.set_role(finding.id, role)
        return path

    instructor = worked("Instructor", [Role.PERSECUTOR, Role.THIRD_PARTY])
    with CaseStore(instructor) as case:
        write_package(tmp_path / "key.cfk", collect_key(case))
    key = read_package(tmp_path / "key.cfk", "key")
    same = worked("Dee", [Role.PERSECUTOR, Role.THIRD_PARTY])
    half = worked("Eve", [Role.PERSECUTOR, Role.BACKGROUND])
    export(same, "Dee", tmp_path / "dee.cfr")
    export(half, "Eve", tmp_path / "eve.cfr")
    assert grade(key, read_package(tmp_path / "dee.cfr")).role_agreement == 1.0
    assert grade(key, read_package(tmp_path / "eve.cfr")).to_dict()["role_agreement"] == 0.5
