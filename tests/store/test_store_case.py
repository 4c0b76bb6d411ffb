"""The case file: migrations, refusing files it must not touch, documents, search, audit, lock."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys

import pytest

from annotator.core.errors import CaseError, CaseLocked
from annotator.core.model import Category, PageText, Source, Status, Word
from annotator.ingest import Ingestor
from annotator.store import CaseStore
from annotator.store.connection import APP_ID, IN_MEMORY
from annotator.store.migrations import MIGRATIONS, migrate, schema_version

# -- migrations and opening --------------------------------------------------------------------


def test_new_case_is_at_the_latest_schema_in_wal_mode(tmp_path):
    path = tmp_path / "new.case"
    with CaseStore(path) as case:
        assert schema_version(case.db) == len(MIGRATIONS) >= 1
        assert case.db.execute("PRAGMA application_id").fetchone()[0] == APP_ID
        assert case.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert {"case_info", "documents", "pages", "findings", "audit_log", "pages_fts"} <= set(
            case.db.table_names()
        )


def test_a_case_in_memory_is_a_full_case_that_touches_no_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with CaseStore(IN_MEMORY, lock=True) as case:
        assert case.in_memory
        assert schema_version(case.db) == len(MIGRATIONS)
        document = case.add_document("e" * 64, "/x.pdf", "x", 1)
        case.save_pages(document.id, [PageText(1, 612, 792, 0, "gang member", [])])
        assert [h.page for h in case.search("gang")] == [1]
        assert case.db.execute("PRAGMA database_list").fetchone()[2] == ""  # no file behind it
    assert list(tmp_path.iterdir()) == []
    with CaseStore(IN_MEMORY) as other:
        assert other.documents() == []  # each is its own


def test_a_case_file_runs_no_sqlite_utils_plugin(tmp_path):
    """A package in the environment that declares a sqlite-utils plugin gets no say over a case
    file's connection (a fresh interpreter, as sqlite-utils loads plugins once per process)."""
    site = tmp_path / "site"
    (site / "nosy_plugin-1.0.dist-info").mkdir(parents=True)
    (site / "nosy_plugin-1.0.dist-info" / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: nosy-plugin\nVersion: 1.0\n", encoding="utf-8"
    )
    (site / "nosy_plugin-1.0.dist-info" / "entry_points.txt").write_text(
        "[sqlite_utils]\nnosy = nosy_plugin\n", encoding="utf-8"
    )
    marker = tmp_path / "plugin-ran"
    (site / "nosy_plugin.py").write_text(
        f"import pathlib\npathlib.Path({str(marker)!r}).write_text('loaded')\n", encoding="utf-8"
    )
    code = (
        "import sys, sqlite_utils\n"
        f"sys.path.insert(0, {str(site)!r})\n"
        "from annotator.store import CaseStore\n"
        f"CaseStore({str(tmp_path / 'x.case')!r}).close()\n"
        "assert not __import__('pathlib').Path(sys.argv[1]).exists(), 'our case loaded it'\n"
        "sqlite_utils.Database(memory=True)\n"  # a plain Database does: the plugin is real
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(marker)], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert marker.read_text(encoding="utf-8") == "loaded"


def test_reopening_applies_no_migration_and_keeps_data(case):
    path = case.path
    case.close()
    with CaseStore(path) as again:
        assert migrate(again.db) == []
        assert schema_version(again.db) == len(MIGRATIONS)
        assert again.info().respondent == "Fictional Respondent"


def test_migrations_are_numbered_and_applied_in_order(tmp_path):
    import sqlite_utils

    db = sqlite_utils.Database(tmp_path / "raw.db")
    assert migrate(db) == list(range(1, len(MIGRATIONS) + 1))
    assert schema_version(db) == len(MIGRATIONS)
    assert migrate(db) == []
    db.close()


def test_case_from_a_newer_app_is_refused_untouched(case):
    path = case.path
    case.db.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 5}")
    case.close()
    before = path.read_bytes()
    with pytest.raises(CaseError, match="newer version") as info:
        CaseStore(path)
    assert str(path) in str(info.value)
    assert path.read_bytes() == before


def test_sqlite_file_that_is_not_a_case_is_refused_untouched(tmp_path):
    path = tmp_path / "contacts.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.execute("INSERT INTO contacts VALUES ('someone')")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(CaseError, match="not a Case-File Annotator case file"):
        CaseStore(path)
    assert path.read_bytes() == before
    assert not (tmp_path / "contacts.sqlite-wal").exists()


@pytest.mark.parametrize("kind", ["text file", "folder"])
def test_other_files_are_refused_with_a_case_error(tmp_path, kind):
    path = tmp_path / "x.case"
    if kind == "folder":
        path.mkdir()
    else:
        path.write_text("not a database at all\n" * 50)
    with pytest.raises(CaseError) as info:
        CaseStore(path)
    assert str(path) in str(info.value)


def test_case_details(case):
    case.set_info(reviewer="Clinic Student A")
    info = case.info()
    assert (info.respondent, info.a_number, info.reviewer) == (
        "Fictional Respondent",
        "A 000-000-001",
        "Clinic Student A",
    )
    with pytest.raises(ValueError, match="unknown"):
        case.set_info(nickname="x")


# -- pages and full-text search ----------------------------------------------------------------


def _page(number: int, text: str) -> PageText:
    words, pos = [], 0
    for i, token in enumerate(text.split(" ")):
        words.append(Word((10.0 * i, 0.0, 10.0 * i + 8, 10.0), pos, pos + len(token), 0))
        pos += len(token) + 1
    return PageText(number, 612, 792, 0, text, words, language="es" if "policía" in text else "en")


def test_pages_round_trip_and_full_text_search(case):
    doc = case.add_document("ab" * 32, "/cases/report.pdf", "Report", 3)
    case.save_pages(
        doc.id,
        [
            _page(1, "The officer called him an MS-13 associate near the school"),
            _page(2, "Informe de la policía nacional sobre la Mara Salvatrucha"),
            _page(3, "Nothing of interest on this page"),
        ],
    )
    stored = case.page(doc.id, 2)
    assert stored.text == "Informe de la policía nacional sobre la Mara Salvatrucha"
    assert stored.words == _page(2, stored.text).words
    assert stored.language == "es"
    assert [p.number for p in case.pages(doc.id)] == [1, 2, 3]

    assert [(h.document_id, h.page) for h in case.search("Salvatrucha")] == [(doc.id, 2)]
    assert "[Salvatrucha]" in case.search("Salvatrucha")[0].snippet
    assert [h.page for h in case.search("policia")] == [2], "accents do not matter"
    assert [h.page for h in case.search("school officer")] == [1], "words in any order"
    assert [h.page for h in case.search("MS-13")] == [1]
    assert case.search('"unbalanced') == []
    assert case.search("fusion") == []
    assert case.search("   ") == []

    case.save_pages(doc.id, [_page(3, "Later OCR text about the fusion center")])
    assert [h.page for h in case.search("fusion")] == [3], "the index follows page updates"


# -- duplicate documents -----------------------------------------------------------------------

LINES = [["The school officer called him a gang member and an MS-13 associate."]]


def test_same_file_twice_is_one_document(case, detector, make_pdf):
    path = make_pdf(LINES)
    ingestor = Ingestor(case, detector, workers=1)
    first, second = ingestor.add_files([path, path])
    assert first.ok and second.ok
    assert not first.duplicate and second.duplicate
    assert len(case.documents()) == 1
    assert len(case.findings()) == 2


def test_renamed_copy_is_one_document(case, detector, make_pdf, tmp_path):
    path = make_pdf(LINES, name="report.pdf")
    copy = tmp_path / "Exhibit 4 - school report (copy).pdf"
    shutil.copy(path, copy)
    ingestor = Ingestor(case, detector, workers=1)
    ingestor.add_file(path)
    again = ingestor.add_file(copy)
    assert again.duplicate
    assert len(case.documents()) == 1
    assert len(case.findings()) == 2


def test_moved_file_is_found_by_hash_and_its_path_updated(case, detector, make_pdf, tmp_path):
    path = make_pdf(LINES, name="report.pdf")
    ingestor = Ingestor(case, detector, workers=1)
    (document,) = [ingestor.add_file(path).document]
    finding = case.findings()[0]
    case.set_status(finding.id, Status.REBUTTED, who="attorney")
    moved_dir = tmp_path / "moved"
    moved_dir.mkdir()
    moved = moved_dir / "renamed.pdf"
    shutil.move(path, moved)
    result = ingestor.add_file(moved)
    assert result.duplicate and result.document.id == document.id
    assert case.document(document.id).path == str(moved.resolve())
    assert case.finding(finding.id).status is Status.REBUTTED


def test_ingest_records_document_pages_and_findings(case, detector, make_pdf):
    path = make_pdf(
        [["The officer wrote he is a gang member."], ["El agente dice que no hay nada más aquí."]],
        name="i213.pdf",
    )
    result = Ingestor(case, detector, workers=1).add_file(path)
    doc = result.document
    assert (doc.title, doc.page_count, doc.path) == ("i213", 2, str(path.resolve()))
    assert doc.lexicon_version == detector.lexicon_version
    assert case.page_count_stored(doc.id) == 2
    assert [p.language for p in case.pages(doc.id)] == ["en", "es"], "language guessed per page"
    (finding,) = case.findings(document_id=doc.id)
    assert (finding.page, finding.category, finding.subtype, finding.text) == (
        1,
        Category.GANG_LABEL,
        "membership_label",
        "gang member",
    )
    assert finding.source is Source.MODEL and finding.status is Status.UNTAGGED
    assert finding.lexicon_version == detector.lexicon_version
    assert finding.language == "en"
    assert finding.sentence == "The officer wrote he is a gang member."
    assert result.counts == {"gang_label": 1}


def test_an_acronym_introduced_on_one_page_counts_on_another_when_ingested(
    case, detector, make_pdf
):
    path = make_pdf(
        [
            ["The entry from SAFE lists him as wanted in his home country."],
            ["Records arrived from the Security Alliance for Fugitive Enforcement (SAFE)."],
        ]
    )
    Ingestor(case, detector, workers=1).add_file(path)
    found = {(f.page, f.text) for f in case.findings(category="safe")}
    assert (1, "SAFE") in found, "introduced anywhere in the document, it counts on every page"


# -- audit log ---------------------------------------------------------------------------------


@pytest.fixture
def finding_id(case, detector, make_pdf):
    Ingestor(case, detector, workers=1).add_file(make_pdf(LINES))
    return case.findings()[0].id


def test_every_status_note_and_exhibit_change_is_audited(case, finding_id):
    case.set_status(finding_id, "unverified", who="student A")
    case.set_status(finding_id, Status.REBUTTED, who="attorney B")
    case.set_note(finding_id, "School records show no gang contact.", who="attorney B")
    case.set_note(finding_id, "School records show no gang contact.", who="attorney B")  # no change
    case.set_exhibit(finding_id, "Exhibit 7", who="attorney B")
    entries = [(e.who, e.field, e.old, e.new) for e in case.audit(finding_id)]
    assert entries == [
        ("student A", "status", "untagged", "unverified"),
        ("attorney B", "status", "unverified", "rebutted"),
        ("attorney B", "note", "", "School records show no gang contact."),
        ("attorney B", "exhibit", "", "Exhibit 7"),
    ]
    assert all(e.at for e in case.audit(finding_id))
    stored = case.finding(finding_id)
    assert (stored.status, stored.note, stored.exhibit) == (
        Status.REBUTTED,
        "School records show no gang contact.",
        "Exhibit 7",
    )


def test_audit_falls_back_to_the_case_reviewer(case, finding_id):
    case.set_info(reviewer="Clinic Student C")
    case.set_status(finding_id, "dismissed")
    assert case.audit(finding_id)[-1].who == "Clinic Student C"


def test_changes_are_committed_before_the_call_returns(case, finding_id):
    case.set_note(finding_id, "committed", who="x")
    other = sqlite3.connect(case.path)
    try:
        assert other.execute("SELECT note FROM findings WHERE id = ?", [finding_id]).fetchone() == (
            "committed",
        )
        assert other.execute("SELECT count(*) FROM audit_log").fetchone() == (1,)
    finally:
        other.close()


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE audit_log SET new = 'forged'",
        "DELETE FROM audit_log",
    ],
)
def test_audit_log_is_append_only(case, finding_id, sql):
    case.set_status(finding_id, "rebutted", who="attorney")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        case.db.execute(sql)
    assert [e.new for e in case.audit(finding_id)] == ["rebutted"]


def test_unknown_status_and_finding_are_refused(case, finding_id):
    with pytest.raises(ValueError):
        case.set_status(finding_id, "maybe")
    with pytest.raises(CaseError, match="no finding 9999"):
        case.set_status(9999, "rebutted")


def test_manual_findings_are_audited_and_only_they_can_be_deleted(case, finding_id):
    doc_id = case.findings()[0].document_id
    manual = case.add_manual_finding(
        doc_id,
        1,
        Category.FUSION_CENTER,
        "the center",
        0,
        10,
        [(72.0, 60.0, 120.0, 74.0)],
        who="student A",
    )
    assert manual.source is Source.MANUAL
    assert manual.rects == [(72.0, 60.0, 120.0, 74.0)]
    assert [(e.field, e.who) for e in case.audit(manual.id)] == [("created", "student A")]
    with pytest.raises(CaseError, match="dismiss"):
        case.delete_finding(finding_id)
    case.delete_finding(manual.id, who="student A")
    assert [e.field for e in case.audit(manual.id)] == ["created", "deleted"]
    with pytest.raises(CaseError):
        case.finding(manual.id)


# -- one writer --------------------------------------------------------------------------------


def test_second_locked_opener_is_refused_with_a_clear_message(tmp_path):
    path = tmp_path / "locked.case"
    first = CaseStore(path, lock=True)
    try:
        with pytest.raises(CaseLocked) as info:
            CaseStore(path, lock=True)
        message = str(info.value)
        assert str(path) in message and "already open" in message
    finally:
        first.close()
    with CaseStore(path, lock=True) as again:  # released on close
        assert again.info().respondent == ""


def _detection(text: str, start: int) -> object:
    from annotator.core.model import Detection

    return Detection(
        Category.GANG_LABEL,
        "gang_name",
        text,
        start,
        start + len(text),
        [(72.0, 72.0, 120.0, 84.0)],
        f"He is {text}.",
    )


def test_merging_in_page_slices_keeps_tags_outside_the_slice(case):
    doc = case.add_document("f" * 64, "/tmp/slices.pdf", "Slices", 4)
    first = [
        (1, _detection("MS-13", 6)),
        (2, _detection("MS-13", 6)),
        (3, _detection("Barrio 18", 6)),
    ]
    case.merge_detections(doc.id, first, "v1")
    tagged = case.findings(document_id=doc.id)[0]
    case.set_status(tagged.id, Status.REBUTTED, "tester")
    assert case.document(doc.id).lexicon_version == "v1"

    # A re-scan stored in two slices: page 1-2, then 3-4. Page 3 lost its finding.
    counts = case.merge_detections(
        doc.id, [(1, _detection("MS-13", 6)), (2, _detection("MS-13", 6))], "v2", pages=range(1, 3)
    )
    assert counts == {"new": 0, "kept": 2, "stale": 0, "removed": 0}
    assert case.document(doc.id).lexicon_version == "v1"  # not finished yet
    assert len(case.findings(document_id=doc.id)) == 3  # page 3 untouched by the first slice
    counts = case.merge_detections(doc.id, [(4, _detection("Sureños", 6))], "v2", pages=range(3, 5))
    assert counts == {"new": 1, "kept": 0, "stale": 0, "removed": 1}
    assert case.document(doc.id).lexicon_version == "v2"
    after = {f.page: f for f in case.findings(document_id=doc.id)}
    assert sorted(after) == [1, 2, 4]
    assert after[1].status is Status.REBUTTED and after[1].id == tagged.id


def test_counts_per_category_and_pages_by_ocr_state(case, detector, make_pdf):
    path = make_pdf([LINES[0], ["An INTERPOL Red Notice and the SAFE program."], ["Nothing here."]])
    result = Ingestor(case, detector, workers=1).add_file(path)
    doc = result.document
    counts = case.finding_counts(doc.id)
    assert counts == dict(result.counts)
    assert counts["gang_label"] == 2 and counts["red_notice"] == 1 and counts["safe"] == 1
    assert sum(counts.values()) == len(case.findings(document_id=doc.id))
    assert case.finding_counts(doc.id + 1) == {}
    page = case.page(doc.id, 3)
    page.ocr_done = True
    case.save_pages(doc.id, [page])
    assert [p.number for p in case.pages(doc.id, ocr_done=True)] == [3]
    assert [p.number for p in case.pages(doc.id, ocr_done=False)] == [1, 2]
    assert [p.number for p in case.pages(doc.id)] == [1, 2, 3]


HOLDER = """
import sys, time
from annotator.store import CaseStore
case = CaseStore(sys.argv[1], lock=True)
print("holding", flush=True)
time.sleep(600)
"""


def test_a_case_open_in_another_process_is_refused_until_that_process_dies(tmp_path):
    path = tmp_path / "shared.case"
    CaseStore(path).close()
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout.readline().strip() == "holding"
        with pytest.raises(CaseLocked) as info:
            CaseStore(path, lock=True)
        assert f"process {holder.pid}" in str(info.value) and str(path) in str(info.value)
    finally:
        holder.kill()
        holder.wait()
    with CaseStore(path, lock=True) as case:  # the OS let go of a dead process's lock
        assert case.documents() == []


def test_a_tag_waits_for_another_writer_instead_of_failing(case, finding_id, tmp_path):
    """The window tags while its background ingest writes pages through a second connection:
    the tag waits for the ingest's short transaction (BEGIN IMMEDIATE), it never fails."""
    import threading
    import time

    started, done = threading.Event(), []

    def ingest_writes() -> None:
        with CaseStore(case.path) as other:
            other.db.execute("BEGIN IMMEDIATE")
            other.db.execute("UPDATE documents SET title = title || ''")
            started.set()
            time.sleep(0.5)
            other.db.execute("COMMIT")
            done.append(time.monotonic())

    writer = threading.Thread(target=ingest_writes)
    writer.start()
    started.wait(5)
    case.set_fields(finding_id, {"status": "rebutted", "note": "waited its turn"})
    tagged = time.monotonic()
    writer.join()
    assert done and tagged >= done[0]
    assert case.finding(finding_id).note == "waited its turn"
