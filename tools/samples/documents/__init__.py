"""The registry of sample documents, in the order of the set (the order numbers the Bates stamps).

Each entry names a module (or package) of this folder that has `SPEC` (a `DocSpec`) and
`build(doc: DocBuilder) -> None`, which draws the document's pages; its text is module-level data.
"""

from __future__ import annotations

import importlib
from types import ModuleType

DOCUMENTS = (
    "afile_excerpt",  # 01: FOIA cover, Form I-213, I-831 narrative, bank statement, NTA
    "school_report",  # 02: school-police incident report, supplements, FIO card, dress code
    "gang_database",  # 03: BRIC Gang Assessment Database printout
    "pnc_report",  # 04: Spanish: SAFE transmittal, PNC report, database sheet, DGCP certificate
    "red_notice",  # 05: USCIS insert, INTERPOL Red Notice extract (EN, ES), USNCB memo
    "fusion_bulletin",  # 06: two-column fusion-center bulletin
    "asylum_declaration",  # 07: the respondent's asylum declaration: the gang as persecutor
)


def load() -> list[ModuleType]:
    return [importlib.import_module(f"{__name__}.{name}") for name in DOCUMENTS]
