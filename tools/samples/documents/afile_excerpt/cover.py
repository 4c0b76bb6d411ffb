"""Page 1 of document 01: the National Records Center's FOIA release cover sheet."""

from __future__ import annotations

from ...respondent import A_NUM, DOB_US, R_LAST_ASCII
from ...sheet import Label, Mark, Rule, Sheet
from ...style import GRAY, RED

HEAD: list[Mark] = [
    Label(36, 52, "U.S. Citizenship and Immigration Services", "serif-b", 15),
    Label(36, 68, "National Records Center — FOIA/PA Office", "serif", 11),
    Label(
        36, 82, "P.O. Box 000000 · Lee's Summit, MO 00000 (address omitted in sample)",
        "serif", 8.5, GRAY,
    ),
    Rule(36, 576, 92, 1.4),
    Label(36, 118, "FREEDOM OF INFORMATION ACT RELEASE", "sans-b", 13),
    Label(36, 134, "Alien File (A-file) — Excerpt of Released Records", "sans", 11),
]  # fmt: skip
RELEASE = [
    (28, [
        ("Request number", "NRC2023000000 (fictional)", 0.34),
        ("Date of release", "09/05/2023", 0.33),
        ("Pages in full file / pages in this excerpt", "412 / 8", 0.33),
    ]),
    (28, [
        ("Subject of record", f"{R_LAST_ASCII}, DANIEL ALEXANDER", 0.5),
        ("A-number", A_NUM, 0.25),
        ("Date of birth", DOB_US, 0.25),
    ]),
    (28, [
        ("Requester", "Counsel of record — Harbor Immigrant Defense Clinic (fictional)", 0.66),
        ("Country of birth", "EL SALVADOR", 0.34),
    ]),
]  # fmt: skip
CONTENTS = [
    ["Item", "Document", "Date", "Excerpt page"],
    ["1", "FOIA release cover sheet", "09/05/2023", "1"],
    ["2", "Form I-213, Record of Deportable/Inadmissible Alien", "06/14/2023", "2"],
    ["3", "Form I-831, Continuation Page for Form I-213 (narrative)", "06/14/2023", "3–6"],
    ["4", "Bond request exhibit B: sponsor's bank statement (PNC Bank)", "06/20/2023", "7"],
    ["5", "Form I-862, Notice to Appear (first page)", "06/14/2023", "8"],
]
WITHHOLDING = (
    "(b)(6) and (b)(7)(C): personal privacy of third parties and of government "
    "employees. (b)(7)(E): law enforcement techniques and procedures. Withheld text is "
    "marked [WITHHELD] in this excerpt. Portions of the file originated with U.S. "
    "Immigration and Customs Enforcement (ICE) and were referred to ICE, which "
    "released them with the withholdings shown."
)
OTHER_AGENCIES = (
    "Records that originated with other agencies (a school police department, the "
    "Boston Police Department, the Policía Nacional Civil of El Salvador and INTERPOL "
    "Washington) were located in the file and are produced separately as sample "
    "files 02 to 05."
)
FICTIONAL = (
    "This excerpt was invented for the Case-File Annotator sample case. The respondent, "
    "the officers, the A-number, the addresses and every event described are fictional. "
    "Any resemblance to a real person or case is coincidental."
)


def cover_sheet(s: Sheet) -> None:
    s.draw(HEAD)
    y = s.form_rows(36, 148, 540, RELEASE, vfont="sans", vsize=9.5, lsize=6.3)
    s.text(36, y + 26, "Contents of this excerpt", "sans-b", 10)
    y = s.table(36, y + 34, [40, 300, 100, 100], CONTENTS, size=9)
    s.text(36, y + 26, "Withholding legend", "sans-b", 10)
    y = s.para(36, y + 32, 540, WITHHOLDING, "serif", 9.5, 12.5)
    y = s.para(36, y + 8, 540, OTHER_AGENCIES, "serif", 9.5, 12.5)
    s.rect((36, y + 24, 576, y + 92), width=1.2, color=RED)
    s.text(46, y + 42, "FICTIONAL SAMPLE FOR SOFTWARE TESTING", "sans-b", 11, RED)
    s.para(46, y + 48, 520, FICTIONAL, "sans", 8.8, 11.5, RED)
    s.text(36, 740, "NRC FOIA/PA · release package page 1 of 8", "sans", 7.5, GRAY)
