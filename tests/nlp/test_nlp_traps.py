"""Ordinary words that look like references stay silent (DESIGN.md, issue 2, domain reference)."""

from __future__ import annotations

import pytest

# (what the trap is, lines of one page, the category that must not fire)
TRAPS = [
    ("safe in plain use", ["He said he did not feel safe in his home town at all."], "safe"),
    ("safe beside ICE", ["ICE officers told him he was safe to leave the office."], "safe"),
    ("safe in Spanish text", ["La zona es safe según el folleto turístico de la ciudad."], "safe"),
    (
        "Safe Third Country",
        ["The Safe Third Country agreement with Canada applies, ICE said."],
        "safe",
    ),
    (
        "SAFE THIRD COUNTRY in capitals",
        ["Under the SAFE THIRD COUNTRY agreement he could not apply."],
        "safe",
    ),
    (
        "headline",
        ["KEEPING FAMILIES SAFE", "ICE and the police met the community about fugitives."],
        "safe",
    ),
    ("bare SAFE with no program context", ["The kids felt SAFE at home with their aunt."], "safe"),
    ("LA-SAFE is not SAFE", ["The LA-SAFE bulletin was shared with the parish sheriff."], "safe"),
    (
        "18th Street as an address",
        ["He lived at 1200 18th Street in Washington for two years."],
        "gang_label",
    ),
    (
        "Notice to Appear",
        ["DHS served a Notice to Appear on the respondent in 2019."],
        "red_notice",
    ),
    (
        "NOTICE TO APPEAR on red paper",
        ["The NOTICE TO APPEAR was printed on red paper."],
        "red_notice",
    ),
    ("red jacket", ["He wore a red jacket and a notice was posted on the door."], "red_notice"),
    (
        "diffusion in science",
        ["The diffusion of the gas was measured in the lab yesterday."],
        "red_notice",
    ),
    ("Kings County", ["He was arrested in Kings County for a traffic offense."], "gang_label"),
    ("blood test", ["A blood test was ordered by the clinic for the patient."], "gang_label"),
    ("PNC Bank", ["He had an account with PNC Bank in Ohio for years."], "gang_label"),
    ("PNC Bank is not SAFE", ["He had an account with PNC Bank in Ohio for years."], "safe"),
    ("spinal fusion", ["He had a spinal fusion in 2019 after the accident."], "fusion_center"),
    (
        "El Paso Intelligence Center",
        ["The El Paso Intelligence Center checked his record."],
        "fusion_center",
    ),
    ("BRIC economies", ["Growth in BRIC has slowed this year for most of them."], "fusion_center"),
    ("BRICS", ["The BRICS summit was held in Brazil this year."], "fusion_center"),
    (
        "alerta roja for weather",
        ["Protección Civil declaró alerta roja por lluvias en el departamento."],
        "red_notice",
    ),
    (
        "alerta roja for rain",
        ["El gobierno mantiene la alerta roja por las lluvias intensas en la zona."],
        "red_notice",
    ),
    (
        "difusión as publicity",
        ["La difusión del programa cultural fue amplia en la radio local."],
        "red_notice",
    ),
    (
        "amplia difusión",
        ["La amplia difusión del caso en la prensa nacional generó interés."],
        "red_notice",
    ),
    (
        "Ms. Mara Lopez",
        ["Ms. Mara Lopez testified on behalf of the respondent at the hearing."],
        "gang_label",
    ),
    (
        "Ms. Mara Lopez near gang words",
        ["Ms. Mara Lopez, his teacher, said he was never in trouble at school."],
        "gang_label",
    ),
    ("B-2 visitor", ["He was admitted as a B-2 visitor in 2015 at Miami."], "gang_label"),
    (
        "Mara as a person's name in a gang story",
        ['"El verde era del equipo de sóftbol del barrio", dijo Mara Peguero, de 24 años.'],
        "gang_label",
    ),
    (
        "trinitarios in the history of the Dominican Republic",
        ["El nombre alude a los trinitarios de Juan Pablo Duarte, fundadores de la patria."],
        "gang_label",
    ),
    (
        "los gallegos as people from Galicia",
        ["Los Gallegos llegaron al puerto en 1910 y abrieron panaderías en el centro."],
        "gang_label",
    ),
    (
        "a music band named like a gang",
        ["La banda Los Tigres del Norte tocó anoche en el estadio de la ciudad."],
        "gang_label",
    ),
    (
        "a single cased word typed in capitals",
        ["GANANCIAS NETAS DEL TRIMESTRE", "La empresa reportó ventas estables en la región."],
        "gang_label",
    ),
    (
        "la calle 18 as a street in a story about gang lists",
        ["Vecinos de Pilsen, muchos de ellos residentes de la calle 18, se quejaron ayer."],
        "gang_label",
    ),
    (
        "los de la 18 calle as an address",
        ["Los vecinos, los de la 18 calle poniente, pidieron alumbrado público."],
        "gang_label",
    ),
    (
        "la 18 as a date",
        ["La audiencia quedó fijada para los de la 18 de marzo, dijo el juzgado."],
        "gang_label",
    ),
    ("undocumented", ["He remained undocumented after his visa expired in 2016."], "gang_label"),
    (
        "the diffusion of an idea beside INTERPOL",
        ["INTERPOL aside, the report notes the diffusion of mano dura policing in the region."],
        "red_notice",
    ),
]


@pytest.mark.parametrize(("lines", "category"), [t[1:] for t in TRAPS], ids=[t[0] for t in TRAPS])
def test_trap_stays_silent(scan, lines, category):
    result = scan([lines])
    assert not result.of(category), [(d.subtype, d.text) for d in result.of(category)]


def test_la_safe_is_a_fusion_center(scan):
    result = scan([["The LA-SAFE bulletin was shared with the parish sheriff."]])
    assert [(d.category.value, d.text) for d in result.detections] == [("fusion_center", "LA-SAFE")]


@pytest.mark.parametrize(
    "lines",
    [
        ["He lived at 1200 18th Street in Washington for two years."],
        ["DHS served a Notice to Appear on the respondent in 2019."],
        ["He wore a red jacket and a notice was posted on the door."],
        ["He was arrested in Kings County for a traffic offense."],
        ["A blood test was ordered by the clinic for the patient."],
        ["Ms. Mara Lopez testified on behalf of the respondent at the hearing."],
        ["He was admitted as a B-2 visitor in 2015 at Miami."],
        ["He remained undocumented after his visa expired in 2016."],
        ["El gobierno mantiene la alerta roja por las lluvias intensas en la zona."],
        ["KEEPING FAMILIES SAFE", "The community met on Tuesday."],
    ],
)
def test_trap_sentence_yields_nothing_at_all(scan, lines):
    assert scan([lines]).detections == []


def test_18th_street_address_stays_silent_beside_gang_words(scan):
    """An address is still an address when a later clause mentions gangs."""
    result = scan([["He lives on 18th Street; officers say rival gang members live nearby."]])
    texts = [d.text for d in result.of("gang_label")]
    assert "gang members" in texts
    assert not [t for t in texts if "18th Street" in t], texts


def test_trap_and_real_reference_in_one_paragraph(scan):
    """The trap stays silent while the real reference beside it is found."""
    result = scan(
        [
            [
                "He does not feel safe in El Salvador. Under the Safe Third Country rule",
                "he was returned. Later ICE obtained a SAFE report from the PNC.",
            ]
        ]
    )
    assert [(d.category.value, d.text) for d in result.detections] == [("safe", "SAFE report")]


def test_la_18_avenida_is_an_address_even_beside_gang_words(scan):
    result = scan(
        [["Perfilado en la pandilla 18 Sureños, vive en la 18 avenida norte de la colonia."]]
    )
    texts = [d.text for d in result.of("gang_label")]
    assert any("pandilla 18" in t for t in texts), texts
    assert not any(t.endswith("la 18") for t in texts), texts
