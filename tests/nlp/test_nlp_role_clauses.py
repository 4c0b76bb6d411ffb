"""The role read from the grammar around a reference, on real PDFs by the real pipeline, in
English and Spanish: negated and relative clauses, a database described in general, a complaint
the respondent filed against the gang, someone else identified, a gang's mark and its owner, and
an author's own words. Every sentence is fictional."""

from __future__ import annotations

import pytest

from annotator.core.model import Role

# (page lines, the reference's text, its role)
CASES = [
    # an adverb or a negation before the copula still ties the label to its holder
    (
        [
            "Name: PAREDES SOTO, Luis",
            "PAREDES stated that he has never been a member of Barrio 18 and that he knew the",
            "driver only from church.",
        ],
        "member of Barrio 18",
        Role.SUBJECT,
    ),
    (
        [
            "Nombre: TUM XOL, Rosa Elvira",
            "La solicitante manifestó que nunca ha sido integrante de la pandilla 18 y le",
            "dijo al oficial que vende pupusas en el mercado.",
        ],
        "integrante de la pandilla 18",
        Role.SUBJECT,
    ),
    # "who" / "quien" after a person and a comma: the label is that person's
    (
        [
            "Applicant: TUM XOL, Rosa",
            "Her former partner, Nelson ARIAS, who has been a member of MS-13 since 2015, told",
            "her last year that the clique would kill her if she left.",
        ],
        "member of MS-13",
        Role.THIRD_PARTY,
    ),
    (
        [
            "Solicitante: TUM XOL, Rosa",
            "Declaró que su cuñado, Wilmer PAZ, quien es miembro de la pandilla 18 desde 2019,",
            "y que él le dijo que la clica la iba a matar si denunciaba.",
        ],
        "miembro de la pandilla 18",
        Role.THIRD_PARTY,
    ),
    # a database described, with an entry only in another clause: background
    (
        ["Note: CalGang is a shared intelligence system; an entry is not proof of membership."],
        "CalGang",
        Role.BACKGROUND,
    ),
    # a complaint the respondent filed against the gang, for a crime the gang committed
    (
        [
            "Denunciante: CHÁVEZ ORTIZ, Marta Lidia",
            "Se verificó la denuncia interpuesta por CHÁVEZ ORTIZ contra pandilleros de la",
            "MS-13 por el delito de extorsión.",
        ],
        "pandilleros de la MS-13",
        Role.PERSECUTOR,
    ),
    (
        [
            "Name: ORTIZ, Marta",
            "The report filed by ORTIZ against MS-13 members for the crime of extortion was",
            "verified by the detective.",
        ],
        "MS-13 members",
        Role.PERSECUTOR,
    ),
    # identifying words that follow someone else label that person
    (
        [
            "Imputado: LÓPEZ RAMOS, Kevin",
            'Fue detenido junto a Brayan Omar CRUZ, alias "el Gato", conocido en la colonia',
            "como gatillero de la pandilla 18.",
        ],
        "pandilla 18",
        Role.THIRD_PARTY,
    ),
    (
        [
            "Arrestee: DIAZ LEMUS, Mario",
            'Officers also detained Josue Adan PINEDA, alias "Flaco", known on the street as a',
            "runner for MS-13.",
        ],
        "MS-13",
        Role.THIRD_PARTY,
    ),
    # a kin word with an adjective after it, then the kin's name
    (
        [
            "Nombre: GIRÓN MEJÍA, Ana",
            "Agregó que su primo mayor, Julio GIRÓN MEJÍA, es miembro de la MS-13 y vive en",
            "Soyapango.",
        ],
        "miembro de la MS-13",
        Role.THIRD_PARTY,
    ),
    # a gang's mark labels its owner
    (
        [
            "DECLARATION OF ROSA TUM",
            "At the airport an officer asked me whether the tattoo on my wrist was MS-13; it is",
            "my daughter's name.",
        ],
        "MS-13",
        Role.SUBJECT,
    ),
    (
        [
            "DECLARACIÓN DE ROSA TUM",
            "En la frontera me preguntaron si el tatuaje de mi cuello era de la Mara Salvatrucha;",
            "es el nombre de mi madre.",
        ],
        "Mara Salvatrucha",
        Role.SUBJECT,
    ),
    (
        ["El informe agrega que el tatuaje de su hermano es un símbolo de la pandilla 18."],
        "pandilla 18",
        Role.THIRD_PARTY,
    ),
    (
        ["The report adds that the tattoo of his cousin is a Barrio 18 symbol."],
        "Barrio 18",
        Role.THIRD_PARTY,
    ),
    # an author's "my training" is no one's story: a gang's symbols in general are background
    (
        ["In my training the number 13 is associated with the Mara Salvatrucha."],
        "Mara Salvatrucha",
        Role.BACKGROUND,
    ),
    (
        ["En mi experiencia, los colores azul y blanco son símbolos de la MS-13."],
        "MS-13",
        Role.BACKGROUND,
    ),
]


@pytest.mark.parametrize(("lines", "text", "role"), CASES, ids=[f"{c[2]}-{c[1]}" for c in CASES])
def test_the_role_follows_the_grammar(scan, lines, text, role):
    found = [d for d in scan([lines]).of("gang_label") if text.lower() in d.text.lower()]
    assert found, f"the detector did not find {text!r}"
    assert found[0].role is role
