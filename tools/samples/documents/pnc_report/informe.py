"""Pages 2-4 of document 04: the Policía Nacional Civil's report (informe policial), with the
deliberate splits "Mara Salva-/trucha", "difusión/roja" and "MS-/13" on its second page."""

from __future__ import annotations

import pymupdf

from ...document import DocBuilder
from ...flow import Flow
from ...respondent import DOB_ES
from ...sheet import Label, Mark, Ring, Rule, Sheet
from ...style import GRAY

SF, SB = "serif", "serif-b"
INFORME_NO = "PNC-DAP-UEI-0000-2023"

BODY = [
    ("h", "I. ANTECEDENTES Y OBJETO DEL INFORME"),
    (
        "p",
        "El presente informe se elabora a solicitud de la Oficina del Agregado del Servicio de "
        "Inmigración y Control de Aduanas de los Estados Unidos (ICE) en El Salvador, en el "
        "marco del programa SAFE (Security Alliance for Fugitive Enforcement), con el objeto "
        "de informar sobre los antecedentes policiales, penales y de inteligencia del "
        "ciudadano salvadoreño DANIEL ALEXANDER RIVAS MEJÍA, quien según la solicitud se "
        "encuentra en los Estados Unidos de América.",
    ),
    ("h", "II. DATOS GENERALES DEL CONSULTADO"),
    ("form", ""),
    ("h", "III. RESULTADO DE LA CONSULTA A LAS BASES DE DATOS"),
    (
        "p",
        "1. Al ser consultado a la base de Inteligencia Policial posee ficha como miembro "
        "activo de la MS-13, clica «Ribera Locos Salvatrucha» (RLS), programa de San Miguel, "
        "con fecha de ingreso 11/08/2022. Fuente del registro: informante. El registro no "
        "consigna delito, detención ni proceso judicial.",
    ),
    (
        "p",
        "2. En la misma base aparece un registro anterior, de fecha 15/09/2018, en el que el "
        "consultado fue perfilado como miembro de la pandilla 18, facción «Sureños», durante "
        "un patrullaje preventivo en la colonia Los Almendros. El registro indica «apariencia "
        "sospechosa» y no consigna delito alguno. En esa fecha el consultado tenía catorce "
        "años de edad.",
    ),
    (
        "p",
        "3. Unidad del Registro de Antecedentes Policiales (URAP): no registra antecedentes "
        "policiales. 4. Dirección General de Centros Penales (DGCP): sin antecedentes penales. "
        "5. Sistema automatizado de huellas dactilares: sin coincidencias. 6. Dirección "
        "General de Migración y Extranjería: registra salida del país por el Aeropuerto "
        "Internacional el 02/07/2019, sin registro de ingreso posterior.",
    ),
    (
        "p",
        "Se hace constar que en el sistema existen homónimos: dos personas con el nombre "
        "«Daniel Rivas» y una con el nombre «Daniel Alexander Rivas» registran antecedentes en "
        "el departamento de San Miguel. Los registros fueron descartados por fecha de "
        "nacimiento, aunque no se realizó cotejo de huellas.",
    ),
    ("h", "IV. INFORMACIÓN DE INTELIGENCIA"),
    (
        "p",
        "Según informantes de la zona, cuya identidad no consta en el registro, el presunto "
        "pandillero habría colaborado como «poste» o vigilante de una clica local de la Mara "
        "Salva-<br>trucha en la colonia Los Almendros entre los años "
        "2018 y 2019. Dicha información no ha sido corroborada por otros medios y los "
        "informantes no fueron identificados en el registro.",
    ),
    (
        "p",
        "El 15/09/2018, durante una requisa en las inmediaciones del Centro Escolar Los "
        "Almendros (ficticio), el consultado fue abordado junto con otros estudiantes; negó "
        "pertenecer a pandilla alguna, manifestó ser estudiante de octavo grado y no se le "
        "encontró objeto ilícito. Fue dejado en libertad en el lugar.",
    ),
    (
        "p",
        "Vecinos entrevistados en 2023 manifestaron que la familia abandonó la vivienda en "
        "2019 a causa de amenazas de la pandilla contra el joven, presuntamente por negarse a "
        "colaborar con la estructura. Esta información tampoco ha sido verificada.",
    ),
    ("h", "V. SITUACIÓN JURÍDICA"),
    (
        "p",
        "Con fecha 02/03/2023, el Juzgado Especializado de Instrucción «B» de San Salvador "
        "libró orden de detención en contra del consultado por el delito de AGRUPACIONES "
        "ILÍCITAS, previsto y sancionado en el Art. 345 del Código Penal, a solicitud de la "
        "Fiscalía General de la República (FGR), en el marco del régimen de excepción. La "
        "solicitud fiscal se basa en el registro de inteligencia descrito en el numeral III.1.",
    ),
    (
        "p",
        "Con base en dicha orden, y a solicitud de la FGR, la Oficina Central Nacional (OCN) "
        "INTERPOL San Salvador circuló el día 10/02/2023 a los países miembros de la región "
        "centroamericana una difusión<br>roja y posteriormente solicitó la publicación de una "
        "notificación roja, la cual fue publicada el 27/04/2023 "
        "bajo el número de control A-12345/6-2023.",
    ),
    ("h", "VI. DILIGENCIAS REALIZADAS"),
    (
        "p",
        "a) Consulta a las bases de datos institucionales (numeral III). b) Inspección del "
        "último domicilio conocido, el cual se encontró deshabitado. c) Entrevista a dos "
        "vecinos, quienes no aportaron nombres. d) Solicitud de certificación de antecedentes "
        "penales a la DGCP, que se adjunta en copia simple. e) Coordinación con la OCN INTERPOL "
        "San Salvador sobre el estado de la notificación.",
    ),
    ("h", "VII. CONCLUSIÓN"),
    (
        "p",
        "Por lo anteriormente expuesto, y con base en el registro de inteligencia policial y en "
        "la orden de detención vigente, esta División considera que RIVAS MEJÍA es miembro "
        "activo de la MS-<br>13 y se encuentra prófugo de la justicia salvadoreña, por lo que "
        "se recomienda que, en caso de ser deportado, sea entregado a la Policía Nacional "
        "Civil en el Aeropuerto Internacional para dar cumplimiento a la orden de detención.",
    ),
    (
        "p",
        "Se deja constancia de que el consultado carece de antecedentes policíacos y penales, "
        "y de que la calidad de miembro de pandilla se sustenta únicamente en la información "
        "de inteligencia policial indicada.",
    ),
    ("h", "VIII. OBSERVACIONES"),
    (
        "p",
        "a) El registro de 11/08/2022 fue ingresado cuando el consultado ya se encontraba fuera "
        "del país, según la Dirección General de Migración y Extranjería. b) Los registros de "
        "2018 y 2022 lo vinculan con estructuras rivales. c) No se cuenta con fotografía "
        "reciente del consultado; la fotografía del expediente corresponde al año 2018, cuando "
        "era menor de edad. d) La información de los informantes no ha sido corroborada.",
    ),
    (
        "p",
        "La presente información se proporciona en el marco de la cooperación policial "
        "internacional y del programa SAFE, para uso exclusivo de las autoridades "
        "destinatarias, y no podrá ser utilizada como prueba en procesos judiciales sin la "
        "autorización de la Fiscalía General de la República.",
    ),
    ("h", "IX. DOCUMENTOS ANEXOS"),
    (
        "p",
        "1. Hoja de consulta del Sistema de Inteligencia Policial (1 folio). 2. Copia simple de "
        "la certificación de antecedentes penales emitida por la DGCP (1 folio). 3. Fotografía "
        "del consultado (no se remite por razones de reserva).",
    ),
]


LETTERHEAD: list[Mark] = [
    Label(70, 67, "PNC", "serif-b", 10, align="center"),
    Label(70, 77, "EL SALVADOR", "sans", 4.2, align="center"),
    Label(320, 52, "REPÚBLICA DE EL SALVADOR, C.A.", SB, 10, align="center"),
    Label(320, 67, "POLICÍA NACIONAL CIVIL", SB, 15, align="center"),
    Label(
        320, 81, "Subdirección de Investigaciones — División Antipandillas", SF, 9.5,
        align="center",
    ),
    Label(320, 93, "Unidad de Enlace Internacional", SF, 9.5, align="center"),
    Rule(36, 576, 104, 1.5),
    Rule(36, 576, 106.5, 0.5),
    Label(36, 124, f"INFORME POLICIAL N.º {INFORME_NO}", SB, 10.5),
    Label(576, 124, "San Salvador, 24 de mayo de 2023", SF, 10, align="right"),
    Label(36, 138, "Clasificación: RESERVADO — Para uso exclusivo de autoridades", SF, 9, GRAY),
]  # fmt: skip
ASUNTO = (
    "ASUNTO: Informe sobre antecedentes e información de inteligencia policial "
    "del ciudadano salvadoreño DANIEL ALEXANDER RIVAS MEJÍA, solicitado por la "
    "Oficina del Agregado de ICE en el marco del programa SAFE."
)
RUNNING_HEAD: list[Mark] = [
    Label(36, 48, "POLICÍA NACIONAL CIVIL — División Antipandillas", SB, 8.5),
    Label(576, 48, f"Informe {INFORME_NO}", SF, 8.5, align="right"),
    Rule(36, 576, 55, 0.8),
]
DATOS = [
    (25, [
        ("Nombre completo", "DANIEL ALEXANDER RIVAS MEJÍA", 0.45),
        ("Alias", "no registra (presunto «el Danny», según informante)", 0.55),
    ]),
    (25, [
        ("Fecha de nacimiento", DOB_ES, 0.25),
        ("Edad", "19 años", 0.12),
        ("Lugar de nacimiento", "San Miguel, departamento de San Miguel", 0.63),
    ]),
    (25, [
        ("Documento Único de Identidad (DUI)", "no posee (menor de edad al salir del país)", 0.55),
        ("Pasaporte", "B12345678 (ficticio)", 0.45),
    ]),
    (25, [
        ("Nombre de la madre", "[reservado]", 0.3),
        ("Nombre del padre", "[reservado]", 0.3),
        ("Último domicilio", "Col. Los Almendros, San Miguel (ficticio)", 0.4),
    ]),
    (25, [
        ("Ocupación", "estudiante (al salir del país)", 0.4),
        ("Situación migratoria",
         "salió del país el 02/07/2019 por el Aeropuerto Internacional", 0.6),
    ]),
]  # fmt: skip
SIGNATURES: list[Mark] = [  # relative to the block's corner
    Label(0, 10, "Atentamente,", SF, 10),
    Rule(10, 230, 58, 0.6),
    Label(10, 70, "Inspector [nombre reservado] (ficticio)", SF, 9.5),
    Label(10, 82, "Jefe de la Unidad de Enlace Internacional", SF, 9.5),
    Rule(300, 520, 58, 0.6),
    Label(300, 70, "Subcomisionado [nombre reservado] (ficticio)", SF, 9.5),
    Label(300, 82, "Jefe de la División Antipandillas", SF, 9.5),
    Ring((470, 24), 22, 0.8),
    Label(470, 27, "SELLO", "sans", 7, GRAY, "center"),
    Label(
        0,
        104,
        "Anexos: fotografía (no incluida); copia simple de certificación de la DGCP (no incluida).",
        SF,
        8.5,
        GRAY,
    ),
]


def pnc_header(s: Sheet, full: bool) -> float:
    """The PNC letterhead (full on the report's first page); returns where the text starts."""
    if not full:
        s.draw(RUNNING_HEAD)
        return 68
    s.circle((70, 70), 26, 1.2)
    s.circle((70, 70), 21, 0.5)
    s.draw(LETTERHEAD)
    return s.para(36, 148, 540, ASUNTO, SB, 9.8, 13) + 10


def page_setup(s: Sheet, k: int) -> list[pymupdf.Rect]:
    top = pnc_header(s, k == 0)
    s.hline(36, 576, 736, 0.5, GRAY)
    return [pymupdf.Rect(36, top, 576, 726)]


def informe(b: DocBuilder) -> None:
    """The report's body flowed over as many pages as it needs, then the signatures."""
    flow = Flow(b, page_setup)
    for kind, text in BODY:
        if kind == "h":
            flow.heading(text, SB, 10.2, before=6, after=3, body_leading=14)
        elif kind == "form":
            flow.block(
                125,
                lambda s, x, y, w: s.form_rows(x, y, w, DATOS, vfont="serif", vsize=9, lsize=6.2),
                after=8,
            )
        else:
            flow.para(text, SF, 10.2, 14.2, first_indent=18, after=6)
    flow.y += 6
    flow.block(110, lambda s, x, y, w: s.draw(SIGNATURES, x, y))
