"""The memo names the phrases of the reviewer's own lexicon that produced findings."""

from __future__ import annotations

from annotator.core.model import Category
from annotator.export import export_memo
from annotator.ingest import Ingestor
from annotator.nlp.detect import Detector
from annotator.nlp.user_lexicon import add_phrase
from annotator.store import CaseStore


def test_the_appendix_lists_user_phrases_and_how_many_findings_each_made(
    make_pdf, tmp_path, monkeypatch
):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "user-data"))
    pdf = make_pdf([["The Harborview Watch Desk shared it; so did the harborview watch desk."]])
    plain = tmp_path / "plain.md"
    with CaseStore(tmp_path / "before.case") as case:
        Ingestor(case, Detector(), workers=1).add_file(pdf)
        export_memo(case, plain)
    assert "own lexicon" not in plain.read_text(encoding="utf-8")

    add_phrase("Harborview Watch Desk", Category.FUSION_CENTER)
    memo = tmp_path / "memo.md"
    with CaseStore(tmp_path / "after.case") as case:
        Ingestor(case, Detector(), workers=1).add_file(pdf)
        assert {f.subtype for f in case.findings()} == {"user"}
        export_memo(case, memo)
    text = memo.read_text(encoding="utf-8")
    assert "Phrases from the reviewer's own lexicon" in text
    assert "| Harborview Watch Desk | Fusion center | 2 |" in text
