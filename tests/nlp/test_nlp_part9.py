"""Constructions corpus part 9 missed at its first score (eval/corpus/unseen.json), each written
as a general rule, and the traps beside them: clique names known from the words around them,
their short forms and initials, Spanish-press forms, and acronyms introduced in other ways."""

from __future__ import annotations

import pytest

INFERRED = "gang_name_inferred"


def _gangs(result):
    return [d.text for d in result.of("gang_label")]


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (
            [
                "FICTIONAL. Police saw him with members of a local clique of Mara Salvatrucha",
                "known as Olneyville Criminales.",
            ],
            "Olneyville Criminales",
        ),
        (
            [
                "FICTIONAL. He killed a member of a rival crew, a group tied to the 18th Street",
                "gang that prosecutors call the Vagos de Islip.",
            ],
            "the Vagos de Islip",
        ),
        (["FICTIONAL. The gang's victim was a member of a rival crew."], "rival crew"),
        (
            ['FICTIONAL. Court papers call him one of the clique\'s "soldiers" in Santa Tecla.'],
            "soldiers",
        ),
        (
            ["FICTIONAL. He collected rent for the clique and did crimes for a violent gang, too."],
            "a violent gang",
        ),
        (
            [
                "FICTIONAL. Her I-213 says she is affiliated with the Barrio 18 structure El",
                "Mezquital Rebeldes according to foreign partner information.",
            ],
            "El Mezquital Rebeldes",
        ),
        (
            [
                "FICTIONAL. Client reports the Chamelecón group extorted his mother's stall; the",
                "gang is the persecutor.",
            ],
            "Chamelecón",
        ),
        (
            [
                "FICTIONAL. Según la Policía, los tres pertenecían a la cancha de Los Tamarindos",
                "y tenían ficha como miembros de la pandilla.",
            ],
            "Los Tamarindos",
        ),
        (
            [
                "FICTIONAL. Se integró a una estructura local de la pandilla conocida como los",
                "Malditos del Bordo.",
            ],
            "la pandilla",
        ),
        (
            [
                'FICTIONAL. Dan 10 puntos para "miembro verificado" de pandillas y 6 para',
                '"asociado verificado".',
            ],
            "asociado verificado",
        ),
        (
            [
                "FICTIONAL. He did not know he was in the Statewide Gang Intelligence Exchange",
                "until his bond hearing.",
            ],
            "Statewide Gang Intelligence Exchange",
        ),
    ],
)
def test_names_and_labels_known_from_the_words_around_them(scan, lines, expected):
    gangs = _gangs(scan([lines]))
    assert any(expected in t for t in gangs), gangs


def test_a_cliques_short_form_recurs_by_its_first_word(scan):
    result = scan(
        [
            [
                "FICTIONAL. The indictment names Centrales Salvatrucha, a clique of MS-13, and a",
                "crew tied to the 18th Street gang that prosecutors call the Vagos de Islip.",
            ],
            [
                "FICTIONAL. The leader of the Centrales was held without bail. Prosecutors said",
                "the Vagos had not been charged in the gang case.",
            ],
        ]
    )
    later = [d.text for d in result.pages[1][1] if d.category.value == "gang_label"]
    assert any("Centrales" in t for t in later), later
    assert any("Vagos" in t for t in later), later


def test_a_name_the_text_says_a_clique_goes_by_recurs_by_its_last_word(scan):
    result = scan(
        [
            [
                "FICTIONAL. She was described as affiliated with the Barrio 18 structure El",
                "Mezquital Rebeldes. She had reported that the Rebeldes extorted her stand.",
            ]
        ]
    )
    assert sum("Rebeldes" in t for t in _gangs(result)) == 2, _gangs(result)


def test_two_letters_of_a_name_count_only_after_a_word_of_membership(scan):
    result = scan(
        [
            [
                "FICTIONAL. Officers believed them to be members of a local clique of Mara",
                "Salvatrucha known as Olneyville Criminales. A printout called him",
                '"affiliated with OC," the abbreviation for the clique. He moved from OC to',
                "Providence in 2015.",
            ]
        ]
    )
    ocs = [d for d in result.of("gang_label") if d.text == "OC"]
    assert len(ocs) == 1, _gangs(result)
    assert "affiliated with" in ocs[0].sentence


def test_a_records_acronym_spells_its_own_name_after_the_place(scan):
    result = scan(
        [
            [
                "FICTIONAL. The Nevada Gang Intelligence Records System (GIRS), a gang database,",
                "held 16,902 entries. The SNCTC could not say how many GIRS entries it sent.",
            ]
        ]
    )
    assert _gangs(result).count("GIRS") == 2, _gangs(result)


@pytest.mark.parametrize(
    ("lines", "category", "acronym"),
    [
        (
            [
                "FICTIONAL. Lo ubicó el Centro de Información Antiterrorista de Arizona (ACTIC,",
                "por sus siglas en inglés), que comparte boletines. El ACTIC no respondió.",
            ],
            "fusion_center",
            "ACTIC",
        ),
        (
            [
                "FICTIONAL. The indictments came from the Piedmont Regional Intelligence Exchange",
                "(PRIX), the region's fusion center. PRIX analysts wrote the report.",
            ],
            "fusion_center",
            "PRIX",
        ),
        (
            [
                "FICTIONAL. Central American requests for Red Notices, or RNs as you call them,",
                "have tripled. Judges treat RNs as proof of a crime.",
            ],
            "red_notice",
            "RNs",
        ),
    ],
)
def test_acronyms_introduced_with_a_note_an_ex_word_or_an_or(scan, lines, category, acronym):
    result = scan([lines])
    texts = [d.text for d in result.of(category)]
    assert texts.count(acronym) == 2, texts
    if category == "fusion_center":
        assert any(t.startswith("Centro") or t.startswith("Piedmont") for t in texts), texts


@pytest.mark.parametrize(
    ("lines", "not_found"),
    [
        (
            [
                'FICTIONAL. Esa clica de la pandilla "mantiene presencia en el corredor de',
                'Meridian Street", dijo la Policía.',
            ],
            "Meridian",
        ),
        (["FICTIONAL. The GEO Group operates the center where the gang members were held."], "GEO"),
        (["FICTIONAL. A member of the camera crew filmed the gang unit's raid."], "crew"),
        (
            [
                "FICTIONAL. El torneo se juega en la cancha de Los Pinos los domingos; la",
                "pandilla no llega.",
            ],
            "Pinos",
        ),
        (
            [
                "FICTIONAL. The gang members were held in a cell of the county jail known as",
                "Building Four.",
            ],
            "Building",
        ),
        (
            ["FICTIONAL. Gang members joined the Gang Violence Prevention Network's summit."],
            "Network",
        ),
    ],
)
def test_corridors_firms_film_crews_pitches_and_programmes_are_not_gangs(scan, lines, not_found):
    gangs = _gangs(scan([lines]))
    assert not any(not_found in t for t in gangs), gangs
