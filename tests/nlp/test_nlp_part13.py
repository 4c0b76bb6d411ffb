"""Constructions corpus part 13 missed at its first score (eval/corpus/unseen.json), each written
as a general rule, and the traps beside them: an acronym given after "which ... call", a centre
named by a list of what it fuses, "refer to as", an introduced acronym near a shop's words, a
label tied to "that crew" or "la misma estructura", and a discourse word before "a gang"."""

from __future__ import annotations

import pytest


def _texts(result, category="gang_label"):
    return [d.text for d in result.of(category)]


def test_an_acronym_given_after_which_you_call(scan):
    found = _texts(
        scan(
            [
                [
                    "FICTIONAL. Our first witness directs the Tri-River Regional Intelligence",
                    'Center, which I understand you call "TRIC." Director, does TRIC keep a gang',
                    "database? TRIC hosts a query portal.",
                ]
            ]
        ),
        "fusion_center",
    )
    assert found.count("TRIC") == 3, found


def test_a_centre_named_by_a_list_of_what_it_fuses(scan):
    found = _texts(
        scan(
            [
                [
                    "FICTIONAL. La gobernadora inauguró el Centro Estatal de Fusión, Inteligencia",
                    "y Análisis (CEFIA). Los análisis del CEFIA vinculan a varias pandillas.",
                ]
            ]
        ),
        "fusion_center",
    )
    assert any(t.endswith("Inteligencia y Análisis") for t in found), found
    assert found.count("CEFIA") == 2, found


def test_a_name_after_refer_to_as_and_its_acronym_by_a_shops_word(scan):
    gangs = _texts(
        scan(
            [
                [
                    "FICTIONAL. He led a clique of the 18th Street gang that local police refer",
                    'to as the "Tinieblas Locos Revolucionarios," or TLR. Prosecutors allege that',
                    "TLR used a safe house outside the city to store weapons.",
                ]
            ]
        )
    )
    assert "Tinieblas Locos Revolucionarios" in gangs, gangs
    assert gangs.count("TLR") == 2, gangs


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (
            [
                "FICTIONAL. The bulletin names an MS-13 clique and a crew. The State offered no",
                "evidence that appellant was a member of that crew in 2023.",
            ],
            "a member of that crew",
        ),
        (
            [
                "FICTIONAL. Fue extraditado un cabecilla de la pandilla 18. Otro hombre, supuesto",
                "miembro de la misma estructura, sigue prófugo.",
            ],
            "miembro de la misma estructura",
        ),
    ],
)
def test_a_label_tied_to_a_gang_called_back(scan, lines, expected):
    gangs = _texts(scan([lines]))
    assert any(expected in t for t in gangs), gangs


def test_a_road_crew_or_a_discourse_word_is_no_gang(scan):
    gangs = _texts(
        scan(
            [
                [
                    "FICTIONAL. MS-13 cliques were named in the indictment. He was a member of",
                    "the road crew that repaved Route 9. Second, a gang label created by a city",
                    "officer does not stay in the city.",
                ]
            ]
        )
    )
    assert not any("crew" in t or t == "Second" for t in gangs), gangs
