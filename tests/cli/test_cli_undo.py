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
