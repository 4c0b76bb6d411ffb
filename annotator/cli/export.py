"""`annotator export CASE --memo OUT.docx|.md|.pdf [--exhibits DIR]`."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from annotator.cli.output import EXIT_OK, EXIT_USAGE, error, open_case, require_case


def register(sub: Any) -> None:
    export = sub.add_parser("export", help="write the rebuttal memo and annotated exhibit PDFs")
    export.add_argument("case")
    export.add_argument("--memo", metavar="OUT", help="the memo: OUT.docx, OUT.md or OUT.pdf")
    export.add_argument(
        "--exhibits", metavar="DIR", help="folder for highlighted copies of the PDFs"
    )
    export.add_argument("--force", action="store_true", help="overwrite files that already exist")
    export.add_argument("--reviewer", help="name for 'Prepared by' (default: the case's reviewer)")
    export.add_argument(
        "--approved-only", action="store_true", help="only the findings a supervisor approved"
    )
    export.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from annotator.export import MEMO_FORMATS, export_exhibits, export_memo

    if not args.memo and not args.exhibits:
        error("export: give --memo OUT.docx|OUT.md|OUT.pdf, --exhibits DIR, or both")
        return EXIT_USAGE
    if args.memo and Path(args.memo).suffix.lower() not in MEMO_FORMATS:
        error(f"{args.memo}: the memo must end in .docx, .md or .pdf")
        return EXIT_USAGE
    require_case(args.case)
    with open_case(args.case, args) as case:
        if case.encrypted:
            error("note: the memo and exhibits are plain files, not encrypted like the case")
        if args.memo:
            memo = export_memo(
                case,
                args.memo,
                reviewer=args.reviewer,
                force=args.force,
                approved_only=args.approved_only,
            )
            print(f"wrote {args.memo}")
            waiting = len(memo.unreviewed.findings)
            if waiting:
                error(
                    f"warning: {waiting} finding{'s' if waiting != 1 else ''} not yet reviewed; "
                    "they are listed under 'Not yet reviewed'"
                )
        if args.exhibits:
            for exhibit in export_exhibits(case, args.exhibits, force=args.force):
                removed = f"; left out: {'; '.join(exhibit.stripped)}" if exhibit.stripped else ""
                print(f"wrote {exhibit.path} ({len(exhibit.findings)} highlights{removed})")
    return EXIT_OK
