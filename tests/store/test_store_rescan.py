"""Re-scanning with a changed lexicon keeps every tag, note and manual finding."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from annotator.core.errors import CaseError
from annotator.core.model import Category, Source, Status
from annotator.core.paths import models_dir
from annotator.ingest import Ingestor
from annotator.nlp.detect import Detector

LINES = [
    [
        "His name is in CalGang, the state database, per the school officer.",
        "NCRIC shared the entry with ICE, and an INTERPOL Red Notice followed.",
        "A SAFE report from the PNC repeats the Zeta Watch Desk claim.",
    ]
]


def edit(models: Path, name: str, change) -> None:
    path = models / "patterns" / name
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")


def drop(rules: list[dict], key: str, value: str) -> None:
    for rule in rules:
        if value in rule.get(key, []):
            rule[key].remove(value)
            return
    raise AssertionError(f"{value!r} not in any rule's {key}")


@pytest.fixture
def new_models(tmp_path) -> Path:
    """A clinic's edited lexicon: two entries dropped, one name added."""
    models = tmp_path / "models"
    shutil.copytree(models_dir(), models)
    edit(
        models,
        "gang_label.en.json",
        lambda d: drop(d["rules"], "phrases", "CalGang"),
    )
    edit(models, "fusion_center.en.json", lambda d: drop(d["rules"], "cased", "NCRIC"))
    edit(
        models,
        "fusion_center.en.json",
        lambda d: d["rules"][0]["phrases"].append("Zeta Watch Desk"),
    )
    return models


def test_rescan_keeps_tags_and_notes(case, detector, make_pdf, new_models):
    path = make_pdf(LINES)
    document = Ingestor(case, detector, workers=1).add_file(path).document
    by_text = {f.text: f for f in case.findings()}
    assert {"CalGang", "NCRIC", "INTERPOL Red Notice", "SAFE report"} <= set(by_text)
    assert "Zeta Watch Desk" not in by_text

    tagged_gone = by_text["CalGang"]
    untagged_gone = by_text["NCRIC"]
    tagged_kept = by_text["INTERPOL Red Notice"]
    case.set_status(tagged_gone.id, Status.REBUTTED, who="attorney")
    case.set_note(tagged_gone.id, "Database entry purged in 2022.", who="attorney")
    case.set_status(tagged_kept.id, Status.UNVERIFIED, who="attorney")
    case.set_note(tagged_kept.id, "No extradition request ever made.", who="attorney")
    manual = case.add_manual_finding(
        document.id,
        1,
        Category.GANG_LABEL,
        "school officer",
        0,
        5,
        [(1.0, 2.0, 3.0, 4.0)],
        who="student",
    )
    audit_before = len(case.audit())

    new_detector = Detector(models_dir=new_models)
    assert new_detector.lexicon_version != detector.lexicon_version
    counts = Ingestor(case, new_detector, workers=1).rescan(document.id)
    assert counts["stale"] == 1 and counts["removed"] == 1 and counts["new"] == 1

    after = {f.text: f for f in case.findings()}
    gone = case.finding(tagged_gone.id)
    assert (gone.detected, gone.status, gone.note) == (
        False,
        Status.REBUTTED,
        "Database entry purged in 2022.",
    )
    assert "NCRIC" not in after, "untagged findings no longer detected are removed"
    with pytest.raises(CaseError):
        case.finding(untagged_gone.id)
    kept = case.finding(tagged_kept.id)
    assert (kept.detected, kept.status, kept.note) == (
        True,
        Status.UNVERIFIED,
        "No extradition request ever made.",
    )
    assert kept.lexicon_version == new_detector.lexicon_version
    assert after["Zeta Watch Desk"].status is Status.UNTAGGED
    assert after["Zeta Watch Desk"].category is Category.FUSION_CENTER
    still = case.finding(manual.id)
    assert (still.source, still.text, still.rects) == (
        Source.MANUAL,
        "school officer",
        [(1.0, 2.0, 3.0, 4.0)],
    )
    assert case.document(document.id).lexicon_version == new_detector.lexicon_version
    assert len(case.audit()) == audit_before, "a re-scan changes no tag, so it audits nothing"


def test_adding_the_same_file_with_a_newer_lexicon_rescans_it(case, detector, make_pdf, new_models):
    path = make_pdf(LINES)
    Ingestor(case, detector, workers=1).add_file(path)
    target = next(f for f in case.findings() if f.text == "CalGang")
    case.set_status(target.id, Status.DISMISSED, who="attorney")

    result = Ingestor(case, Detector(models_dir=new_models), workers=1).add_file(path)
    assert result.duplicate and result.rescanned
    assert len(case.documents()) == 1
    assert case.finding(target.id).status is Status.DISMISSED
    assert not case.finding(target.id).detected
    assert "Zeta Watch Desk" in {f.text for f in case.findings()}


def test_rescan_with_the_same_lexicon_changes_nothing(case, detector, make_pdf):
    path = make_pdf(LINES)
    document = Ingestor(case, detector, workers=1).add_file(path).document
    before = [(f.id, f.text, f.rects) for f in case.findings()]
    counts = Ingestor(case, detector, workers=1).rescan(document.id)
    assert counts["new"] == counts["removed"] == counts["stale"] == 0
    assert [(f.id, f.text, f.rects) for f in case.findings()] == before
