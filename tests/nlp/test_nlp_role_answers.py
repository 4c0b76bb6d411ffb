"""Roles read from questions and answers, from general clauses inside sentences about the
respondent, and from Spanish accounts that leave their subject out, on real PDFs by the real
pipeline: "he" in a Q/A exchange, an answer that only names the gang to "who are they?", two
gangs named as a pair, a gang's own country-conditions clause, unknown people who are labelled
and do harm, a passive without its subject, ", que" about a person. Every sentence and name is
fictional."""

from __future__ import annotations

import pytest

from annotator.core.model import Role

_IN_RE = "In the Matter of: QUINTANILLA ROSA, Ever Josue (fictional)"
_NOMBRE = "Nombre: Yesenia Maribel TORRES CANALES (ficticio)"

# (page lines, the reference's text, its role)
CASES = [
    # in questions and answers the respondent is "you" and "I": "he" is someone else
    (
        [
            _IN_RE,
            "Q. Who drove you to the bus station that night?",
            "A. A man from my street. He had a car.",
            "Q. Did you know that he was a gang member?",
        ],
        "gang member",
        Role.THIRD_PARTY,
    ),
    (
        [
            _IN_RE,
            "Q. Did you know that he was a gang member?",
            "A. Everyone in the colonia said he was a member of the Sureños.",
        ],
        "member of the Sureños",
        Role.THIRD_PARTY,
    ),
    # ... and so is "anyone" a question asks about
    (
        [_IN_RE, "Q. Is there anyone in your family who is a gang member?"],
        "gang member",
        Role.THIRD_PARTY,
    ),
    # an answer that only names a gang, to "who are they?", is the persecutor
    (
        [
            _IN_RE,
            "A. They took half of what I earned at the car wash.",
            "Q. And who are they?",
            "A. The Mara Salvatrucha.",
        ],
        "Mara Salvatrucha",
        Role.PERSECUTOR,
    ),
    # "problems with" a gang is fear of it
    (
        [
            _IN_RE,
            "A. My uncle said that anyone who had problems with the mareros had to go north.",
        ],
        "mareros",
        Role.PERSECUTOR,
    ),
    # two gangs named as a pair, and a gang's own general clause, are background
    (
        [
            _IN_RE,
            "In my town, MS-13 and the 18th Street gang have both been around since before I",
            "was born, and my mother always kept us inside after dark.",
        ],
        "MS-13",
        Role.BACKGROUND,
    ),
    (
        [
            _IN_RE,
            "Your Honor, the report at Tab C explains that in 2019 the Barrio 18 and MS-13",
            "controlled most bus routes in the department, and that the police detained drivers.",
        ],
        "MS-13",
        Role.BACKGROUND,
    ),
    (
        [
            _IN_RE,
            "The Court notes that MS-13 is known to recruit teenage boys in Honduras and that",
            "your testimony about your own departure was consistent and detailed.",
        ],
        "MS-13",
        Role.BACKGROUND,
    ),
    # ... but not when the clause has the respondent's side as its victim
    (
        [
            "Nombre: Dilcia Marisol AGUILAR PAZ (ficticio)",
            "La declarante agrego que los pandilleros de la zona la habian amenazado porque",
            "no quiso guardar un paquete.",
        ],
        "pandilleros",
        Role.PERSECUTOR,
    ),
    # people the account does not know, labelled and doing harm, are the assailants
    (
        [
            _NOMBRE,
            "La denunciante manifesto que unos sujetos pertenecientes a la Pandilla 18,",
            "de la clica del mercado, llegaban cada lunes a su tienda a exigirle cien dolares.",
        ],
        "Pandilla 18",
        Role.PERSECUTOR,
    ),
    # a gang "de la colonia" still does what follows to the respondent
    (
        [
            _NOMBRE,
            "Que por esa razon los mareros de la colonia la consideraban una soplona.",
        ],
        "mareros",
        Role.PERSECUTOR,
    ),
    # a Spanish passive without its subject is done to the one the account is about
    (
        [
            _NOMBRE,
            "Durante un ano fue vigilada y fue golpeada por otros miembros de la pandilla",
            "que cuidaban la colonia.",
        ],
        "miembros de la pandilla",
        Role.PERSECUTOR,
    ),
    # ", que" opens a clause about the person before it
    (
        [
            _NOMBRE,
            'Relata que un hombre mayor, conocido como "el Tigre", que segun ella era el',
            "palabrero de la clica, le dijo que si no pagaba matarian a su padre.",
        ],
        "palabrero",
        Role.PERSECUTOR,
    ),
]

CASES += [
    # a FOIA privacy code stands where someone else's name was
    (
        [
            "Subject of record: PAZ MOLINA, Kevin (fictional)",
            "Agents saw the subject enter a car with (b)(6); (b)(7)(C), a documented",
            "Sureños associate and the target of a warrant.",
        ],
        "Sureños associate",
        Role.THIRD_PARTY,
    ),
    (
        [
            "Officer: (b)(6); (b)(7)(C)",
            "Subject is a suspected MS-13 associate per a partner agency.",
        ],
        "MS-13 associate",
        Role.SUBJECT,
    ),
    # the respondent's kin with an adjective between is still the kin
    (
        [_IN_RE, "The respondent's younger cousin was a gang member for years."],
        "gang member",
        Role.THIRD_PARTY,
    ),
]


@pytest.mark.parametrize(("lines", "text", "role"), CASES)
def test_the_role_is_read_from_the_exchange_and_the_clause(scan, lines, text, role):
    found = [d for d in scan([lines]).of("gang_label") if text.lower() in d.text.lower()]
    assert found, f"the detector did not find {text!r}"
    assert found[-1].role is role


def test_the_evaluee_and_the_complainant_are_the_respondent(scan):
    lines = [
        "INFORME PSICOLOGICO (ficticio)",
        "Se menciona a la evaluada como posible colaboradora de la MS-13 en un informe.",
    ]
    found = [d for d in scan([lines]).of("gang_label") if "colaboradora" in d.text.lower()]
    assert found and found[-1].role is Role.SUBJECT
