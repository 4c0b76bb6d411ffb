"""Read and review a case's findings: `findings`, `tag`, `undo`, `redo` and `history`.

Every change goes through annotator.review, as in the window: one action is one transaction and
one step of the case's history, which `undo` and `redo` walk, whoever made the change and where.
"""

from __future__ import annotations

import argparse
from typing import Any

from annotator.cli.output import (
    EXIT_OK,
    EXIT_USAGE,
    error,
    finding_json,
    open_case,
    page_list,
    print_json,
    require_case,
)
from annotator.core.model import Category, Status


def register(sub: Any) -> None:
    findings = sub.add_parser("findings", help="list a case's findings")
    findings.add_argument("case")
    findings.add_argument("--json", action="store_true", help="print findings as JSON Lines")
    findings.add_argument("--category", choices=[c.value for c in Category])
    findings.add_argument("--status", choices=[s.value for s in Status])
    findings.set_defaults(run=run_findings)

    tag = sub.add_parser("tag", help="set a finding's status and note")
    tag.add_argument("case")
    tag.add_argument("id", type=int)
    tag.add_argument("--status", required=True, choices=[s.value for s in Status])
    tag.add_argument("--note", help="note or rebuttal text")
    tag.add_argument("--exhibit", help="the exhibit that rebuts it")
    tag.add_argument("--who", default="", help="reviewer's name for the audit log")
    tag.add_argument(
        "--all-identical",
        action="store_true",
        help="with --status dismissed: dismiss every untagged finding of the same claim too",
    )
    tag.set_defaults(run=run_tag)

    like = sub.add_parser(
        "find-like", help="list (or add) the places a finding's phrase recurs in the case"
    )
    like.add_argument("case")
    like.add_argument("id", type=int)
    like.add_argument("--accept", action="store_true", help="add them all as findings")
    like.add_argument("--json", action="store_true", help="print them as JSON Lines")
    like.add_argument("--who", default="", help="reviewer's name for the audit log")
    like.set_defaults(run=run_find_like)

    for name, verb in (("undo", "undo the newest change"), ("redo", "redo the change undone last")):
        step = sub.add_parser(name, help=f"{verb} to the case (made here or in the window)")
        step.add_argument("case")
        step.add_argument("--who", default="", help="reviewer's name for the audit log")
        step.set_defaults(run=run_undo if name == "undo" else run_redo)

    history = sub.add_parser("history", help="list the changes undo and redo walk")
    history.add_argument("case")
    history.set_defaults(run=run_history)


def run_findings(args: argparse.Namespace) -> int:
    require_case(args.case)
    with open_case(args.case, args) as case:
        docs = {d.id: d for d in case.documents()}
        rows = case.findings(category=args.category, status=args.status)
        for f in rows:
            if args.json:
                out = finding_json(f, docs[f.document_id].path)
                out.update({"id": f.id, "note": f.note, "exhibit": f.exhibit})
                print_json(out)
            else:
                flag = "" if f.detected else "  (no longer detected)"
                print(
                    f"{f.id:>5}  {docs[f.document_id].title[:28]:<28} p.{f.page:<4} "
                    f"{f.category.value:<13} {f.status.value:<10} {f.text[:50]}{flag}"
                )
        if not args.json:
            print(f"{len(rows)} finding(s)")
            _print_unsearched(case, list(docs.values()))
        for doc in case.incomplete_documents():
            warning = (
                f"{doc.path}: its reading was not finished, so findings may be missing; "
                f"`annotator scan {doc.path} --case {args.case}` finishes it"
            )
            error(warning) if args.json else print(f"reading not finished: {warning}")
    return EXIT_OK


def _print_unsearched(case: Any, documents: list[Any]) -> None:
    """Scanned pages OCR has not read: a reference there would not be in the list above."""
    for doc in documents:
        if doc.pages_needing_ocr:
            pages = [p.number for p in case.pages(doc.id) if p.needs_ocr and not p.ocr_done]
            print(f"not searched (no text layer, OCR needed): {doc.title}, {page_list(pages)}")


def run_tag(args: argparse.Namespace) -> int:
    from annotator.review import Review

    require_case(args.case)
    if args.all_identical and args.status != Status.DISMISSED.value:
        error("tag: --all-identical goes with --status dismissed")
        return EXIT_USAGE
    with open_case(args.case, args, lock=True) as case:
        review = Review(case, args.who)
        if args.all_identical:
            with case.transaction():  # the tag and the dismissals, committed together
                review.tag(args.id, note=args.note, exhibit=args.exhibit)
                change = review.dismiss_identical(args.id)
            print(f"dismissed {len(change.finding_ids)} finding(s) of this claim")
        else:
            review.tag(args.id, args.status, note=args.note, exhibit=args.exhibit)
        f = case.finding(args.id)
        print(f"finding {f.id}: {f.status.value}" + (f" — {f.note}" if f.note else ""))
    return EXIT_OK


def run_find_like(args: argparse.Namespace) -> int:
    from annotator.review import Review

    require_case(args.case)
    with open_case(args.case, args, lock=args.accept) as case:
        review = Review(case, args.who)
        candidates = review.find_like(args.id)
        titles = {d.id: d for d in case.documents()}
        for c in candidates:
            if args.json:
                document = titles[c.document_id]
                print_json(
                    {
                        "file": document.path,
                        "page": c.page,
                        "text": c.text,
                        "start": c.start,
                        "end": c.end,
                        "rects": [list(r) for r in c.rects],
                        "context": c.context,
                    }
                )
            else:
                print(f"{titles[c.document_id].title[:28]:<28} p.{c.page:<4} {c.context}")
        if args.accept:
            change = review.accept_like(args.id, candidates)
            error(f"added {len(change.finding_ids)} finding(s) like #{args.id}")
        elif not args.json:
            print(f"{len(candidates)} place(s) like finding {args.id}")
    return EXIT_OK


def run_undo(args: argparse.Namespace) -> int:
    return _step(args, undo=True)


def run_redo(args: argparse.Namespace) -> int:
    return _step(args, undo=False)


def _step(args: argparse.Namespace, undo: bool) -> int:
    from annotator.review import Review

    require_case(args.case)
    with open_case(args.case, args, lock=True) as case:
        review = Review(case, args.who)
        change = review.undo() if undo else review.redo()
        if change is None:
            print(f"nothing to {'undo' if undo else 'redo'}")
        else:
            ids = ", ".join(f"#{i}" for i in change.finding_ids)
            print(f"{'undid' if undo else 'redid'}: {change.label} (finding {ids})")
    return EXIT_OK


def run_history(args: argparse.Namespace) -> int:
    require_case(args.case)
    with open_case(args.case, args) as case:
        for entry in case.history.entries():
            state = "  (undone)" if entry.undone else ""
            print(f"{entry.seq:>5}  {entry.at}  {entry.who:<16} {entry.label}{state}")
    return EXIT_OK
