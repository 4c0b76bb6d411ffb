"""`annotator review add|approve|overturn|stats|assign`: a clinic's day-to-day steps.

Registered under `annotator review` by review_commands.py. `add` is the command line's way to
add a finding the detector missed (the window's is dragging across words): the phrase is found
in the page's stored text and highlighted on every line it spans.
"""

from __future__ import annotations

import argparse
import re
from typing import Any

from annotator.cli.arguments import find_document
from annotator.cli.output import EXIT_OK, open_case, print_json, require_case
from annotator.core.errors import AnnotatorError
from annotator.core.model import Category, PageText


def register(group: Any) -> None:
    add = group.add_parser("add", help="add a finding the detector missed, by its text")
    add.add_argument("case")
    add.add_argument("document", help="the document: id, file name or title")
    add.add_argument("page", type=int)
    add.add_argument("text", help="the words to add, as on the page")
    add.add_argument("--category", required=True, choices=[c.value for c in Category])
    add.add_argument("--occurrence", type=int, default=1, help="which occurrence on the page")
    add.add_argument("--who", default="", help="your name for the audit log")
    add.set_defaults(run=run_add)

    for verb in ("approve", "overturn"):
        judge = group.add_parser(verb, help=f"{verb} findings' tags (second-level review)")
        judge.add_argument("case")
        judge.add_argument("ids", nargs="+", type=int, metavar="ID")
        judge.add_argument("--note", required=verb == "overturn", default="", help="why")
        judge.add_argument("--who", default="", help="your name for the audit log")
        judge.set_defaults(run=run_judge, verdict=f"{verb}d" if verb == "approve" else "overturned")

    stats = group.add_parser("stats", help="per reviewer: reviewed, approved, overturned")
    stats.add_argument("case")
    stats.add_argument("--json", action="store_true", help="one JSON object per reviewer")
    stats.set_defaults(run=run_stats)

    assign = group.add_parser("assign", help="assign documents to a reviewer")
    assign.add_argument("case")
    assign.add_argument("--reviewer", required=True)
    assign.add_argument("documents", nargs="+", metavar="DOCUMENT")
    assign.add_argument("--who", default="", help="your name, recorded with the assignment")
    assign.set_defaults(run=run_assign)


def phrase_offsets(page: PageText, text: str, occurrence: int = 1) -> tuple[int, int]:
    """Where the nth occurrence of `text` is in the page's text; any run of spaces or line
    breaks in the page matches a space, so a phrase broken across lines is found."""
    words = [re.escape(w) for w in text.split()]
    if not words:
        raise AnnotatorError("add: give the words to add")
    found = list(re.finditer(r"\s+".join(words), page.text, re.IGNORECASE))
    if len(found) < occurrence:
        raise AnnotatorError(f"page {page.number} has no occurrence {occurrence} of “{text}”")
    match = found[occurrence - 1]
    return match.start(), match.end()


def run_add(args: argparse.Namespace) -> int:
    from annotator.nlp.geometry import span_rects
    from annotator.review import Review

    require_case(args.case)
    with open_case(args.case, lock=True) as case:
        document = find_document(case, args.document)
        page = case.page(document.id, args.page)
        start, end = phrase_offsets(page, args.text, args.occurrence)
        finding = Review(case, args.who).add_finding(
            document.id,
            args.page,
            Category(args.category),
            start,
            end,
            span_rects(page, start, end),
        )
        print(
            f"added finding {finding.id}: {finding.category.value} “{finding.text}” p.{args.page}"
        )
    return EXIT_OK


def run_judge(args: argparse.Namespace) -> int:
    from annotator.review import Review
    from annotator.review.supervise import judge

    require_case(args.case)
    with open_case(args.case, lock=True) as case:
        review = Review(case, args.who)
        for finding_id in args.ids:
            judge(review, finding_id, args.verdict, args.note)
            print(
                f"finding {finding_id}: {args.verdict}" + (f" — {args.note}" if args.note else "")
            )
    return EXIT_OK


def run_stats(args: argparse.Namespace) -> int:
    from annotator.review.supervise import reviewer_stats

    require_case(args.case)
    with open_case(args.case) as case:
        rows = reviewer_stats(case)
    if args.json:
        for row in rows:
            print_json(row.to_dict())
        return EXIT_OK
    print(
        f"{'reviewer':<24} {'reviewed':>8} {'approved':>8} {'overturned':>10} {'overturn rate':>13}"
    )
    for row in rows:
        rate = row.overturn_rate
        shown = "—" if rate is None else f"{100 * rate:.1f}%"
        print(
            f"{row.reviewer[:24]:<24} {row.reviewed:>8} {row.approved:>8} {row.overturned:>10} "
            f"{shown:>13}"
        )
    return EXIT_OK


def run_assign(args: argparse.Namespace) -> int:
    from annotator.store.case import now

    require_case(args.case)
    with open_case(args.case, lock=True) as case:
        chosen = [find_document(case, ref) for ref in args.documents]
        with case.transaction():
            for document in chosen:
                case.clinic.assign(document.sha256, args.reviewer, args.who, now())
        assigned = case.clinic.assigned(args.reviewer)
        titles = [d.title for d in case.documents() if d.sha256 in assigned]
    print(f"{args.reviewer}: {len(titles)} document(s) assigned")
    for title in titles:
        print(f"  {title}")
    return EXIT_OK
