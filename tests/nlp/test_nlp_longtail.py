"""Constructions of the corpus's long tail of gang_label misses, each written as a general rule,
and the traps beside them: a rank linked to the acronym a text gave a clique, ..."""

from __future__ import annotations


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
