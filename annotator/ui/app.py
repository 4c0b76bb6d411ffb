"""`annotator [CASE | PDF... | --demo]`: start the desktop app."""

from __future__ import annotations

import argparse
import gc
import shutil
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from annotator.core.paths import resources_dir, sample_dir
from annotator.store import CaseStore
from annotator.ui.crash import install_excepthook, setup_logging
from annotator.ui.settings import default_case_dir, unique_case_path
from annotator.ui.window import APP_TITLE, MainWindow

DEMO_RESPONDENT = "Daniel Alexander Rivas Mejía (fictional)"
DEMO_A_NUMBER = "A 012-345-678"


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="annotator", description="Open the desktop app.")
    parser.add_argument(
        "files",
        nargs="*",
        metavar="CASE|PDF",
        help="a case file to open, or PDFs to start a new case with",
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open a fresh case built from the fictional sample documents",
    )
    return parser.parse_args(argv)


def stylesheet() -> str:
    path = resources_dir() / "annotator.qss"
    return path.read_text(encoding="utf-8") if path.is_file() else ""


def make_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv or [sys.argv[0]])
    app.setApplicationName(APP_TITLE)
    app.setOrganizationName("Case-File Annotator")
    app.setStyle("Fusion")
    app.setStyleSheet(stylesheet())
    # Everything imported so far lives as long as the app: keep it out of full collections,
    # which otherwise walk it all and stall the event loop while a long PDF is ingested.
    gc.freeze()
    return app


def start(window: MainWindow, args: argparse.Namespace) -> Path | None:
    """Open what the command line asked for, once the window is up; the demo's folder, which
    goes when the app quits."""
    pdfs = [f for f in args.files if f.lower().endswith(".pdf")]
    cases = [f for f in args.files if not f.lower().endswith(".pdf")]
    if args.demo:
        folder = Path(tempfile.mkdtemp(prefix="annotator-demo-"))
        path = folder / "demo.case"
        with CaseStore(path) as case:
            case.set_info(respondent=DEMO_RESPONDENT, a_number=DEMO_A_NUMBER)
        if window.open_case(path):
            window.add_documents([str(p) for p in sorted(sample_dir().glob("*.pdf"))])
        return folder
    elif cases:
        window.open_case(cases[0])
        if pdfs:
            window.add_documents(pdfs)
    elif pdfs:
        stem = Path(pdfs[0]).stem if len(pdfs) == 1 else "New case"
        if window.open_case(unique_case_path(default_case_dir(), stem)):
            window.add_documents(pdfs)
    return None


def run(argv: list[str]) -> int:
    args = parse(argv)
    setup_logging()
    app = make_app()
    window = MainWindow()
    install_excepthook(lambda message: QMessageBox.warning(window, APP_TITLE, message))
    window.show()
    demo: list[Path | None] = []
    QTimer.singleShot(0, lambda: demo.append(start(window, args)))
    code = int(app.exec())
    window.close_case()
    for folder in demo:
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)  # the demo case is a throw-away copy
    return code
