"""The role read in the voice a document is written in, on real PDFs by the real pipeline, in
English and Spanish: a relative's declaration (its "I" is the declarant, "my sister" is the
respondent), an evaluator's report naming the client after "Ms.", "she or her son", defendants
in the plural, a charge laid on someone else earlier in the sentence, a gang named again by a
short form, particular people ("three of the boys"), general prose ("a threat to public
safety"). Every sentence and name is
fictional."""

from __future__ import annotations

import pytest

from annotator.core.model import Role

_DECLARATION_ES = [
    "DECLARACION DE MARTA ELENA SOLIS PAZ EN APOYO DE LA SOLICITUD DE ASILO DE SU",
    "HERMANA, LUCIA BEATRIZ SOLIS PAZ (documento ficticio)",
    "Yo, Marta Elena Solis Paz, declaro bajo pena de perjurio lo siguiente.",
]
_DECLARATION_EN = [
    "DECLARATION OF OSCAR DANIEL REYES IN SUPPORT OF THE ASYLUM CLAIM OF HIS BROTHER",
    "(fictional document)",
    "I, Oscar Daniel Reyes, declare under penalty of perjury that I am the older brother",
    "of Tomas Ivan Reyes, the respondent.",
]

# (page lines, the reference's text, its role)
CASES = [
    # a relative's declaration: "my sister" is the respondent, "I" is someone else
    (
        [*_DECLARATION_ES, "Mi hermana nunca fue pandillera y trabajaba en una panaderia."],
        "pandillera",
        Role.SUBJECT,
    ),
    (
        [*_DECLARATION_ES, "Yo tampoco he sido nunca miembro de ninguna pandilla en Guatemala."],
        "miembro de ninguna pandilla",
        Role.THIRD_PARTY,
    ),
    (
        [*_DECLARATION_EN, "My brother was never a member of MS-13 and sold shoes at the market."],
        "member of MS-13",
        Role.SUBJECT,
    ),
    (
        [*_DECLARATION_EN, "I was never a member of MS-13 either; I drive a delivery truck."],
        "member of MS-13",
        Role.THIRD_PARTY,
    ),
    # an evaluator's report: the client's name after "Ms." and a coordinated "she or her son"
    (
        [
            "Client: Ms. Yesenia Araceli FUENTES MOLINA (fictional)",
            "Ms. Fuentes denied that she or her daughter had ever been involved with any gang.",
        ],
        "involved with any gang",
        Role.SUBJECT,
    ),
    (
        [
            "Solicitante: FUENTES MOLINA, Yesenia (ficticia)",
            "Declaro que ni ella ni su hija han tenido nunca vinculos con pandillas del sector.",
        ],
        "pandillas",
        Role.SUBJECT,
    ),
    # a court sentence: defendants in the plural are not the respondent
    (
        [
            "Es agraviada la denunciante, propietaria de una tienda (documento ficticio).",
            "El perito declaro que los imputados estan registrados como miembros de la MS-13.",
        ],
        "miembros de la MS-13",
        Role.THIRD_PARTY,
    ),
    # a relative's own story is not a relative's declaration: "I" stays the respondent
    (
        [
            "DECLARATION OF NORMA ISABEL CRUZ IN SUPPORT OF HER APPLICATION FOR ASYLUM",
            "I, Norma Isabel Cruz, declare as follows. My uncle, Julio Cruz, drove a taxi.",
            "I was never a member of Barrio 18 and I sold tamales at the bus terminal.",
        ],
        "member of Barrio 18",
        Role.SUBJECT,
    ),
    # a gang named again by a short form keeps the persecutor role it had on the page
    (
        [
            "Client: Mr. Wilfredo ARIAS LEMUS (fictional)",
            "Mr. Arias reported that members of the Mara Salvatrucha beat him outside his shop.",
            "He said he never went to the police because the officers work for the mara.",
        ],
        "the mara",
        Role.PERSECUTOR,
    ),
    (
        [
            "Solicitante: ARIAS LEMUS, Wilfredo (ficticio)",
            "El solicitante refirio que la pandilla Barrio 18 lo golpeo frente a su negocio.",
            "Dijo que ella no denuncio porque los policias le pasan todo al Barrio 18.",
        ],
        "Barrio 18",
        Role.PERSECUTOR,
    ),
    # particular people ("three of the boys") and harm ("a pistol to his head")
    (
        [
            "Respondent: ARIAS LEMUS, Wilfredo (fictional)",
            "He testified that three of the boys in the choir were former members of MS-13.",
        ],
        "members of MS-13",
        Role.THIRD_PARTY,
    ),
    (
        [
            "Respondent: ARIAS LEMUS, Wilfredo (fictional)",
            "The respondent was stopped on the road by members of Barrio 18, who put a pistol to",
            "his chest and told him to leave the town.",
        ],
        "Barrio 18",
        Role.PERSECUTOR,
    ),
    # "a threat to public safety" is general prose, not harm
    (
        [
            "Respondent: ARIAS LEMUS, Wilfredo (fictional).",
            "Under agency guidance, known gang members may be considered a threat to public",
            "safety.",
        ],
        "gang members",
        Role.BACKGROUND,
    ),
    # a database harms no one: a query of it that names the subject is the subject's entry
    (
        [
            "Subject: PINTO LARA, Edwin (fictional)",
            "A query of the CalGang database returned no record for the subject.",
        ],
        "CalGang",
        Role.SUBJECT,
    ),
    # a court's two findings: the defendants' membership, then what they did to the victim
    (
        [
            "SENTENCIA (documento ficticio)",
            "El Tribunal da por probado que los imputados pertenecen a la Mara Salvatrucha y que,",
            "de comun acuerdo, amenazaron a la victima para cobrarle la renta.",
        ],
        "Mara Salvatrucha",
        Role.THIRD_PARTY,
    ),
    # someone named in full earlier on the page, then by the given name alone
    (
        [
            "Solicitante: CARCAMO RUIZ, Delmy (ficticia)",
            "Refirio que su vecino, Anibal FUNES TORRES, fue detenido por la policia en 2022.",
            "Aclaro que Anibal vende frutas, que nunca ha sido pandillero y que lo soltaron.",
        ],
        "pandillero",
        Role.THIRD_PARTY,
    ),
    (
        [
            "Applicant: CARCAMO RUIZ, Delmy (fictional)",
            "She stated that her neighbor, Anibal FUNES TORRES, was arrested by police in 2022.",
            "She said Anibal sells fruit and has never been a gang member.",
        ],
        "gang member",
        Role.THIRD_PARTY,
    ),
    # a charge laid on someone else, far before the gang that acts against the respondent
    (
        [
            "Solicitante: ROSALES PINEDA, Karla (ficticia)",
            "Refirio que su esposo fue detenido por la policia, acusado de robo en una tienda de",
            "la colonia, y que a partir de ese dia los Vatos Locos la amenazaron de muerte.",
        ],
        "Vatos Locos",
        Role.PERSECUTOR,
    ),
]


@pytest.mark.parametrize(("lines", "text", "role"), CASES, ids=[f"{c[2]}-{c[1]}" for c in CASES])
def test_the_role_follows_the_voice(scan, lines, text, role):
    found = [d for d in scan([lines]).of("gang_label") if text.lower() in d.text.lower()]
    assert found, f"the detector did not find {text!r}"
    assert found[-1].role is role
