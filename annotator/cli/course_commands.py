"""`annotator review key` and `annotator review grade`: a course's key and its grades.

Registered under `annotator review` by review_commands.py. Grading reads the key first (without
it nothing can be graded); then each package, one bad package not stopping the others.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from annotator.cli.output import (
    EXIT_BAD_INPUT,
    EXIT_OK,
    EXIT_USAGE,
    error,
    open_case,
    print_json,
    require_case,
)
from annotator.core.errors import AnnotatorError


def register(group: Any) -> None:
    key = group.add_parser("key", help="make a course's key (.cfk) from the instructor's review")
    key.add_argument("case")
    key.add_argument("out", metavar="OUT.cfk")
    key.add_argument("--instructor", default="", help="the key's author (default: the case's)")
    key.add_argument("--force", action="store_true", help="overwrite OUT if it exists")
    key.set_defaults(run=run_key)

    grade = group.add_parser("grade", help="grade students' packages against a key")
    grade.add_argument("key", metavar="KEY.cfk")
    grade.add_argument("packages", nargs="+", metavar="PACKAGE")
    grade.add_argument("--report", metavar="OUT", help="the class report: .docx, .pdf or .csv")
    grade.add_argument("--json", action="store_true", help="one JSON object per student")
    grade.add_argument("--force", action="store_true", help="overwrite the report if it exists")
    grade.set_defaults(run=run_grade)


def run_key(args: argparse.Namespace) -> int:
    from annotator.review.collect import collect_key
    from annotator.review.package_file import write_package

    if Path(args.out).suffix.lower() != ".cfk":
        error(f"{args.out}: a key's name ends in .cfk")
        return EXIT_USAGE
    if Path(args.out).exists() and not args.force:
        raise AnnotatorError(f"{args.out}: already exists; use --force to overwrite it")
    require_case(args.case)
    with open_case(args.case) as case:
        key = collect_key(case, args.instructor)
    if not key.findings:
        raise AnnotatorError(f"{args.case}: has no tagged finding to make a key of")
    write_package(args.out, key)
    noted = sum(bool(f.values.get("note")) for f in key.findings)
    print(
        f"wrote {args.out}: {len(key.findings)} findings to find over {len(key.documents)} "
        f"documents, {noted} with a model note (by {key.reviewer or 'the instructor'})"
    )
    return EXIT_OK


def run_grade(args: argparse.Namespace) -> int:
    from annotator.export.grades import REPORT_FORMATS, write_grade_report
    from annotator.review.grading import grade
    from annotator.review.package import PackageError
    from annotator.review.package_file import read_package

    if args.report and Path(args.report).suffix.lower() not in REPORT_FORMATS:
        error(f"{args.report}: the report must end in .docx, .pdf or .csv")
        return EXIT_USAGE
    key = read_package(args.key, "key")
    grades, bad = [], 0
    for path in args.packages:
        try:
            grades.append(grade(key, read_package(path)))
        except PackageError as err:
            error(str(err))
            bad += 1
    if args.report and grades:
        write_grade_report(args.report, key, grades, force=args.force)
    for g in grades:
        if args.json:
            print_json(g.to_dict())
        else:
            print(_line(g))
    if args.report and grades and not args.json:
        print(f"wrote {args.report}")
    return EXIT_BAD_INPUT if bad else EXIT_OK


def _line(g: Any) -> str:
    agreement = "—" if g.status_agreement is None else f"{g.status_agreement:.2f}"
    kappa = "—" if g.kappa is None else f"{g.kappa:.2f}"
    return (
        f"{g.reviewer}: found {len(g.found)}, missed {len(g.missed)}, extra {len(g.extra)}, "
        f"status agreement {agreement}, kappa {kappa}"
    )
