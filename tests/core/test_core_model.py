"""The plain domain types, the named errors, progress reporting and the data folders."""

from __future__ import annotations

import ast
import pickle
from pathlib import Path

import pytest

import annotator.core
from annotator.core.errors import (
    AnnotatorError,
    BadInputFile,
    CaseError,
    CaseLocked,
    ExportError,
    LexiconError,
)
from annotator.core.model import (
    Category,
    Finding,
    PageText,
    Source,
    Status,
    Word,
    Words,
    pack_words,
    tint,
    unpack_words,
)
from annotator.core.paths import models_dir, resources_dir, sample_dir
from annotator.core.progress import Cancelled, Progress, report


def test_categories_and_statuses_are_the_documented_ones():
    assert [c.value for c in Category] == ["gang_label", "red_notice", "safe", "fusion_center"]
    assert [s.value for s in Status] == ["untagged", "unverified", "rebutted", "dismissed"]
    assert {s.value for s in Source} == {"model", "manual"}
    assert all(c.label for c in Category)


def test_a_new_finding_starts_untagged_and_detected():
    finding = Finding(
        id=1,
        document_id=1,
        page=1,
        category=Category.SAFE,
        subtype="safe_program",
        text="SAFE",
        start=0,
        end=4,
        rects=[(1, 2, 3, 4)],
    )
    assert finding.status is Status.UNTAGGED
    assert finding.source is Source.MODEL
    assert finding.detected and finding.note == "" and finding.exhibit == ""


def test_errors_are_named_and_say_what_is_wrong():
    err = BadInputFile("/cases/x.pdf", "is empty (0 bytes)")
    assert str(err) == "/cases/x.pdf: is empty (0 bytes)"
    assert (err.path, err.problem) == ("/cases/x.pdf", "is empty (0 bytes)")
    for cls in (BadInputFile, CaseError, CaseLocked, ExportError, LexiconError, Cancelled):
        assert issubclass(cls, AnnotatorError)
    assert issubclass(CaseLocked, CaseError)


def test_progress_reports_and_cancels():
    seen: list[Progress] = []
    report(seen.append, 1, 4, "page 1")
    assert seen == [Progress(1, 4, "page 1")]
    report(None, 2, 4)
    with pytest.raises(Cancelled, match="page 3"):
        report(lambda p: False, 3, 4, "page 3")


def test_data_folders_exist():
    assert (models_dir() / "pipeline.cfg").is_file()
    assert list((models_dir() / "patterns").glob("*.json"))
    assert resources_dir().is_dir()
    assert sample_dir().is_dir()


def test_core_imports_nothing_else_of_ours():
    package = Path(annotator.core.__file__).parent
    for path in package.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            elif isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            else:
                continue
            for name in names:
                if name.startswith("annotator"):
                    assert name.startswith("annotator.core"), f"{path.name} imports {name}"
                assert not name.startswith(("PySide6", "pymupdf", "spacy", "sqlite_utils")), (
                    f"{path.name} imports {name}: core holds plain data types only"
                )


def _word(i: int) -> Word:
    return Word((72.0 + i * 0.1, 100.5, 90.25 + i, 112.75), i * 6, i * 6 + 5, i // 3)


def test_words_pack_a_page_and_read_back_as_word_tuples():
    listed = [_word(i) for i in range(7)]
    words = Words.of(listed)
    assert len(words) == 7 and words == listed and list(words) == listed
    assert words[0] == listed[0] and words[-1] == listed[-1] and words[2:4] == listed[2:4]
    assert [w.start for w in words] == [w.start for w in listed]
    with pytest.raises(IndexError):
        words[7]
    assert words != listed[:-1] and Words() == [] and not Words()
    columns = zip(*((*w.rect, w.start, w.end, w.line) for w in listed), strict=True)
    assert Words.from_columns(*columns) == words


def test_words_pickle_as_one_block_of_bytes():
    words = Words.of([_word(i) for i in range(300)])
    blob = pickle.dumps(words)
    assert pickle.loads(blob) == words
    assert len(blob) < 300 * 7 * 8 + 200  # the array's bytes and a little framing
    page = PageText(1, 612, 792, 0, "x", words)
    assert pickle.loads(pickle.dumps(page)).words == words


def test_packed_words_store_as_float32_and_keep_offsets_exactly():
    words = Words.of([_word(i) for i in range(5)])
    back = unpack_words(words.pack())
    assert [(w.start, w.end, w.line) for w in back] == [(w.start, w.end, w.line) for w in words]
    for stored, kept in zip(back, words, strict=True):
        assert stored.rect == pytest.approx(kept.rect, abs=1e-4)
    assert unpack_words(pack_words(words, "d"), "d") == words
    assert pack_words([_word(1)]) == Words.of([_word(1)]).pack()
    assert unpack_words(None) == []
    with pytest.raises(ValueError, match="seven"):
        Words([1.0, 2.0])


def test_one_vocabulary_names_and_colours_every_category_and_status():
    """Labels, keys and colours come from the enums themselves; str methods stay str methods."""
    assert Category.SAFE.title() == "Safe"  # no property shadows str.title()
    assert Category.GANG_LABEL.label == "Gang labels" and Category.GANG_LABEL.short == "Gang label"
    assert Status.UNTAGGED.label == "Not yet reviewed"
    assert {s.key for s in Status} == {"U", "R", "D", "Backspace"}
    for term in [*Category, *Status]:
        assert len(term.colour) == 7 and term.colour.startswith("#")
        int(term.colour[1:], 16)


def test_a_tint_is_the_colour_laid_over_white():
    assert tint("#000000", 1.0) == (0.0, 0.0, 0.0)
    assert tint("#000000", 0.0) == (1.0, 1.0, 1.0)
    r, g, b = tint("#ff0000", 0.5)
    assert (r, round(g, 3), round(b, 3)) == (1.0, 0.5, 0.5)
