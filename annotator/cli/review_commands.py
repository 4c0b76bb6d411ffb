"""`annotator review …`: several reviews of one case, for a clinic and for a course.

Here: `export` one reviewer's work as a package, `merge` packages into the supervisor's case,
list and `resolve` the `conflicts`. clinic_commands.py: `add` a finding by hand, `approve` or
`overturn` tags, `stats` per reviewer, `assign` documents. course_commands.py: `key`, `grade`.
Every change runs through annotator.review, as in the window: one undoable, audited step.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from annotator.cli import clinic_commands, course_commands
from annotator.cli.arguments import find_document
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
from annotator.core.model import Status

if TYPE_CHECKING:
    from annotator.store import CaseStore


def register(sub: Any) -> None:
    review = sub.add_parser("review", help="review packages, merges, approvals, keys and grades")
    group = review.add_subparsers(dest="review_command", metavar="STEP", required=True)

    export = group.add_parser("export", help="write one reviewer's work as a package (.cfr)")
    export.add_argument("case")
    export.add_argument("out", metavar="OUT.cfr")
    export.add_argument("--reviewer", help="whose work (default: the case's only reviewer)")
    export.add_argument("--documents", nargs="+", metavar="DOCUMENT", help="only these documents")
    export.add_argument(
        "--all-documents", action="store_true", help="every document, not only those assigned"
    )
    export.add_argument("--with-pdfs", action="store_true", help="carry the PDFs too")
    export.add_argument("--force", action="store_true", help="overwrite OUT if it exists")
    export.set_defaults(run=run_export)

    merge = group.add_parser("merge", help="bring review packages into a case")
    merge.add_argument("case")
    merge.add_argument("packages", nargs="+", metavar="PACKAGE")
    merge.add_argument("--json", action="store_true", help="print the result as JSON")
    merge.add_argument("--who", default="", help="your name for the audit log")
    merge.set_defaults(run=run_merge)

    conflicts = group.add_parser("conflicts", help="list the conflicts merges raised")
    conflicts.add_argument("case")
    conflicts.add_argument("--all", action="store_true", help="resolved ones too")
    conflicts.add_argument("--json", action="store_true", help="one JSON object per line")
    conflicts.set_defaults(run=run_conflicts)

    resolve = group.add_parser("resolve", help="resolve a conflict: take mine, theirs, or edit")
    resolve.add_argument("case")
    resolve.add_argument("conflict", type=int)
    resolve.add_argument("--take", choices=["mine", "theirs"])
    resolve.add_argument("--status", choices=[s.value for s in Status], help="edit: this status")
    resolve.add_argument("--note", help="edit: this note")
    resolve.add_argument("--who", default="", help="your name for the audit log")
    resolve.set_defaults(run=run_resolve)

    clinic_commands.register(group)
    course_commands.register(group)


def run_export(args: argparse.Namespace) -> int:
    from annotator.review.collect import collect_review, default_reviewer
    from annotator.review.package_file import write_package

    if Path(args.out).suffix.lower() != ".cfr":
        error(f"{args.out}: a review package's name ends in .cfr")
        return EXIT_USAGE
    _check_target(args.out, args.force)
    require_case(args.case)
    with open_case(args.case) as case:
        reviewer = args.reviewer or default_reviewer(case)
        chosen = [find_document(case, r).id for r in args.documents] if args.documents else None
        package = collect_review(case, reviewer, documents=chosen, all_documents=args.all_documents)
        pdfs = _pdfs(case, package) if args.with_pdfs else []
        write_package(args.out, package, pdfs)
        assigned = chosen is None and not args.all_documents and case.clinic.assigned(reviewer)
    added = sum(f.author == reviewer and not f.deleted for f in package.findings)
    deleted = sum(f.deleted for f in package.findings)
    print(
        f"wrote {args.out}: {reviewer}'s review, {len(package.findings)} findings "
        f"({added} added by hand, {deleted} deleted), {len(package.audit)} audit entries, "
        f"{len(package.documents)} documents" + (f", {len(pdfs)} PDFs" if args.with_pdfs else "")
    )
    if assigned:
        print(f"only the documents assigned to {reviewer}; --all-documents exports every one")
    return EXIT_OK


def _check_target(out: str, force: bool) -> None:
    if Path(out).exists() and not force:
        raise AnnotatorError(f"{out}: already exists; use --force to overwrite it")


def _pdfs(case: CaseStore, package: Any) -> list[tuple[str, Path]]:
    out = []
    for document in case.documents():
        if document.sha256 in package.shas():
            path = Path(document.path)
            if not path.is_file():
                raise AnnotatorError(f"{path}: the PDF of “{document.title}” is not there")
            out.append((document.sha256, path))
    return out


def run_merge(args: argparse.Namespace) -> int:
    from annotator.review import Review
    from annotator.review.conflicts import conflict_json
    from annotator.review.merge import merge_package
    from annotator.review.package import PackageError
    from annotator.review.package_file import read_package

    require_case(args.case)
    packages, bad = [], 0
    for path in args.packages:  # every package is read and checked before anything is written
        try:
            packages.append(read_package(path))
        except PackageError as err:
            error(str(err))
            bad += 1
    results, conflicts = [], []
    with open_case(args.case, lock=True) as case:
        review = Review(case, args.who)
        for package in packages:
            try:
                result = merge_package(review, package)
            except PackageError as err:
                error(str(err))
                bad += 1
                continue
            results.append(result)
            conflicts += [conflict_json(case, c) for c in result.conflicts]
    if args.json:
        print_json(
            {
                "merged": sum(r.merged for r in results),
                "added": sum(r.added for r in results),
                "conflicts": conflicts,
                "packages": [_result_json(r) for r in results],
            }
        )
    else:
        for r in results:
            print(_result_line(r))
        for c in conflicts:
            print(conflict_lines(c))
    return EXIT_BAD_INPUT if bad else EXIT_OK


def _result_json(r: Any) -> dict[str, Any]:
    return {
        "file": r.file,
        "reviewer": r.reviewer,
        "merged": r.merged,
        "added": r.added,
        "conflicts": len(r.conflicts),
        "skipped": r.skipped,
        "already_merged": r.already,
        "ignored_fields": list(r.ignored_fields),
    }


def _result_line(r: Any) -> str:
    if r.already:
        return f"{r.file} ({r.reviewer}): merged before; nothing changed"
    line = f"{r.file} ({r.reviewer}): {r.merged} merged, {r.added} added, "
    line += f"{len(r.conflicts)} conflict{'s' if len(r.conflicts) != 1 else ''}"
    if r.skipped:
        line += f", {r.skipped} skipped (documents this case lacks)"
    if r.ignored_fields:
        line += f"; fields this version lacks, left out: {', '.join(r.ignored_fields)}"
    return line


def conflict_lines(c: dict[str, Any]) -> str:
    from annotator.review.conflicts import describe
    from annotator.store.clinic import Side

    state = f"  [took {c['resolution']}, {c['resolved_by']}]" if c["resolution"] else ""
    return (
        f"conflict {c['id']}  finding #{c['finding']}  {c['document'][:40]}, p.{c['page']}  "
        f"{c['category']} “{' '.join(c['text'].split())[:50]}”{state}\n"
        f"    mine:   {describe(Side.from_dict(c['mine']))}\n"
        f"    theirs: {describe(Side.from_dict(c['theirs']))}"
    )


def run_conflicts(args: argparse.Namespace) -> int:
    from annotator.review.conflicts import conflict_json

    require_case(args.case)
    with open_case(args.case) as case:
        rows = [conflict_json(case, c) for c in case.clinic.conflicts(open_only=not args.all)]
    for row in rows:
        if args.json:
            print_json(row)
        else:
            print(conflict_lines(row))
    if not args.json:
        print(f"{len(rows)} {'conflict(s)' if args.all else 'open conflict(s)'}")
    return EXIT_OK


def run_resolve(args: argparse.Namespace) -> int:
    from annotator.review import Review
    from annotator.review.conflicts import resolve

    edited = {k: v for k, v in (("status", args.status), ("note", args.note)) if v is not None}
    if bool(args.take) == bool(edited):
        error("resolve: give --take mine|theirs, or the values to set (--status, --note)")
        return EXIT_USAGE
    require_case(args.case)
    with open_case(args.case, lock=True) as case:
        review = Review(case, args.who)
        choice = args.take or "edited"
        change = resolve(review, args.conflict, choice, edited or None)
        finding = case.finding(change.finding_ids[0], include_deleted=True)
        state = "deleted" if finding.deleted else finding.status.value
        print(f"conflict {args.conflict}: {change.label}; finding #{finding.id} is {state}")
    return EXIT_OK
