"""`annotator undo`, `redo` and `history`: the review's steps walked from the command line."""

from __future__ import annotations

from annotator.store import CaseStore


def test_tag_undo_redo_and_history_from_the_command_line(cli, make_pdf, tmp_path):
    pdf = make_pdf([["The officer called him a gang member; the fusion center agreed."]])
    path = tmp_path / "c.case"
    assert cli("scan", pdf, "--case", path).code == 0
    first, second = (r["id"] for r in cli("findings", path, "--json").rows())
    tag = cli("tag", path, first, "--status", "rebutted", "--note", "Ex. 3 shows", "--who", "A")
    assert tag.code == 0
    assert cli("tag", path, second, "--status", "dismissed", "--who", "A").code == 0

    undo = cli("undo", path, "--who", "B")
    assert (undo.code, undo.out.strip()) == (0, f"undid: tag dismissed (finding #{second})")
    rows = {r["id"]: r for r in cli("findings", path, "--json").rows()}
    assert rows[second]["status"] == "untagged"
    assert (rows[first]["status"], rows[first]["note"]) == ("rebutted", "Ex. 3 shows")
    assert cli("undo", path).out.strip() == f"undid: tag rebutted (finding #{first})"
    assert cli("undo", path).out.strip() == "nothing to undo"
    rows = {r["id"]: r for r in cli("findings", path, "--json").rows()}
    assert (rows[first]["status"], rows[first]["note"]) == ("untagged", "")

    assert cli("redo", path).out.strip() == f"redid: tag rebutted (finding #{first})"
    history = cli("history", path).out.splitlines()
    assert len(history) == 2
    assert "tag rebutted" in history[0] and "(undone)" not in history[0]
    assert "tag dismissed" in history[1] and history[1].endswith("(undone)")
    with CaseStore(path) as case:
        assert [e.who for e in case.audit(second)] == ["A", "B"]


def test_undo_of_an_unknown_case_is_one_clear_line(cli, tmp_path):
    run = cli("undo", tmp_path / "missing.case")
    assert run.code == 3 and "no such case file" in run.err and run.out == ""


def test_find_like_lists_then_adds_and_undo_takes_it_back(cli, make_pdf, tmp_path):
    from annotator.core.model import Category
    from annotator.review import Review

    pdf = make_pdf(
        [["The Harborview Watch Desk shared his name."], ["So did the HARBORVIEW WATCH DESK."]]
    )
    path = tmp_path / "c.case"
    assert cli("scan", pdf, "--case", path).code == 0
    with CaseStore(path) as case:
        page = case.page(case.documents()[0].id, 1)
        start = page.text.index("Harborview")
        end = page.text.index(" shared")
        finding = Review(case, "A").add_finding(
            case.documents()[0].id, 1, Category.FUSION_CENTER, start, end, []
        )
    listed = cli("find-like", path, finding.id, "--json")
    assert [(r["page"], r["text"]) for r in listed.rows()] == [(2, "HARBORVIEW WATCH DESK")]
    added = cli("find-like", path, finding.id, "--accept", "--who", "A")
    assert added.code == 0 and "added 1 finding(s)" in added.err
    assert cli("find-like", path, finding.id).out.strip() == f"0 place(s) like finding {finding.id}"
    assert cli("undo", path).out.startswith("undid: add 1 like")
    assert len(cli("find-like", path, finding.id, "--json").rows()) == 1


def test_dismiss_all_identical_from_the_command_line(cli, make_pdf, tmp_path):
    pdf = make_pdf([["He is a gang member."], ["Another gang member."], ["A gang member."]])
    path = tmp_path / "c.case"
    assert cli("scan", pdf, "--case", path).code == 0
    first = cli("findings", path, "--json").rows()[0]
    usage = cli("tag", path, first["id"], "--status", "rebutted", "--all-identical")
    assert usage.code == 2
    run = cli("tag", path, first["id"], "--status", "dismissed", "--all-identical")
    assert run.code == 0 and "dismissed 3 finding(s)" in run.out
    assert {r["status"] for r in cli("findings", path, "--json").rows()} == {"dismissed"}
    cli("undo", path)
    assert {r["status"] for r in cli("findings", path, "--json").rows()} == {"untagged"}
