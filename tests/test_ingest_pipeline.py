"""The pipelined scan (this process extracts, a worker process detects and, when it has caught
up, extracts pages from the end) finds exactly what the one-process scan finds."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

import annotator.ingest.pipelined as pipelined
from annotator.ingest import Ingestor
from annotator.ingest.pipelined import PipelinedScan
from annotator.nlp.worker import DetectionWorker
from annotator.store import CaseStore

PLAIN = ["The applicant appeared with counsel and answered every question.", "No further notes."]
PAGES = [
    PLAIN,
    [
        "The Security Alliance for Fugitive Enforcement (SAFE) forwarded a report on the subject,",
        "who was described as an MS-13 associate by the school officer.",
    ],
    PLAIN,
    ["Per SAFE, the PNC file says he is a pandillero. An INTERPOL Red"],
    [
        "Notice followed. The Boston Regional Intelligence Center (BRIC) lists him;",
        "BRIC analysts gave no source.",
    ],
    PLAIN,
]
LONG = [*PAGES * 5, ["The school officer called him a gang"], ["member in a later note."], PLAIN]


@pytest.fixture(scope="module")
def worker():
    """One worker for the module, with spaCy loaded before the first test uses it."""
    with DetectionWorker() as running:
        running.submit(os.getpid).result()  # runs after the warm-up: spaCy is loaded
        yield running


def _rows(case: CaseStore) -> list[tuple[object, ...]]:
    return sorted(
        (f.page, f.category.value, f.subtype, f.text, f.start, f.end, f.hedged, tuple(f.rects))
        for f in case.findings()
    )


def _sequential(path, detector, case_path) -> list[tuple[object, ...]]:
    with CaseStore(case_path) as case:
        Ingestor(case, detector, workers=1).add_file(path)
        return _rows(case)


def test_pipelined_ingest_matches_the_sequential_one(
    make_pdf, detector, worker, tmp_path, monkeypatch
):
    pdf = make_pdf(PAGES)
    sequential = _sequential(pdf, detector, tmp_path / "one.case")
    monkeypatch.setattr(pipelined, "DETECT_BATCH", 2)
    with CaseStore(tmp_path / "two.case") as case:
        Ingestor(case, detector, worker=worker).add_file(pdf)
        rows = _rows(case)
    assert rows == sequential
    texts = {row[3] for row in rows}
    # the acronym introduced on page 2 counts on page 4; the Red Notice runs over a page break
    assert {"SAFE", "BRIC", "INTERPOL Red Notice"} <= texts
    assert any(row[0] == 4 and row[3] == "SAFE" for row in rows)
    assert any(row[0] == 4 and row[3] == "INTERPOL Red Notice" for row in rows)


def test_worker_shares_the_extraction_and_stale_page_breaks_are_detected_again(
    make_pdf, detector, worker, tmp_path, monkeypatch
):
    pdf = make_pdf(LONG)
    sequential = _sequential(pdf, detector, tmp_path / "one.case")
    for name, value in (("TAIL_CHUNK", 2), ("BRIDGE_BATCH", 1), ("SAVE_EVERY", 3)):
        monkeypatch.setattr(pipelined, name, value)
    intervals = []
    take = PipelinedScan._take

    def watched_take(self, page):
        intervals.append(sys.getswitchinterval())
        take(self, page)

    monkeypatch.setattr(PipelinedScan, "_take", watched_take)
    before = sys.getswitchinterval()
    with CaseStore(tmp_path / "two.case") as case:
        document = case.add_document("f" * 64, str(pdf), "long", len(LONG))
        scan = PipelinedScan(worker, detector, case, document.id, pdf, len(LONG))
        results = scan.run()
        # quick hand-offs to the worker's threads while reading, the default restored after
        assert set(intervals) == {pipelined.HANDOFF_INTERVAL} != {before}
        assert sys.getswitchinterval() == before
        case.merge_detections(
            document.id, ((r.page.number, d) for r in results for d in r.detections), "test"
        )
        assert case.page_count_stored(document.id) == len(LONG)
        stored = [p.text for p in case.pages(document.id)]
        rows = _rows(case)
    assert scan.shared_pages >= 2  # the worker was idle from the start, so it took pages
    # the first page breaks went out before any anchor was known, and were detected again; the
    # later ones used the anchors the worker had seen the earlier pages introduce
    assert 1 <= scan.breaks_redone < sum(scan.checked.values())
    assert [r.page.number for r in results] == list(range(1, len(LONG) + 1))
    assert all(stored)
    assert rows == sequential
    assert any(row[3] == "gang member" and len(row[7]) == 1 for row in rows)  # over a break


def test_pages_waiting_for_a_busy_worker_are_detected_here_too(
    make_pdf, detector, worker, tmp_path, monkeypatch
):
    """A worker far behind (here kept busy by a job of its own) leaves its last batches to this
    process, which detects them itself: the same findings, and the worker's backlog still
    adds up (what was taken back is not waited for)."""
    import time

    pdf = make_pdf(LONG)
    sequential = _sequential(pdf, detector, tmp_path / "one.case")
    for name, value in (("DETECT_BATCH", 1), ("HELP_FROM_PAGES", 1)):
        monkeypatch.setattr(pipelined, name, value)
    busy = worker.submit(time.sleep, 1.0)
    with CaseStore(tmp_path / "two.case") as case:
        document = case.add_document("f" * 64, str(pdf), "long", len(LONG))
        scan = PipelinedScan(worker, detector, case, document.id, pdf, len(LONG))
        results = scan.run()
        case.merge_detections(
            document.id, ((r.page.number, d) for r in results for d in r.detections), "test"
        )
        rows = _rows(case)
    busy.result()
    assert scan.helped_pages >= 5
    assert rows == sequential
    assert worker.backlog() == 0


def test_a_run_keeps_one_worker_for_every_document(make_pdf, detector, tmp_path, monkeypatch):
    """Below the threshold a document is detected here; a long one starts the worker, which
    then serves the documents after it, and is stopped with the Ingestor."""
    monkeypatch.setattr("annotator.ingest.ingestor.PARALLEL_FROM_PAGES", 4)
    short, long_, after = make_pdf(PAGES[:3]), make_pdf(PAGES), make_pdf(PAGES[1:4])
    with CaseStore(tmp_path / "c.case") as case, Ingestor(case, detector, workers=2) as ingestor:
        ingestor.add_file(short)
        assert ingestor._worker is None
        ingestor.add_file(long_)
        started = ingestor._worker
        assert started is not None
        ingestor.add_file(after)
        assert ingestor._worker is started
        counts = [sum(r.counts.values()) for r in ingestor.add_files([short, long_, after])]
    assert ingestor._worker is None
    assert all(counts)


def test_a_worker_for_other_models_is_refused(detector, tmp_path):
    odd = DetectionWorker.__new__(DetectionWorker)
    odd.models = str(tmp_path)
    with CaseStore(tmp_path / "c.case") as case, pytest.raises(ValueError, match="models"):
        Ingestor(case, detector, worker=odd)


def test_a_closed_worker_says_so(worker):
    closed = DetectionWorker()
    assert closed.backlog() == 1  # still loading spaCy
    processes = list(closed._pool._processes.values())
    closed.close()  # abandons the loading rather than waiting for it
    assert processes and not any(p.is_alive() for p in processes)
    with pytest.raises(RuntimeError, match="closed"):
        closed.detect([])
    worker.submit(os.getpid).result()
    assert worker.backlog() == 0


def test_the_backlog_counts_what_the_worker_finished_failed_jobs_too(worker):
    import time

    assert worker.backlog() == 0
    slow = worker.submit(time.sleep, 0.3)
    failing = worker.submit(int, "not a number")
    assert worker.backlog() == 2
    slow.result()
    with pytest.raises(ValueError):
        failing.result()
    assert worker.backlog() == 0


def _open_in_this_process(path) -> bool:
    fds = Path("/proc/self/fd")
    return any(
        os.path.realpath(fd) == str(Path(path).resolve()) for fd in fds.iterdir() if fd.exists()
    )


@pytest.mark.skipif(not Path("/proc/self/fd").exists(), reason="needs /proc")
def test_a_chunk_leaves_its_pdf_closed_unless_more_of_it_follows(make_pdf, detector):
    from annotator.core.paths import models_dir
    from annotator.ingest.pipelined import _OPEN, extract_and_detect

    pdf = make_pdf(PAGES)
    job = (str(pdf), 0, 2, str(models_dir()))
    assert [r[0].number for r in extract_and_detect(job)] == [1, 2]
    assert not _open_in_this_process(pdf)  # a window's idle worker holds no file
    extract_and_detect(job, keep_open=True)
    assert _open_in_this_process(pdf)  # the scan's worker keeps it for the next chunk
    for kept in _OPEN.values():
        kept.close()
    _OPEN.clear()
    assert not _open_in_this_process(pdf)


def test_the_worker_freezes_what_loading_spacy_made(worker):
    """spaCy's modules and the pipeline live as long as the worker: after the warm-up they are
    out of the garbage collector's sight (gc.freeze), so no collection walks them again."""
    import gc

    assert worker.submit(gc.get_freeze_count).result() > 50_000
