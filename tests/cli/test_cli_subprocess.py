"""The real command in a real process: the sample case, a batch of bad files, a usage error."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from difflib import SequenceMatcher
from pathlib import Path

import pymupdf
import pytest

from annotator.nlp.language import guess_language
from annotator.pdf.extract import extract_page

CONTRACT_KEYS = {
    *("file", "page", "category", "subtype", "text", "start", "end", "rects", "status"),
    *("role", "source"),  # issue 13: whom a gang reference is about; who asserted a finding
}
CATEGORIES = {"gang_label", "red_notice", "safe", "fusion_center"}


def annotator(*argv: object, cwd: Path, tmpdir: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "TMPDIR": str(tmpdir), "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "annotator", *map(str, argv)],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=600,
    )


@pytest.fixture(scope="module")
def sample_scan(sample_pdfs, tmp_path_factory):
    """`annotator scan sample_files/*.pdf --json`, run once for this module."""
    cwd = tmp_path_factory.mktemp("cwd")
    tmpdir = tmp_path_factory.mktemp("tmpdir")
    done = annotator("scan", *sample_pdfs, "--json", cwd=cwd, tmpdir=tmpdir)
    return done, cwd, tmpdir


@pytest.fixture(scope="module")
def sample_rows(sample_scan):
    done, _, _ = sample_scan
    assert done.returncode == 0, done.stderr
    return [json.loads(line) for line in done.stdout.splitlines()]


def test_sample_scan_prints_valid_json_lines_and_no_traceback(sample_scan, sample_pdfs):
    done, cwd, tmpdir = sample_scan
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    lines = done.stdout.splitlines()
    assert lines and done.stdout.endswith("\n")
    for line in lines:
        row = json.loads(line)
        assert isinstance(row, dict) and set(row) == CONTRACT_KEYS
    assert {json.loads(line)["file"] for line in lines} <= {str(p) for p in sample_pdfs}
    assert os.listdir(tmpdir) == [] and os.listdir(cwd) == [], "no case file left behind"


def test_sample_findings_in_the_documented_shape(sample_rows):
    for row in sample_rows:
        assert row["category"] in CATEGORIES
        assert isinstance(row["subtype"], str) and row["subtype"]
        assert isinstance(row["text"], str) and row["text"].strip()
        assert isinstance(row["page"], int) and row["page"] >= 1
        assert isinstance(row["start"], int) and isinstance(row["end"], int)
        assert 0 <= row["start"] < row["end"]
        assert row["status"] == "untagged"
        assert row["rects"] and all(len(r) == 4 for r in row["rects"])


def _norm(text: str) -> str:
    return re.sub(r"[\W_]+", "", text).casefold()


def words_under(words: list[tuple], rect: list[float]) -> str:
    """The page's words that `rect` covers part of (PyMuPDF's own word boxes)."""
    box = pymupdf.Rect(rect)
    picked = []
    for w in words:
        word = pymupdf.Rect(w[:4])
        if not word.intersects(box):
            continue
        common = word & box
        if common.width >= 1 and common.height >= 0.5 * word.height:
            picked.append(w[4])
    return " ".join(picked)


@pytest.fixture(scope="module")
def sample_pages(sample_rows):
    """(file, page) -> (unrotated width, height, extracted text); row index -> words under rects."""
    pages: dict[tuple[str, int], tuple[float, float, str]] = {}
    words: dict[tuple[str, int], list[tuple]] = {}
    for file in {row["file"] for row in sample_rows}:
        with pymupdf.open(file) as pdf:
            for page in pdf:
                box = page.cropbox  # unrotated page space, as the rects are
                pages[(file, page.number + 1)] = (box.width, box.height, extract_page(page).text)
                words[(file, page.number + 1)] = page.get_text("words")
    under = {
        i: " ".join(words_under(words[(row["file"], row["page"])], r) for r in row["rects"])
        for i, row in enumerate(sample_rows)
    }
    return pages, under


def test_sample_rects_are_in_points_on_the_page_and_on_the_words(sample_rows, sample_pages):
    pages, under = sample_pages
    for i, row in enumerate(sample_rows):
        assert (row["file"], row["page"]) in pages, "page numbers are 1-based and exist"
        width, height, text = pages[(row["file"], row["page"])]
        for x0, y0, x1, y1 in row["rects"]:
            assert -0.5 <= x0 < x1 <= width + 0.5 and -0.5 <= y0 < y1 <= height + 0.5, row
        assert row["end"] <= len(text)
        got, wanted = _norm(under[i]), _norm(row["text"])
        match = SequenceMatcher(None, wanted, got, autojunk=False).find_longest_match(
            0, len(wanted), 0, len(got)
        )
        assert match.size >= 0.9 * len(wanted), (row["text"], under[i])


def test_sample_case_has_all_four_categories(sample_rows):
    assert {r["category"] for r in sample_rows} == CATEGORIES


def test_sample_case_has_a_spanish_finding(sample_rows, sample_pages):
    pages, _ = sample_pages
    spanish = [r for r in sample_rows if guess_language(pages[(r["file"], r["page"])][2]) == "es"]
    assert spanish
    assert {r["category"] for r in spanish} >= {"gang_label", "safe"}


def test_sample_case_has_a_finding_spanning_two_lines(sample_rows):
    def on_lines_below_each_other(rects: list[list[float]]) -> bool:
        return len(rects) == 2 and rects[1][1] >= rects[0][3] - 1

    assert [r for r in sample_rows if on_lines_below_each_other(r["rects"])]


def test_bad_batch_in_a_real_process(tmp_path, make_pdf):
    good = make_pdf([["The officer called him a gang member."]], name="good.pdf")
    not_pdf = tmp_path / "notes.pdf"
    not_pdf.write_text("plain text\n" * 30)
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(good.read_bytes()[: good.stat().st_size // 10])
    missing = tmp_path / "missing.pdf"
    folder = tmp_path / "folder"
    folder.mkdir()
    long_name = tmp_path / ("y" * 300 + ".pdf")
    bads = [not_pdf, empty, cut, missing, folder, long_name]
    run_dir = tmp_path / "run"
    run_dir.mkdir()
    done = annotator(
        "scan",
        not_pdf,
        empty,
        cut,
        missing,
        folder,
        long_name,
        good,
        "--json",
        cwd=run_dir,
        tmpdir=run_dir,
    )
    assert "Traceback" not in done.stderr + done.stdout
    assert done.returncode == 3
    lines = done.stderr.splitlines()
    assert len(lines) == len(bads), done.stderr
    for bad, line in zip(bads, lines, strict=True):
        assert str(bad) in line
    rows = [json.loads(line) for line in done.stdout.splitlines()]
    assert [(r["file"], r["text"]) for r in rows] == [(str(good), "gang member")]


def test_usage_error_in_a_real_process(tmp_path):
    done = annotator("scan", cwd=tmp_path, tmpdir=tmp_path)
    assert done.returncode == 2
    assert "usage:" in done.stderr and "Traceback" not in done.stderr
    assert done.stdout == ""


def test_the_command_freezes_its_heap_and_a_caller_of_main_keeps_its_collector(
    sample_pdfs, tmp_path
):
    """As the `annotator` command, a scan moves what start-up made out of the garbage
    collector's sight (gc.freeze) before its pages, and again before exit; a program calling
    main() itself (as these tests do) keeps its collector as it was."""
    code = f"""
import gc, json, sys
import annotator.cli as cli
from annotator.ingest import Ingestor
seen = {{"adding": []}}
real = Ingestor.add_file
def add_file(self, *args, **kwargs):
    seen["adding"].append(gc.get_freeze_count())
    return real(self, *args, **kwargs)
Ingestor.add_file = add_file
argv = ["scan", {str(sample_pdfs[0])!r}, "--json"]
cli.main(argv)
seen["caller"] = gc.get_freeze_count()
sys.argv = ["annotator", *argv]
try:
    cli.program()
except SystemExit as done:
    seen["left"] = len(gc.get_objects())  # the objects the collector still walks
    seen["code"] = done.code
print(json.dumps(seen))
"""
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    first, second = seen["adding"]
    assert first == seen["caller"] == 0  # main() called by a program froze nothing
    assert seen["code"] == 0
    assert second > 10_000  # the command froze start-up's objects before reading pages
    assert seen["left"] < 1_000  # and, before exit, what the scan left
