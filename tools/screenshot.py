#!/usr/bin/env python3
"""Render the main window with the sample case open to docs/screenshot.png (offscreen is fine).

Usage: python tools/screenshot.py [OUT.png]
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from annotator.core.model import Status
from annotator.core.paths import sample_dir
from annotator.ingest import Ingestor
from annotator.store import CaseStore
from annotator.ui.app import DEMO_A_NUMBER, DEMO_RESPONDENT, make_app
from annotator.ui.settings import Settings
from annotator.ui.window import MainWindow

ROOT = Path(__file__).resolve().parent.parent


def build_case(folder: Path) -> Path:
    path = folder / "sample.case"
    pdfs = sorted(sample_dir().glob("*.pdf"))
    if not pdfs:
        sys.exit(f"no sample PDFs in {sample_dir()}: run python -m tools.samples")
    with CaseStore(path) as case:
        case.set_info(respondent=DEMO_RESPONDENT, a_number=DEMO_A_NUMBER, reviewer="A. Attorney")
        Ingestor(case, workers=1).add_files(pdfs)
    return path


def stage(window: MainWindow) -> None:
    """A review in progress: a few findings tagged, one with a note, a finding on page 3 shown."""
    session = window.session
    assert session is not None
    findings = [f for f in session.findings() if f.document_id == session.documents()[0].id]
    on_page = [f for f in findings if f.page == 3]
    plan = [Status.UNVERIFIED, Status.REBUTTED, Status.DISMISSED, Status.UNVERIFIED]
    for finding, status in zip(on_page[1:], plan, strict=False):
        session.set_status(finding.id, status)
    target = on_page[-4] if len(on_page) > 4 else findings[0]
    session.set_status(target.id, Status.REBUTTED)
    session.set_note(
        target.id,
        "No source is given for the label. The school attendance record "
        "(Ex. 12) places the respondent in class at the time of the alleged sighting.",
    )
    session.set_exhibit(target.id, "Ex. 12 — school attendance record")
    assert window.case is not None
    window.case.navigator.select_finding(target.id)


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else ROOT / "docs" / "screenshot.png"
    app = make_app()
    with tempfile.TemporaryDirectory() as folder:
        os.environ["XDG_CONFIG_HOME"] = folder  # the user's recent cases stay as they are
        case = build_case(Path(folder))
        window = MainWindow(Settings(reviewer="A. Attorney"))
        window.resize(1480, 920)
        window.show()
        window.open_case(case)
        app.processEvents()
        stage(window)
        for _ in range(40):  # let the renderer fill its queue, one page per turn
            app.processEvents()
        out.parent.mkdir(parents=True, exist_ok=True)
        window.grab().save(str(out))
        window.close()
    print(out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
