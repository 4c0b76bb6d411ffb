"""The Ingestor in a background process, as the window runs it: events back, findings in the
case, cancel, finishing an interrupted document, and no child left when its parent dies."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from annotator.ingest import EventKind
from annotator.ingest.background import BackgroundIngest
from annotator.store import CaseStore


def drain(ingest: BackgroundIngest, timeout: float = 180.0, stop=None):
    events, deadline = [], time.monotonic() + timeout
    while time.monotonic() < deadline:
        batch = ingest.events()
        events += batch
        if stop is not None and any(stop(e) for e in batch):
            return events
        if not ingest.busy:
            return events
        time.sleep(0.05)
    raise AssertionError(f"still busy after {timeout} s: {events[-5:]}")


@pytest.fixture
def background(tmp_path):
    path = tmp_path / "bg.case"
    CaseStore(path).close()
    ingest = BackgroundIngest(path, workers=1)
    yield path, ingest
    ingest.close()


def test_files_added_in_the_background_land_in_the_case(background, make_pdf):
    path, ingest = background
    good = make_pdf([["He is a verified MS-13 gang member per the fusion center."]])
    bad = make_pdf([["x"]])
    bad.write_bytes(b"not a pdf")
    ingest.add([str(good), str(bad)])
    events = drain(ingest)
    kinds = [e.kind for e in events]
    assert kinds[0] is EventKind.STARTED and kinds[-1] is EventKind.IDLE
    stored = [e for e in events if e.kind is EventKind.DOCUMENT_STORED]
    failed = [e for e in events if e.kind is EventKind.FAILED]
    assert [e.path for e in stored] == [str(good)] and not stored[0].duplicate
    assert [e.path for e in failed] == [str(bad)] and "PDF" in failed[0].message
    with CaseStore(path) as case:
        assert {f.category.value for f in case.findings()} == {"gang_label", "fusion_center"}
        assert case.documents()[0].id == stored[0].document_id
    ingest.add([str(good)])
    again = [e for e in drain(ingest) if e.kind is EventKind.DOCUMENT_STORED]
    assert again[0].duplicate


def test_cancel_stops_the_work_and_finish_completes_it_later(background, make_pdf):
    path, ingest = background
    long = make_pdf([[f"Page {n}: the gang member was seen."] for n in range(400)])
    ingest.add([str(long)])
    events = drain(ingest, stop=lambda e: e.kind is EventKind.PROGRESS)
    ingest.cancel()
    events += drain(ingest)
    assert any(e.kind is EventKind.FAILED and e.message == "cancelled" for e in events)
    assert not any(e.kind is EventKind.DOCUMENT_STORED for e in events)
    with CaseStore(path) as case:
        (document,) = case.incomplete_documents()
    ingest.finish([document.id])
    done = drain(ingest)
    assert any(e.kind is EventKind.DOCUMENT_STORED for e in done)
    with CaseStore(path) as case:
        assert case.incomplete_documents() == []
        assert len(case.findings()) == 400


CHILD = """
import sys, time
from annotator.ingest.background import BackgroundIngest
from annotator.store import CaseStore
CaseStore(sys.argv[1]).close()
ingest = BackgroundIngest(sys.argv[1], workers=1)
ingest.add([sys.argv[2]])
while not any(e.kind == "started" for e in ingest.events()):
    time.sleep(0.05)
print(ingest._process.pid, flush=True)
time.sleep(600)
"""


def test_the_background_process_leaves_when_its_parent_is_killed(tmp_path, make_pdf):
    long = make_pdf([[f"Page {n}: the gang member was seen."] for n in range(3000)])
    parent = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(tmp_path / "k.case"), str(long)],
        stdout=subprocess.PIPE,
        text=True,
    )
    child = int(parent.stdout.readline())
    os.kill(parent.pid, signal.SIGKILL)
    parent.wait()
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and _alive(child):
        time.sleep(0.1)
    assert not _alive(child), "the ingest outlived its parent by more than 5 s"


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().split()[2] != "Z"
    except FileNotFoundError:
        return False
