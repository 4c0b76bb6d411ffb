"""`annotator`: the desktop app by default, and subcommands for headless work.

Errors reach the user as one line on stderr naming the file and the problem, never a traceback:
exit 2 for a usage error, 3 for a bad input file (the rest of a batch is still processed).
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TextIO

from annotator.core.errors import AnnotatorError
from annotator.core.model import Category, Finding, Status
from annotator.core.progress import Progress

if TYPE_CHECKING:
    from annotator.nlp.worker import DetectionWorker

EXIT_OK, EXIT_USAGE, EXIT_BAD_INPUT = 0, 2, 3
SUBCOMMANDS = ("scan", "findings", "tag", "export")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="annotator",
        description="Find, tag and rebut gang labels, Red Notices, SAFE and fusion-center "
        "references in immigration case PDFs. Works offline.",
        epilog="Run 'annotator' alone (or with a case file or PDFs) to open the desktop app.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    scan = sub.add_parser("scan", help="add PDFs to a case and detect references")
    scan.add_argument("pdfs", nargs="+", metavar="PDF")
    scan.add_argument(
        "--case",
        help="case file to add to (created if missing); default: a case kept in memory only",
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

    findings = sub.add_parser("findings", help="list a case's findings")
    findings.add_argument("case")
    findings.add_argument("--json", action="store_true", help="print findings as JSON Lines")
    findings.add_argument("--category", choices=[c.value for c in Category])
    findings.add_argument("--status", choices=[s.value for s in Status])

    tag = sub.add_parser("tag", help="set a finding's status and note")
    tag.add_argument("case")
    tag.add_argument("id", type=int)
    tag.add_argument("--status", required=True, choices=[s.value for s in Status])
    tag.add_argument("--note", help="note or rebuttal text")
    tag.add_argument("--exhibit", help="the exhibit that rebuts it")
    tag.add_argument("--who", default="", help="reviewer's name for the audit log")

    export = sub.add_parser("export", help="write the rebuttal memo and annotated exhibit PDFs")
    export.add_argument("case")
    export.add_argument("--memo", metavar="OUT", help="the memo: OUT.docx, OUT.md or OUT.pdf")
    export.add_argument(
        "--exhibits", metavar="DIR", help="folder for highlighted copies of the PDFs"
    )
    export.add_argument("--force", action="store_true", help="overwrite files that already exist")
    export.add_argument("--reviewer", help="name for 'Prepared by' (default: the case's reviewer)")
    return parser


def program() -> NoReturn:
    """The `annotator` command and `python -m annotator`: main() as a process of its own."""
    global _OWN_PROCESS
    _OWN_PROCESS = True
    code = main()
    freeze_heap()  # nothing made so far is garbage: Python's exit need not walk it again
    raise SystemExit(code)


_OWN_PROCESS = False
"""True when this process is the command itself, not a program calling main() (a test)."""


def freeze_heap() -> None:
    """Move every object made so far out of the cyclic garbage collector's sight (gc.freeze).

    The modules a scan loads (PyMuPDF, sqlite-utils, numpy) make objects that live until the
    process exits, and every full collection walks them again; so does Python's exit. Frozen
    after start-up, they are never walked: 0.08 s less at exit alone. Only when this process is
    the command: a program calling main() keeps its garbage collector as it was.
    """
    if _OWN_PROCESS:
        gc.freeze()


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if not args_list or (args_list[0] not in SUBCOMMANDS and args_list[0] not in ("-h", "--help")):
        return gui_main(args_list)
    args = _parser().parse_args(args_list)
    try:
        if args.command == "scan":
            return _scan(args)
        if args.command == "findings":
            return _findings(args)
        if args.command == "tag":
            return _tag(args)
        if args.command == "export":
            return _export(args)
    except AnnotatorError as err:
        _error(str(err))
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        _error("interrupted")
        return 130
    except Exception as err:  # the last resort: one line, never a traceback
        _error(f"unexpected error: {type(err).__name__}: {err} (please report this)")
        return 1
    return EXIT_USAGE


def gui_main(argv: Sequence[str] | None = None) -> int:
    """Open the desktop app."""
    try:
        from annotator.ui.app import run  # the only import of the Qt face
    except ImportError as err:
        _error(f"the desktop app cannot start: {err}")
        return EXIT_USAGE
    return run(list(sys.argv[1:] if argv is None else argv))


def _error(message: str) -> None:
    print(f"annotator: {message}", file=sys.stderr)


def _open_case(path: str, **kwargs: Any) -> Any:
    from annotator.store import CaseStore

    return CaseStore(path, **kwargs)


def _scan(args: argparse.Namespace) -> int:
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
    from annotator.ingest import Ingestor
    from annotator.store.case import IN_MEMORY

    failed = False
    with contextlib.ExitStack() as stack:
        case = stack.enter_context(_open_case(args.case or IN_MEMORY, lock=True))
        freeze_heap()  # everything loaded: what the scan makes is all the collector has to walk
        if args.respondent or args.a_number:
            case.set_info(respondent=args.respondent, a_number=args.a_number)
        ingestor = stack.enter_context(Ingestor(case, ocr=args.ocr, worker=worker))
        bar = _ProgressBar(sys.stderr) if sys.stderr.isatty() and not args.json else None
        ocr_hint = ""
        for path in args.pdfs:
            try:
                result = ingestor.add_file(path, bar.update if bar else None)
            except OSError as err:
                if bar:
                    bar.clear()
                _error(f"{path}: cannot be read ({err.strerror or err})")
                failed = True
                continue
            except AnnotatorError as err:
                if bar:
                    bar.clear()
                _error(str(err))
                failed = True
                continue
            if bar:
                bar.clear()
            assert result.document is not None
            for problem in result.ocr_problems:
                _error(f"{path}: {problem}; the page was not searched")
            if result.ocr_unavailable and not ocr_hint:
                ocr_hint = result.ocr_unavailable
                _error(f"scanned pages cannot be searched: {ocr_hint}")
            if args.json:
                for f in case.findings(document_id=result.document.id):
                    _print_json(_finding_json(f, path))
            else:
                _print_summary(result)
        sys.stdout.flush()
    return EXIT_BAD_INPUT if failed else EXIT_OK


def _findings(args: argparse.Namespace) -> int:
    _require_case(args.case)
    with _open_case(args.case) as case:
        docs = {d.id: d for d in case.documents()}
        rows = case.findings(category=args.category, status=args.status)
        for f in rows:
            if args.json:
                out = _finding_json(f, docs[f.document_id].path)
                out.update({"id": f.id, "note": f.note, "exhibit": f.exhibit})
                _print_json(out)
            else:
                flag = "" if f.detected else "  (no longer detected)"
                print(
                    f"{f.id:>5}  {docs[f.document_id].title[:28]:<28} p.{f.page:<4} "
                    f"{f.category.value:<13} {f.status.value:<10} {f.text[:50]}{flag}"
                )
        if not args.json:
            print(f"{len(rows)} finding(s)")
            _print_unsearched(case, list(docs.values()))
    return EXIT_OK


def _print_unsearched(case: Any, documents: list[Any]) -> None:
    """Scanned pages OCR has not read: a reference there would not be in the list above."""
    for doc in documents:
        if doc.pages_needing_ocr:
            pages = [p.number for p in case.pages(doc.id) if p.needs_ocr and not p.ocr_done]
            print(f"not searched (no text layer, OCR needed): {doc.title}, {_page_list(pages)}")


def _tag(args: argparse.Namespace) -> int:
    _require_case(args.case)
    with _open_case(args.case, lock=True) as case:
        case.finding(args.id)
        f = case.set_status(args.id, args.status, args.who)
        if args.note is not None:
            f = case.set_note(args.id, args.note, args.who)
        if args.exhibit is not None:
            f = case.set_exhibit(args.id, args.exhibit, args.who)
        print(f"finding {f.id}: {f.status.value}" + (f" — {f.note}" if f.note else ""))
    return EXIT_OK


def _export(args: argparse.Namespace) -> int:
    from annotator.export import MEMO_FORMATS, export_exhibits, export_memo

    if not args.memo and not args.exhibits:
        _error("export: give --memo OUT.docx|OUT.md|OUT.pdf, --exhibits DIR, or both")
        return EXIT_USAGE
    if args.memo and Path(args.memo).suffix.lower() not in MEMO_FORMATS:
        _error(f"{args.memo}: the memo must end in .docx, .md or .pdf")
        return EXIT_USAGE
    _require_case(args.case)
    with _open_case(args.case) as case:
        if args.memo:
            memo = export_memo(case, args.memo, reviewer=args.reviewer, force=args.force)
            print(f"wrote {args.memo}")
            waiting = len(memo.unreviewed.findings)
            if waiting:
                _error(
                    f"warning: {waiting} finding{'s' if waiting != 1 else ''} not yet reviewed; "
                    "they are listed under 'Not yet reviewed'"
                )
        if args.exhibits:
            for exhibit in export_exhibits(case, args.exhibits, force=args.force):
                print(f"wrote {exhibit.path} ({len(exhibit.findings)} highlights)")
    return EXIT_OK


def _require_case(path: str) -> None:
    if not Path(path).is_file():
        raise AnnotatorError(f"{path}: no such case file")


def _finding_json(f: Finding, file: str | os.PathLike[str]) -> dict[str, Any]:
    return {
        "file": str(file),
        "page": f.page,
        "category": f.category.value,
        "subtype": f.subtype,
        "text": f.text,
        "start": f.start,
        "end": f.end,
        "rects": [list(r) for r in f.rects],
        "status": f.status.value,
    }


def _print_json(obj: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")


def _print_summary(result: Any) -> None:
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
    if result.pages_needing_ocr:
        print(
            f"  {result.pages_needing_ocr} page(s) have no text layer and were not searched "
            f"(OCR needed): {_page_list(result.unsearched_pages)}"
        )


def _page_list(numbers: Sequence[int]) -> str:
    """1, 2, 3, 5 -> "pages 1-3, 5"."""
    runs: list[list[int]] = []
    for n in sorted(numbers):
        if runs and n == runs[-1][1] + 1:
            runs[-1][1] = n
        else:
            runs.append([n, n])
    text = ", ".join(str(a) if a == b else f"{a}-{b}" for a, b in runs)
    return ("page " if len(numbers) == 1 else "pages ") + text


class _ProgressBar:
    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def update(self, p: Progress) -> None:
        width = 30
        filled = int(width * p.done / max(p.total, 1))
        self.stream.write(
            f"\r[{'#' * filled}{'.' * (width - filled)}] {p.done}/{p.total} {p.message[:40]:<40}"
        )
        self.stream.flush()

    def clear(self) -> None:
        self.stream.write("\r" + " " * 90 + "\r")
        self.stream.flush()
