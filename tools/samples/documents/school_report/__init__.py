"""02: a school-police incident report labelling the student an "MS-13 associate" over a blue
uniform shirt and a rosary, its supplements, FIO card and the dress code (4 pages)."""

from __future__ import annotations

from ...document import DocBuilder, DocSpec
from ...flow import Flow
from .report import NARRATIVE, REPORT_NO, page_setup
from .supplements import dress_code, supplements

SPEC = DocSpec(
    "02_school_police_incident_report.pdf",
    "School Police Incident Report SP-21-04417 - FICTIONAL SAMPLE",
    "Fictional sample case: school police report on RIVAS MEJIA, Daniel A.",
    scan_seed=1000,
)


def build(b: DocBuilder) -> None:
    flow = Flow(b, page_setup)
    for text in NARRATIVE:
        flow.para(text, "sans", 9.6, 13.4, after=6)
    supplements(flow)
    dress_code(flow)
    for k, sh in enumerate(flow.pages):
        sh.text_r(576, 752 + 16, f"{REPORT_NO} · Page {k + 1} of {len(flow.pages)}", "sans", 7.5)
