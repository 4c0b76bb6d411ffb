"""Constructions of the corpus's long tail of gang_label misses, each written as a general rule,
and the traps beside them (an army, a song, an island, streets, teams, shops, a school test, an
agency's system): a rank linked to the acronym a text gave a clique, 'la letra' for MS-13,
'jainas', names listed before 'and other cliques', a name that extorts or that a band is allied
with, an acronym that 'stands for' a gang, and a gang database's acronym given without
brackets."""

from __future__ import annotations

import pytest


def _texts(result, category="gang_label"):
    return [d.text for d in result.of(category)]


def test_a_rank_before_a_cliques_acronym(scan):
    """Once the text gives a clique its acronym, a rank or membership word joined to the acronym
    is a label as it is joined to the name: '"soldado de la CFLS"'."""
    gangs = _texts(
        scan(
            [
                [
                    "FICTIONAL. La clica Confianza Locos Salvatrucha (CFLS) cobra renta en la",
                    'colonia. El cobrador se identificó como "soldado de la CFLS"; otro, como',
                    "miembro activo de la CFLS.",
                ]
            ]
        )
    )
    assert "soldado de la CFLS" in gangs, gangs
    assert "miembro activo de la CFLS" in gangs, gangs


def test_no_rank_before_an_institutions_acronym(scan):
    """An acronym the text gave no gang links nothing: the army's, the UN's."""
    gangs = _texts(
        scan(
            [
                [
                    "FICTIONAL. La clica Confianza Locos Salvatrucha (CFLS) cobra renta. Un",
                    "soldado de la FAES patrullaba la zona con un miembro de la ONU.",
                ]
            ]
        )
    )
    assert not any("FAES" in t or "ONU" in t or "soldado" in t for t in gangs), gangs


def test_la_letra_for_ms13_beside_gang_words(scan):
    """'la letra' is MS-13 as people call it, with gang words close by."""
    gangs = _texts(
        scan(
            [
                [
                    "FICTIONAL. Al Barrio 18 se le llama el número, mientras que a la Mara",
                    'Salvatrucha se le llama "la letra". Dos deportadas fueron amenazadas por la',
                    "pandilla y por la letra antes de emigrar.",
                ]
            ]
        )
    )
    assert gangs.count("la letra") == 2, gangs


def test_la_letra_of_a_text_a_song_or_a_mark(scan):
    """A letter of a law, a song or a wall is no gang, however close the gang words."""
    gangs = _texts(
        scan(
            [
                [
                    "FICTIONAL. En la casa de los pandilleros había una pared con el número 18",
                    "junto a la letra M. La pandilla obligaba a cantar la letra del himno. El",
                    "juez aplicó al pie de la letra la ley contra las maras; la letra b) del",
                    "artículo 2 habla de pandillas.",
                ]
            ]
        )
    )
    assert not any("letra" in t for t in gangs), gangs


def test_jainas_a_members_partners_in_a_gang_file(scan):
    """'jaina' in small letters is gang slang for a member's partner, listed in police files."""
    gangs = _texts(
        scan(
            [
                [
                    "FICTIONAL. Fueron detenidas por ser compañeras de palabreros; en las actas se",
                    'les describe como "jainas de la Revolucionaria".',
                ]
            ]
        )
    )
    assert "jainas" in gangs, gangs


def test_jaina_the_island_is_no_label(scan):
    """The island of Jaina and its figurines are capitalised: no label, even in a gang file."""
    gangs = _texts(
        scan(
            [
                [
                    "FICTIONAL. Los pandilleros de la clica robaron del museo tres figurillas de",
                    "Jaina, la isla de Campeche.",
                ]
            ]
        )
    )
    assert not any("Jaina" in t for t in gangs), gangs


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (
            [
                "FICTIONAL. The gang injunction targeted Avenues 43, Avenue 57 and other cliques",
                "of the Avenues gang, which police said controlled streets north of the river.",
            ],
            ["Avenues 43", "Avenue 57"],
        ),
        (
            [
                "FICTIONAL. La Fiscalía acusó a los pandilleros detenidos. En la zona operan Los",
                "Chirizos, Los Tercos y otras pandillas de la capital.",
            ],
            ["Los Chirizos", "Los Tercos"],
        ),
    ],
)
def test_names_listed_before_and_other_cliques(scan, lines, expected):
    """Names a sentence lists before 'and other cliques', 'y otras pandillas', in a document
    that speaks of gangs."""
    gangs = _texts(scan([lines]))
    for name in expected:
        assert name in gangs, gangs


@pytest.mark.parametrize(
    ("lines", "not_found"),
    [
        (
            [
                "FICTIONAL. The gang task force met. The Sheriff, the FBI and other gang units",
                "shared files. He lives at 12 Avenue 57 and other streets nearby.",
            ],
            ["Sheriff", "FBI", "Avenue 57"],
        ),
        (
            [
                "FICTIONAL. After the gang shooting, Fire, EMS and other crews responded. The",
                "Lakers, the Clippers and other teams of the league held a vigil.",
            ],
            ["Fire", "EMS", "Lakers", "Clippers"],
        ),
        (
            [
                "FICTIONAL. Los pandilleros cobraban renta. Vende en Walmart, La Colonia y otras",
                "tiendas de la capital.",
            ],
            ["Walmart", "Colonia"],
        ),
    ],
)
def test_no_names_listed_before_other_units_streets_crews_or_shops(scan, lines, not_found):
    gangs = _texts(scan([lines]))
    assert not any(w in t for t in gangs for w in not_found), gangs


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (
            [
                "FICTIONAL. Los deportados eran pandilleros, según la PNC. \"Los Demons cobraban",
                'hasta 500 quetzales semanales a cada tienda", afirmó el portavoz.',
            ],
            "Los Demons",
        ),
        (
            [
                "FICTIONAL. Los pandilleros detenidos integraban el combo de La Cañada, una",
                "banda de Medellín aliada con la Oficina del Valle, según la Policía.",
            ],
            "la Oficina del Valle",
        ),
    ],
)
def test_a_name_that_extorts_or_a_gang_is_allied_with(scan, lines, expected):
    """A name with a Spanish article as the subject of extortion ('Los Demons cobraban'), or
    the one a band is allied with ('una banda aliada con la Oficina del Valle')."""
    gangs = _texts(scan([lines]))
    assert expected in gangs, gangs


@pytest.mark.parametrize(
    ("lines", "not_found"),
    [
        (
            [
                "FICTIONAL. Los pandilleros fueron capturados. Los Pumas cobraban la entrada",
                "al estadio; Los Agentes cobraban sus sueldos en el banco.",
            ],
            ["Pumas", "Agentes"],
        ),
        (
            [
                "FICTIONAL. Las pandillas preocupan al Gobierno, aliado de Estados Unidos, y a",
                "la banda de música, aliada con la Orquesta Sinfónica, que tocó en el estadio.",
            ],
            ["Estados", "Orquesta"],
        ),
    ],
)
def test_no_name_for_a_team_an_office_a_country_or_an_orchestra(scan, lines, not_found):
    gangs = _texts(scan([lines]))
    assert not any(w in t for t in gangs for w in not_found), gangs


def test_an_acronym_a_text_says_stands_for_a_gang(scan):
    """'"BSV" stands for "Brookside Varrio," a neighborhood gang': the acronym is the gang's,
    there and wherever else it stands."""
    gangs = _texts(
        scan(
            [
                [
                    'FICTIONAL. The letters "BSV" were crossed out on the wall. Campus staff',
                    'advised that "BSV" stands for "Brookside Varrio," a neighborhood gang from',
                    "the other side of Route 30.",
                ]
            ]
        )
    )
    assert gangs.count("BSV") == 2, gangs


def test_an_acronym_standing_for_no_gang_is_no_gang(scan):
    """What an acronym stands for must itself be found as a gang: the SAT is a test, and the
    counselor's ELL is a programme's."""
    gangs = _texts(
        scan(
            [
                [
                    "FICTIONAL. Two gang members took the SAT. The SAT stands for Scholastic",
                    "Aptitude Test; the school counselor said ELL means English Language Learner.",
                ]
            ]
        )
    )
    assert not any(a in gangs for a in ("SAT", "ELL")), gangs


def test_a_gang_databases_acronym_introduced_without_brackets(scan):
    """'SGIX, as the shared database is known, ...' near gang words: the acronym, and again."""
    found = scan(
        [
            [
                "FICTIONAL. SGIX, as the shared database is known, was built in 2016 so that 41",
                "police agencies could pool what their gang units knew. A lawyer has seen SGIX",
                "printouts in four bond hearings.",
            ]
        ]
    )
    assert _texts(found).count("SGIX") == 2, _texts(found)


def test_an_agencys_own_system_introduced_so_is_no_gang_database(scan):
    """'CJIS, as the FBI system is known': an agency's system, however close the gang words."""
    gangs = _texts(
        scan(
            [
                [
                    "FICTIONAL. CJIS, as the FBI system is known, holds the fingerprints of gang",
                    "members and of everyone else. KIPP, as the charter school network is known,",
                    "runs a gang prevention class.",
                ]
            ]
        )
    )
    assert not any(a in t for t in gangs for a in ("CJIS", "KIPP")), gangs
