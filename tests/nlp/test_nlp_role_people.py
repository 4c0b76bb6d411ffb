"""Who the respondent is on a page that names several people, and the labels put on the others:
a form's claimant label over its other name labels ("Solicitante de asilo:" over "Imputado:"),
a label that ends its line, a name stated in prose ("La víctima y denunciante es el señor ..."),
a list entry marked as the one the request is about, a brother who shares the respondent's
hyphenated surname, a person a kin or companion word introduces ("a boyfriend named Oscar"),
someone else's surname opening a sentence ("DUBON is known to this officer as"), a list of
associates, an entry a kin label opens ("3. Hermano: NAME. Perfilado como ..."), and a co-defendant named by role and surname ("el imputado BANEGAS-FLORES").
On real PDFs by the real pipeline where a role is asked; every name is fictional."""

from __future__ import annotations

import pytest

from annotator.core.model import Role
from annotator.core.paths import models_dir
from annotator.nlp.role_cues import load_role_cues
from annotator.nlp.roles import page_names

_COIMPUTADO = [
    "RESUMEN DEL REQUERIMIENTO FISCAL (documento ficticio)",
    'Solicitante de asilo (en adelante, "el joven"):',
    "Elvin Daniel RAUDALES-CRUZ, 20 años.",
    "  - Imputado: Marco Tulio BANEGAS-FLORES, alias el Cholo, 26 años.",
    "  - Víctima: Elvin Daniel RAUDALES-CRUZ (el joven).",
]


@pytest.mark.parametrize(
    ("language", "page", "expected", "others"),
    [
        ("es", "\n".join(_COIMPUTADO), {"elvin", "daniel", "raudales-cruz"}, {"banegas-flores"}),
        (
            "es",
            "Expediente ficticio\nLa víctima y denunciante es el señor Rigoberto Amílcar\n"
            "SICAN-LÓPEZ, piloto de bus.",
            {"rigoberto", "amilcar", "sican-lopez"},
            {"piloto"},
        ),
        (
            "es",
            "PERSONAS DETENIDAS:\n1. ROMERO-ARGUETA, Wilfredo Antonio, 24 años (persona\n"
            "objeto de la solicitud de ICE)\n2. ROMERO-ARGUETA, Juan Carlos, 27 años",
            {"romero-argueta", "wilfredo", "antonio"},
            {"juan", "carlos"},
        ),
        (
            "en",
            "Respondent: Jonathan GARCIA-PEREZ (fictional)\nVictim: Ana Maria LOPEZ",
            {"jonathan", "garcia-perez"},
            {"ana", "maria", "lopez"},
        ),
    ],
)
def test_the_page_names_the_respondent(language, page, expected, others):
    names = page_names(load_role_cues(models_dir(), language), page)
    assert expected <= names, names
    assert not others & names, names


@pytest.mark.parametrize(
    ("page", "expected", "others"),
    [
        (
            "DECLARACIÓN DE ROSA AMELIA CHINCHILLA DE PAZ (documento ficticio)\n"
            "Yo, Rosa Amelia Chinchilla de Paz, declaro lo siguiente:\n"
            "1. Soy la madre del solicitante, Elmer Adonay Paz Chinchilla. Tengo dos hijos.",
            {"elmer", "adonay"},
            {"rosa", "amelia"},
        ),
        (
            "IGLESIA EVANGÉLICA (ficticia)\nAsunto: Carta de apoyo a favor del solicitante Wilmer"
            " Antonio Funes Cárcamo\nMi nombre es Efraín Gudiel Sierra y soy pastor.",
            {"wilmer", "funes"},
            {"efrain", "gudiel"},
        ),
    ],
)
def test_a_declarant_or_a_writer_is_not_the_respondent(page, expected, others):
    names = page_names(load_role_cues(models_dir(), "es"), page)
    assert expected <= names, names
    assert not others & names, names


def test_without_a_claimant_label_every_name_label_still_counts():
    page = "Imputado: Marco Tulio BANEGAS-FLORES (ficticio)\nDelito: extorsión"
    names = page_names(load_role_cues(models_dir(), "es"), page)
    assert {"marco", "tulio", "banegas-flores"} <= names, names


CASES = [
    # a brother who shares the respondent's hyphenated surname
    (
        [
            "FICTIONAL FORM I-213 NARRATIVE",
            "Subject: ALVARENGA-TOBAR, Nelson Adonay   Country: El Salvador",
            "Officers went to the residence to locate his brother, Wilber ALVARENGA-TOBAR.",
            "Wilber ALVARENGA-TOBAR is a documented MS-13 member and was removed in 2021.",
        ],
        "documented MS-13 member",
        Role.THIRD_PARTY,
    ),
    (
        [
            "FICTIONAL FORM I-213 NARRATIVE",
            "Subject: ALVARENGA-TOBAR, Nelson Adonay   Country: El Salvador",
            "Nelson ALVARENGA-TOBAR is listed as a documented MS-13 member in a county file.",
        ],
        "documented MS-13 member",
        Role.SUBJECT,
    ),
    # a person a kin or companion word introduces, named again alone
    (
        [
            "DECLARATION OF YESENIA MARISOL ARGUETA-LEMUS (fictional)",
            "In 2022 I had a boyfriend named Oscar. I did not know at first, but Oscar was a",
            "member of the Barrio 18 from the other side of the boulevard.",
        ],
        "member of the Barrio 18",
        Role.THIRD_PARTY,
    ),
    (
        [
            "DECLARACION DE DAYANA HERNANDEZ-CHAVEZ (documento ficticio)",
            "Mi sobrino Kevin vive en la colonia. Kevin es integrante de la 18 desde hace años.",
        ],
        "integrante de la 18",
        Role.THIRD_PARTY,
    ),
    # someone else's surname in capitals opening the sentence
    (
        [
            "FICTIONAL FORM I-213 NARRATIVE",
            "Subject: QUINTANILLA-ORELLANA, Edwin   Country: Honduras",
            "The vehicle was driven by Marvin DUBON-CRUZ; the subject was a passenger.",
            "DUBON is known to this officer as an MS-13 associate from prior operations.",
        ],
        "MS-13 associate",
        Role.THIRD_PARTY,
    ),
    # a form's list of associates, its header with an aside
    (
        [
            "FICTIONAL STATE GANG INTELLIGENCE SYSTEM - SUBJECT RECORD PRINTOUT",
            "Name: PINEDA-AGUILAR, Cristian Omar     Status: GANG ASSOCIATE",
            "ASSOCIATES (linked records)",
            "A. ESCOBAR-FUNES, Wilmer Josue   Record WG-2017-044120",
            "   Status: GANG MEMBER - VALIDATED   Set: WSL",
        ],
        "GANG MEMBER",
        Role.THIRD_PARTY,
    ),
    # a co-defendant named by a role word and a surname in capitals the respondent does not have
    (
        [
            "Anexo D - presentado por el solicitante, Marvin Ernesto Lemus Portillo (ficticio).",
            "El agente manifestó que el imputado ARGUETA MEZA posee ficha como miembro activo de",
            "la MS-13 con rango de palabrero.",
        ],
        "miembro activo de la MS-13",
        Role.THIRD_PARTY,
    ),
    # an entry a kin label opens in a police report's list of relatives
    (
        [
            "INFORME DE INVESTIGACION (documento ficticio)",
            "Nombre: BONILLA ZUNIGA, Erick Josue     Nacionalidad: hondureña",
            "FAMILIARES:",
            "2. Madre: ZUNIGA PAZ, Gloria Esperanza. Sin antecedentes.",
            "3. Hermano: BONILLA ZUNIGA, Kevin Alexander. Perfilado como colaborador de la MS-13;",
            "detenido en 2023 por portación ilegal de arma.",
        ],
        "colaborador de la MS-13",
        Role.THIRD_PARTY,
    ),
    # a co-defendant named by his role and surname, on a page that names the claimant
    (
        [
            *_COIMPUTADO,
            "El Ministerio Público atribuye al imputado BANEGAS-FLORES ser cabecilla de la Mara",
            "Salvatrucha en el barrio El Tamarindo.",
        ],
        "cabecilla de la Mara Salvatrucha",
        Role.THIRD_PARTY,
    ),
]


@pytest.mark.parametrize(("lines", "text", "role"), CASES, ids=[f"{c[2]}-{c[1]}" for c in CASES])
def test_the_label_is_the_named_persons(scan, lines, text, role):
    found = [d for d in scan([lines]).of("gang_label") if text.lower() in d.text.lower()]
    assert found, f"the detector did not find {text!r}"
    assert found[-1].role is role
