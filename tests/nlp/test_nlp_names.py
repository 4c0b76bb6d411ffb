"""Gang names the lexicon does not list, known from their context (nlp/names.py and the rules
with subtype gang_name_inferred), Spanish and compound forms, and the traps they must not fall
into: streets, teams, schools, shops and firms."""

from __future__ import annotations

import pytest

INFERRED = "gang_name_inferred"


def _found(result, category="gang_label"):
    return [(d.subtype, d.text) for d in result.of(category)]


def test_the_names_a_sentence_lists_as_gangs(scan):
    result = scan(
        [
            [
                "FICTIONAL. Police arrested members of three gangs: the Parkview clique, Varrio",
                "Loma 13 and the Canal Street Crew. In Spanish papers: cinco clicas de la MS:",
                "los Fulton Locos, Centrales Locos y Guanacos Criminales Salvatrucha.",
            ]
        ]
    )
    texts = {text for _, text in _found(result)}
    assert {"the Parkview clique", "Varrio Loma 13", "the Canal Street Crew"} <= texts
    assert {"los Fulton Locos", "Centrales Locos"} <= texts
    assert any("Guanacos Criminales Salvatrucha" in t for t in texts)


def test_a_list_of_places_is_not_a_list_of_gangs(scan):
    result = scan([["Gangs operate in three cities: Los Angeles, Houston and Chicago."]])
    assert result.of("gang_label") == []


def test_groups_list_gangs_only_when_a_word_by_them_makes_them_criminal(scan):
    result = scan(
        [
            [
                "FICTIONAL. La MS-13 y grupos armados como Los Tercerones cobran en Tapachula.",
                "Organizaciones que atienden a migrantes, como el Centro Fray Tomás, denunciaron.",
            ]
        ]
    )
    texts = {text for _, text in _found(result)}
    assert "Los Tercerones" in texts, texts
    assert not any("Fray" in t for t in texts), texts


def test_a_name_recurs_across_pages_and_by_its_initials(scan):
    result = scan(
        [
            ["FICTIONAL. The Trinitarios set known as Monte Cristo Block grew in 2023."],
            ["Later the Monte Cristo Block shot at rivals; MCB graffiti covered the wall."],
        ]
    )
    (first, second) = [[(d.subtype, d.text) for d in dets] for _, dets in result.pages]
    assert (INFERRED, "Monte Cristo Block") in first
    assert (INFERRED, "the Monte Cristo Block") in second
    assert (INFERRED, "MCB") in second


def test_an_acronym_written_after_a_clique(scan):
    result = scan(
        [
            [
                'FICTIONAL. He said he claims Westfield Locos (also written "WFL"), a clique of',
                "MS-13. The SO was told WFL members were nearby. He lives on Westfield Avenue.",
            ]
        ]
    )
    texts = [text for _, text in _found(result)]
    assert texts.count("WFL") == 2
    assert not any("Avenue" in t for t in texts)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "FICTIONAL. He is a member of Varrio Frutas 13, a Sureno set in Oakland.",
            "Varrio Frutas 13",
        ),
        (
            "FICTIONAL. A gang expert named the Normandie clique in his report.",
            "the Normandie clique",
        ),
        (
            "FICTIONAL. A gang member feuds with the Avenue 33 gang in Highland Park.",
            "the Avenue 33 gang",
        ),
        ("FICTIONAL. Boys from the Chalate Locos said the gang would kill him.", "Chalate Locos"),
        (
            "FICTIONAL. La policía dijo que Los Benjamins, una estructura criminal, opera allí.",
            "Los Benjamins",
        ),
        (
            "FICTIONAL. Police say he is a member of the Hill Street Crew and of MS-13.",
            "the Hill Street Crew",
        ),
    ],
)
def test_a_name_known_from_what_surrounds_it(scan, line, expected):
    assert (INFERRED, expected) in _found(scan([[line]]))


@pytest.mark.parametrize(
    "lines",
    [
        # streets
        ["FICTIONAL. A gang member lived on Hill Street and on Avenue 33 near Figueroa."],
        ["FICTIONAL. Un pandillero de la clica de los Olivos vive en la colonia Los Olivos."],
        # teams
        ["FICTIONAL. The gang unit watched the Sacramento Kings game with the Parkview Kings."],
        ["FICTIONAL. Según la policía, Los Pumas, el equipo de fútbol, no son una pandilla."],
        # schools
        ["FICTIONAL. The gang member studied at Parkview High School, Chapter 13 says."],
        # shops and firms
        ["FICTIONAL. A gang associate works for the Westside Plumbing crew and Tacos Locos."],
    ],
)
def test_streets_teams_schools_and_firms_are_not_gangs(scan, lines):
    found = [text for subtype, text in _found(scan([lines])) if subtype == INFERRED]
    assert all(word not in " ".join(found) for word in ("Street", "Avenue", "Kings", "Pumas"))
    assert not any(t in found for t in ("Parkview High", "Westside Plumbing crew", "Tacos Locos"))
    assert found in ([], ["clica de los Olivos"], ["de los Olivos"]), found


def test_spanish_press_forms(scan):
    result = scan(
        [
            [
                "FICTIONAL. Capturan a pandilleros de la 18-R y de la dieciocho en Soyapango.",
                "La Fuerza de Tarea SAFE-Guatemala lo entregó; tenía una notificación-roja.",
                "Según el Centro Estatal de Fusión de Inteligencia (CEFI), el CEFI lo vigilaba.",
                "Es un miembro activo y peligroso de esa pandilla, según la base de datos de",
                '"pandilleros" de la policía.',
            ]
        ]
    )
    gang = [text for _, text in _found(result)]
    assert "la 18-R" in " ".join(gang) and "la dieciocho" in gang
    assert "miembro activo y peligroso de esa pandilla" in gang
    assert any(t.startswith("base de datos de") and "pandilleros" in t for t in gang)
    assert [d.text for d in result.of("safe")] == ["Fuerza de Tarea SAFE-Guatemala"]
    assert [d.text for d in result.of("red_notice")] == ["notificación-roja"]
    centers = [d.text for d in result.of("fusion_center")]
    assert centers[0].startswith("Centro Estatal de Fusión de Inteligencia")
    assert centers.count("CEFI") == 2


def test_english_compound_and_quoted_forms(scan):
    result = scan(
        [
            [
                "FICTIONAL. He is a known and violent member of the notorious gang, listed in",
                "the 'gang' database and in two gang intelligence databases; a \"colaborador\"",
                "of the clique per the PNC ficha. The SAFE unit of the PNC sent it.",
            ]
        ]
    )
    gang = " | ".join(text for _, text in _found(result))
    assert "member of the notorious gang" in gang
    assert "'gang' database" in gang
    assert "gang intelligence databases" in gang
    assert "colaborador" in gang
    assert [d.text for d in result.of("safe")] == ["SAFE unit"]


def test_a_one_letter_name_is_never_learned_as_an_alias(detector):
    """A bad scan's 'clica "A"' must not make every "A" of the file a gang name."""
    from spacy.tokens import Span

    from annotator.nlp import names

    doc = detector.pipeline("en").make_doc("A and B")
    anchors: set[str] = set()
    names.remember([Span(doc, 0, 1, label="gang_label", kb_id="gang_name")], anchors)
    assert anchors == set()


def test_the_findings_are_the_same_whatever_the_hash_seed():
    """Anchors live in sets; their order must never decide a finding (it did: "RLS" came out as
    an acronym on some runs and as inferred initials on others)."""
    import os
    import subprocess
    import sys

    from annotator.core.paths import sample_dir

    pdf = str(sample_dir() / "01_afile_excerpt_i213.pdf")
    outputs = set()
    for seed in ("1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        command = [sys.executable, "-m", "annotator", "scan", "--json", pdf]
        done = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
        outputs.add("\n".join(sorted(done.stdout.splitlines())))
    assert len(outputs) == 1


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (  # a name with words of its own and its acronym before what it is
            "FICTIONAL. Recruits come through Hermanos del Llano (HDL), a prison gang that grew.",
            "Hermanos del Llano",
        ),
        (
            "FICTIONAL. Police named Northgate Young Money, a younger set that a gang unit tracks.",
            "Northgate Young Money",
        ),
        (  # a criminal group, and a Spanish-article name after a word of leadership
            "FICTIONAL. Los Tejedores, a criminal group tied to Barrio 18, extort the market.",
            "Los Tejedores",
        ),
        (
            "FICTIONAL. He is the alleged leader of Los Carpinteros, police say of the gang.",
            "Los Carpinteros",
        ),
        (
            "FICTIONAL. La FGR dijo que era sicario de Los Cuervos, una banda del cartel.",
            "Los Cuervos",
        ),
        (
            "FICTIONAL. El detenido encabezaba la célula Los Alacranes, según la pandilla rival.",
            "célula Los Alacranes",
        ),
        (
            "FICTIONAL. Disputan el territorio con una banda menor, Los del Puente, y la MS.",
            "banda menor, Los del Puente",
        ),
        (  # the noun before the name, a spelled number, Boyz and Varrio names
            "FICTIONAL. He is an associate of street gang Westlake Park Trece, the report says.",
            "Westlake Park Trece",
        ),
        ("FICTIONAL. Gang graffiti in the hall read Tha Hilltop Boyz in red.", "Tha Hilltop Boyz"),
        ("FICTIONAL. She said the gang Eastwood Varrio claims the park.", "Eastwood Varrio"),
        (  # a list whose noun is followed by a verb phrase before the colon
            "FICTIONAL. Two street groups are said to supply gang drivers: Pine Hill Posse and"
            " Varrio Seco Locos.",
            "Pine Hill Posse",
        ),
    ],
)
def test_names_known_from_more_kinds_of_context(scan, line, expected):
    found = _found(scan([[line]]))
    assert any(expected in text for _, text in found), found


def test_the_last_word_of_a_name_found_from_context_is_found_again(scan):
    result = scan(
        [
            ["FICTIONAL. The gang indictment names the 9-Block Rattlaz, a street crew."],
            ["FICTIONAL. Police said the Rattlaz and a rival gang have traded shootings."],
        ]
    )
    second = [(d.subtype, d.text) for d in result.pages[1][1]]
    assert (INFERRED, "Rattlaz") in second


@pytest.mark.parametrize(
    "lines",
    [
        ["FICTIONAL. Human Rights Watch, a group that studies gang violence, wrote the report."],
        ["FICTIONAL. A gang member's son joined the Boys and Girls Club and the Boy Scouts."],
        ["FICTIONAL. The gang unit met members of Los Angeles County Sheriff's Department."],
        ["FICTIONAL. The city taped red notices to two vacant houses near the gang's corner."],
        ["FICTIONAL. Gangs operate in three cities: Boston, Chelsea and Lynn."],
    ],
)
def test_rights_groups_clubs_cities_and_landlords_notices_are_not_found(scan, lines):
    result = scan([lines])
    found = [text for subtype, text in _found(result) if subtype == INFERRED]
    assert not any(w in " ".join(found) for w in ("Human", "Boys", "Angeles", "Boston"))
    assert result.of("red_notice") == []


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("FICTIONAL. Her family fled because the MS threatened her older son.", "the MS"),
        ("FICTIONAL. Son emeeses de la clica, dijo la policía.", "emeeses"),
        ("FICTIONAL. El decreto declaró a las maras organizaciones ilegales.", "las maras"),
        (
            "FICTIONAL. Según la PNC, no tiene ningún vínculo con la pandilla.",
            "vínculo con la pandilla",
        ),
        (
            "FICTIONAL. Figuraba en la Base de Evaluación de Pandillas del municipio.",
            "Base de Evaluación de Pandillas",
        ),
        (
            "FICTIONAL. Reports go to the Regional Gang Intelligence File of the county.",
            "Regional Gang Intelligence File",
        ),
        ("FICTIONAL. Recruitment runs through prison gang contacts in the county.", "prison gang"),
    ],
)
def test_more_spanish_and_compound_forms(scan, line, expected):
    assert expected in [text for _, text in _found(scan([[line]]))]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("FICTIONAL. Gang experts said he still collected rent for the MS.", "the MS"),
        (
            "FICTIONAL. Gang police call him an associate of the Elm Row Gangsters.",
            "Elm Row Gangsters",
        ),
        (
            "FICTIONAL. A criminal street gang, which the State identified as Loma Verde Norte"
            " (LVN), was named. LVN members were seen.",
            "LVN",
        ),
        (
            "FICTIONAL. No proof showed the Loma Verde set gained from it, the gang expert said.",
            "the Loma Verde set",
        ),
        (
            "FICTIONAL. A gang officer listed him as a member of Stone Yard 31 for his jersey.",
            "Stone Yard 31",
        ),
        (
            "FICTIONAL. GANG DATABASE ENTRY. Status: CONFIRMED MEMBER. Set: none.",
            "CONFIRMED MEMBER",
        ),
        ("FICTIONAL. Su hermano, presuntamente vinculado con la 18, fue asesinado.", "la 18"),
        ("FICTIONAL. Las pandillas son Los Duros y la Clika 619, según la policía.", "Clika 619"),
        (
            "FICTIONAL. La pandilla apoya a La Cuchilla Nueva, grupo armado que opera allí.",
            "La Cuchilla Nueva",
        ),
        (
            "FICTIONAL. Vivía en territorio de los de la letra, anotó el agente de la pandilla.",
            "los de la letra",
        ),
    ],
)
def test_names_and_labels_known_from_still_more_context(scan, line, expected):
    found = _found(scan([[line]]))
    assert any(expected in text for _, text in found), found


def test_a_locos_name_is_found_again_by_its_first_word(scan):
    result = scan(
        [
            ["FICTIONAL. He left the Ribereños Locos, a clique of the gang, in 2019."],
            ["FICTIONAL. Later the Ribereños sent word that he would be killed by the gang."],
        ]
    )
    assert (INFERRED, "Ribereños") in [(d.subtype, d.text) for d in result.pages[1][1]]


@pytest.mark.parametrize(
    "line",
    [
        "FICTIONAL. A norteño band played at the party; a gang member was there.",
        "FICTIONAL. En 14 de los casos, la pandilla no fue identificada.",
    ],
)
def test_music_and_a_capitalised_preposition_are_not_gangs(scan, line):
    found = [text for _, text in _found(scan([[line]]))]
    assert not any(t.lower().startswith(("norteño", "en 14")) for t in found), found


@pytest.mark.parametrize(
    "line",
    [
        "FICTIONAL. INTERPOL aside, the school sent a red notice, a truancy warning on red paper.",
        "FICTIONAL. INTERPOL publicó la ficha. El juzgado cerró por la alerta roja por lluvias.",
        'FICTIONAL. INTERPOL aside, a "red notice" bill would make landlords post lead warnings.',
        "FICTIONAL. INTERPOL aparte, la alerta roja que declara la Unidad de Gestión del Riesgo.",
    ],
)
def test_a_truancy_red_notice_and_a_weather_red_alert_are_no_red_notices(scan, line):
    assert scan([[line]]).of("red_notice") == []


def test_a_red_alert_for_a_flight_risk_is_still_a_red_notice(scan):
    line = "FICTIONAL. INTERPOL emitió una alerta roja por riesgo de fuga contra el extraditado."
    assert [d.text for d in scan([[line]]).of("red_notice")] == ["alerta roja"]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "FICTIONAL. Era palabrero de la clica Vista del Mar Locos Salvatrucha (VMLS). VMLS"
            " controla el mercado.",
            "VMLS",
        ),
        ("FICTIONAL. Allí operan Los Gavilanes, una escisión de la pandilla.", "Los Gavilanes"),
        ("FICTIONAL. Era palabrero de los Temidos, según la PNC sobre la pandilla.", "los Temidos"),
        (
            "FICTIONAL. He stood with men believed to be Northgate Cholos, the gang officer said.",
            "Northgate Cholos",
        ),
        (
            "FICTIONAL. La pandilla cobra junto a la banda de los Cuervos del barrio.",
            "banda de los Cuervos",
        ),
    ],
)
def test_names_with_small_words_small_articles_and_more_suffixes(scan, line, expected):
    found = _found(scan([[line]]))
    assert any(expected in text for _, text in found), found


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            'Las pandillas y una agrupación local que la Fiscalía llama "Los Tecleños del'
            ' Bulevar".',
            "Los Tecleños del Bulevar",
        ),
        ('La pandilla y células locales como "La Banda del Tizate" cobran renta.', "La Banda"),
        (
            'La pandilla y una estructura local de Mixco conocida como "Los del Callejón Verde".',
            "Los del Callejón Verde",
        ),
        ("El pandillero dijo que es una clica conocida como Los del Callejón Verde.", "Callejón"),
        ('Pagaba renta a la pandilla y luego a "los de la Confianza".', "los de la Confianza"),
        ("Según la policía, los de la 664 eran rivales de la pandilla.", "los de la 664"),
        ("La estructura del Tigre mantenía una disputa territorial con la pandilla.", "Tigre"),
    ],
)
def test_spanish_names_whole_with_their_small_words(scan, line, expected):
    texts = [t for _, t in _found(scan([[line]]))]
    assert any(expected in t for t in texts), texts


def test_a_known_name_or_a_place_is_not_taken_into_a_name(scan):
    result = scan(
        [
            [
                "Dijo que la Mara Salvatrucha de El Salvador lo amenazó; la pandilla lo buscaba.",
                "Era miembro de Los Zetas de Tamaulipas, según la pandilla.",
                "Era sicario de Los Machetes del Norte, según la pandilla.",
                'Una estructura local conocida como "Los Tercos de El Salvador" cobra renta.',
            ]
        ]
    )
    texts = [t for _, t in _found(result)]
    assert not any("El Salvador" in t or "Tamaulipas" in t for t in texts), texts
    assert any("Los Machetes del Norte" in t for t in texts), texts
    assert "Los Tercos" in texts or '"Los Tercos' in texts, texts
