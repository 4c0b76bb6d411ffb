"""Pages 2-6 of document 01: Form I-213 drawn as a form, its narrative box, and the I-831
continuation pages the narrative (in `narrative`) runs on to."""

from __future__ import annotations

import pymupdf

from ...document import DocBuilder
from ...flow import Flow
from ...respondent import A_NUM_FORM, DOB_US, EVENT_NO, R_FIRST, R_LAST_ASCII, R_MIDDLE
from ...sheet import Label, Mark, Sheet
from .narrative import NARRATIVE

MONO, MSIZE, MLEAD = "mono", 9.4, 12.2
NARRATIVE_BOTTOM = 650

I213_FORM = [
    (24, [
        ("Family Name (Capital Letters)", R_LAST_ASCII, 0.27),
        ("First", R_FIRST, 0.15),
        ("Middle", R_MIDDLE, 0.16),
        ("Sex", "M", 0.07),
        ("Hair", "BLK", 0.1),
        ("Eyes", "BRO", 0.1),
        ("Cmplxn", "MED", 0.15),
    ]),
    (24, [
        ("Country of Citizenship", "EL SALVADOR", 0.18),
        ("Passport Number and Country of Issue", "B12345678 EL SALVADOR", 0.26),
        ("File No.", A_NUM_FORM, 0.16),
        ("Height", "67", 0.08),
        ("Weight", "145", 0.08),
        ("Occupation", "KITCHEN HELPER", 0.24),
    ]),
    (24, [
        ("U.S. Address", "555 LARKSPUR WAY APT 2, CHELSEA, MA 02150", 0.6),
        ("Scars and Marks", "NONE OBSERVED", 0.4),
    ]),
    (34, [
        ("Date, Place, Time, and Manner of Last Entry",
         "07/02/2019, JFK INTL AIRPORT, NEW YORK, NY, 1540, B-2 VISITOR", 0.4),
        ("Passenger Boarded at", "SAN SALVADOR (SAL)", 0.2),
        ("Number, Street, City, Province (State) and Country of Permanent Residence",
         "COL. LOS ALMENDROS, PJE 4, SAN MIGUEL, EL SALVADOR", 0.4),
    ]),
    (24, [
        ("Method of Location/Apprehension", "FUGOPS TARGETED AT-LARGE ARREST", 0.4),
        ("Date of Birth", DOB_US, 0.2),
        ("Date of Action", "06/14/2023", 0.2),
        ("Location Code", "BOS/BOS", 0.2),
    ]),
    (24, [
        ("City, Province (State) and Country of Birth", "SAN MIGUEL, SAN MIGUEL, EL SALVADOR", 0.4),
        ("AR", "—", 0.08),
        ("At/Near", "CHELSEA, MA", 0.32),
        ("Date/Hour", "06/13/2023 0615", 0.2),
    ]),
    (24, [
        ("NIV Issuing Post and NIV Number", "SAN SALVADOR 00000000", 0.3),
        ("Social Security Account Name", "NONE", 0.25),
        ("Status at Entry", "B-2", 0.2),
        ("Status When Found", "B-2 OVERSTAY", 0.25),
    ]),
    (24, [
        ("Date Visa Issued", "04/10/2019", 0.2),
        ("Social Security Number", "NONE", 0.25),
        ("Length of Time Illegally in U.S.", "3 YRS 5 MOS", 0.3),
        ("Number and Nationality of Minor Children", "0", 0.25),
    ]),
    (34, [
        ("Father's Name, Nationality, and Address, if Known",
         "[WITHHELD (b)(6)], EL SALVADOR, WHEREABOUTS UNKNOWN", 0.5),
        ("Mother's Present and Maiden Names, Nationality, and Address, if Known",
         "[WITHHELD (b)(6)], EL SALVADOR, SAN MIGUEL", 0.5),
    ]),
    (34, [
        ("Monies Due/Property in U.S. Not in Immediate Possession", "NONE CLAIMED", 0.3),
        ("Fingerprinted?", "YES", 0.1),
        ("Systems Checks",
         "IDENT/NGI: NO CRIM | NCIC: NEGATIVE | EID: NO PRIOR | TECS: ENTRY ONLY | BRIC GANG DB: "
         "SEE NARRATIVE", 0.6),
    ]),
    (24, [
        ("Name and Address of (Last) (Current) U.S. Employer",
         "LA CEIBA GRILL (FICTIONAL), CHELSEA, MA", 0.5),
        ("Type of Employment", "KITCHEN HELPER", 0.2),
        ("Salary", "$16/HR", 0.12),
        ("Employed from/to", "08/2022-PRESENT", 0.18),
    ]),
]  # fmt: skip
NARRATIVE_CAPTION = (
    "Narrative (Outline particulars under which alien was located/apprehended. Include "
    "details not shown above regarding time, place and manner of last entry, attempted "
    "entry, or any other entry, and elements which establish administrative and/or "
    "criminal violation. Indicate means and route of travel to interior.)"
)
I213_FOOT = [
    (30, [
        ("Alien has been advised of communication privileges",
         "06/14/2023  MRH  (Date/Initials)", 0.45),
        ("Signature and Title of Immigration Officer",
         "/s/ Mark R. Haldane (fictional), Deportation Officer", 0.55),
    ]),
    (40, [
        ("Distribution:", "A-FILE; EARM; FOD BOSTON; USCIS BOSTON FIELD OFFICE (COPY)", 0.45),
        ("Received: (Subject and Documents) (Report of Interview)",
         "Officer: M. R. HALDANE   on: June 14, 2023 (time) 1030", 0.55),
    ]),
]  # fmt: skip
I831_HEAD = [
    (24, [
        ("Alien's Name", f"{R_LAST_ASCII}, DANIEL ALEXANDER", 0.45),
        ("File Number", A_NUM_FORM, 0.25),
        ("Date", "06/14/2023", 0.3),
    ]),
    (24, [
        ("Event No.", EVENT_NO, 0.45),
        ("Subject ID / FINS", "000000000 / 0000000000", 0.55),
    ]),
]  # fmt: skip
I831_FOOT = [
    (28, [
        ("Signature", "/s/ Mark R. Haldane (fictional)", 0.45),
        ("Title", "Deportation Officer", 0.55),
    ]),
]  # fmt: skip
SIGNATURES: list[Mark] = [  # relative to the block's corner
    Label(
        0, 12, "/s/ Mark R. Haldane (fictional), Deportation Officer, ERO Boston FUGOPS",
        MONO, MSIZE,
    ),
    Label(
        0, 24,
        "Reviewed: /s/ Ellen Voss (fictional), Supervisory Detention and Deportation Officer",
        MONO, MSIZE,
    ),
]  # fmt: skip


def dhs_head(s: Sheet, title: str) -> None:
    s.text(36, 44, "U.S. Department of Homeland Security", "sans-b", 9)
    s.text_r(576, 46, title, "sans-b", 12.5)


def form_i213(s: Sheet) -> pymupdf.Rect:
    """The I-213 page; returns the frame inside its narrative box."""
    dhs_head(s, "Record of Deportable/Inadmissible Alien")
    top = s.form_rows(36, 52, 540, I213_FORM)
    s.rect((36, top, 576, NARRATIVE_BOTTOM), width=0.6)
    s.para(38, top + 1, 534, NARRATIVE_CAPTION, "sans", 5.8, 6.8)
    y = s.form_rows(36, NARRATIVE_BOTTOM, 540, I213_FOOT)
    s.text(36, y + 10, "Form I-213 (Rev. 08/01/07)", "sans-b", 7)
    s.text_r(576, y + 10, "CONTINUED ON FORM I-831", "sans-b", 7)
    return pymupdf.Rect(42, top + 24, 570, NARRATIVE_BOTTOM - 4)


def i831_setup(s: Sheet, k: int) -> list[pymupdf.Rect]:
    dhs_head(s, "Continuation Page for Form I-213")
    y = s.form_rows(36, 52, 540, I831_HEAD)
    s.rect((36, y, 576, 700), width=0.6)
    s.form_rows(36, 700, 540, I831_FOOT)
    s.text(36, 740, "Form I-831 Continuation Page (Rev. 08/01/07)", "sans-b", 7)
    return [pymupdf.Rect(42, y + 8, 570, 694)]


def i213_with_continuation(b: DocBuilder) -> None:
    """The I-213, and the narrative flowed from its box over as many I-831 pages as it needs."""
    s = b.add_page()
    flow = Flow(b, i831_setup, start=(s, [form_i213(s)]))
    for kind, text in NARRATIVE:
        if kind == "h":
            flow.heading(text, "mono-b", MSIZE, before=4, after=2, body_leading=MLEAD)
        else:
            flow.para(text, MONO, MSIZE, MLEAD, after=4)
    flow.y += 6
    flow.block(40, lambda sh, x, y, w: sh.draw(SIGNATURES, x, y))
    for k, sh in enumerate(flow.pages):
        sh.text_r(576, 740, f"Page {k + 1} of {len(flow.pages)}", "sans-b", 7.5)
