"""`annotator withheld CASE [--json]`: what the case's FOIA release withholds."""

from __future__ import annotations

import argparse
from typing import Any

from annotator.cli.output import EXIT_OK, open_case, print_json, require_case


def register(sub: Any) -> None:
    withheld = sub.add_parser(
        "withheld",
        help="list what the release withholds: exemptions, withheld pages, referrals, "
        "redactions and gaps in the Bates numbering",
    )
    withheld.add_argument("case")
    withheld.add_argument("--json", action="store_true", help="print one JSON object a line")
    withheld.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from annotator.export.withheld import case_withholdings

    require_case(args.case)
    with open_case(args.case) as case:
        rows = case_withholdings(case)
        for document, item in rows:
            if args.json:
                print_json(
                    {
                        "file": document.path,
                        "page": item.page,
                        "kind": item.kind.value,
                        "code": item.code,
                        "text": item.text,
                        "rects": [list(r) for r in item.rects],
                    }
                )
            else:
                what = f"{item.kind.label} {item.code}".strip()
                print(f"{document.title[:32]:<32} p.{item.page:<4} {what}: {item.text}")
        if not args.json:
            print(f"{len(rows)} item(s) withheld or missing")
    return EXIT_OK
