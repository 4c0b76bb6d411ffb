"""`annotator lexicon add/list/remove`, and a scan after `lexicon add` on a real case file."""

from __future__ import annotations

import json

import pytest

import annotator.ingest.ingestor
from annotator.nlp.detect import Detector


@pytest.fixture
def user_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    return tmp_path / "data" / "case-file-annotator" / "patterns"


@pytest.fixture
def fresh_detector(monkeypatch):
    """Each scan builds its Detector, reading the user's lexicon as it is then."""
    monkeypatch.setattr(annotator.ingest.ingestor, "Detector", Detector)


def test_add_list_remove(cli, user_dir):
    run = cli("lexicon", "add", "Canal Street Crew", "--category", "gang_label")
    assert run.code == 0 and "added 'Canal Street Crew'" in run.out
    assert str(user_dir / "gang_label.json") in run.out
    again = cli("lexicon", "add", "canal street crew", "--category", "gang_label")
    assert again.code == 0 and "already in your lexicon" in again.out
    assert cli("lexicon", "add", "Mesa Fénix", "--category", "fusion_center", "--language", "es")
    rows = cli("lexicon", "list", "--json").rows()
    assert (
        rows
        == [
            {
                "phrase": "Canal Street Crew",
                "category": "gang_label",
                "language": "all",
                "file": "gang_label.json",
            },
            {
                "phrase": "Mesa Fénix",
                "category": "fusion_center",
                "language": "es",
                "file": "fusion_center.json",
            },
        ][::-1]
    )
    listing = cli("lexicon", "list")
    assert listing.code == 0 and str(user_dir) in listing.out and "Mesa Fénix" in listing.out
    assert cli("lexicon", "remove", "MESA FENIX").code == 0
    missing = cli("lexicon", "remove", "Mesa Fénix")
    assert missing.code == 2
    assert missing.err.strip() == f"annotator: 'Mesa Fénix' is not in your lexicon ({user_dir})"


def test_usage_errors(cli, user_dir):
    assert cli("lexicon", "add", "Crew", "--category", "gangs").code == 2
    assert cli("lexicon", "add", "Crew").code == 2
    assert cli("lexicon").code == 2
    blank = cli("lexicon", "add", "  ", "--category", "safe")
    assert blank.code == 3 and "at least one letter" in blank.err
    assert not user_dir.exists()


def test_a_scan_after_lexicon_add_finds_the_phrase(
    cli, user_dir, fresh_detector, make_pdf, tmp_path
):
    pdf = make_pdf(
        [["FICTIONAL. Police say he ran with the Canal Street", "Crew before he left."]],
        name="report.pdf",
    )
    case = tmp_path / "x.case"
    first = cli("scan", pdf, "--case", case, "--json")
    assert first.code == 0 and first.rows() == []
    assert cli("lexicon", "add", "canal street crew", "--category", "gang_label").code == 0
    again = cli("scan", pdf, "--case", case)
    assert again.code == 0 and "re-scanned with the new lexicon" in again.out
    rows = cli("findings", case, "--json").rows()
    assert [(r["category"], r["subtype"]) for r in rows] == [("gang_label", "user")]
    assert rows[0]["text"].endswith("Canal Street Crew")
    assert len(rows[0]["rects"]) == 2, "one rectangle on each line"


def test_a_malformed_user_file_is_one_line_and_the_scan_goes_on(
    cli, user_dir, fresh_detector, make_pdf
):
    user_dir.mkdir(parents=True)
    (user_dir / "clinic.json").write_text(json.dumps({"category": "nope", "rules": []}))
    pdf = make_pdf([["The SAFE report calls him a gang member."]])
    run = cli("scan", pdf, "--json")
    assert run.code == 0
    assert run.err.splitlines() == [
        f"annotator: {user_dir / 'clinic.json'}: 'category' must be one of ['gang_label', "
        "'red_notice', 'safe', 'fusion_center']; that file of your own lexicon was left out"
    ]
    assert {r["text"] for r in run.rows()} == {"SAFE report", "gang member"}
    listing = cli("lexicon", "list")
    assert listing.code == 3 and "clinic.json" in listing.err
