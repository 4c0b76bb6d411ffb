"""The `hedged` flag and its cue: the same sentence hedges or negates the claim."""

from __future__ import annotations

import pytest

HEDGED = [
    ("en", "He is allegedly a gang member according to the report.", "gang member", "allegedly"),
    (
        "en",
        "NCIC negative; the officer still called him a gang member.",
        "gang member",
        "NCIC negative",
    ),
    ("en", "Possible Red Notice subject, per the analyst.", "Red Notice", "Possible"),
    ("es", "El presunto pandillero fue detenido en la colonia ayer.", "pandillero", "presunto"),
    (
        "es",
        "El informe lo llama pandillero, pero el joven está sin antecedentes penales.",
        "pandillero",
        "sin antecedentes",
    ),
    (
        "es",
        "Supuestamente es miembro de la pandilla según la policía.",
        "miembro de la pandilla",
        "Supuestamente",
    ),
]


@pytest.mark.parametrize(
    ("lang", "sentence", "text", "cue"), HEDGED, ids=[f"{h[0]}-{h[3]}" for h in HEDGED]
)
def test_hedged_flag_and_cue(scan, lang, sentence, text, cue):
    result = scan([[sentence]])
    assert result.pages[0][0].language == lang
    hits = [d for d in result.detections if d.text == text]
    assert hits, result.detections
    assert hits[0].hedged is True
    assert hits[0].hedge_cue == cue


@pytest.mark.parametrize(
    "sentence",
    [
        "The officer called him a gang member in the report.",
        "El agente lo llama pandillero en el informe policial de la zona.",
    ],
)
def test_plain_claim_is_not_hedged(scan, sentence):
    result = scan([[sentence]])
    assert result.detections
    assert all(not d.hedged and d.hedge_cue == "" for d in result.detections)


def test_hedge_in_another_sentence_does_not_count(scan):
    result = scan([["The officer called him a gang member. The tattoo is allegedly new."]])
    (finding,) = result.detections
    assert finding.text == "gang member"
    assert not finding.hedged
    assert finding.sentence == "The officer called him a gang member."


def test_hedge_on_the_line_before_counts(scan):
    """A sentence broken over two lines is one sentence: the hedge on line one hedges line two."""
    result = scan([["The school officer wrote that the respondent is allegedly", "a gang member."]])
    (finding,) = result.detections
    assert finding.hedged and finding.hedge_cue == "allegedly"
    assert (
        finding.sentence
        == "The school officer wrote that the respondent is allegedly a gang member."
    )
