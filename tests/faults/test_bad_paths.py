"""Paths and cases that must get one clear line and exit 3 (issue 16, item 6): a case in a
folder that does not exist, an ID too large for SQLite, a case on read-only media, a FIFO given
as a PDF (the batch must not hang), a symlink loop, a file name with a newline, a case whose
findings table is missing."""

from __future__ import annotations

import os
import shutil
import sqlite3

import pytest
from fault_support import checkpoint, command, needs_linux


@pytest.fixture
def good_pair(make_pdf):
    first = make_pdf([["The officer called him a gang member."]], name="first.pdf")
    last = make_pdf([["The fusion center bulletin names him."]], name="last.pdf")
    return first, last


@pytest.fixture
def case_file(cli, good_pair, tmp_path):
    path = tmp_path / "rivas.case"
    assert cli("scan", *good_pair, "--case", path).code == 0
    return path


def one_line(run) -> str:
    lines = run.err.splitlines()
    assert len(lines) == 1, run.err
    return lines[0]


def _scanned_pair(run, good_pair) -> bool:
    first, last = good_pair
    return {(r["file"], r["text"]) for r in run.rows()} == {
        (str(first), "gang member"),
        (str(last), "fusion center"),
    }


def test_case_in_a_missing_folder(cli, good_pair, tmp_path):
    case = tmp_path / "no-such-folder" / "rivas.case"
    run = cli("scan", good_pair[0], "--case", case)
    assert run.code == 3
    line = one_line(run)
    assert str(case) in line and "does not exist" in line
    assert not (tmp_path / "no-such-folder").exists()


@pytest.mark.parametrize("finding_id", ["99999999999999999999", "-99999999999999999999"])
def test_an_id_too_large_for_sqlite(cli, case_file, finding_id):
    run = cli("tag", case_file, finding_id, "--status", "dismissed")
    assert run.code == 3
    assert f"no finding {finding_id}" in one_line(run)


@needs_linux
def test_a_case_on_read_only_media(cli, case_file, read_only_media, tmp_path):
    checkpoint(case_file)
    media = tmp_path / "media"
    shutil.copy(case_file, media / "rivas.case")
    read_only_media()
    case = media / "rivas.case"
    run = cli("tag", case, "1", "--status", "dismissed")
    assert run.code == 3
    line = one_line(run)
    assert str(case) in line and "read-only" in line
    listed = cli("findings", case)  # reading a case needs no writing
    assert listed.code == 0, listed.err
    assert listed.out.splitlines()[-1] == "2 finding(s)"
    assert "untagged" in listed.out and "dismissed" not in listed.out


@needs_linux
def test_a_fifo_among_the_pdfs_does_not_hang_the_batch(processes, good_pair, tmp_path):
    fifo = tmp_path / "evidence.pdf"
    os.mkfifo(fifo)
    first, last = good_pair
    proc = processes.start(command("scan", first, fifo, last, "--json"))
    try:
        code = proc.proc.wait(timeout=120)
    except Exception:
        pytest.fail("the scan hung on the FIFO")
    assert code == 3
    lines = proc.err().splitlines()
    assert len(lines) == 1 and str(fifo) in lines[0] and "not a regular file" in lines[0]
    import json

    rows = [json.loads(line) for line in proc.out().splitlines()]
    assert {(r["file"], r["text"]) for r in rows} == {
        (str(first), "gang member"),
        (str(last), "fusion center"),
    }


def test_a_symlink_loop_is_called_one(cli, good_pair, tmp_path):
    a, b = tmp_path / "a.pdf", tmp_path / "b.pdf"
    a.symlink_to(b)
    b.symlink_to(a)
    run = cli("scan", good_pair[0], a, good_pair[1], "--json")
    assert run.code == 3
    line = one_line(run)
    assert str(a) in line and "symlink loop" in line and "no such file" not in line
    assert _scanned_pair(run, good_pair)


def test_a_broken_link_says_where_it_points(cli, good_pair, tmp_path):
    link = tmp_path / "moved.pdf"
    link.symlink_to(tmp_path / "gone" / "evidence.pdf")
    run = cli("scan", good_pair[0], link, good_pair[1], "--json")
    assert run.code == 3
    line = one_line(run)
    assert str(link) in line and "broken link" in line and "gone/evidence.pdf" in line


@pytest.mark.parametrize("name", ["two\nlines.pdf", "carriage\rreturn.pdf", "esc\x1b[31mred.pdf"])
def test_control_characters_in_a_file_name_stay_on_one_line(cli, good_pair, tmp_path, name):
    bad = tmp_path / name
    bad.write_text("not a PDF at all\n" * 20, encoding="utf-8")
    run = cli("scan", good_pair[0], bad, good_pair[1], "--json")
    assert run.code == 3
    line = one_line(run)
    assert "\r" not in line and "\x1b" not in line
    assert name.encode("unicode_escape").decode("ascii") in line
    assert _scanned_pair(run, good_pair)


@pytest.mark.parametrize("table", ["findings", "documents", "audit_log"])
def test_a_case_with_a_missing_table_is_damaged_not_empty(cli, case_file, table):
    conn = sqlite3.connect(case_file)
    with conn:
        conn.execute(f"DROP TABLE {table}")
    conn.close()
    run = cli("findings", case_file)
    assert run.code == 3
    line = one_line(run)
    assert str(case_file) in line and "damaged" in line and table in line
    assert run.out == ""
