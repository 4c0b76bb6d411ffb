"""Document 02 after the narrative: signatures, three supplements (gang unit, witness, school
administration), the FIO card, routing, and the dress code the report never mentions."""

from __future__ import annotations

from ...flow import Flow
from ...respondent import DOB_US
from ...sheet import Sheet
from ...style import GRAY, LIGHT

BODY, SIZE, LEAD = "sans", 9.6, 13.4

SIGNATURES = [
    (30, [
        ("Reporting officer signature", "/s/ R. P. Tierney (fictional)  #0000", 0.5),
        ("Date / time", "11/16/2021  1415 hrs", 0.5),
    ]),
    (30, [
        ("Supervisor reviewed", "/s/ P. Breen (fictional)", 0.5),
        ("Date", "11/17/2021", 0.5),
    ]),
]  # fmt: skip
GANG_UNIT_TITLE = "SUPPLEMENT 1 — EHPD GANG UNIT FOLLOW-UP (11/18/2021)"
GANG_UNIT = [
    "I reviewed the FIO card and the incident report submitted by SRO Tierney concerning RIVAS "
    "MEJIA, Daniel A. (S-1). I did not interview S-1, O-1, O-2 or W-1, and I did not visit the "
    "school. No photographs were taken of S-1.",
    "Based on the report, I entered S-1 in the Gang Assessment Database maintained by the Boston "
    "Regional Intelligence Center with the following criteria: gang paraphernalia (blue clothing "
    "and a black rosary), 4 points; associating with a verified gang member (O-1), 2 points. "
    "Total: 6 points. Resulting status: Gang Associate, MS-13. I did not score O-2 as a verified "
    "member because his status is unconfirmed.",
    "S-1 has no arrests, no criminal record (CJIS/III negative) and no prior FIO cards. S-1 "
    "denied gang membership to the SRO. This entry is based on observation and association only; "
    "no criminal conduct is alleged.",
]
GANG_UNIT_SIGNED = "/s/ Det. Michael S. Corrigan (fictional), EHPD Gang Unit, 11/18/2021"
WITNESS_TITLE = "SUPPLEMENT 2 — WITNESS STATEMENT (W-1), TRANSCRIBED"
WITNESS = [
    (24, [
        ("Witness", "W-1 [name withheld — minor]", 0.4),
        ("Grade", "11", 0.12),
        ("Taken by", "Ofc. R. P. Tierney (fictional)", 0.28),
        ("Date / time", "11/16/2021 1210", 0.2),
    ])
]  # fmt: skip
W1_STATEMENT = (
    '"I was by Room 214 waiting for my friend. I heard some boys say they were going to do '
    "something after school, I thought it was a fight but now I think they meant soccer because "
    "they always play at the park on Tuesdays. I don't know Daniel very well, he is in my "
    "chemistry class, he is quiet. I never saw him in a fight. I told Ms. Alvarez because I was "
    "nervous. Nobody threatened me. That's all I know.\""
)
WITNESS_FOOT = "Witness initials: [withheld]      Parent present: No      Statement voluntary: Yes"
ADMINISTRATION_TITLE = "SUPPLEMENT 3 — SCHOOL ADMINISTRATION"
ADMINISTRATION = [
    "Reviewed by Assistant Principal Teresa Okafor (fictional), 11/17/2021. The navy blue polo "
    "shirt is part of the required school uniform for all students (Student Handbook, Dress Code "
    "section 4). On 11/16/2021 most students in grade 11 were wearing a blue polo. Students may "
    "wear religious items, including rosaries, under the same policy.",
    "Daniel has been on the honor roll for three consecutive terms, works after school, and has "
    "no disciplinary history at this school. I have no information that Daniel is involved with "
    "any gang. The school nurse confirmed that Daniel arrived with a clinic note after a routine "
    "blood test and was well enough to attend classes.",
    "I do not agree that the information in this report supports a gang classification, and I ask "
    "that this supplement be attached to any copy of the report that is shared outside the "
    "district.",
]
ADMINISTRATION_SIGNED = "/s/ Teresa Okafor (fictional), Assistant Principal, 11/17/2021"
FIO_CARD = [
    (24, [
        ("Name", "RIVAS MEJIA, DANIEL A.", 0.4),
        ("DOB", DOB_US, 0.2),
        ("Sex / Race", "M / H", 0.15),
        ("Height / Weight", "5'07\" / 145", 0.25),
    ]),
    (24, [
        ("Gang", "MS-13", 0.25),
        ("Status per officer", "ASSOCIATE", 0.25),
        ("Associates", "O-1, O-2 (see report)", 0.5),
    ]),
    (24, [
        ("Clothing / indicators", "BLUE SHIRT, BLACK ROSARY", 0.5),
        ("Tattoos", "NONE OBSERVED", 0.2),
        ("Admits gang?", "NO — DENIED", 0.3),
    ]),
    (38, [
        ("Remarks",
         "SUBJ OBS W/ KNOWN MS-13 MBRS IN HALLWAY. SUBJ DENIED GANG AFFILIATION. "
         "FWD TO BRIC VIA GANG LIAISON.", 1.0),
    ]),
]  # fmt: skip
DISTRIBUTION = [
    ("School Police file", True),
    ("Principal", True),
    ("EHPD Gang Unit / BRIC", True),
    ("District Attorney", False),
    ("DCF", False),
]
ROUTING = [
    ["Date", "Routed to", "By", "Action / comment"],
    [
        "11/16/2021",
        "Sgt. P. Breen, School Police",
        "Ofc. Tierney",
        "Report and FIO submitted for review",
    ],
    [
        "11/17/2021",
        "Assistant Principal T. Okafor",
        "Sgt. Breen",
        "Copy for administration; supplement added",
    ],
    [
        "11/17/2021",
        "EHPD Gang Unit (gang liaison)",
        "Sgt. Breen",
        "FIO cards S-1, O-1, O-2 forwarded",
    ],
    [
        "11/18/2021",
        "Boston Regional Intelligence Center",
        "Det. Corrigan",
        "S-1 entered in Gang Assessment Database",
    ],
    ["05/26/2023", "ICE ERO Boston (via BRIC)", "BRIC", "Copy of report released on request"],
]
RETENTION = (
    "Records retention: incident reports involving students are retained for seven years "
    "after the student leaves the district. FIO cards forwarded outside the district are "
    "governed by the receiving agency's retention rules. Requests to correct or remove "
    "information should be directed to the School Police Unit records clerk."
)
ATTACHMENT_TITLE = "ATTACHMENT A — STUDENT HANDBOOK 2021-2022 (EXCERPT), SECTION 4: DRESS CODE"
ATTACHMENT_NOTE = (
    "Eastfield Harbor High School (fictional) — Student Handbook, pages 14-15. Attached "
    "by Assistant Principal T. Okafor on 11/17/2021."
)
HANDBOOK = [
    (
        "4.1 Purpose",
        "The uniform policy promotes safety, reduces the cost of clothing for families and "
        "removes pressure to wear brand-name clothing. The uniform is required for all students "
        "on school days and at school-sponsored events unless an exception is announced.",
    ),
    (
        "4.2 Uniform",
        "All students wear a navy blue polo shirt with the school crest, with khaki or black "
        "trousers or skirt. Students may wear a navy blue or gray sweater or fleece over the polo "
        "shirt. Shirts are sold at cost by the school store; families who cannot afford the "
        "uniform may request free shirts from the guidance office.",
    ),
    (
        "4.3 Colors and gang-related clothing",
        "Clothing, jewelry or symbols that are associated with gangs may be prohibited by the "
        "principal after consultation with the School Police Unit. The required uniform, "
        "including the navy blue polo shirt, is never considered gang-related clothing. A student "
        "shall not be disciplined or reported for wearing the school uniform.",
    ),
    (
        "4.6 Religious items",
        "Students may wear religious items, including rosaries, crosses, medals and head "
        "coverings, in accordance with the district's religious accommodation policy. Staff "
        "should consult an administrator before asking a student to remove a religious item.",
    ),
]
UNIFORM = [
    ["Item", "Required", "Permitted colors / notes"],
    ["Polo shirt with school crest", "Yes", "Navy blue (grades 9-12); white for formal events"],
    ["Trousers or skirt", "Yes", "Khaki or black; no jeans"],
    ["Sweater or fleece", "Optional", "Navy blue or gray, school crest only"],
    ["Shoes", "Yes", "Closed-toe; any color"],
    ["Religious items", "Optional", "Permitted (4.6); rosaries, head coverings, medals"],
    ["Hats and hoods", "No", "Not worn inside the building"],
]


def bar(flow: Flow, title: str, after: float) -> None:
    """A section bar across the frame's margins, kept with what follows it."""
    flow.block(14, lambda sh, x, y, w: sh.section_bar(x - 6, x + w + 6, y, title), after=after)


def supplement(flow: Flow, title: str, paragraphs: list[str], signed: str) -> None:
    bar(flow, title, after=8)
    for text in paragraphs:
        flow.para(text, BODY, SIZE, LEAD, after=6)
    flow.para(signed, "sans-i", SIZE, LEAD, after=12)


def witness(sh: Sheet, x: float, y: float, w: float) -> None:
    sh.section_bar(x - 6, x + w + 6, y, WITNESS_TITLE)
    yy = sh.form_rows(x - 6, y + 13, w + 12, WITNESS, vfont="sans", vsize=9)
    sh.rect((x - 6, yy, x + w + 6, y + 150), width=0.6)
    sh.para(x, yy + 6, w, W1_STATEMENT, "serif-i", 9.6, 13.2)
    sh.text(x, y + 142, WITNESS_FOOT, "sans", 8.2)


def fio_card(sh: Sheet, x: float, y: float, w: float) -> None:
    sh.rect((x, y, x + w, y + 126), width=1.0)
    sh.fill((x, y, x + w, y + 16), LIGHT)
    sh.rect((x, y, x + w, y + 16), width=1.0)
    sh.text(x + 5, y + 11.5, "FIELD INTERVIEW / OBSERVATION (FIO) CARD — copy", "sans-b", 8.5)
    sh.text_r(x + w - 5, y + 11.5, "FIO No. 21-FIO-000417", "mono-b", 8)
    sh.form_rows(x, y + 16, w, FIO_CARD, vfont="mono", vsize=8.2)


def distribution(sh: Sheet, x: float, y: float, w: float) -> None:
    sh.text(x, y + 10, "Distribution:", "sans-b", 8.5)
    sh.checkboxes(x + 70, y + 10, DISTRIBUTION, 12)


def routing(flow: Flow) -> None:
    widths = [62, 170, 78, 230]

    def draw(sh: Sheet, x: float, y: float, w: float) -> None:
        sh.section_bar(x - 6, x + w + 6, y, "ROUTING AND REVIEW")
        sh.table(x - 6, y + 14, widths, ROUTING, size=8.2)

    h = flow.sheet.table_height(widths, ROUTING, size=8.2)
    flow.block(14 + h, draw, after=12)


def supplements(flow: Flow) -> None:
    """Everything from the signatures to the routing slip, flowed after the narrative."""
    flow.y += 4
    flow.block(
        64, lambda sh, x, y, w: sh.form_rows(x, y, w, SIGNATURES, vfont="sans", vsize=9), after=14
    )
    supplement(flow, GANG_UNIT_TITLE, GANG_UNIT, GANG_UNIT_SIGNED)
    flow.block(152, witness, after=14)
    flow.ensure(14 + 8 + 3 * 13.4)
    supplement(flow, ADMINISTRATION_TITLE, ADMINISTRATION, ADMINISTRATION_SIGNED)
    flow.block(128, fio_card, after=14)
    flow.block(16, distribution, after=14)
    routing(flow)
    flow.para(RETENTION, BODY, 8.4, 11.2, color=GRAY)


def dress_code(flow: Flow) -> None:
    """Attachment A, on a page of its own."""
    flow.next_frame()
    bar(flow, ATTACHMENT_TITLE, after=10)
    flow.para(ATTACHMENT_NOTE, "sans-i", 9, 12, after=8)
    for head, text in HANDBOOK:
        flow.heading(head, "serif-b", 10.5, before=4, after=3, body_leading=13.4)
        flow.para(text, "serif", 9.8, 13.4, after=6)
    widths = [170, 70, 300]
    h = flow.sheet.table_height(widths, UNIFORM, font="serif", size=8.8, hfont="serif-b")
    flow.block(
        h,
        lambda sh, x, y, w: sh.table(
            x - 6, y, widths, UNIFORM, font="serif", size=8.8, hfont="serif-b"
        ),
        after=10,
    )
