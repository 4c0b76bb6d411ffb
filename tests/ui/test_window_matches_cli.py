"""The window's ingest (chunks in a worker pool, settled after) finds what the CLI finds."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from pytestqt.qtbot import QtBot

from annotator.ingest import Ingestor
from annotator.store import CaseStore
from annotator.ui.app import start
from annotator.ui.window import MainWindow
from tests.ui.test_ingest_ui import INGEST_TIMEOUT_MS


def _rows(case: CaseStore) -> set[tuple[object, ...]]:
    titles = {d.id: Path(d.path).name for d in case.documents()}
    return {
        (titles[f.document_id], f.page, f.category.value, f.text, f.start, f.end)
        for f in case.findings()
    }


def test_the_window_finds_what_the_command_line_finds(
    make_window: Callable[..., MainWindow],
    sample_pdfs: list[Path],
    detector,  # type: ignore[no-untyped-def]
    tmp_path: Path,
    monkeypatch,  # type: ignore[no-untyped-def]
    qtbot: QtBot,
) -> None:
    with CaseStore(tmp_path / "cli.case") as case:
        Ingestor(case, detector, workers=1).add_files(sample_pdfs)
        expected = _rows(case)
    monkeypatch.setattr("annotator.ui.app.sample_dir", lambda: sample_pdfs[0].parent)
    window = make_window()
    start(window, argparse.Namespace(files=[], demo=True))
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=INGEST_TIMEOUT_MS)  # type: ignore[union-attr]
    got = _rows(window.session.case)  # type: ignore[union-attr]
    assert got == expected, (sorted(expected - got)[:10], sorted(got - expected)[:10])


def test_the_window_settles_acronyms_and_page_breaks_across_chunks(
    window: MainWindow,
    make_pdf: Callable[..., Path],
    detector,  # type: ignore[no-untyped-def]
    tmp_path: Path,
    monkeypatch,  # type: ignore[no-untyped-def]
    qtbot: QtBot,
) -> None:
    """Chunks of two pages: the acronym is introduced in one chunk and used in the next, a
    Red Notice runs over the break between the chunks, a gang label over a break inside one."""
    from annotator.ui import ingest_tasks

    chunks = ingest_tasks.chunks
    monkeypatch.setattr(ingest_tasks, "chunks", lambda count: chunks(count, 2))
    pages = [
        ["The Boston Regional Intelligence Center (BRIC) lists him as a gang associate."],
        ["The applicant appeared with counsel. El Salvador asked for an INTERPOL Red"],
        ["Notice in 2021. BRIC analysts gave no source. The officer called him a gang"],
        ["member without evidence, the file says."],
    ]
    pdf = make_pdf(pages, name="chunked.pdf")
    with CaseStore(tmp_path / "cli.case") as case:
        Ingestor(case, detector, workers=1).add_file(pdf)
        expected = {(f.page, f.category.value, f.text) for f in case.findings()}
    assert (3, "fusion_center", "BRIC") in expected
    assert (2, "red_notice", "INTERPOL Red Notice") in expected
    assert (3, "gang_label", "gang member") in expected
    assert window.session is not None
    window.add_documents([str(pdf)])
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=INGEST_TIMEOUT_MS)  # type: ignore[union-attr]
    (document,) = [d for d in window.session.documents() if d.path == str(pdf.resolve())]
    got = {
        (f.page, f.category.value, f.text)
        for f in window.session.case.findings(document_id=document.id)
    }
    assert got == expected
