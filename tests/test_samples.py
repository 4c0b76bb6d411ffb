"""The committed sample PDFs are exactly what tools/samples builds, and every page is marked
fictional: a document edited in the builder but not regenerated (or the reverse) fails here."""

from __future__ import annotations

import re
from pathlib import Path

import pymupdf
import pytest

from tools.samples import documents
from tools.samples.build import build_all
from tools.samples.style import STAMP

ROOT = Path(__file__).resolve().parent.parent
COMMITTED = ROOT / "sample_files"


def _pdfs(folder: Path) -> list[Path]:
    """The sample set in a folder: its PDFs and its scanned twins (not rendered/ examples)."""
    return sorted(
        p.relative_to(folder) for p in [*folder.glob("*.pdf"), *folder.glob("scanned/*.pdf")]
    )


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("samples")
    build_all(out)
    return out


def test_the_committed_set_is_the_set_the_registry_builds(built: Path):
    assert _pdfs(built) == _pdfs(COMMITTED)
    assert len(_pdfs(built)) > len(documents.DOCUMENTS)  # the scanned twins are there too


def test_every_page_has_the_committed_text_and_word_boxes(built: Path):
    for rel in _pdfs(built):
        with pymupdf.open(built / rel) as new, pymupdf.open(COMMITTED / rel) as old:
            assert new.page_count == old.page_count, rel
            for i, (a, b) in enumerate(zip(new, old, strict=True), start=1):
                assert a.get_text() == b.get_text(), f"{rel} page {i}: run python -m tools.samples"
                words_a, words_b = a.get_text("words"), b.get_text("words")
                assert [w[4] for w in words_a] == [w[4] for w in words_b], f"{rel} page {i}"
                for wa, wb in zip(words_a, words_b, strict=True):
                    assert wa[:4] == pytest.approx(wb[:4], abs=0.01), f"{rel} page {i}: {wa[4]}"


def test_the_scanned_twins_are_image_only_and_built_from_the_committed_originals(built: Path):
    twins = [rel for rel in _pdfs(built) if rel.parts[0] == "scanned"]
    assert twins
    for rel in twins:
        original = COMMITTED / rel.name.replace("_scanned", "")
        with (
            pymupdf.open(built / rel) as new,
            pymupdf.open(COMMITTED / rel) as old,
            pymupdf.open(original) as text_pdf,
        ):
            assert old.page_count == text_pdf.page_count, rel
            for i, (a, b) in enumerate(zip(new, old, strict=True), start=1):
                assert b.get_text().strip() == "", f"{rel} page {i} has a text layer"
                images_a = [new.extract_image(x[0])["image"] for x in a.get_images()]
                images_b = [old.extract_image(x[0])["image"] for x in b.get_images()]
                assert images_a == images_b, f"{rel} page {i}: run python -m tools.samples"


def test_every_page_says_it_is_fictional_and_is_bates_numbered_across_the_set():
    numbers = []
    for rel in _pdfs(COMMITTED):
        if rel.parts[0] == "scanned":
            continue  # images of the pages checked here
        with pymupdf.open(COMMITTED / rel) as pdf:
            for i, page in enumerate(pdf, start=1):
                text = page.get_text()
                assert STAMP in text, f"{rel} page {i}"
                assert "all names and numbers invented" in text, f"{rel} page {i}"
                numbers += [int(n) for n in re.findall(r"RIVAS-(\d{6})", text)]
    assert numbers == list(range(1, len(numbers) + 1))
