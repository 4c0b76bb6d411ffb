"""Page 8 of document 01: the first page of Form I-862, the Notice to Appear."""

from __future__ import annotations

from ...respondent import A_NUM_FORM, DOB_US, EVENT_NO, R_LAST_ASCII, US_ADDR
from ...sheet import Check, Label, Mark, Sheet

HEAD: list[Mark] = [
    Label(36, 44, "U.S. DEPARTMENT OF HOMELAND SECURITY", "sans-b", 9),
    Label(306, 66, "NOTICE TO APPEAR", "sans-b", 15, align="center"),
]
FORM = [
    (26, [
        ("In removal proceedings under section 240 of the Immigration and Nationality Act",
         "Subject ID: 000000000   FINS: 0000000000", 0.6),
        ("File No.", A_NUM_FORM, 0.4),
    ]),
    (26, [("Event No.", EVENT_NO, 0.6), ("DOB", DOB_US, 0.4)]),
]  # fmt: skip
RESPONDENT = (
    f"In the Matter of: Respondent: {R_LAST_ASCII}, Daniel Alexander "
    f"currently residing at: {US_ADDR} (fictional)"
)
STATUS: list[Mark] = [  # below the respondent's line
    Check(40, 10, False, "1. You are an arriving alien.", 9),
    Check(
        40, 24, False,
        "2. You are an alien present in the United States who has not been admitted or paroled.",
        9,
    ),
    Check(
        40, 38, True,
        "3. You have been admitted to the United States, but are removable for the reasons stated "
        "below.",
        9,
    ),
]  # fmt: skip
ALLEGATIONS = [
    "1. You are not a citizen or national of the United States;",
    "2. You are a native of EL SALVADOR and a citizen of EL SALVADOR;",
    "3. You were admitted to the United States at New York, NY on or about July 2, 2019 as a "
    "nonimmigrant B-2 visitor with authorization to remain in the United States for a "
    "temporary period not to exceed January 1, 2020;",
    "4. You remained in the United States beyond January 1, 2020 without authorization from "
    "the Immigration and Naturalization Service or its successor, the Department of "
    "Homeland Security.",
]
CHARGED: list[Mark] = [
    Label(
        36, 8,
        "On the basis of the foregoing, it is charged that you are subject to removal "
        "from the United States pursuant to",
        "sans", 9.2,
    ),
    Label(36, 20, "the following provision(s) of law:", "sans", 9.2),
]  # fmt: skip
CHARGE = (
    "Section 237(a)(1)(B) of the Immigration and Nationality Act (Act), as amended, in "
    "that after admission as a nonimmigrant under Section 101(a)(15) of the Act, you "
    "have remained in the United States for a time longer than permitted, in "
    "violation of this Act or any other law of the United States."
)
CREDIBLE_FEAR: list[Mark] = [
    Check(
        40, 8, False,
        "This notice is being issued after an asylum officer has found that the "
        "respondent has demonstrated a credible fear",
        8.2,
    ),
    Label(51.8, 19, "of persecution or torture.", "sans", 8.2),
    Check(
        40, 32, False,
        "Section 235(b)(1) order was vacated pursuant to: [ ] 8 CFR 208.30   "
        "[ ] 8 CFR 235.3(b)(5)(iv)",
        8.2,
    ),
]  # fmt: skip
ORDERED = (
    "YOU ARE ORDERED to appear before an immigration judge of the United States "
    "Department of Justice at:"
)
COURT = (
    "Boston Immigration Court [address omitted in sample] on a date to be set "
    "at a time to be set to show why you should not be removed from the United States "
    "based on the charge(s) set forth above."
)
ISSUED = [
    (34, [
        ("Date", "June 14, 2023", 0.25),
        ("Signature and Title of Issuing Officer",
         "/s/ Mark R. Haldane (fictional), Deportation Officer", 0.45),
        ("City and State", "Burlington, MA", 0.3),
    ]),
]  # fmt: skip
NOTICE_TO_RESPONDENT = [
    "Warning: Any statement you make may be used against you in removal proceedings.",
    "Alien Registration: This copy of the Notice to Appear served upon you is evidence of your "
    "alien registration while you are under removal proceedings. You are required to carry "
    "it with you at all times.",
    "Representation: If you so choose, you may be represented in this proceeding, at no "
    "expense to the Government, by an attorney or other individual authorized and qualified "
    "to represent persons before the Executive Office for Immigration Review. A list of "
    "qualified attorneys and organizations who may be available to represent you at no cost "
    "will be provided with this notice.",
    "Conduct of the hearing: At the time of your hearing, you should bring with you any "
    "affidavits or other documents that you desire to have considered in connection with "
    "your case. Failure to appear: If you fail to attend the hearing at the time and place "
    "designated, a removal order may be made by the immigration judge in your absence.",
]
FOOTER = Label(
    36,
    740,
    "Form I-862 (Rev. 08/01/07)  ·  page 1 of 3 (pages 2-3 not included in this excerpt)",
    "sans-b",
    7,
)


def allegations(s: Sheet, y: float) -> float:
    """The status boxes, the allegations and the charge; returns the y below them."""
    s.draw(STATUS, dy=y)
    y += 52
    s.text(36, y + 8, "The Department of Homeland Security alleges that you:", "sans-b", 9.5)
    y += 14
    for a in ALLEGATIONS:
        y = s.para(48, y + 2, 520, a, "mono", 9, 11.5)
    y += 6
    s.draw(CHARGED, dy=y)
    return s.para(48, y + 26, 520, CHARGE, "mono", 9, 11.5)


def order_and_notice(s: Sheet, y: float) -> None:
    """The order to appear, the issuing officer, and the notice to the respondent."""
    s.draw(CREDIBLE_FEAR, dy=y)
    y += 50
    s.text(36, y, ORDERED, "sans-b", 9)
    y = s.para(48, y + 4, 520, COURT, "mono", 9, 11.5)
    y += 8
    s.form_rows(36, y, 540, ISSUED, vfont="sans", vsize=9)
    y += 50
    s.text_c(306, y, "Notice to Respondent", "sans-b", 10)
    y += 6
    for text in NOTICE_TO_RESPONDENT:
        y = s.para(36, y, 540, text, "sans", 8.2, 10.4) + 3


def notice_to_appear(s: Sheet) -> None:
    s.draw(HEAD)
    y = s.form_rows(36, 76, 540, FORM, vfont="sans", vsize=9)
    y = s.para(36, y + 8, 540, RESPONDENT, "sans", 9.5, 12.5)
    y = allegations(s, y + 6)
    order_and_notice(s, y + 8)
    s.draw([FOOTER])
