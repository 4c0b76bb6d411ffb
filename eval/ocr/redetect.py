#!/usr/bin/env python3
"""Detect again on the OCR text a case file stores, without OCR, and score it with the eval kit.

usage: python eval/ocr/redetect.py CASE WORK [--kit DIR] [--verbose]

WORK is a folder laid out as eval/ocr/evaluate.py leaves it (texts/, gold/, degraded_1/ with the
PDFs and their .layout.json); CASE is the case `annotator scan --case CASE` made of those PDFs, so
it holds each page's OCR text. A copy of the case is re-scanned with the code of this checkout
(Ingestor.rescan: detection only, the stored text as it is), its findings written to
WORK/found_redetect.jsonl and scored; the case itself is left as it was. So the slow OCR is done
once, and each change to detection or to the OCR repairs is measured in seconds.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval" / "ocr"))

from evaluate import _default_kit  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("case", type=Path)
    ap.add_argument("work", type=Path)
    ap.add_argument("--pdfs", default="degraded_1", help="the PDFs' folder under WORK")
    ap.add_argument("--kit", type=Path, default=_default_kit())
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()

    from annotator.cli.output import finding_json
    from annotator.ingest import Ingestor
    from annotator.store import CaseStore

    found = args.work / "found_redetect.jsonl"
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "copy.case"
        shutil.copy(args.case, copy)
        started, pages = time.process_time(), 0
        with CaseStore(str(copy)) as case, found.open("w", encoding="utf-8") as out:
            ingestor = Ingestor(case, ocr="never", workers=1)
            for doc in case.documents():
                pages += doc.page_count
                ingestor.rescan(doc.id)
                for f in case.findings(document_id=doc.id):
                    out.write(json.dumps(finding_json(f, doc.path), ensure_ascii=False) + "\n")
        cpu = time.process_time() - started
    score = [sys.executable, str(args.kit / "score.py"), str(args.work / "texts")]
    score += [str(args.work / "gold"), str(args.work / args.pdfs), str(found)]
    subprocess.run(score + ["--verbose"] * args.verbose, check=False)
    print(
        f"detection: {cpu:.1f} CPU s for {pages} pages ({1000 * cpu / max(pages, 1):.0f} ms a page)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
