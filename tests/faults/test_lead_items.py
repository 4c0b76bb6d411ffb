"""Issue 16's items 1 and 3, made good in ingest and the review operations.

1. An interrupted scan must say so everywhere until the next scan or opening finishes it.
3. One user action is one transaction: a tag with a note and an exhibit commits as one.
"""

from __future__ import annotations

import signal
import sqlite3

from fault_support import command, needs_linux, stored_pages, wait_until

from annotator.store import CaseStore

INCOMPLETE_WORDS = ("incomplete", "interrupted", "not finished", "unfinished")


@needs_linux
def test_an_interrupted_scan_says_so_in_findings_and_the_memo(
    processes, cli, tmp_path, long_pdf_400
):
    case = tmp_path / "x.case"
    proc = processes.start(command("scan", long_pdf_400, "--case", case))
    wait_until(lambda: stored_pages(case) > 0 or proc.poll() is not None, 120)
    processes.kill(proc, signal.SIGKILL)
    with CaseStore(case) as store:
        [document] = store.documents()
        assert store.page_count_stored(document.id) < document.page_count or not store.findings()
    listing = cli("findings", case)
    assert any(word in listing.out.lower() for word in INCOMPLETE_WORDS), listing.out
    assert cli("export", case, "--memo", tmp_path / "memo.md").code == 0
    memo = (tmp_path / "memo.md").read_text(encoding="utf-8").lower()
    assert any(word in memo for word in INCOMPLETE_WORDS)


def test_a_tag_with_a_note_is_one_transaction(cli, make_pdf, tmp_path):
    case = tmp_path / "x.case"
    assert cli("scan", make_pdf([["He is a gang member."]]), "--case", case).code == 0
    with CaseStore(case) as store:
        finding = store.findings()[0]
    conn = sqlite3.connect(case)  # the note's write fails, as a full disk or a crash would
    with conn:
        conn.execute(
            "CREATE TRIGGER no_note BEFORE UPDATE OF note ON findings "
            "BEGIN SELECT RAISE(ABORT, 'injected failure'); END"
        )
    conn.close()
    run = cli("tag", case, finding.id, "--status", "dismissed", "--note", "Not a gang label.")
    assert run.code != 0
    with CaseStore(case) as store:
        assert store.finding(finding.id).status.value == "untagged"  # all of the action or none
