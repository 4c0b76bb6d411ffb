"""`annotator scan PDF... [--case CASE [--encrypt]] [--json] [--ocr auto|always|never]`."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from typing import TYPE_CHECKING, Any

from annotator.cli.output import (
    EXIT_BAD_INPUT,
    EXIT_OK,
    ProgressBar,
    UsageError,
    error,
    finding_json,
    open_case,
    page_list,
    print_json,
)
from annotator.core.errors import AnnotatorError
from annotator.core.model import Category

if TYPE_CHECKING:
    from annotator.nlp.worker import DetectionWorker


def register(sub: Any) -> None:
    scan = sub.add_parser("scan", help="add PDFs to a case and detect references")
    scan.add_argument("pdfs", nargs="+", metavar="PDF")
    scan.add_argument(
        "--case",
        help="case file to add to (created if missing); default: a case kept in memory only",
    )
    scan.add_argument(
        "--encrypt",
        action="store_true",
        help="create the case file encrypted (SQLCipher), with the passphrase --passphrase-file "
        "or ANNOTATOR_PASSPHRASE gives",
    )
    scan.add_argument("--json", action="store_true", help="print findings as JSON Lines")
    scan.add_argument(
        "--ocr",
        choices=("auto", "always", "never"),
        default="auto",
        help="OCR pages with no text layer (default: auto)",
    )
    scan.add_argument("--respondent", default="", help="respondent's name, for a new case")
    scan.add_argument("--a-number", default="", help="A-number, for a new case")
    scan.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    # The detection worker first: it loads spaCy (over a second) while this process loads the
    # PDF and SQLite code and starts reading pages.
    from annotator.nlp.worker import DetectionWorker

    worker = DetectionWorker() if (os.cpu_count() or 1) > 1 else None
    try:
        return _scan_with(args, worker)
    finally:
        if worker is not None:
            worker.close()


def _scan_with(args: argparse.Namespace, worker: DetectionWorker | None) -> int:
    from annotator.cli import freeze_heap
    from annotator.ingest import Ingestor
    from annotator.store.case import IN_MEMORY

    if args.encrypt and not args.case:
        raise UsageError("scan --encrypt: give the case file to create with --case CASE")
    if args.encrypt and args.case and _is_plain_case(args.case):
        raise UsageError(
            f"{args.case}: is a plain case; 'annotator encrypt {args.case}' converts it"
        )
    failed = False
    with contextlib.ExitStack() as stack:
        case = stack.enter_context(
            open_case(args.case or IN_MEMORY, args, encrypt=args.encrypt, lock=True)
        )
        freeze_heap()  # everything loaded: what the scan makes is all the collector has to walk
        if args.respondent or args.a_number:
            case.set_info(respondent=args.respondent, a_number=args.a_number)
        ingestor = stack.enter_context(Ingestor(case, ocr=args.ocr, worker=worker))
        for problem in ingestor.detector.lexicon.problems:
            error(problem)
        bar = ProgressBar(sys.stderr) if sys.stderr.isatty() and not args.json else None
        ocr_hint = ""
        for path in args.pdfs:
            try:
                result = ingestor.add_file(path, bar.update if bar else None)
            except OSError as err:
                if bar:
                    bar.clear()
                error(f"{path}: cannot be read ({err.strerror or err})")
                failed = True
                continue
            except AnnotatorError as err:
                if bar:
                    bar.clear()
                error(str(err))
                failed = True
                continue
            if bar:
                bar.clear()
            assert result.document is not None
            for problem in result.ocr_problems:
                error(f"{path}: {problem}; the page was not searched")
            if result.ocr_unavailable and not ocr_hint:
                ocr_hint = result.ocr_unavailable
                error(f"scanned pages cannot be searched: {ocr_hint}")
            if args.json:
                for f in case.findings(document_id=result.document.id):
                    print_json(finding_json(f, path))
            else:
                _print_summary(result, case.poorly_read_pages(result.document.id))
        failed |= _finish_interrupted(case, ingestor, args)
        sys.stdout.flush()
    return EXIT_BAD_INPUT if failed else EXIT_OK


def _finish_interrupted(case: Any, ingestor: Any, args: argparse.Namespace) -> bool:
    """Finish the documents an earlier, interrupted scan of this case left; True if one of
    them cannot be finished (its PDF is gone)."""
    failed = False
    for document in case.incomplete_documents():
        try:
            result = ingestor.finish(document.id)
        except AnnotatorError as err:
            error(f"{err}; its findings may be incomplete")
            failed = True
            continue
        if args.json:
            error(f"{document.path}: its interrupted reading is now finished")
        else:
            print("(its interrupted reading is now finished)")
            _print_summary(result, case.poorly_read_pages(document.id))
    return failed


def _is_plain_case(path: str) -> bool:
    from annotator.store.crypto import is_encrypted

    return os.path.isfile(path) and os.path.getsize(path) > 0 and not is_encrypted(path)


def _print_summary(result: Any, poorly_read: list[int]) -> None:
    doc = result.document
    counts = result.counts
    note = " (already in the case)" if result.duplicate and not result.rescanned else ""
    note = " (re-scanned with the new lexicon)" if result.rescanned else note
    print(f"{doc.title}{note}")
    print(
        f"  {doc.page_count} page(s); findings: "
        + ", ".join(f"{c.value} {counts.get(c.value, 0)}" for c in Category)
    )
    if result.pages_ocr_read:
        print(f"  {result.pages_ocr_read} scanned page(s) read by OCR")
    if poorly_read:
        print(
            f"  {len(poorly_read)} page(s) poorly read by OCR; read them by eye: "
            f"{page_list(poorly_read)}"
        )
    if result.pages_needing_ocr:
        print(
            f"  {result.pages_needing_ocr} page(s) have no text layer and were not searched "
            f"(OCR needed): {page_list(result.unsearched_pages)}"
        )
