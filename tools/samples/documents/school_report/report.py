"""Document 02's report proper: the agency header, the report form with its checkboxes and
persons table, and the officer's narrative (with the split "MS-13 / associate" on page 1)."""

from __future__ import annotations

import pymupdf

from ...respondent import DOB_US
from ...sheet import Box, Label, Mark, Ring, Rule, Sheet
from ...style import GRAY

REPORT_NO = "SP-21-04417"

AGENCY_HEADER: list[Mark] = [
    Ring((66, 62), 22, 1.1),
    Ring((66, 62), 18, 0.5),
    Label(66, 60, "EHPS", "sans-b", 8, align="center"),
    Label(66, 69, "SCHOOL POLICE", "sans", 3.8, align="center"),
    Label(98, 52, "EASTFIELD HARBOR PUBLIC SCHOOLS", "sans-b", 13),
    Label(
        98, 65, "School Police Unit · 555 Cannery Road · Eastfield Harbor, MA (fictional)",
        "sans", 8.2,
    ),
    Label(98, 76, "Non-emergency (000) 555-0100 · schoolpolice@example.invalid", "sans", 7.5, GRAY),
    Box((440, 40, 576, 80), 1.2),
    Label(508, 57, "INCIDENT REPORT", "sans-b", 12, align="center"),
    Label(508, 72, f"Report No. {REPORT_NO}", "mono-b", 9, align="center"),
    Rule(36, 576, 88, 1.4),
]  # fmt: skip
RUNNING_HEAD: list[Mark] = [
    Label(36, 48, "EASTFIELD HARBOR PUBLIC SCHOOLS — SCHOOL POLICE UNIT", "sans-b", 8.5),
    Label(36, 59, "INCIDENT REPORT (continued)", "sans", 8),
    Rule(36, 576, 66, 0.9),
]
REPORT_FORM = [
    (24, [
        ("Report No.", REPORT_NO, 0.18),
        ("Date of Report", "11/16/2021", 0.16),
        ("Time of Report", "1415 hrs", 0.14),
        ("Date of Incident", "11/16/2021", 0.16),
        ("Time of Incident", "approx. 1140 hrs", 0.16),
        ("Day", "Tuesday", 0.2),
    ]),
    (24, [
        ("Location of Incident", "2nd floor hallway, B wing, outside Room 214", 0.5),
        ("School", "Eastfield Harbor High School (fictional)", 0.5),
    ]),
    (24, [
        ("Reporting Officer", "Ofc. Ronald P. Tierney (fictional), SRO", 0.38),
        ("Badge / ID", "#0000", 0.1),
        ("Unit", "School Police / SRO", 0.26),
        ("Supervisor", "Sgt. P. Breen", 0.26),
    ]),
]  # fmt: skip
CLASSIFICATION = [  # three to a row
    ("Assault / fight", False),
    ("Weapon", False),
    ("Drugs / alcohol", False),
    ("Gang-related activity", True),
    ("Vandalism / graffiti", False),
    ("Field interview / observation (FIO)", True),
    ("Trespass", False),
    ("Medical", False),
    ("Other: ____________", False),
]
DISPOSITION_NO = ["Arrest made", "Weapon recovered", "Injuries"]  # each answered "No"
DISPOSITION = [
    ("Parent/guardian notified", True),
    ("Referred to EHPD Gang Unit / BRIC", True),
    ("School administration", True),
    ("Counseling", False),
]
PERSONS = [
    ["Code", "Name (Last, First M.)", "DOB", "Grade", "Student ID", "Description / notes"],
    [
        "S-1",
        "RIVAS MEJIA, Daniel A.",
        DOB_US,
        "11",
        "000-4417",
        "Subject. Navy blue polo shirt (uniform), black rosary. H/M, 5'7\".",
    ],
    ["O-1", "[name withheld]", "—", "12", "—", "Other. Believed MS-13 member per EHPD Gang Unit."],
    ["O-2", "[name withheld]", "—", "11", "—", "Other. Possible MS-13 member (unconfirmed)."],
    ["W-1", "[name withheld]", "—", "11", "—", "Witness. Statement taken 1210 hrs."],
]

NARRATIVE = [
    "On Tuesday, 11/16/2021, at approximately 1140 hours, I was conducting a routine hallway "
    "check on the second floor of the B wing during the change of classes. I observed a group of "
    "four students standing outside Room 214, talking loudly in Spanish and blocking part of the "
    "hallway. Among them was RIVAS MEJIA, Daniel A. (S-1), a grade 11 student, who was wearing a "
    "navy blue polo shirt and a black beaded rosary around his neck.",
    "Two of the other students in the group (O-1 and O-2) have previously been identified to me "
    "by the Eastfield Harbor Police Department Gang Unit as MS-13 members. O-1 is believed to be "
    "a verified member in the regional gang database. I have no information about the third "
    "student (W-1), who later provided a statement.",
    "I approached the group and instructed the students to go to class. All four complied without "
    "incident. I asked S-1 to step aside and speak with me. I asked S-1 why he was wearing a "
    "rosary in school. S-1 stated that the rosary was a gift from his grandmother and that he is "
    'Catholic. I asked S-1 if he was "from" any neighborhood or "claimed" anything. S-1 '
    'stated, "No, I don\'t claim anything, I just go to school and work." S-1 denied any gang '
    "affiliation.",
    "S-1 was in possession of a pass from the nurse's office. S-1 stated that he had arrived late "
    "because he had a blood test at the East Harbor Community Health Center (fictional) that "
    "morning. I did not search S-1. No contraband, weapons or gang writing were observed on S-1 "
    "or in his backpack, which he opened voluntarily.",
    "It is known to this officer that the color blue and rosaries are worn by members of MS-13 "
    "and other Hispanic street gangs to show affiliation. Based on my training and experience, on "
    "the blue shirt and the rosary, and on his association with O-1 and O-2, I have classified "
    "RIVAS MEJIA as an MS-13<br>associate for the purposes of this report and the gang database.",
    'W-1 reportedly told a teacher earlier that day that the group was "planning something" for '
    "after school. When I spoke to W-1 in the main office at 1210 hours, W-1 stated that she may "
    "have been mistaken and that she had only heard that the boys were going to play soccer. W-1 "
    "did not name S-1. No fight or other incident occurred after school.",
    "After the students dispersed I remained in the B wing until the hallway was safe and clear, "
    "and then returned to the main office. Assistant Principal T. Okafor (fictional) was "
    "informed. The aunt and legal guardian of S-1 was notified by telephone at 1330 hours; she "
    "stated that S-1 has never been in trouble.",
    "According to school records, S-1 transferred to Eastfield Harbor High School in September "
    "2020 from a public high school in Kings County, New York (Brooklyn). S-1 has no prior "
    "disciplinary referrals and no attendance problems. No records from the prior school were "
    "reviewed for this report.",
    "I completed a Field Interview/Observation (FIO) card for S-1, O-1 and O-2. The FIO cards "
    "will be forwarded through the department's gang liaison to the Boston Regional Intelligence "
    "Center (BRIC) for entry into the Gang Assessment Database. No further action was taken by "
    "the School Police Unit. End of narrative.",
]


def page_setup(s: Sheet, k: int) -> list[pymupdf.Rect]:
    """The report form on the first page, a running head after; the narrative's frame below."""
    if k > 0:
        s.draw(RUNNING_HEAD)
        return [pymupdf.Rect(42, 78, 570, 752)]
    s.draw(AGENCY_HEADER)
    y = s.form_rows(36, 96, 540, REPORT_FORM, vfont="sans", vsize=9)
    y = classification(s, y)
    y = disposition(s, y)
    y = s.section_bar(36, 576, y + 38, "PERSONS INVOLVED")
    y = s.table(36, y, [48, 132, 60, 40, 64, 196], PERSONS, size=8)
    y = s.section_bar(36, 576, y + 6, "NARRATIVE")
    return [pymupdf.Rect(42, y + 8, 570, 752)]


def classification(s: Sheet, y: float) -> float:
    y = s.section_bar(36, 576, y + 6, "INCIDENT CLASSIFICATION (check all that apply)")
    s.rect((36, y, 576, y + 44), width=0.6)
    for i, (label, chk) in enumerate(CLASSIFICATION):
        s.checkbox(44 + (i % 3) * 178, y + 13 + (i // 3) * 13, chk, label, 8.5)
    return y


def disposition(s: Sheet, y: float) -> float:
    """The disposition box; returns its top (the next section is placed from there)."""
    y = s.section_bar(36, 576, y + 50, "DISPOSITION")
    s.rect((36, y, 576, y + 32), width=0.6)
    x = 44.0
    for label in DISPOSITION_NO:
        s.text(x, y + 12, label + ":", "sans", 8.5)
        x2 = x + s.fonts.width(label + ":", "sans", 8.5) + 5
        s.checkboxes(x2, y + 12, [("Yes", False), ("No", True)], 6)
        x += 178
    s.checkboxes(44, y + 25, DISPOSITION, 14)
    return y
