"""The plain domain types, the named errors, progress reporting and the data folders."""

from __future__ import annotations

import ast
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
from annotator.core.model import Category, Finding, Source, Status
from annotator.core.paths import models_dir, resources_dir, sample_dir
from annotator.core.progress import Cancelled, Progress, report


def test_categories_and_statuses_are_the_documented_ones():
    assert [c.value for c in Category] == ["gang_label", "red_notice", "safe", "fusion_center"]
    assert [s.value for s in Status] == ["untagged", "unverified", "rebutted", "dismissed"]
    assert {s.value for s in Source} == {"model", "manual"}
    assert all(c.title for c in Category)


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
