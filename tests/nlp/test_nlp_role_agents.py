"""Who a label is put on when the sentence names more than one person, on real PDFs by the real
pipeline: the one who names ("described by the applicant as"), the victim of a harm ("the men
who robbed him"), the agent of a passive ("approached by youths who identified themselves as
members of"), the antecedent of a relative clause holding the label, someone named by a title
or surname that is not the respondent's, "he" in the respondent's own account of a relative,
and the respondent's name carried from page 1 to page 2. Every sentence and name is
fictional."""

from __future__ import annotations

import pytest

from annotator.core.model import Role
from annotator.nlp.detect import RESPONDENT

_IN_RE = "In re: Rosa Maria ALVARADO QUEZADA (fictional)"
_DECLARATION = "DECLARATION OF Daniel RIVAS MEJIA (fictional)"

# (page lines, the reference's text, its role)
CASES = [
    # the one who puts the label on someone is not its holder
    (
        [
            _IN_RE,
            "Her cousin Wendy, who moved away in 2019, was described by the applicant",
            "as a gang member in her interview.",
        ],
        "gang member",
        Role.THIRD_PARTY,
    ),
    # the victim of a harm before the label is not its holder
    (
        [
            _IN_RE,
            "The men who robbed her were identified by witnesses as pandilleros",
            "from the sector.",
        ],
        "pandilleros",
        Role.PERSECUTOR,
    ),
    # people named as the agent of a passive done to the respondent are the assailants
    (
        [
            _IN_RE,
            "She was cornered twice near the market by young men who identified",
            "themselves as members of the Mara Salvatrucha.",
        ],
        "Mara Salvatrucha",
        Role.PERSECUTOR,
    ),
    (
        [
            _IN_RE,
            "She was approached by members of the clique known as the Mara Salvatrucha,",
            "who told her to pay.",
        ],
        "Mara Salvatrucha",
        Role.PERSECUTOR,
    ),
    # a label inside a relative clause is about the clause's antecedent
    (
        [
            "Nombre: Rosa Maria ALVARADO QUEZADA (ficticio)",
            "Se hace constar que un vecino del pasaje, Mario Esteban Luna, quien fue",
            "capturado en 2021 y segun la ficha policial es miembro activo de la MS-13,",
            "no estaba en su casa al momento de la inspeccion.",
        ],
        "miembro activo de la MS-13",
        Role.THIRD_PARTY,
    ),
    # someone named by a title and a surname, or surname first, who is not the respondent
    (
        [_IN_RE, "Mr. Pineda was later described in a court record as a gang member."],
        "gang member",
        Role.THIRD_PARTY,
    ),
    (
        [
            "Name: LOPEZ REYES, Daniel (fictional)",
            "1. ORTIZ, Brandon J., age 18, not a student.",
            "Ortiz is known to this officer as a member of the Sureños and was seen",
            "at the fence.",
        ],
        "member of the Sureños",
        Role.THIRD_PARTY,
    ),
    (
        [_IN_RE, "Mr. Pineda's arrest as an alleged marero postdates the separation."],
        "marero",
        Role.THIRD_PARTY,
    ),
    # ", asimismo, que" opens no relative clause: the brother-in-law stays the holder
    (
        [
            "Nombre: Rosa Maria ALVARADO QUEZADA (ficticio)",
            "Se hace constar, asimismo, que su cunado, Mario Esteban Luna, quien reside en",
            "Quezaltepeque, se encuentra registrado como miembro activo de la MS-13.",
        ],
        "miembro activo de la MS-13",
        Role.THIRD_PARTY,
    ),
    # an answer that only names the gang, after the page has told of the persecutor
    (
        [
            "Q: Why did you leave Honduras?",
            "A: Because the mareros in my colonia told me they would kill me.",
            "Q: Which group do you mean?",
            "A: The Mara Salvatrucha.",
        ],
        "Mara Salvatrucha",
        Role.PERSECUTOR,
    ),
    # "the gang members" again, put on nobody, after the persecutor
    (
        [
            _IN_RE,
            "In 2015 her father was shot and killed after the Barrio 18 demanded a weekly fee.",
            "Whether the gang members were also motivated by money does not matter.",
        ],
        "gang members",
        Role.PERSECUTOR,
    ),
    # "someone" of a gang is a particular other person; a gang's gathering place is general
    (
        [
            "Nombre: Kevin Armando SOSA LARA (ficticio)",
            "Ser pariente de alguien del Barrio 18 aumenta el riesgo para Kevin.",
        ],
        "Barrio 18",
        Role.THIRD_PARTY,
    ),
    (
        [
            "Name: LOPEZ REYES, Daniel (fictional).",
            "The rear lot is a known MS-13 gathering place.",
        ],
        "MS-13",
        Role.BACKGROUND,
    ),
    # "he" in the respondent's own account of a relative is the relative
    (
        [
            "DECLARATION OF ROSA MARIA ALVARADO QUEZADA (fictional)",
            "My uncle Ernesto lived with us when I was small. Later he moved to the",
            "capital and the newspapers said he was a member of the Mara Salvatrucha.",
        ],
        "member of the Mara Salvatrucha",
        Role.THIRD_PARTY,
    ),
    # an identifying verb whose object is a clause the gang opens labels no one: the gang is
    # the subject of its own verb, harm done to the respondent
    (
        [
            _DECLARATION,
            "The MS-13 controlled my neighborhood.",
            "6. I left El Salvador in May 2019 because I believed the gang would kill me.",
        ],
        "the gang",
        Role.PERSECUTOR,
    ),
    (
        [_DECLARATION, "I left because I believed that MS-13 would kill me."],
        "MS-13",
        Role.PERSECUTOR,
    ),
    (
        [
            _DECLARATION,
            "The MS-13 controlled my neighborhood.",
            "I considered the clique had threatened my family.",
        ],
        "the clique",
        Role.PERSECUTOR,
    ),
    (
        [_DECLARATION, "I believed gang members would later kill me."],
        "gang members",
        Role.PERSECUTOR,
    ),
    (
        [
            "DECLARACION DE Daniel RIVAS MEJIA (ficticio)",
            "La MS-13 controlaba mi colonia.",
            "Yo creia que la pandilla me mataria.",
        ],
        "la pandilla",
        Role.PERSECUTOR,
    ),
    # ... but the complement of the identifying verb is a label on the one it names
    (
        [_IN_RE, "The officer believed the subject to be a gang member."],
        "gang member",
        Role.SUBJECT,
    ),
    (
        [_IN_RE, "Officers believed him to be an MS-13 associate."],
        "MS-13 associate",
        Role.SUBJECT,
    ),
    (
        [_IN_RE, "The subject is believed to be a member of the gang."],
        "member of the gang",
        Role.SUBJECT,
    ),
    (
        [_IN_RE, "She was considered a gang member by the police."],
        "gang member",
        Role.SUBJECT,
    ),
]


@pytest.mark.parametrize(("lines", "text", "role"), CASES, ids=[f"{c[2]}-{c[1]}" for c in CASES])
def test_the_label_goes_to_its_holder(scan, lines, text, role):
    found = [d for d in scan([lines]).of("gang_label") if text.lower() in d.text.lower()]
    assert found, f"the detector did not find {text!r}"
    assert found[-1].role is role


_PAGE_2 = [
    "Si Kevin regresa a Honduras, enfrenta un riesgo alto de ser asesinado por",
    "la Mara Salvatrucha.",
]
_PAGE_1 = [
    "INFORME PERICIAL SOBRE LAS CONDICIONES DEL PAIS (documento ficticio)",
    "Nombre del solicitante: Kevin Armando SOSA LARA",
    "La perita fue contratada por la defensa para describir la situacion del pais.",
]


def test_the_respondents_name_is_carried_to_the_next_page(scan):
    pages = [_PAGE_1, _PAGE_2]
    found = [d for d in scan(pages).of("gang_label") if "Salvatrucha" in d.text]
    assert [d.role for d in found] == [Role.PERSECUTOR]
    alone = [d for d in scan([_PAGE_2]).of("gang_label") if "Salvatrucha" in d.text]
    assert [d.role for d in alone] == [Role.BACKGROUND]  # the name is what makes it his


def test_a_page_without_the_name_wants_it(detector, scan):
    page = scan([_PAGE_2]).pages[0][0]
    anchors: set[str] = set()
    wanted: set[str] = set()
    detector.detect_page(page, anchors, wanted)
    assert RESPONDENT in wanted
    named = scan([_PAGE_1]).pages[0][0]
    detector.detect_page(named, anchors, set())
    assert RESPONDENT in anchors and f"{RESPONDENT}:kevin" in anchors


def test_an_email_subject_line_is_no_name_to_carry(detector, scan):
    page = scan([["TO: WATCH DESK", "SUBJECT: GANG STATUS REQUEST - query for ICE"]]).pages[0][0]
    anchors: set[str] = set()
    detector.detect_page(page, anchors, set())
    assert not [a for a in anchors if a.startswith(RESPONDENT)]
