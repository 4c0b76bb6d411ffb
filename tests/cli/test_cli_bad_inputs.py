"""A bad file in a batch: one line on stderr naming it, exit 3, the other files still scanned."""

from __future__ import annotations

import json
from pathlib import Path

import pymupdf
import pytest

from tests.conftest import run_as_user


def make_bad(kind: str, tmp_path: Path) -> Path:
    """A real bad input of the given kind."""
    if kind == "missing":
        return tmp_path / "not-there.pdf"
    if kind == "directory":
        path = tmp_path / "a-folder.pdf"
        path.mkdir()
        return path
    if kind == "empty":
        path = tmp_path / "empty.pdf"
        path.write_bytes(b"")
        return path
    if kind == "not a pdf":
        path = tmp_path / "memo.pdf"
        path.write_text("Attorney notes saved with the wrong extension.\n" * 40, encoding="utf-8")
        return path
    if kind == "encrypted":
        pdf = pymupdf.open()
        pdf.new_page().insert_text((72, 72), "The fusion center record.", fontsize=10)
        path = tmp_path / "locked.pdf"
        pdf.save(path, encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="secret", owner_pw="owner")
        pdf.close()
        return path
    if kind.startswith("truncated"):
        pdf = pymupdf.open()
        for i in range(5):
            page = pdf.new_page(width=612, height=792)
            page.insert_text(
                (72, 72), f"Page {i} about the MS-13 gang member.", fontsize=10, fontname="helv"
            )
        whole = tmp_path / "whole.pdf"
        pdf.save(whole)
        pdf.close()
        data = whole.read_bytes()
        whole.unlink()
        path = tmp_path / "cut-short.pdf"
        path.write_bytes(data[: len(data) * {"truncated": 50, "truncated early": 10}[kind] // 100])
        return path
    if kind == "unreadable path":
        return tmp_path / ("x" * 300 + ".pdf")  # the OS refuses the name
    raise AssertionError(kind)


KINDS = [
    "missing",
    "directory",
    "empty",
    "not a pdf",
    "encrypted",
    "truncated",
    "truncated early",
    "unreadable path",
]


@pytest.fixture
def good_pair(make_pdf):
    first = make_pdf([["The officer called him a gang member."]], name="first.pdf")
    last = make_pdf([["The fusion center bulletin names him."]], name="last.pdf")
    return first, last


@pytest.mark.parametrize("kind", KINDS)
def test_bad_file_in_a_batch(cli, tmp_path, good_pair, kind):
    first, last = good_pair
    bad = make_bad(kind, tmp_path)
    run = cli("scan", first, bad, last, "--json")
    assert run.code == 3
    lines = run.err.splitlines()
    assert len(lines) == 1, run.err
    assert str(bad) in lines[0]
    assert str(first) not in lines[0] and str(last) not in lines[0]
    assert {(r["file"], r["text"]) for r in run.rows()} == {
        (str(first), "gang member"),
        (str(last), "fusion center"),
    }


@pytest.mark.parametrize("kind", ["not a pdf", "encrypted"])
def test_bad_file_without_json_still_prints_the_good_summaries(cli, tmp_path, good_pair, kind):
    first, last = good_pair
    run = cli("scan", first, make_bad(kind, tmp_path), last)
    assert run.code == 3
    assert [line for line in run.out.splitlines() if not line.startswith(" ")] == ["first", "last"]
    assert len(run.err.splitlines()) == 1


def test_file_without_read_permission(tmp_path, good_pair):
    """As the real command, in a process that obeys file permissions (even when run as root)."""
    first, last = good_pair
    bad = tmp_path / "secret.pdf"
    bad.write_bytes(first.read_bytes())
    bad.chmod(0)
    try:
        done = run_as_user("-m", "annotator", "scan", str(first), str(bad), str(last), "--json")
    finally:
        bad.chmod(0o644)
    assert done.returncode == 3
    assert done.stderr == f"annotator: {bad}: cannot be read (Permission denied)\n"
    assert {json.loads(line)["file"] for line in done.stdout.splitlines()} == {
        str(first),
        str(last),
    }


def test_every_bad_kind_in_one_batch(cli, tmp_path, good_pair):
    first, last = good_pair
    bads = []
    for kind in KINDS:
        folder = tmp_path / kind.replace(" ", "_")
        folder.mkdir()
        bads.append(make_bad(kind, folder))
    run = cli("scan", first, *bads, last, "--json")
    assert run.code == 3
    lines = run.err.splitlines()
    assert len(lines) == len(bads)
    for bad, line in zip(bads, lines, strict=True):
        assert str(bad) in line
    assert {r["file"] for r in run.rows()} == {str(first), str(last)}
