"""The bulletin's articles and tables, in reading order.

Items are (kind, text): "h" a heading, "p" a paragraph, "box" opens a red-ruled box with that
title, "bp" a paragraph inside the box, "endbox" closes it, "table" places TABLES[text].
"""

from __future__ import annotations

from typing import NamedTuple


class Table(NamedTuple):
    title: str
    rows: list[list[str]]
    fractions: list[float]  # of the column's width
    before: float = 4  # space above the title


ARTICLES = [
    ("h", "Gang recruitment at schools: partners report MS-13 and Barrio 18 activity"),
    (
        "p",
        "Partner agencies across the region reportedly observed continued recruitment of "
        "high-school students by MS-13 and Barrio 18 cliques during the 2022–2023 school "
        "year. The Boston Regional Intelligence Center (BRIC) reports that school resource "
        "officers submitted 41 field interview reports that referenced a possible gang "
        "affiliation. Most were based on clothing or on association with other students; "
        "few involved criminal conduct.",
    ),
    (
        "p",
        "The Northern California Regional Intelligence Center (NCRIC) and the Los Angeles "
        "Joint Regional Intelligence Center (JRIC) described similar patterns involving "
        "Sureños sets and the 18th Street gang. The New York State Intelligence Center "
        "(NYSIC) reported Trinitarios and Latin Kings activity near two transit hubs.",
    ),
    (
        "p",
        "Analysts caution that blue clothing, rosaries and sports jerseys are common among "
        "students and are unreliable indicators on their own. The information in this "
        "article has not been independently verified and may be incomplete.",
    ),
    ("box", "SUBJECT OF INTEREST — AWARENESS ONLY"),
    (
        "bp",
        "RIVAS MEJÍA, Daniel Alexander (DOB 03/14/2004), a Salvadoran national residing in "
        "Chelsea, MA, is reportedly an MS-13 associate according to the BRIC Gang Assessment "
        'Database (8 points; status "Gang Associate"). The Policía Nacional Civil of El '
        "Salvador states that he is an active member of the MS-13; the same report says he "
        "has no criminal record. An INTERPOL Red Notice (charge: agrupaciones ilícitas) was "
        "published at the request of NCB San Salvador.",
    ),
    (
        "bp",
        "The subject has no U.S. criminal record (NCIC negative). ICE ERO Boston took him into "
        "custody on 06/13/2023; he is held at a county detention center. His gang status is "
        "unconfirmed. It has not been verified by the BRIC. Questions should go to the BRIC or "
        "to the fusion<br>center watch desk of the issuing network.",
    ),
    ("endbox", ""),
    ("h", "Regional overview: first half of 2023"),
    (
        "p",
        "Partner centers reported the following gang-related activity for January through "
        "May 2023. Figures are preliminary, come from different record systems and are not "
        'comparable across jurisdictions. "Gang-related" is defined by each reporting '
        "agency; several agencies count any incident involving a person listed in a gang "
        "database, whether or not the incident itself involved a gang.",
    ),
    ("table", "incidents"),
    (
        "p",
        "In the Boston area, most contacts recorded as gang-related were field interviews "
        "of young people in groups rather than incidents involving violence. Analysts at "
        "the BRIC describe a possible link between two spring assaults in East Boston and an "
        "MS-13 clique, but no arrests have been made and the link remains unconfirmed.",
    ),
    ("h", "SAFE referrals from Central America increase"),
    (
        "p",
        "ICE Enforcement and Removal Operations reports that the Security Alliance for "
        "Fugitive Enforcement (SAFE) program continues to generate referrals from Central "
        "American partners. SAFE reports from El Salvador's Policía Nacional Civil often rely "
        'on police intelligence "fichas" and on informant information rather than on '
        "convictions.",
    ),
    (
        "p",
        "Partners are reminded that a SAFE report is not a conviction record. Analysts should "
        "request the underlying court documents and note any hedged language, such as "
        '"presunto" or "sin antecedentes", when summarizing a SAFE report in a product.',
    ),
    ("h", "How a field interview becomes a database entry"),
    (
        "p",
        "A typical entry begins with a field interview/observation (FIO) card completed by a "
        "patrol officer or school resource officer. The card records who was present, what "
        "they wore and where they were. A gang unit detective then reviews the card and "
        "assigns points for criteria such as gang paraphernalia or association with a "
        "verified gang member. Once a person reaches the threshold, the database shows a "
        'status such as "Gang Associate" or "Gang Member".',
    ),
    (
        "p",
        "The person is usually not told of the entry and often never speaks to the detective "
        "who scores it. When the status is later shared with a federal partner, the original "
        "context - a school uniform, a bus stop, a victim report - is often lost. Analysts "
        "preparing products for partners should attach the underlying FIO narratives "
        "whenever they can.",
    ),
    ("h", "Partner spotlight: LA-SAFE"),
    (
        "p",
        "This month we highlight the Louisiana State Analytical & Fusion Exchange (LA-SAFE), "
        "Louisiana's primary fusion center. LA-SAFE analysts described how they vet suspicious "
        "activity reports before submission to the Nationwide SAR Initiative (NSI) and how "
        "they track requests from federal partners.",
    ),
    (
        "p",
        "LA-SAFE staff noted that hurricane season places heavy demands on the center, which "
        "also supports emergency operations. LA-SAFE is not connected with the ICE SAFE "
        "program; the shared letters are a coincidence that regularly confuses keyword "
        "searches.",
    ),
    ("h", "Legal and policy update"),
    (
        "p",
        "A federal appeals court in 2022 described one city's point-based gang database as "
        "an erratic point system built on unsubstantiated inferences, in a case in which an "
        "immigration judge had relied on a gang database entry. According to press reports, "
        "the Boston Police Department removed more than 600 names from its database in early "
        "2022 after a review. Several states now require notice to parents before a minor is "
        "entered in a gang database.",
    ),
    (
        "p",
        "ICE is reportedly revising its guidance on the use of INTERPOL notices and diffusions. "
        "The draft is said to bar reliance on a notice alone and to require confirmation that "
        "a notice is current. Partners should expect more requests for underlying documents.",
    ),
    ("h", "INTERPOL notices: a primer for analysts"),
    (
        "p",
        "A Red Notice is a request to law enforcement worldwide to locate and provisionally "
        "arrest a person pending extradition, surrender or similar legal action. It is not an "
        "arrest warrant. A diffusion, such as a Wanted Person Diffusion, is circulated by one "
        "member country directly to selected countries and is not reviewed by the General "
        "Secretariat before it is sent.",
    ),
    (
        "p",
        "Yellow notices concern missing persons, and blue notices request additional "
        "information about a person of interest. Before an INTERPOL Red<br>Notice is cited in a "
        "bulletin, "
        "analysts should confirm with INTERPOL Washington (USNCB) that it is current and "
        "should state whether the underlying documents were reviewed. Notices from countries "
        "under a state of exception may rest on police intelligence alone.",
    ),
    ("h", "Central America: security and weather"),
    (
        "p",
        "El Salvador's state of exception, first declared in March 2022, remains in force. "
        "Human rights groups report that many detentions under the exception were based on "
        "anonymous tips or on police intelligence files rather than on evidence of a crime; "
        "some detainees were released after months in custody. Honduras is restructuring its "
        "anti-gang force FNAMP into DIPAMPCO, and Guatemala's DIPANDA continues operations "
        "against Barrio 18 and MS-13 structures.",
    ),
    (
        "p",
        "Separately, El Salvador's civil protection agency declared an alerta roja for heavy "
        "rains in the eastern departments in June. That is a weather emergency level, not an "
        "INTERPOL notice; analysts reviewing Spanish-language news should not confuse the "
        "two.",
    ),
    ("h", "Task force notes"),
    (
        "p",
        "The FBI Safe Streets Task Force in the region reports two federal indictments "
        "against members of a local Bloods set for firearms trafficking. The El Paso "
        "Intelligence Center (EPIC) issued a drug-trafficking trend report on fentanyl "
        "pill presses. The National Gang Intelligence Center has published its annual "
        "threat assessment. HSI BEST units in the region made four seizures.",
    ),
    (
        "p",
        "None of the entities named in this item is a fusion center; their products are "
        "summarized here for awareness and are available through HSIN and LEEP.",
    ),
    (
        "p",
        'A FOIA release describing ICE\'s 2017 "Operation SAFE Cities" is now available in '
        "the reading room; it concerns enforcement in sanctuary jurisdictions and is "
        "unrelated to the SAFE fugitive program.",
    ),
    ("h", "Suspicious activity reporting reminders"),
    (
        "p",
        "Suspicious activity reports (SARs) shared through the Nationwide SAR Initiative must "
        "describe observed behavior reasonably indicative of pre-operational planning "
        "associated with terrorism or other criminal activity. Ethnicity, religion, "
        "national origin and clothing are not suspicious behavior. SARs that do not meet the "
        "standard will be returned to the submitting agency by the fusion center's vetting "
        "analyst and will not be pushed to eGuardian or the JTTF.",
    ),
    ("h", "Analytic note: reliability of gang indicators"),
    (
        "p",
        'Point-based gang databases assign points for criteria such as "gang paraphernalia" '
        'and "associating with a verified gang member". Reviews of these systems found '
        "entries based on school uniforms, on religious items and on being seen at a bus "
        "stop. A person listed as a gang associate may never have been arrested.",
    ),
    (
        "p",
        "When a product relies on a database status, analysts should state the criteria that "
        "produced it and the dates of the underlying contacts, identify the source agency, "
        'and use qualifiers such as "reportedly", "alleged" or "unverified" where the '
        "information has not been corroborated. A subject who denied gang membership should "
        "be described as such.",
    ),
    ("table", "calendar"),
    ("h", "Case study: one name, three records"),
    (
        "p",
        "A recent request illustrates how name-based checks can mislead. A partner asked for "
        '"any gang information" on a young Salvadoran man. A name query returned three '
        "records: a Boston gang database entry based on two field interviews, a foreign police "
        "intelligence file that described the same man first as a Barrio 18 member and later "
        "as an MS-13 member, and a foreign arrest warrant based on that intelligence file.",
    ),
    (
        "p",
        "None of the records involved a conviction, and the foreign file listed possible "
        "namesakes (homónimos). The two foreign entries name rival gangs, which is unusual "
        "for a single person and should prompt a closer look. Analysts should report such "
        "conflicts rather than resolve them silently, and should describe each record by its "
        "source and date.",
    ),
    ("table", "spanish_terms"),
    ("h", "Cyber: phishing aimed at partner agencies"),
    (
        "p",
        "Several partners received e-mails that appeared to come from a records unit and asked "
        'recipients to "verify" their credentials for a law enforcement portal. The links '
        "led to look-alike login pages. Do not enter credentials from a link in an e-mail; "
        "open the portal from a saved bookmark instead and report the message to your "
        "information security office. Keeping credentials safe protects every partner on "
        "the network.",
    ),
    ("h", "Fraud alert: ATM skimmers"),
    (
        "p",
        "Chelsea and Revere police report skimming devices found on two PNC Bank ATMs and on a "
        "convenience-store card terminal. The devices were believed to be installed by the "
        "same crew. Customers should keep cards in a safe place and report suspicious "
        "readers to their bank.",
    ),
    ("h", "Detention and facility updates"),
    (
        "p",
        "The county detention center liaison desk has moved to Room 3B. Visiting hours at "
        "the regional processing center are unchanged. The National Records Center advises "
        "that FOIA requests for A-files may take several months.",
    ),
    ("h", "Officer safety: summer heat"),
    (
        "p",
        "Heat illness is preventable. Keep water in patrol vehicles, take breaks in the shade "
        "and watch partners for confusion or cramps. A vehicle is never a safe place to "
        "leave a person or a K-9 in summer. Supervisors should make sure that outdoor "
        "details rotate every hour when the heat index is above 95 degrees.",
    ),
    ("h", "Staff notes"),
    (
        "p",
        "Senior analyst J. Moreau (fictional) returns next month after spinal fusion surgery; "
        "we wish her a full recovery. The quarterly partner lunch will feature Asian–Latin "
        "fusion cuisine from a local food truck. Analysts covering the BRICS economic summit "
        "should note that BRICS is unrelated to the BRIC. Stay safe during the summer heat "
        "and remember the building's safe room procedures.",
    ),
    ("table", "partners"),
    ("h", "Contacts and submissions"),
    ("table", "contacts"),
    (
        "p",
        "Items for the next issue are due on the 20th of the month. Submissions should name the "
        "source agency and the date of the underlying information, state whether the "
        "information has been verified, and avoid personally identifying details unless they "
        "are needed for officer safety or an active investigation. Corrections to earlier "
        "issues are published in the following issue; a correction notice concerning the "
        "subject of interest in this issue will be published if his status changes.",
    ),
    (
        "p",
        "Privacy and civil liberties: fusion centers operate under written privacy policies. "
        "Information about a person's political or religious activity may not be collected "
        "or shared unless it directly relates to criminal conduct. Requests to review "
        "information held by a partner center should be sent to that center's privacy "
        "officer.",
    ),
    (
        "p",
        "This bulletin is produced by the Northeast Regional Fusion Network, a fictional "
        "issuer invented for this sample. Contributions from partner centers are "
        "paraphrased and have not been independently verified. Do not use any item in this "
        "bulletin as the sole basis for an enforcement action.",
    ),
]

TABLES = {
    "partners": Table(
        "Partner centers cited in this issue",
        [
            ["Center", "Acronym", "Type"],
            ["Boston Regional Intelligence Center", "BRIC", "Recognized (urban area)"],
            ["Commonwealth Fusion Center", "CFC", "Primary (MA)"],
            ["Northern California Regional Intelligence Center", "NCRIC", "Recognized"],
            ["Los Angeles Joint Regional Intelligence Center", "JRIC", "Recognized"],
            ["New York State Intelligence Center", "NYSIC", "Primary (NY)"],
            ["Delaware Valley Intelligence Center", "DVIC", "Recognized"],
            ["Louisiana State Analytical & Fusion Exchange", "LA-SAFE", "Primary (LA)"],
        ],
        [0.52, 0.2, 0.28],
        before=6,
    ),
    "incidents": Table(
        "Gang-related incidents reported by partners (preliminary)",
        [
            ["Area", "Incidents", "Arrests", "Note"],
            ["Boston metro", "212", "64", "BRIC; includes FIO-only contacts"],
            ["Providence metro", "88", "31", "State fusion center"],
            ["Hartford metro", "75", "22", "Excludes juveniles"],
            ["Long Island", "140", "57", "MS-13 focus; NYSIC"],
            ["Newark metro", "121", "40", "NJ ROIC"],
        ],
        [0.3, 0.18, 0.16, 0.36],
    ),
    "calendar": Table(
        "Training calendar (summer 2023)",
        [
            ["Date", "Course", "Host"],
            ["07/11", "Gang indicators and their limits", "BRIC (in person)"],
            ["07/19", "Reading foreign police records", "NCRIC (virtual)"],
            ["08/02", "INTERPOL notices and diffusions", "USNCB (virtual)"],
            ["08/16", "SAR vetting workshop", "LA-SAFE (virtual)"],
            ["08/30", "Spanish for analysts: police terms", "JRIC (virtual)"],
        ],
        [0.16, 0.54, 0.3],
    ),
    "spanish_terms": Table(
        "Spanish terms that appear in foreign police records",
        [
            ["Term", "Meaning", "Note"],
            ["pandillero / marero", "gang member", "label, not a charge"],
            ["presunto", "alleged, suspected", "hedge"],
            ["ficha (policial)", "police file entry", "often intelligence only"],
            ["perfilado", "profiled", "not a conviction"],
            ["sin antecedentes", "no record", "exculpatory"],
            ["difusión roja", "red diffusion", "INTERPOL channel"],
            ["notificación roja", "Red Notice", "INTERPOL"],
            ["agrupaciones ilícitas", "illicit associations", "Art. 345 CP (SV)"],
        ],
        [0.34, 0.33, 0.33],
    ),
    "contacts": Table(
        "Watch desks (numbers fictional)",
        [
            ["Desk", "Hours", "Telephone"],
            ["Network watch desk", "24/7", "(000) 555-0110"],
            ["BRIC watch desk", "24/7", "(000) 555-0199"],
            ["Gang analysis unit", "M-F 0800-1700", "(000) 555-0123"],
            ["Privacy / civil liberties officer", "M-F 0900-1700", "(000) 555-0145"],
        ],
        [0.5, 0.22, 0.28],
    ),
}
