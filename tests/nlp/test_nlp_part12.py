"""Constructions corpus part 12 missed at its first score (eval/corpus/unseen.json), each written
as a general rule, and the traps beside them: a name given after "known to ... as", a name that
goes on after its "de" when its acronym spells it, the long last word of a crew's name used
alone, a state centre's name that goes on after "de Fusión", a label tied to "esa estructura",
and a law review's footnote mark glued to a period."""

from __future__ import annotations

import pytest


def _texts(result, category="gang_label"):
    return [d.text for d in result.of(category)]


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (
            [
                "FICTIONAL. He drove a minibus where a local clique of the 18th Street gang known",
                "to residents as Los Chacales de la Rivera demanded a weekly payment.",
            ],
            "Los Chacales de la Rivera",
        ),
        (
            [
                "FICTIONAL. Deputies arrested members of two MS-13 cliques. The crew, known on",
                "social media as the Ferry Lane Wolfpack, is not tied to any national gang.",
            ],
            "Ferry Lane Wolfpack",
        ),
        (
            [
                "FICTIONAL. La PNC investiga a la estructura criminal denominada Solo Locos de",
                "Villa Esperanza (SLVE), vinculada a la pandilla Barrio 18.",
            ],
            "Solo Locos de Villa Esperanza",
        ),
        (
            [
                "FICTIONAL. Los detenidos forman parte de la clica Colinas Locos Salvatrucha, una",
                "estructura de la MS-13. La Policía describe a uno de ellos como un miembro activo",
                "y sumamente peligroso de esa estructura.",
            ],
            "miembro activo y sumamente peligroso de esa estructura",
        ),
    ],
)
def test_names_and_labels_part_12_missed(scan, lines, expected):
    gangs = _texts(scan([lines]))
    assert any(expected in t for t in gangs), gangs


def test_a_crews_long_last_word_is_its_short_form(scan):
    gangs = _texts(
        scan(
            [
                [
                    "FICTIONAL. The crew, known on social media as the Ferry Lane Wolfpack, has",
                    "borrowed MS-13's hand signs. Detectives say the Wolfpack and the cliques",
                    "have traded gunfire since spring.",
                ]
            ]
        )
    )
    assert "Wolfpack" in gangs, gangs


def test_a_place_or_a_number_word_at_a_names_end_is_no_short_form(scan):
    gangs = _texts(
        scan(
            [
                [
                    "FICTIONAL. La PNC investiga a la estructura criminal denominada Solo Locos de",
                    "Villa Esperanza (SLVE), vinculada a la pandilla Barrio 18. Hubo allanamientos",
                    "en Villa Esperanza y en la colonia Dieciocho de Septiembre. Un detenido es",
                    "homeboy de la clica Colonia Libertad Locos Dieciocho (CLLD).",
                ]
            ]
        )
    )
    assert "Esperanza" not in gangs and "Dieciocho" not in gangs, gangs
    assert "SLVE" in gangs, gangs


def test_a_known_as_with_words_between_needs_a_gang_noun_before_it(scan):
    gangs = _texts(
        scan(
            [
                [
                    "FICTIONAL. MS-13 cliques were swept. The restaurant, known to residents as",
                    "the Harbor Grill, stayed open during the operation.",
                ]
            ]
        )
    )
    assert not any("Harbor" in t for t in gangs), gangs


def test_a_state_centres_name_after_de_fusion_and_its_acronym(scan):
    found = _texts(
        scan(
            [
                [
                    "FICTIONAL. El gobierno inauguró el Centro Estatal de Fusión e Inteligencia",
                    "para la Seguridad (CEFIS), donde trabajarán analistas. Según el secretario,",
                    "el CEFIS tendrá acceso a los registros de detenciones.",
                ]
            ]
        ),
        "fusion_center",
    )
    assert any(t.startswith("Centro Estatal de Fusión e Inteligencia") for t in found), found
    assert found.count("CEFIS") == 2, found


def test_a_footnote_mark_glued_to_a_period_leaves_the_reference_whole(scan):
    found = _texts(
        scan(
            [
                [
                    "FICTIONAL. The cable cited the border intelligence group that U.S. officials",
                    "have described as a fusion center.(45) The clinic asked for it.",
                ]
            ]
        ),
        "fusion_center",
    )
    assert found == ["fusion center"], found
