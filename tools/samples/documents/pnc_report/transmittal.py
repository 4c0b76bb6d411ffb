"""Page 1 of document 04: ICE's SAFE transmittal sheet, in Spanish with an English summary."""

from __future__ import annotations

from ...respondent import A_NUM, DOB_ES
from ...sheet import Label, Mark, Rule, Sheet
from ...style import GRAY

SF = "serif"

HEAD: list[Mark] = [
    Label(36, 52, "U.S. Immigration and Customs Enforcement", "sans-b", 12),
    Label(
        36, 66, "Enforcement and Removal Operations — ERO Attaché San Salvador (ficticio)",
        "sans", 9.5,
    ),
    Rule(36, 576, 76, 1.3),
    Label(306, 100, "REMISIÓN SAFE / SAFE TRANSMITTAL", "sans-b", 14, align="center"),
]  # fmt: skip
FORM = [
    (26, [
        ("Para / To", "ERO Boston — Fugitive Operations", 0.5),
        ("De / From", "Enlace SAFE, Oficina del Agregado (ficticio)", 0.5),
    ]),
    (26, [
        ("Fecha / Date", "30/05/2023", 0.25),
        ("Referencia / Reference", "SAFE-SV-2023-0000", 0.35),
        ("Páginas / Pages", "6 (incluye esta hoja)", 0.4),
    ]),
    (26, [
        ("Sujeto / Subject", "RIVAS MEJÍA, Daniel Alexander", 0.5),
        ("N.º de extranjero / A-number", A_NUM, 0.25),
        ("Fecha de nacimiento", DOB_ES, 0.25),
    ]),
]  # fmt: skip
TEXT = [
    "Informe recibido a través del programa SAFE (Security Alliance for Fugitive "
    "Enforcement). La Policía Nacional Civil de El Salvador (PNC), División Antipandillas, "
    "remite el informe policial adjunto en respuesta a la solicitud de la Oficina del "
    "Agregado sobre el ciudadano salvadoreño arriba indicado.",
    "El informe se encuentra en idioma español y no se acompaña traducción certificada. "
    "La Oficina del Agregado no ha verificado de forma independiente la información "
    "contenida en el informe. La PNC no remitió copia de la orden judicial ni del "
    "requerimiento fiscal mencionados en el informe.",
    "Según el informe, el sujeto posee ficha como miembro activo de la MS-13 en la base de "
    "Inteligencia Policial; el mismo informe señala que no registra antecedentes policiales "
    "y que está sin antecedentes penales. Se sugiere solicitar a la OCN INTERPOL San "
    "Salvador los documentos que sustentan la notificación roja antes de cualquier "
    "decisión basada en esta información.",
]
SUMMARY_EN = (
    "Report received through the SAFE program from the Policía Nacional Civil (PNC). The "
    "PNC states that the subject is an active MS-13 member per a police intelligence "
    "entry; the same report states no police or criminal record. Not independently "
    "verified by ICE. Underlying court documents not provided."
)
SIGNED = [
    (30, [
        ("Enlace SAFE / SAFE liaison", "/f/ Oficial de enlace (nombre reservado) — ficticio", 0.6),
        ("Clasificación", "LAW ENFORCEMENT SENSITIVE", 0.4),
    ])
]  # fmt: skip
LOG = [
    ["Fecha", "De / From", "Para / To", "Medio / Method"],
    [
        "24/05/2023",
        "PNC — División Antipandillas",
        "Enlace SAFE (Agregado ICE)",
        "Oficio físico, 5 folios",
    ],
    [
        "26/05/2023",
        "Enlace SAFE",
        "Archivo SAFE San Salvador",
        "Escaneo, registro SAFE-SV-2023-0000",
    ],
    ["30/05/2023", "Enlace SAFE", "ERO Boston — FUGOPS", "Correo electrónico cifrado"],
    ["31/05/2023", "ERO Boston", "A-file / EARM", "Carga de documento (sin traducción)"],
]


def transmittal(s: Sheet) -> None:
    s.draw(HEAD)
    y = s.form_rows(36, 112, 540, FORM, vfont="sans", vsize=9.5, lsize=6.3)
    y += 14
    for text in TEXT:
        y = s.para(36, y, 540, text, SF, 10, 13.6) + 8
    y += 4
    s.rect((36, y, 576, y + 66), width=0.7)
    s.text(42, y + 14, "Summary (English):", "sans-b", 9)
    s.para(42, y + 18, 528, SUMMARY_EN, "sans", 8.8, 11.3)
    y += 84
    s.form_rows(36, y, 540, SIGNED, vfont="sans", vsize=9)
    s.text(36, y + 64, "Registro de transmisión / Transmission log", "sans-b", 9.5)
    s.table(36, y + 72, [80, 150, 150, 160], LOG, font="sans", size=8.2)
    s.text(36, 740, "Remisión SAFE · hoja 1 de 6", "sans", 7.5, GRAY)
