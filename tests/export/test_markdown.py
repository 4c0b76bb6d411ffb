"""The Markdown memo, parsed back with a CommonMark parser: PDF text and notes come out intact."""

from __future__ import annotations

import html
import re

import markdown_it
import pytest
from export_support import SPECIAL_NOTE, Tagged

from annotator.cli import main
from annotator.export.markdown_render import escape, escape_block
from annotator.store import CaseStore

NASTY = [
    SPECIAL_NOTE,
    "*not emphasis* and _not_ either, __nor__ **this**",
    "| a | b | in a cell",
    "# not a heading",
    "`code` and ``double``",
    "<script>alert(1)</script> &amp; &copy;",
    "[not](a link) ![nor](an image)",
    "1. not a list",
    "- nor this",
    "back\\slash \\* escaped",
]


def _parser():
    return markdown_it.MarkdownIt("commonmark").enable("table")


def _text(rendered_html: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", rendered_html))


@pytest.mark.parametrize("raw", NASTY)
def test_escaped_text_reads_back_exactly(raw: str):
    assert _text(_parser().render(escape_block(raw))).strip() == raw
    assert _text(_parser().render(f"| col |\n| --- |\n| {escape(raw)} |")).strip().endswith(raw)


@pytest.fixture(scope="module")
def memo_md(tagged_shared: Tagged, tmp_path_factory: pytest.TempPathFactory) -> str:
    out = tmp_path_factory.mktemp("md") / "memo.md"
    assert main(["export", str(tagged_shared.path), "--memo", str(out)]) == 0
    return out.read_text(encoding="utf-8")


def test_note_with_special_characters_survives_the_round_trip(memo_md: str):
    rendered = _parser().render(memo_md)
    assert f"<strong>Response:</strong> {html.escape(SPECIAL_NOTE, quote=False)}" in rendered
    assert "<script" not in rendered and "<b>x</b>" not in rendered


def test_structure_parses_as_headings_quotes_and_tables(memo_md: str, tagged_shared: Tagged):
    tokens = _parser().parse(memo_md)
    kinds = {t.type for t in tokens}
    assert {"heading_open", "blockquote_open", "table_open", "bullet_list_open"} <= kinds
    h2 = [tokens[i + 1].content for i, t in enumerate(tokens) if t.tag == "h2" and t.nesting == 1]
    assert h2[:3] == ["Purpose", "Legal framework", "Summary of findings"]
    rendered = _parser().render(memo_md)
    for finding in tagged_shared.shown:
        assert f"<strong>{html.escape(finding.text, quote=False)}</strong>" in rendered


def test_summary_table_rows_and_counts(memo_md: str, tagged_shared: Tagged):
    rendered = _parser().render(memo_md)
    table = rendered.split("<table>")[1].split("</table>")[0]
    rows = [_text(r).split("\n") for r in re.findall(r"<tr>(.*?)</tr>", table, re.S)]
    rows = [[c for c in r if c.strip()] for r in rows]
    with CaseStore(tagged_shared.path) as case:
        total = len(case.findings())
    assert rows[0][0] == "Category" and rows[-1][0] == "Total"
    assert rows[-1][-1] == str(total)
    assert len(rows) == 9  # the head, four roles of gang references, three categories, total


def test_every_untagged_finding_has_a_table_row(memo_md: str, tagged_shared: Tagged):
    with CaseStore(tagged_shared.path) as case:
        untagged = len(case.findings(status="untagged"))
    section = memo_md.split("## Not yet reviewed")[1].split("## Appendix")[0]
    rows = [ln for ln in section.splitlines() if re.match(r"\| \d+ \|", ln)]
    assert len(rows) == untagged
