"""The user's own lexicon: phrases added to it are found by every later scan, as subtype "user"."""

from __future__ import annotations

import json

import pytest

from annotator.core.errors import LexiconError
from annotator.core.model import Category
from annotator.core.paths import models_dir, user_patterns_dir
from annotator.nlp.detect import Detector
from annotator.nlp.lexicon_load import load_lexicon
from annotator.nlp.user_lexicon import add_phrase, list_phrases, remove_phrase, user_stamp
from annotator.pdf.extract import iter_pages, open_pdf


def scan_path(path, detector):
    """What a detector finds in a real PDF, page by page."""
    pdf = open_pdf(path)
    try:
        pages = list(iter_pages(pdf))
    finally:
        pdf.close()
    return Found([d for _, dets in detector.detect_pages(pages) for d in dets])


class Found:
    def __init__(self, detections):
        self.detections = detections


@pytest.fixture
def user_dir(tmp_path, monkeypatch):
    """A user data folder of the test's own, as XDG_DATA_HOME sets it on Linux."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    return tmp_path / "data" / "case-file-annotator" / "patterns"


def test_the_folder_follows_xdg_data_home(user_dir):
    assert user_patterns_dir() == user_dir


def test_add_list_and_remove_a_phrase(user_dir):
    path, added = add_phrase("Parkview  Locos", Category.GANG_LABEL)
    assert added and path == user_dir / "gang_label.json"
    assert not add_phrase("PARKVIEW-locos", Category.GANG_LABEL)[1], (
        "the same phrase, written apart"
    )
    add_phrase("Centro de Mando Fénix", Category.FUSION_CENTER, "es")
    phrases = list_phrases()
    assert {(p.phrase, p.category, p.language) for p in phrases} == {
        ("Parkview Locos", "gang_label", "all"),
        ("Centro de Mando Fénix", "fusion_center", "es"),
    }
    data = json.loads((user_dir / "fusion_center.json").read_text(encoding="utf-8"))
    assert data["category"] == "fusion_center"
    assert data["rules"] == [
        {"subtype": "user", "phrases": ["Centro de Mando Fénix"], "languages": ["es"]}
    ]
    assert remove_phrase("centro de mando fenix") == [user_dir / "fusion_center.json"]
    assert remove_phrase("centro de mando fenix") == []
    assert [p.phrase for p in list_phrases()] == ["Parkview Locos"]


def test_a_phrase_needs_a_letter_and_a_known_language(user_dir):
    with pytest.raises(LexiconError, match="at least one letter"):
        add_phrase(" -- ", Category.SAFE)
    with pytest.raises(LexiconError, match="language"):
        add_phrase("Fugitive Desk", Category.SAFE, "fr")
    assert not user_dir.exists()


def test_a_scan_after_adding_finds_the_phrase_however_it_is_written(user_dir, make_pdf):
    pdf = make_pdf(
        [
            [
                "FICTIONAL. The report says he ran with the Párkview-",
                "Locos, then with PARKVIEW LOCOS, and with the Parkview",
                "Locos again; Parkview Mall is a shop.",
            ]
        ]
    )
    before = Detector()
    assert not [d for d in scan_path(pdf, before).detections if "arkview" in d.text.lower()]
    add_phrase("Parkview Locos", Category.GANG_LABEL)
    after = Detector()
    assert after.lexicon_version != before.lexicon_version
    assert after.lexicon_version.startswith(before.lexicon_version + "+user-")
    found = [(d.category, d.subtype, d.text) for d in scan_path(pdf, after).detections]
    assert found == [
        (Category.GANG_LABEL, "user", "Párkview-Locos"),
        (Category.GANG_LABEL, "user", "PARKVIEW LOCOS"),
        (Category.GANG_LABEL, "user", "Parkview Locos"),
    ]


def test_a_phrase_for_spanish_pages_only(user_dir, make_pdf):
    add_phrase("Mesa Fénix", Category.FUSION_CENTER, "es")
    detector = Detector()
    spanish = make_pdf([["Según la mesa fenix de la policía, el joven es de la zona."]])
    english = make_pdf([["According to the Mesa Fenix the young man lives in the area."]])
    assert [d.subtype for d in scan_path(spanish, detector).detections] == ["user"]
    assert scan_path(english, detector).detections == []


def test_a_malformed_user_file_is_named_and_the_shipped_lexicon_still_runs(user_dir, make_pdf):
    add_phrase("Parkview Locos", Category.GANG_LABEL)
    (user_dir / "clinic.json").write_text('{"category": "safe", "rules": [', encoding="utf-8")
    (user_dir / "typo.json").write_text(
        json.dumps({"category": "safe", "rules": [{"phrasez": ["x"]}]}), encoding="utf-8"
    )
    (user_dir / "pattern.json").write_text(
        json.dumps({"category": "safe", "rules": [{"patterns": [[{"LOWER": {"INN": ["x"]}}]]}]}),
        encoding="utf-8",
    )
    lexicon = load_lexicon(models_dir())
    assert len(lexicon.problems) == 3
    clinic, pattern, typo = lexicon.problems
    assert clinic.startswith(f"{user_dir / 'clinic.json'}: not valid JSON (line 1")
    assert "pattern.json: rule 1 has a bad token pattern" in pattern
    assert "typo.json" in typo and "phrasez" in typo
    assert all(p.endswith("was left out") for p in lexicon.problems)
    assert lexicon.files[-1] == "user/gang_label.json"
    pdf = make_pdf([["A SAFE report says he ran with the Parkview Locos, not with MS-13."]])
    found = {(d.subtype, d.text) for d in scan_path(pdf, Detector()).detections}
    assert ("safe_program", "SAFE report") in found
    assert ("user", "Parkview Locos") in found
    assert ("gang_name", "MS-13") in found
    assert [p.phrase for p in list_phrases()] == ["Parkview Locos"], "the readable files"


def test_a_user_file_that_cannot_be_read_is_never_overwritten(user_dir):
    user_dir.mkdir(parents=True)
    (user_dir / "safe.json").write_text("{ half a file", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"safe\.json: not valid JSON"):
        add_phrase("Fugitive Desk", Category.SAFE)
    assert (user_dir / "safe.json").read_text(encoding="utf-8") == "{ half a file"


def test_the_stamp_changes_with_the_files(user_dir):
    empty = user_stamp()
    add_phrase("Parkview Locos", Category.GANG_LABEL)
    first = user_stamp()
    add_phrase("Canal Street Crew", Category.GANG_LABEL)
    assert empty == () and first != user_stamp()
