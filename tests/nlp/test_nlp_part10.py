"""Constructions corpus part 10 missed at its first score (eval/corpus/unseen.json), each written
as a general rule, and the traps beside them: a name a group gives itself, short forms of a
clique and a set, status words before a clique's initials, a record named for group violence,
Spanish-press forms, and acronyms of centres given without brackets or never introduced."""

from __future__ import annotations

import pytest


def _texts(result, category="gang_label"):
    return [d.text for d in result.of(category)]


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (
            [
                "FICTIONAL. The indictment describes two groups. The larger one, which calls",
                "itself the Nolensville 400, is accused of shootings; MS-13 sold it guns.",
            ],
            "Nolensville 400",
        ),
        (
            [
                'FICTIONAL. He is accused of being "a high-ranking and violent member of the',
                'Locos" who ordered a beating, prosecutors of the MS-13 case said.',
            ],
            "Locos",
        ),
        (
            [
                "FICTIONAL. Fresno records used local set names such as \"F-14\" without",
                "describing them; officials said that the Bulldogs are the largest local gang.",
            ],
            "F-14",
        ),
        (
            [
                "FICTIONAL. Fresno officials said the Bulldogs are the largest local gang in",
                "the county.",
            ],
            "Bulldogs",
        ),
        (
            [
                'FICTIONAL. Most young men he knows who were "tagged as gang" in Boston had',
                "never been in a clique at all.",
            ],
            "tagged as gang",
        ),
        (
            [
                "FICTIONAL. The referral cites a field interview in which the Subject was in the",
                "company of two documented PVLS members, a clique of MS-13.",
            ],
            "documented PVLS members",
        ),
        (
            [
                "FICTIONAL. The records that remain are in what we now call the Group Violence",
                "Intelligence File. A person has to be linked to an act of violence.",
            ],
            "Group Violence Intelligence File",
        ),
        (['FICTIONAL. In 12 records the gang field read "unknown gang."'], "unknown gang"),
        (
            [
                "FICTIONAL. Operan células de la Mara Salvatrucha y del Barrio 18, conocidos aquí",
                'como "la trece" y "la dieciocho".',
            ],
            "la trece",
        ),
        (
            [
                "FICTIONAL. La banda extorsionaba a comerciantes de Villa Nueva y se presentaba",
                'ante las víctimas como "gente del Barrio" sin formar parte de la pandilla.',
            ],
            "Barrio",
        ),
        (
            [
                'FICTIONAL. La Policía ha detectado grupos de "imitadores", personas que se hacen',
                "pasar por pandilleros para exigir dinero por teléfono.",
            ],
            "imitadores",
        ),
    ],
)
def test_names_and_labels_part_10_missed(scan, lines, expected):
    gangs = _texts(scan([lines]))
    assert any(expected in t for t in gangs), gangs


@pytest.mark.parametrize(
    ("lines", "acronym", "name"),
    [
        (
            [
                "FICTIONAL. La información fue analizada en el Centro de Fusión de Información",
                "Regional (Cefir) que el Ministerio inauguró en 2024.",
            ],
            "Cefir",
            "Centro de Fusión",
        ),
        (
            [
                "FICTIONAL. El Centro de Fusión de Inteligencia de la Secretaría de Seguridad,",
                "conocido como CFI, recibió antecedentes. El CFI no respondió.",
            ],
            "CFI",
            "Centro de Fusión de Inteligencia",
        ),
        (
            [
                "FICTIONAL. Let me ask about the Commonwealth Fusion Center in Maynard. The State",
                "Police said the CFC holds no gang lists. Yet a bulletin stamped by the CFC names",
                "fourteen students.",
            ],
            "CFC",
            "Commonwealth Fusion Center",
        ),
    ],
)
def test_a_centres_acronym_titled_called_or_never_introduced(scan, lines, acronym, name):
    found = _texts(scan([lines]), "fusion_center")
    assert any(name in t for t in found), found
    assert acronym in found, found
    if acronym != "Cefir":
        assert found.count(acronym) == 2, found


def test_a_centres_initials_found_on_a_later_page(scan):
    result = scan(
        [
            ["FICTIONAL. The Commonwealth Fusion Center in Maynard shares bulletins with ICE."],
            ["FICTIONAL. A 2022 bulletin stamped by the CFC named fourteen students."],
        ]
    )
    later = [d.text for d in result.pages[1][1] if d.category.value == "fusion_center"]
    assert later == ["CFC"], later


@pytest.mark.parametrize(
    ("lines", "category", "not_found"),
    [
        (
            [
                "FICTIONAL. ERO removed a Salvadoran national wanted for membership in MS-13,",
                "Nov. 14. He was turned over to the PNC.",
            ],
            "gang_label",
            "Nov",
        ),
        (
            [
                "FICTIONAL. El expediente fue enviado por la Dirección Policial Anti Maras y",
                "Pandillas contra el Crimen Organizado (DIPAMPCO) bajo el programa SAFE.",
            ],
            "gang_label",
            "Maras",
        ),
        (
            [
                "FICTIONAL. La PNC pidió denunciar extorsiones. El Ministerio hará difusión de",
                "las fotografías de otros 15 prófugos buscados en el área metropolitana.",
            ],
            "red_notice",
            "difusión",
        ),
        (
            [
                "FICTIONAL. Several names on the gang list are of students. Two play in a",
                "conjunto band that calls itself Los Vatos del Rancho.",
            ],
            "gang_label",
            "Vatos",
        ),
        (
            [
                "FICTIONAL. The city's Group Violence Intervention program meets gang members",
                "every month.",
            ],
            "gang_label",
            "Intervention",
        ),
        (
            ["FICTIONAL. The museum restored an F-14 Tomcat flown by the Navy in the 1980s."],
            "gang_label",
            "F-14",
        ),
        (
            [
                "FICTIONAL. Los pandilleros fueron capturados en la colonia. Los vecinos del",
                "Barrio San Jacinto denunciaron extorsiones.",
            ],
            "gang_label",
            "San Jacinto",
        ),
    ],
)
def test_traps_beside_the_part_10_rules(scan, lines, category, not_found):
    found = _texts(scan([lines]), category)
    assert not any(not_found in t for t in found), found


def test_a_short_center_name_gives_no_initials(scan):
    """Two capitalised words make no acronym: "the Fusion Center ... FC" is not taken."""
    result = scan(
        [
            [
                "FICTIONAL. Analysts at the State Fusion Center wrote it. The FC squad of the",
                "school plays on Fridays.",
            ]
        ]
    )
    assert "FC" not in _texts(result, "fusion_center"), _texts(result, "fusion_center")


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (
            [
                "FICTIONAL. Prosecutors said the Latin Kings worked with a crew from Bridgeport's",
                "East Side known as the Sixty Side Goons.",
            ],
            "Sixty Side Goons",
        ),
        (
            [
                "FICTIONAL. Capturan a pandilleros de una clica de Soyapango conocida como Los",
                "Olvidados, dijo la PNC.",
            ],
            "Los Olvidados",
        ),
        (
            [
                "FICTIONAL. The gang members met a group from Boston College known as the Eagles",
                "for a game.",
            ],
            None,
        ),
    ],
)
def test_a_place_between_the_group_and_its_name(scan, lines, expected):
    """Part 11's miss: the place a crew is from stands between the noun and 'known as'."""
    gangs = _texts(scan([lines]))
    if expected is None:
        assert not any("Eagles" in t for t in gangs), gangs
    else:
        assert any(expected in t for t in gangs), gangs


@pytest.mark.parametrize(
    ("lines", "acronym"),
    [
        (
            [
                "FICTIONAL. Analytical support came from the Connecticut Intelligence Center",
                "(CTIC), the state's designated fusion center. CTIC analysts wrote the report.",
            ],
            "CTIC",
        ),
        (
            [
                "FICTIONAL. A sergeant sent the list to the Southwest Texas Fusion Center (SWTFC)",
                "in San Antonio. The SWTFC said it keeps no gang database.",
            ],
            "SWTFC",
        ),
    ],
)
def test_a_centres_acronym_may_take_a_postal_code_or_a_compass_word(scan, lines, acronym):
    """Part 11's and part 5's misses: "CTIC" for the Connecticut Intelligence Center (CT + I +
    C), "SWTFC" for the Southwest Texas Fusion Center (SW + T + F + C)."""
    found = _texts(scan([lines]), "fusion_center")
    assert found.count(acronym) == 2, found


def test_a_postal_code_makes_no_acronym_of_other_letters(scan):
    result = scan(
        [
            [
                "FICTIONAL. The Connecticut Intelligence Center (NYPD) held no file on him.",
            ]
        ]
    )
    assert "NYPD" not in _texts(result, "fusion_center"), _texts(result, "fusion_center")
