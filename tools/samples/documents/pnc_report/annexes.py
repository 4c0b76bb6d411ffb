"""The report's last two pages: the police-intelligence database sheet (hoja de consulta) and a
plain copy of the prison service's "no criminal record" certificate (DGCP)."""

from __future__ import annotations

from ...respondent import DOB_ES
from ...sheet import Box, Label, Mark, Sheet
from ...style import GRAY
from .informe import INFORME_NO, SB, SF, pnc_header

CONSULTA_HEAD: list[Mark] = [
    Label(306, 90, "HOJA DE CONSULTA — SISTEMA DE INTELIGENCIA POLICIAL", SB, 12, align="center"),
    Label(
        306, 104,
        "Consulta realizada el 22/05/2023 a las 09:14 horas — usuario DAP-0000 (ficticio)",
        SF, 8.5, align="center",
    ),
]  # fmt: skip
REGISTROS = [
    [
        "Fecha de registro",
        "Unidad que registra",
        "Clasificación",
        "Estructura",
        "Fuente",
        "Observaciones",
    ],
    [
        "15/09/2018",
        "Delegación San Miguel",
        "PERFILADO",
        "Pandilla 18 (Sureños)",
        "Patrullaje",
        "Apariencia sospechosa; sin delito; menor de edad.",
    ],
    [
        "11/08/2022",
        "DAP — Inteligencia",
        "MIEMBRO ACTIVO",
        "MS-13 / clica RLS",
        "Informante",
        "Sujeto fuera del país desde 2019 según Migración.",
    ],
    [
        "02/03/2023",
        "FGR / Juzgado Especializado de Instrucción «B»",
        "ORDEN DE DETENCIÓN",
        "—",
        "Judicial",
        "Agrupaciones ilícitas, Art. 345 CP.",
    ],
    [
        "27/04/2023",
        "OCN INTERPOL San Salvador",
        "NOTIFICACIÓN ROJA",
        "—",
        "INTERPOL",
        "Publicada; control A-12345/6-2023.",
    ],
]
OBSERVACIONES = [
    "Observaciones: el registro de 2022 fue ingresado con base en la información de un "
    "informante; no consta verificación de campo. Se advierte la existencia de posibles "
    "homónimos en el departamento de San Miguel. La persona consultada no registra "
    "antecedentes policiales (URAP) y está sin antecedentes penales (DGCP).",
    "Los registros de 2018 y 2022 atribuyen al consultado pertenencia a estructuras "
    "rivales (pandilla 18 y MS-13). No se ha determinado cuál de los dos registros es "
    "correcto.",
]
CONFORME = (
    "Es conforme con los registros del sistema a la fecha y hora de la consulta. Esta hoja "
    "no constituye solvencia policial ni constancia de antecedentes."
)

CERTIFICATE_HEAD: list[Mark] = [
    Box((40, 40, 572, 730), 2.0),
    Box((46, 46, 566, 724), 0.6),
    Label(306, 78, "REPÚBLICA DE EL SALVADOR", SB, 11, align="center"),
    Label(306, 96, "MINISTERIO DE JUSTICIA Y SEGURIDAD PÚBLICA", SB, 10, align="center"),
    Label(306, 112, "DIRECCIÓN GENERAL DE CENTROS PENALES", SB, 12, align="center"),
    Label(306, 126, "Unidad de Registro y Control Penitenciario", SF, 9.5, align="center"),
    Label(306, 160, "CERTIFICACIÓN DE ANTECEDENTES PENALES", SB, 14, align="center"),
    Label(
        306, 176, "(copia simple remitida por la PNC — anexo al informe " + INFORME_NO + ")",
        SF, 8.5, GRAY, "center",
    ),
]  # fmt: skip
CERTIFICA = (
    "El infrascrito Jefe de la Unidad de Registro y Control Penitenciario CERTIFICA: que "
    "habiéndose consultado los registros a su cargo, a fin de establecer si la persona que "
    "se detalla posee o no Registros de Antecedentes Penales, se obtuvo el resultado "
    "siguiente:"
)
PERSONA = [
    (28, [
        ("Nombre", "DANIEL ALEXANDER RIVAS MEJÍA", 0.6),
        ("Fecha de nacimiento", DOB_ES, 0.4),
    ]),
    (28, [
        ("Documento presentado", "Pasaporte B12345678 (ficticio)", 0.6),
        ("Solicitante", "Policía Nacional Civil — DAP", 0.4),
    ]),
]  # fmt: skip
CERTIFICATE_TEXT = [
    "La persona arriba mencionada no registra antecedentes penales en el sistema de registro "
    "penitenciario a la fecha de la presente certificación. La presente no incluye "
    "información de registros policiales ni de inteligencia, los cuales corresponden a la "
    "Policía Nacional Civil.",
    "Y para los usos que el interesado estime convenientes, se extiende la presente en la "
    "ciudad de San Salvador, a los veintitrés días del mes de mayo de dos mil veintitrés.",
]
VALIDITY = Label(
    72,
    700,
    "Certificación N.º DGCP-0000-2023 (ficticia) · válida por 90 días · "
    "sin validez para trámites en el extranjero sin apostilla",
    SF,
    7.5,
    GRAY,
)


def hoja_de_consulta(s: Sheet) -> None:
    pnc_header(s, False)
    s.draw(CONSULTA_HEAD)
    y = s.table(36, 116, [62, 92, 82, 92, 62, 150], REGISTROS, font=SF, size=8.4, hfont=SB)
    y += 16
    for text in OBSERVACIONES:
        y = s.para(36, y, 540, text, SF, 9.8, 13.4) + 8
    y += 10
    s.rect((36, y, 576, y + 60), width=0.7)
    s.text(44, y + 16, "CERTIFICACIÓN", SB, 9.5)
    s.para(44, y + 20, 524, CONFORME, SF, 9, 12)


def dgcp_certificate(s: Sheet) -> None:
    s.draw(CERTIFICATE_HEAD)
    y = s.para(72, 200, 468, CERTIFICA, SF, 10.5, 15) + 10
    y = s.form_rows(72, y, 468, PERSONA, vfont="serif", vsize=10, lsize=6.5)
    y += 18
    s.rect((72, y, 540, y + 40), width=1.2)
    s.text_c(306, y + 25, "SIN ANTECEDENTES PENALES", SB, 15)
    y += 60
    for text in CERTIFICATE_TEXT:
        y = s.para(72, y, 468, text, SF, 10.5, 15) + 10
    s.hline(200, 412, y + 60, 0.6)
    s.text_c(306, y + 74, "[firma ilegible] — nombre reservado (ficticio)", SF, 9.5)
    s.text_c(306, y + 87, "Jefe, Unidad de Registro y Control Penitenciario", SF, 9.5)
    s.circle((470, y + 40), 28, 0.8)
    s.text_c(470, y + 43, "SELLO DGCP", "sans", 6.5, GRAY)
    s.draw([VALIDITY])
