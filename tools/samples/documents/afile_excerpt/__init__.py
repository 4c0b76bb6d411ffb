"""01: an A-file excerpt released under FOIA: the cover sheet, Form I-213 with four I-831
continuation pages of narrative, a sponsor's bank statement and the Notice to Appear (8 pages)."""

from __future__ import annotations

from ...document import DocBuilder, DocSpec
from .bank_statement import bank_statement
from .cover import cover_sheet
from .i213 import i213_with_continuation
from .notice_to_appear import notice_to_appear

SPEC = DocSpec(
    "01_afile_excerpt_i213.pdf",
    "A-file excerpt (FOIA release) - Form I-213 and continuation pages - FICTIONAL SAMPLE",
    "Fictional sample case: RIVAS MEJIA, Daniel Alexander, A 012-345-678",
)


def build(b: DocBuilder) -> None:
    cover_sheet(b.add_page())
    i213_with_continuation(b)
    bank_statement(b.add_page())
    notice_to_appear(b.add_page())
