"""Every tag the review acknowledged survives a kill -9 of the process making them."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys

from annotator.core.model import Status
from annotator.store import CaseStore

TAGGER = """
import sys
from annotator.review import Review
from annotator.store import CaseStore
case = CaseStore(sys.argv[1], lock=True)
review = Review(case, "tagger")
ids = [f.id for f in case.findings()]
statuses = ["unverified", "rebutted", "dismissed", "untagged"]
n = 0
while True:
    for fid in ids:
        status = statuses[n % 4]
        review.tag(fid, status, note=f"note {n}")
        print(f"{fid} {status} {n}", flush=True)  # acknowledged: the tag is committed
        n += 1
"""


def test_a_kill_mid_tagging_loses_no_acknowledged_tag(sample_case_path):
    rng = random.Random(7)
    for _ in range(3):
        child = subprocess.Popen(
            [sys.executable, "-c", TAGGER, str(sample_case_path)],
            stdout=subprocess.PIPE,
            text=True,
        )
        acked: dict[int, tuple[str, str]] = {}
        for _ in range(rng.randint(20, 120)):
            fid, status, n = child.stdout.readline().split()
            acked[int(fid)] = (status, f"note {n}")
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        with sqlite3.connect(sample_case_path) as raw:
            assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        with CaseStore(sample_case_path) as case:
            for fid, (status, note) in acked.items():
                finding = case.finding(fid)
                # the last acknowledged tag is there, or a later one the kill interrupted
                # after its commit but before its acknowledgement reached us
                assert (finding.status, finding.note) == (Status(status), note) or int(
                    finding.note.split()[1]
                ) > int(note.split()[1])
            steps = [e for e in case.history.entries() if not e.undone]
            assert len(steps) >= len(acked)
