"""05: a USCIS record insert, an INTERPOL Red Notice extract in English and in Spanish, and
INTERPOL Washington's memorandum (4 pages)."""

from __future__ import annotations

from ..document import DocBuilder, DocSpec
from ..respondent import A_NUM, R_LAST_ASCII, RN_CONTROL
from ..sheet import Label, Mark, Rule, Sheet
from ..style import GRAY, NAVY, RED, WHITE

SPEC = DocSpec(
    "05_interpol_red_notice_extract.pdf",
    "INTERPOL Red Notice extract with USNCB letter - FICTIONAL SAMPLE",
    "Fictional sample case: INTERPOL Red Notice extract for RIVAS MEJIA, Daniel Alexander",
)
SF = "serif"

# ---- page 1: USCIS record insert ----------------------------------------------------------
INSERT_HEAD: list[Mark] = [
    Label(36, 52, "U.S. Citizenship and Immigration Services", "sans-b", 13),
    Label(36, 66, "Boston Field Office (fictional address)", "sans", 9.5),
    Rule(36, 576, 76, 1.3),
    Label(306, 100, "RECORD OF PROCEEDING — DOCUMENT INSERT", "sans-b", 13, align="center"),
    Label(
        306, 116, "Attachment C to Notice of Intent to Deny — Form I-485", "sans", 10.5,
        align="center",
    ),
]  # fmt: skip
INSERT_FORM = [
    (26, [
        ("Applicant", f"{R_LAST_ASCII}, Daniel Alexander", 0.45),
        ("A-number", A_NUM, 0.25),
        ("Receipt number", "MSC0000000000 (fictional)", 0.3),
    ]),
    (26, [
        ("Notice of Intent to Deny issued", "08/15/2023", 0.3),
        ("Response due", "09/17/2023 (33 days incl. mailing)", 0.4),
        ("Officer", "IO [withheld] (fictional)", 0.3),
    ]),
]  # fmt: skip
INSERT_TEXT = [
    "The pages that follow reproduce an extract of an INTERPOL Red Notice and a letter from "
    "INTERPOL Washington, the U.S. National Central Bureau. USCIS obtained these records from "
    "U.S. Immigration and Customs Enforcement (ICE). They are part of the derogatory "
    "information described in the Notice of Intent to Deny.",
    "Under 8 C.F.R. 103.2(b)(16)(i), the applicant is advised of this derogatory "
    "information and may submit evidence in rebuttal before the decision is made. USCIS "
    "has not independently verified the information in the extract. The applicant may "
    "respond to every statement in it, including the identity of the person named, the "
    "charge, and the reliability of the information from the requesting country.",
    "The Notice of Intent to Deny does not rely on the Red Notice alone. It also cites the "
    "gang database printout (Attachment A) and the police report received through the SAFE "
    "program (Attachment B).",
]
ATTACHMENTS = [
    ["Attachment", "Document", "Source", "Pages"],
    [
        "A",
        "Gang Assessment Database subject detail report",
        "Boston Regional Intelligence Center (via ICE)",
        "4",
    ],
    [
        "B",
        "Informe policial PNC-DAP-UEI-0000-2023 with SAFE transmittal",
        "PNC El Salvador (via ICE SAFE)",
        "6",
    ],
    [
        "C",
        "INTERPOL Red Notice extract and USNCB memorandum",
        "INTERPOL Washington (via ICE)",
        "4",
    ],
    [
        "D",
        "School police incident report SP-21-04417",
        "Eastfield Harbor Public Schools",
        "4",
    ],
]
READING = (
    "A Red Notice is a request to law enforcement worldwide to locate and provisionally "
    "arrest a person pending extradition or similar legal action. It is not an arrest "
    "warrant. The Spanish-language section is a courtesy translation supplied by the "
    "requesting NCB."
)

# ---- page 2: the English extract ----------------------------------------------------------
EXTRACT_EN = (
    "RED NOTICE — EXTRACT",
    "For law enforcement use only",
    f"Control number: {RN_CONTROL}   ·   Date of publication: 27/04/2023   "
    "·   Requesting NCB: NCB San Salvador",
)
IDENTITY_EN = [
    ("Family name", R_LAST_ASCII),
    ("Forename", "DANIEL ALEXANDER"),
    ("Sex", "Male"),
    ("Date of birth", "14/03/2004"),
    ("Place of birth", "San Miguel, El Salvador"),
    ("Nationality", "El Salvador"),
    ("Height / weight", "1.70 m / 66 kg"),
    ("Colour of hair / eyes", "Black / brown"),
    ("Distinguishing marks", "None known"),
    ("Language(s) spoken", "Spanish, English"),
    (
        "Photograph",
        "Available; not reproduced in this extract. The photograph (2019) shows "
        "the subject wearing a red jacket and a white shirt.",
    ),
]
JUDICIAL_EN = [
    (
        "Charge",
        "Agrupaciones ilícitas (illicit associations), Art. 345, Penal Code of El Salvador",
    ),
    (
        "Arrest warrant",
        "Order of detention issued 02/03/2023 by the Juzgado Especializado de "
        'Instrucción "B", San Salvador (fictional no. 0000-2023)',
    ),
    ("Maximum penalty", "As stated by NCB San Salvador (not verified)"),
    (
        "Summary of facts",
        "According to NCB San Salvador, the subject is allegedly an active member "
        'of the MS-13 structure "Ribera Locos Salvatrucha" in San Miguel and '
        "allegedly acted as a lookout for the gang between 2018 and 2019. The "
        "requesting country states that the information derives from police "
        "intelligence records and informant information.",
    ),
    (
        "Prior circulation",
        "A Wanted Person Diffusion was circulated by NCB San Salvador on "
        "10/02/2023 to selected member countries (Americas region).",
    ),
    (
        "Action requested",
        "Locate and provisionally arrest with a view to extradition; "
        "inform NCB San Salvador and the INTERPOL General Secretariat.",
    ),
]
EXTRACT_NOTE_EN = (
    "This extract was prepared by INTERPOL Washington from the version of the notice "
    "available to U.S. law enforcement agencies through the secure I-24/7 police "
    "network, and it reproduces only part of the Red<br>Notice; it does not contain the "
    "underlying judicial documents. Member countries apply their own laws in deciding "
    "whether to arrest a person who is the subject of a notice. The notice is valid "
    "for five years from publication unless cancelled or renewed."
)

# ---- page 3: the Spanish courtesy version -------------------------------------------------
EXTRACT_ES = (
    "NOTIFICACIÓN ROJA — EXTRACTO",
    "Traducción de cortesía — OCN San Salvador",
    f"Número de control: {RN_CONTROL}   ·   Fecha de publicación: 27/04/2023   "
    "·   OCN solicitante: San Salvador",
)
IDENTITY_ES = [
    ("Apellidos", "RIVAS MEJÍA"),
    ("Nombres", "DANIEL ALEXANDER"),
    ("Sexo", "Masculino"),
    ("Fecha de nacimiento", "14/03/2004"),
    ("Lugar de nacimiento", "San Miguel, El Salvador"),
    ("Nacionalidad", "Salvadoreña"),
    ("Señas particulares", "Ninguna conocida"),
]
JUDICIAL_ES = [
    ("Delito", "agrupaciones ilícitas, Art. 345 del Código Penal"),
    (
        "Orden de detención",
        "Juzgado Especializado de Instrucción «B» de San Salvador, 02/03/2023",
    ),
    (
        "Resumen de los hechos",
        "Según la Policía Nacional Civil, el requerido es presunto miembro "
        "activo de la clica «Ribera Locos Salvatrucha» de la MS-13 y "
        "presuntamente habría servido como vigilante («poste») de dicha "
        "estructura. La información proviene de registros de inteligencia "
        "policial; el requerido no registra antecedentes penales.",
    ),
    ("Difusión previa", "Difusión roja circulada el 10/02/2023 a países de la región."),
]
EXTRACT_TEXT_ES = [
    "La Secretaría General de INTERPOL publicó la presente notificación a solicitud de la "
    "Oficina Central Nacional (OCN) de San Salvador, República de El Salvador, el "
    "27/04/2023. Esta notificación<br>roja se basa en la orden de detención indicada. Una "
    "notificación roja no es "
    "una orden internacional de detención; cada país miembro decide, conforme a su "
    "legislación, si procede la detención provisional de la persona requerida.",
    "Cualquier información sobre el paradero del requerido debe comunicarse a la OCN "
    "INTERPOL San Salvador o a la Secretaría General de INTERPOL. Fotografía disponible en "
    "el expediente de la OCN (no se reproduce).",
]

# ---- page 4: INTERPOL Washington's memorandum ---------------------------------------------
MEMO_HEAD: list[Mark] = [
    Label(36, 52, "U.S. Department of Justice", "serif-b", 12),
    Label(36, 66, "INTERPOL Washington — U.S. National Central Bureau (USNCB)", "serif", 10),
    Label(36, 78, "Washington, DC (address omitted in sample)", "serif", 8.5, GRAY),
    Rule(36, 576, 86, 1.2),
    Label(576, 104, "June 1, 2023", SF, 10, align="right"),
]
MEMO_LINES = [
    "MEMORANDUM FOR: Field Office Director, ICE ERO Boston",
    "FROM: Duty Officer, Fugitive Division, INTERPOL Washington (fictional)",
    f"SUBJECT: INTERPOL Red Notice {RN_CONTROL} — RIVAS MEJIA, Daniel Alexander, DOB 03/14/2004",
]
MEMO_TEXT = [
    "In response to your query of May 31, 2023, INTERPOL Washington confirms that the Red "
    "Notice identified above was published at the request of NCB San Salvador on April 27, "
    "2023, and was valid as of the date of this memorandum. NCB San Salvador previously "
    "circulated a Wanted Person Diffusion for the same person on February 10, 2023.",
    "A Red Notice is not an arrest warrant. INTERPOL Washington does not review the evidence "
    "that supports the charge in the requesting country and cannot confirm the reliability "
    "of the information provided by NCB San Salvador. The identification is based on name "
    "and date of birth; no fingerprints were provided with the notice.",
    "The notice has not been entered into the NCIC Foreign Fugitive File, because the "
    "information supplied by the requesting country did not meet NCIC entry criteria. An "
    "NCIC query on this subject may therefore return negative or possible-match results.",
    "Consistent with ICE policy, a Red Notice or diffusion should not be the sole basis for "
    "an enforcement action or for a custody or benefits decision. INTERPOL Washington "
    "recommends that you obtain the underlying judicial documents through NCB San Salvador "
    "and confirm that the notice is current before relying on it. We understand that the "
    "subject was served a Notice to Appear on June 14, 2023; please notify INTERPOL "
    "Washington of any removal so that NCB San Salvador can be informed.",
    "Questions may be directed to the INTERPOL Washington Command and Coordination Center. "
    "This memorandum contains law enforcement sensitive information and must not be "
    "released outside DHS without the consent of INTERPOL Washington.",
]


def build(b: DocBuilder) -> None:
    record_insert(b.add_page())
    extract_en(b.add_page())
    extract_es(b.add_page())
    memorandum(b.add_page())


def record_insert(s: Sheet) -> None:
    s.draw(INSERT_HEAD)
    y = s.form_rows(36, 128, 540, INSERT_FORM, vfont="sans", vsize=9.5, lsize=6.3)
    y += 16
    for text in INSERT_TEXT:
        y = s.para(36, y, 540, text, SF, 10, 13.8) + 8
    y = s.table(36, y + 6, [70, 250, 140, 80], ATTACHMENTS, font="sans", size=8.4) + 4
    s.rect((36, y + 10, 576, y + 76), width=0.7)
    s.text(44, y + 26, "Reading the extract", "sans-b", 9.5)
    s.para(44, y + 30, 524, READING, "sans", 8.8, 11.4)
    s.text(36, 740, "USCIS Boston · Attachment C · page 1 of 4", "sans", 7.5, GRAY)


def notice_head(s: Sheet, head: tuple[str, str, str]) -> float:
    """INTERPOL's letterhead with the notice's red title box; returns the y below the line."""
    title, sub, control = head
    s.text(36, 56, "INTERPOL", "sans-b", 22, NAVY)
    s.text(36, 68, "International Criminal Police Organization", "sans", 7.5, NAVY)
    s.fill((330, 38, 576, 70), RED)
    tsize = 13.0
    while s.fonts.width(title, "sans-b", tsize) > 232:
        tsize -= 0.5
    s.text_c(453, 53, title, "sans-b", tsize, WHITE)
    s.text_c(453, 65, sub, "sans", 7.5, WHITE)
    s.hline(36, 576, 78, 1.0, NAVY)
    s.text(36, 84 + 12, control, "sans-b", 8.3)
    return 84


def fields(s: Sheet, y: float, title: str, rows: list[tuple[str, str]]) -> float:
    """A titled two-column table of a notice's fields; returns the y below it."""
    y = s.section_bar(36, 576, y, title, fill=(0.86, 0.89, 0.95), color=NAVY)
    return s.table(36, y, [150, 390], [[a, c] for a, c in rows], font=SF, size=8.6, header_rows=0)


def extract_en(s: Sheet) -> None:
    y = notice_head(s, EXTRACT_EN)
    y = fields(s, y + 20, "IDENTITY PARTICULARS", IDENTITY_EN)
    y = fields(s, y + 10, "JUDICIAL INFORMATION", JUDICIAL_EN)
    s.para(36, y + 12, 540, EXTRACT_NOTE_EN, SF, 9.4, 12.6)
    s.text(36, 740, "INTERPOL extract · page 2 of 4", "sans", 7.5, GRAY)


def extract_es(s: Sheet) -> None:
    y = notice_head(s, EXTRACT_ES)
    y = fields(s, y + 20, "DATOS DE IDENTIDAD", IDENTITY_ES)
    y = fields(s, y + 10, "INFORMACIÓN JUDICIAL", JUDICIAL_ES)
    y += 12
    for text in EXTRACT_TEXT_ES:
        y = s.para(36, y, 540, text, SF, 9.8, 13.2) + 7
    s.text(36, 740, "INTERPOL extracto · página 3 de 4", "sans", 7.5, GRAY)


def memorandum(s: Sheet) -> None:
    s.draw(MEMO_HEAD)
    y = 120.0
    for line in MEMO_LINES:
        y = s.para(36, y, 540, line, "serif-b", 9.8, 13)
    s.hline(36, 576, y + 4, 0.6)
    y += 14
    for text in MEMO_TEXT:
        y = s.para(36, y, 540, text, SF, 10, 13.8) + 8
    s.text(36, y + 26, "/s/ Duty Officer [name withheld] (fictional)", "serif-i", 10)
    s.text(36, y + 40, "Fugitive Division, INTERPOL Washington", SF, 10)
    s.text(36, y + 60, "cc: USCIS Boston Field Office (copy placed in record)", SF, 8.5, GRAY)
    s.text(36, 740, "USNCB memorandum · page 4 of 4", "sans", 7.5, GRAY)
