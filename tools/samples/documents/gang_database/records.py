"""The printout's records: identification and classification forms, point entries, source
reports, linked persons, notes, dissemination and audit logs, identifiers and disclaimers."""

from __future__ import annotations

from ...respondent import A_NUM_FORM, DOB_US, R_LAST_ASCII

SUBJECT = [
    (24, [
        ("GAD ID", "GAD-000000 (fictional)", 0.25),
        ("LAST NAME", R_LAST_ASCII, 0.3),
        ("FIRST", "DANIEL", 0.2),
        ("MIDDLE", "ALEXANDER", 0.25),
    ]),
    (24, [
        ("DOB", DOB_US, 0.2),
        ("SEX", "M", 0.1),
        ("RACE/ETH", "H", 0.12),
        ("POB", "EL SALVADOR", 0.23),
        ("ALIEN NO. (ICE)", A_NUM_FORM, 0.35),
    ]),
    (24, [
        ("ADDRESS (LAST KNOWN)", "555 LARKSPUR WAY APT 2, CHELSEA MA 02150", 0.6),
        ("PHONE", "(000) 555-0142", 0.4),
    ]),
    (24, [
        ("GANG", "MS-13 (MARA SALVATRUCHA)", 0.35),
        ("SET / CLIQUE", "UNKNOWN", 0.25),
        ("TATTOOS", "NONE REPORTED", 0.2),
        ("PHOTO", "ON FILE (SEC. 9)", 0.2),
    ]),
]  # fmt: skip
CLASSIFICATION = [
    (26, [
        ("STATUS", "GANG ASSOCIATE", 0.3),
        ("RECORD", "ACTIVE", 0.15),
        ("TOTAL POINTS", "8", 0.15),
        ("THRESHOLDS", "ASSOCIATE 6+ / MEMBER 10+", 0.4),
    ]),
    (26, [
        ("ENTERED", "11/18/2021 BY DET. [WITHHELD]", 0.35),
        ("LAST UPDATED", "02/10/2022", 0.17),
        ("REVIEW DUE", "11/18/2026", 0.16),
        ("SOURCE AGENCIES", "EHPS SCHOOL PD; BPD", 0.32),
    ]),
]  # fmt: skip
POINTS = [
    ["#", "DATE", "SOURCE / REPORT", "CRITERIA", "PTS", "ENTERED BY"],
    [
        "1",
        "11/16/2021",
        "EHPS SCHOOL POLICE FIO SP-21-04417",
        "Gang paraphernalia: 4 pts (blue shirt; black rosary)",
        "4",
        "SRO TIERNEY / DET. [W/H]",
    ],
    [
        "2",
        "11/16/2021",
        "EHPS SCHOOL POLICE FIO SP-21-04417",
        "Associating with verified gang member: 2 pts (O-1)",
        "2",
        "SRO TIERNEY / DET. [W/H]",
    ],
    [
        "3",
        "02/09/2022",
        "BPD FIO 22-000000, BUS STOP, CHELSEA/E. BOSTON LINE",
        "Associating with verified gang member: 2 pts",
        "2",
        "OFC. [WITHHELD]",
    ],
    [
        "4",
        "05/21/2022",
        "EHPD INCIDENT 22-000000 (SUBJECT WAS VICTIM OF ROBBERY)",
        "Contact only — no criteria scored",
        "0",
        "SYSTEM",
    ],
    ["", "", "", "TOTAL", "8", "STATUS: GANG ASSOCIATE"],
]
SOURCE_REPORTS = [
    ["REPORT", "DATE/TIME", "LOCATION", "REMARKS (AS ENTERED)"],
    [
        "FIO SP-21-04417",
        "11/16/2021 11:40",
        "EASTFIELD HARBOR HS, B WING (FICTIONAL)",
        "SUBJ OBS W/ KNOWN MS-13 MBRS. WEARING BLUE SHIRT + BLACK ROSARY (GANG PARAPHERNALIA). "
        "SUBJ DENIED GANG MEMBERSHIP. SRO IDENTIFIES SUBJ AS MS-13 ASSOCIATE.",
    ],
    [
        "FIO 22-000000",
        "02/09/2022 16:05",
        "BUS STOP, BROADWAY (FICTIONAL)",
        "SUBJ STANDING W/ VERIFIED MS-13 MBR [WITHHELD] AT BUS STOP. NO CRIMINAL ACTIVITY "
        "OBSERVED. SUBJ STATED HE WAS GOING TO WORK. POSSIBLE GANG AFFILIATION.",
    ],
    [
        "INC 22-000000",
        "05/21/2022 21:30",
        "CHELSEA (FICTIONAL ADDRESS)",
        "SUBJ REPORTED ROBBERY OF PHONE BY 2 UNK H/M, REPORTEDLY MS-13. SUBJ DID NOT WISH TO "
        "PURSUE. VICTIM CONTACT - NO POINTS.",
    ],
]
SOURCE_DETAILS = [
    ("FIO SP-21-04417", [
        (24, [
            ("REPORT NO.", "SP-21-04417 / 21-FIO-000417", 0.3),
            ("DATE / TIME", "11/16/2021 11:40", 0.2),
            ("AGENCY", "EHPS SCHOOL POLICE (FICTIONAL)", 0.3),
            ("OFFICER", "SRO R. TIERNEY", 0.2),
        ]),
        (24, [
            ("LOCATION", "EASTFIELD HARBOR HS, 2ND FL B WING", 0.5),
            ("CONTACT TYPE", "OBSERVATION / FIO", 0.25),
            ("FRISK / SEARCH", "NO / NO", 0.25),
        ]),
        (24, [
            ("CLOTHING", "NAVY BLUE POLO (SCHOOL UNIFORM); BLACK ROSARY", 0.6),
            ("TATTOOS / MARKS", "NONE", 0.4),
        ]),
        (36, [
            ("NARRATIVE (AS ENTERED)",
             "SUBJ IN GROUP OF 4 OUTSIDE RM 214 INCL O-1 (VERIFIED MS-13) AND O-2. SUBJ STATED "
             "ROSARY FROM GRANDMOTHER. SUBJ DENIED GANG AFFILIATION. CLASSIFIED AS MS-13 "
             "ASSOCIATE BY SRO.", 1.0),
        ]),
    ]),
    ("FIO 22-000000", [
        (24, [
            ("REPORT NO.", "22-000000 (FICTIONAL)", 0.3),
            ("DATE / TIME", "02/09/2022 16:05", 0.2),
            ("AGENCY", "BOSTON POLICE DEPT.", 0.3),
            ("OFFICER", "OFC. [WITHHELD]", 0.2),
        ]),
        (24, [
            ("LOCATION", "BUS STOP, BROADWAY (FICTIONAL)", 0.5),
            ("CONTACT TYPE", "STOP / FIO", 0.25),
            ("FRISK / SEARCH", "YES / NEG", 0.25),
        ]),
        (24, [
            ("CLOTHING", "GRAY HOODIE, BLACK PANTS, WORK SHOES", 0.6),
            ("TATTOOS / MARKS", "NONE", 0.4),
        ]),
        (36, [
            ("NARRATIVE (AS ENTERED)",
             "SUBJ AT BUS STOP W/ [WITHHELD], VERIFIED MS-13 MBR. NO CRIMINAL ACTIVITY. SUBJ "
             "STATED GOING TO WORK, SHOWED WORK ID. POSSIBLE GANG AFFILIATION. RELEASED AT "
             "SCENE.", 1.0),
        ]),
    ]),
    ("INC 22-000000", [
        (24, [
            ("REPORT NO.", "22-000000 (FICTIONAL)", 0.3),
            ("DATE / TIME", "05/21/2022 21:30", 0.2),
            ("AGENCY", "EHPD (FICTIONAL)", 0.3),
            ("OFFICER", "OFC. [WITHHELD]", 0.2),
        ]),
        (24, [
            ("ROLE OF SUBJECT", "VICTIM", 0.3),
            ("OFFENSE", "ROBBERY (UNARMED) - PHONE", 0.45),
            ("SUSPECTS", "2 UNK H/M", 0.25),
        ]),
        (36, [
            ("NARRATIVE (AS ENTERED)",
             'VICTIM STATES 2 UNK MALES TOOK HIS PHONE AND SAID "THIS IS MS". VICTIM DID NOT '
             "WISH TO PURSUE. NO INJURIES. VICTIM CONTACT - NO POINTS ASSIGNED.", 1.0),
        ]),
    ]),
]  # fmt: skip

LINKED = [
    ["LINKED PERSON", "GAD STATUS", "GANG", "LINK TYPE", "SOURCE"],
    [
        "[WITHHELD (b)(7)(C)] (O-1)",
        "VERIFIED MEMBER",
        "MS-13",
        "SEEN WITH / SCHOOL",
        "FIO SP-21-04417",
    ],
    [
        "[WITHHELD (b)(7)(C)] (O-2)",
        "GANG ASSOCIATE",
        "MS-13",
        "SEEN WITH / SCHOOL",
        "FIO SP-21-04417",
    ],
    [
        "[WITHHELD (b)(7)(C)]",
        "VERIFIED MEMBER",
        "MS-13",
        "SEEN WITH / BUS STOP",
        "FIO 22-000000",
    ],
    ["[WITHHELD] (AUNT)", "NOT IN GAD", "—", "RESIDES WITH", "RMV / ICE REQUEST"],
]
LEGEND = [
    ["CRITERION (EXCERPT OF LEGEND)", "POINTS"],
    ["Self-admission of gang membership", "8"],
    ["Gang paraphernalia (clothing, colors, jewelry, photographs)", "4"],
    ["Gang tattoos", "6"],
    ["Associating with verified gang member (per contact)", "2"],
    ["Victim of gang-related violence", "8"],
    ["Identified by reliable source / informant", "5"],
    ["Thresholds: Gang Associate 6 points; Verified Gang Member 10 points", ""],
]
ANALYST_NOTES = [
    "05/26/2023 - ICE ERO BOSTON REQUESTED GANG STATUS FOR SUBJ (ALIEN NO. A012 345 678). "
    "SUBJ REPORTEDLY AN MS-13 ASSOCIATE PER SCHOOL POLICE. POSSIBLE TIES TO THE RIBERA LOCOS "
    "CLIQUE (UNCONFIRMED). NO ARRESTS. NO RECORD FOUND IN CJIS/III. NCIC NEGATIVE.",
    "05/30/2023 - PRINTOUT RELEASED TO ICE ERO BOSTON (FUGOPS) UNDER BRIC DISSEMINATION "
    "POLICY; REQUEST APPROVED BY THE DUTY SUPERVISOR. SUBJ MAY BE IN THE U.S. UNLAWFULLY PER "
    "ICE. SUBJ LISTED IN THE GANG<br>ASSESSMENT "
    "DATABASE AS GANG ASSOCIATE; NOT A VERIFIED MEMBER.",
    "NOTE: SUBJ DENIED GANG MEMBERSHIP DURING BOTH FIELD INTERVIEWS. THE 05/21/2022 CONTACT "
    "WAS AS A VICTIM; NO POINTS WERE ASSIGNED.",
]
DISSEMINATION = [
    ["DATE", "REQUESTING AGENCY", "PURPOSE", "METHOD", "APPROVED BY"],
    ["11/18/2021", "EHPD GANG UNIT", "ENTRY / FIO UPLOAD", "GAD DIRECT", "DET. [WITHHELD]"],
    [
        "02/10/2022",
        "BPD DISTRICT (FICTIONAL)",
        "ENTRY / FIO UPLOAD",
        "GAD DIRECT",
        "DET. [WITHHELD]",
    ],
    [
        "05/26/2023",
        "ICE ERO BOSTON (FUGOPS)",
        "IMMIGRATION ENFORCEMENT",
        "EMAIL REQUEST",
        "SGT. [WITHHELD]",
    ],
    [
        "05/30/2023",
        "ICE ERO BOSTON (FUGOPS)",
        "IMMIGRATION ENFORCEMENT",
        "PRINTOUT VIA LIAISON",
        "SGT. [WITHHELD]",
    ],
    ["06/02/2023", "ICE HSI BOSTON", "DECONFLICTION", "HSIN SHARED SPACE", "SGT. [WITHHELD]"],
]
AUDIT = [
    ["TIMESTAMP", "USER", "ACTION", "DETAIL"],
    [
        "11/18/2021 09:02:11",
        "DET-0000",
        "CREATE",
        "SUBJECT RECORD CREATED FROM FIO SP-21-04417",
    ],
    [
        "11/18/2021 09:05:40",
        "DET-0000",
        "ADD POINTS",
        "PARAPHERNALIA +4; ASSOCIATION +2; STATUS -> GANG ASSOCIATE",
    ],
    [
        "02/10/2022 14:21:03",
        "DET-0000",
        "ADD POINTS",
        "ASSOCIATION +2 (FIO 22-000000); TOTAL 8",
    ],
    [
        "05/23/2022 08:47:55",
        "ANL-0000",
        "ADD CONTACT",
        "INC 22-000000 LINKED AS VICTIM CONTACT; 0 PTS",
    ],
    ["05/26/2023 11:15:29", "SGT-0000", "VIEW", "ICE ERO REQUEST LOGGED"],
    ["05/30/2023 10:42:17", "ANL-0000", "PRINT", "SUBJECT DETAIL REPORT PRINTED FOR RELEASE"],
]
CHECKS = [
    ["SYSTEM", "QUERY DATE", "RESULT"],
    ["CJIS / III (CRIMINAL HISTORY)", "05/26/2023", "NO RECORD FOUND"],
    ["NCIC WANTS / WARRANTS", "05/26/2023", "NEGATIVE"],
    ["MA BOARD OF PROBATION (CORI)", "05/26/2023", "NO RECORD FOUND"],
    ["RMV", "05/26/2023", "LEARNER PERMIT ONLY; NO VEHICLE"],
    ["RISSGANG", "05/26/2023", "NO RECORD"],
    [
        "ICE (VIA ERO REQUEST)",
        "05/26/2023",
        "A012 345 678; NO LAWFUL STATUS PER ICE (NOT VERIFIED BY BRIC)",
    ],
]
DISCLAIMERS = [
    "This record is the property of the Boston Regional Intelligence Center (BRIC), which is "
    "operated by the Boston Police Department. The BRIC serves as the greater Boston area's "
    "regional fusion<br>center and is a recognized urban-area fusion center in the national "
    "network. Information in the Gang Assessment Database is intelligence "
    "information and is not a record of arrest, charge or conviction.",
    "A Gang Associate or Gang Member status is based on point criteria and observations "
    "reported by officers. It is not intended to be used as probable cause, and it must "
    "not be the sole basis for an enforcement action. Entries may be incomplete or may "
    "not have been verified by the BRIC.",
    "Further dissemination outside the receiving agency requires the approval of the BRIC "
    "duty supervisor. Requests from federal partners are logged in section 8. Records are "
    "reviewed for purge at five years from the last qualifying entry unless new points are "
    "added.",
    "Subjects are not notified of their inclusion in the database. There is no appeal "
    "procedure for a point entry. Questions about this printout may be directed to the "
    "BRIC watch desk at (000) 555-0199 (fictional).",
]
REQUEST = [
    "FROM: ERO BOSTON FUGITIVE OPERATIONS (FICTIONAL MAILBOX)     SENT: 05/26/2023 10:58",
    "TO: BRIC WATCH DESK     SUBJECT: GANG STATUS REQUEST - RIVAS MEJIA, DANIEL - DOB 03/14/2004",
    "PLEASE PROVIDE ANY GANG AFFILIATION, FIO CARDS AND DEROGATORY INFORMATION FOR THE ABOVE "
    "SALVADORAN NATIONAL, BELIEVED TO RESIDE IN CHELSEA, MA, FOR A TARGETING AND REMOVAL "
    "PRIORITY DETERMINATION. SUBJECT IS ALSO THE SUBJECT OF A FOREIGN (SV) REPORT RECEIVED "
    "THROUGH THE SAFE PROGRAM. THANK YOU.",
]
IDENTIFIERS = [
    ["IDENTIFIER", "VALUE"],
    ["PHOTO DATE / SOURCE", "02/09/2022 / BPD FIO 22-000000"],
    ["HEIGHT / WEIGHT", "5'07\" / 145 (PER FIO)"],
    ["HAIR / EYES", "BLK / BRO"],
    ["SCARS / MARKS / TATTOOS", "NONE REPORTED"],
    ["MONIKER", "NONE KNOWN"],
    ["VEHICLE", "NONE"],
    ["SCHOOL", "EASTFIELD HARBOR HS (GRAD. 06/2022)"],
    ["EMPLOYER", "KITCHEN HELPER (PER ICE)"],
]
