"""Every category and subtype, in English and Spanish, through a real PDF and the real pipeline."""

from __future__ import annotations

import pytest

from annotator.core.model import Category

# (language, category, subtype, sentence, text the finding must hold)
CASES = [
    # gang_label
    (
        "en",
        "gang_label",
        "gang_name",
        "Officers said the tattoo shows loyalty to Mara Salvatrucha in the area.",
        "Mara Salvatrucha",
    ),
    (
        "en",
        "gang_label",
        "gang_name",
        "He was seen with the 18th Street gang in the park on Friday.",
        "18th Street gang",
    ),
    (
        "en",
        "gang_label",
        "gang_name",
        'The extortion victim was recorded as "associating with 18th Street" in the file.',
        "18th Street",
    ),
    (
        "en",
        "gang_label",
        "membership_label",
        "The report calls him a gang member without any evidence.",
        "gang member",
    ),
    (
        "en",
        "gang_label",
        "membership_label",
        "The officer wrote that he is affiliated with the MS-13 in his town.",
        "affiliated with the MS-13",
    ),
    (
        "en",
        "gang_label",
        "gang_database",
        "His name was entered in CalGang by the department in 2019.",
        "CalGang",
    ),
    (
        "en",
        "gang_label",
        "gang_database",
        "He has appeared in the Gang Assessment Database since 2019.",
        "Gang Assessment Database",
    ),
    (
        "es",
        "gang_label",
        "gang_name",
        "Según el informe, la Mara Salvatrucha controla la colonia desde el año pasado.",
        "Mara Salvatrucha",
    ),
    (
        "es",
        "gang_label",
        "gang_name",
        "Los agentes dicen que la Barrio 18 controla el mercado de la zona.",
        "Barrio 18",
    ),
    (
        "es",
        "gang_label",
        "membership_label",
        "El joven es miembro activo de la MS-13 según la policía de la zona.",
        "miembro activo de la MS-13",
    ),
    (
        "es",
        "gang_label",
        "membership_label",
        "La policía lo señala como pandillero de la colonia y de la zona.",
        "pandillero",
    ),
    (
        "es",
        "gang_label",
        "gang_database",
        "Su nombre aparece en la base de datos de pandillas de la policía nacional.",
        "base de datos de pandillas",
    ),
    # red_notice
    (
        "en",
        "red_notice",
        "red_notice",
        "An INTERPOL Red Notice was issued by El Salvador in 2021.",
        "INTERPOL Red Notice",
    ),
    (
        "en",
        "red_notice",
        "diffusion",
        "INTERPOL circulated a diffusion to member countries for his arrest.",
        "diffusion",
    ),
    (
        "en",
        "red_notice",
        "diffusion",
        "The National Central Bureau sent a red diffusion about him in May.",
        "red diffusion",
    ),
    (
        "en",
        "red_notice",
        "other_notice",
        "INTERPOL published a yellow notice for the missing child last year.",
        "yellow notice",
    ),
    (
        "es",
        "red_notice",
        "red_notice",
        "La Policía emitió una notificación roja de Interpol contra el señor en el caso.",
        "notificación roja",
    ),
    (
        "es",
        "red_notice",
        "diffusion",
        "Se emitió una difusión roja para su captura por el delito de extorsión.",
        "difusión roja",
    ),
    (
        "es",
        "red_notice",
        "diffusion",
        "La OCN de Interpol envió una difusión a los países miembros para su captura.",
        "difusión",
    ),
    (
        "es",
        "red_notice",
        "other_notice",
        "Interpol publicó una notificación amarilla por la desaparición del menor.",
        "notificación amarilla",
    ),
    # safe
    (
        "en",
        "safe",
        "safe_program",
        "The file came through the Security Alliance for Fugitive Enforcement program.",
        "Security Alliance for Fugitive Enforcement",
    ),
    (
        "en",
        "safe",
        "safe_program",
        "ICE received the record under the SAFE program from El Salvador.",
        "SAFE program",
    ),
    (
        "en",
        "safe",
        "safe_program",
        "The record was shared by ICE through SAFE in 2020 for the fugitive.",
        "SAFE",
    ),
    (
        "en",
        "safe",
        "foreign_data",
        "The Criminal History Information Sharing program provided the record.",
        "Criminal History Information Sharing",
    ),
    (
        "es",
        "safe",
        "safe_program",
        "La Alianza de Seguridad para la Aplicación de la Ley contra Fugitivos envió el informe.",
        "Alianza de Seguridad para la Aplicación de la Ley contra Fugitivos",
    ),
    (
        "es",
        "safe",
        "safe_program",
        "El informe fue enviado por medio del programa SAFE a los Estados Unidos de América.",
        "programa SAFE",
    ),
    (
        "es",
        "safe",
        "safe_program",
        "La PNC remitió el informe a ICE mediante SAFE para su deportación.",
        "SAFE",
    ),
    (
        "es",
        "safe",
        "foreign_data",
        "El Centro Antipandillas Transnacional envió la ficha a la embajada de los Estados Unidos.",
        "Centro Antipandillas Transnacional",
    ),
    # fusion_center
    (
        "en",
        "fusion_center",
        "fusion_center",
        "The fusion center shared the bulletin with local police.",
        "fusion center",
    ),
    (
        "en",
        "fusion_center",
        "named_center",
        "The Boston Regional Intelligence Center listed him in a bulletin.",
        "Boston Regional Intelligence Center",
    ),
    (
        "en",
        "fusion_center",
        "acronym",
        "NCRIC circulated the entry to the task force last year.",
        "NCRIC",
    ),
    (
        "en",
        "fusion_center",
        "acronym",
        "The BRIC database entry was shared with ICE in 2018.",
        "BRIC",
    ),
    (
        "es",
        "fusion_center",
        "fusion_center",
        "El centro de fusión compartió el boletín con la policía local.",
        "centro de fusión",
    ),
    (
        "es",
        "fusion_center",
        "named_center",
        "El Centro Regional de Inteligencia de Boston lo incluyó en la lista.",
        "Centro Regional de Inteligencia de Boston",
    ),
    (
        "es",
        "fusion_center",
        "acronym",
        "El NCRIC compartió la información con la policía local de la zona.",
        "NCRIC",
    ),
    (
        "es",
        "fusion_center",
        "acronym",
        "El BRIC compartió la información con la policía de Boston en la zona.",
        "BRIC",
    ),
]


def _id(case: tuple[str, str, str, str, str]) -> str:
    lang, category, subtype, _, expected = case
    return f"{lang}-{category}-{subtype}-{expected}"


@pytest.mark.parametrize(
    ("lang", "category", "subtype", "sentence", "expected"), CASES, ids=[_id(c) for c in CASES]
)
def test_category_and_subtype(scan, lang, category, subtype, sentence, expected):
    result = scan([[sentence]])
    page, detections = result.pages[0]
    assert page.language == lang
    hits = [d for d in detections if d.category == Category(category) and d.subtype == subtype]
    assert hits, f"no {category}/{subtype} in {sentence!r}; found {detections}"
    assert any(expected in d.text for d in hits), [d.text for d in hits]
    hit = next(d for d in hits if expected in d.text)
    assert hit.language == lang
    assert page.text[hit.start : hit.end] == hit.text
    assert hit.sentence == sentence
    assert len(hit.rects) == 1
    assert expected in result.text_under(1, hit.rects[0])


@pytest.mark.parametrize("lang", ["en", "es"])
def test_every_category_has_english_and_spanish_cases(lang):
    """The table above keeps both languages for every category and subtype it names."""
    wanted = {(c, s) for _, c, s, _, _ in CASES}
    have = {(c, s) for lg, c, s, _, _ in CASES if lg == lang}
    missing = wanted - have
    assert not missing, f"{lang} lacks cases for {sorted(missing)}"
    assert {c for c, _ in have} == {c.value for c in Category}


def test_acronym_introduced_earlier_counts_on_later_pages(scan):
    later = "The entry from SAFE lists him as wanted in his home country."
    alone = scan([[later]])
    assert not alone.of("safe"), "bare SAFE with no context must stay silent"
    introduced = scan(
        [
            ["Records arrived from the Security Alliance for Fugitive Enforcement (SAFE)."],
            [later],
        ]
    )
    on_page_two = [d for d in introduced.pages[1][1] if d.category is Category.SAFE]
    assert [(d.subtype, d.text) for d in on_page_two] == [("safe_program", "SAFE")]


def test_bric_is_gated_but_counts_after_the_center_is_named(scan):
    later = "BRIC holds his name too, the memo says."
    assert not scan([[later]]).of("fusion_center")
    named = scan([["The Boston Regional Intelligence Center (BRIC) made the entry."], [later]])
    page_two = [d for d in named.pages[1][1] if d.category is Category.FUSION_CENTER]
    assert [(d.subtype, d.text) for d in page_two] == [("acronym", "BRIC")]


def test_diffusion_counts_after_interpol_is_named_earlier(scan):
    later = "The diffusion was cancelled two years later."
    assert not scan([[later]]).of("red_notice")
    named = scan([["The request came through INTERPOL Washington in 2019."], [later]])
    page_two = [d for d in named.pages[1][1] if d.category is Category.RED_NOTICE]
    assert [(d.subtype, d.text) for d in page_two] == [("diffusion", "diffusion")]


def test_several_categories_on_one_page_each_found_once(scan):
    result = scan(
        [
            [
                "According to the fusion center, the respondent is a gang member.",
                "El Salvador sent an INTERPOL Red Notice and a SAFE report about him.",
            ]
        ]
    )
    found = sorted((d.category.value, d.text) for d in result.detections)
    assert found == [
        ("fusion_center", "fusion center"),
        ("gang_label", "gang member"),
        ("red_notice", "INTERPOL Red Notice"),
        ("safe", "SAFE report"),
    ]


def test_gang_slang_for_barrio_18_and_a_listed_census_label(scan):
    """Barrio 18 as people speak of it, and "miembro activo" listed beside the other PNC
    census categories of a gang."""
    result = scan(
        [
            [
                'El testigo dijo que el capturado "anda con los de la 18" desde 2019.',
                'Conocía a los imputados como "homeboys" de la 18 y señaló a uno',
                'como "palabrero" de la clica.',
                'Muchas fichas los describen como "miembro activo", "colaborador" o',
                '"aspirante" de una pandilla.',
            ]
        ]
    )
    texts = [d.text for d in result.of("gang_label")]
    assert "los de la 18" in texts
    assert '"homeboys" de la 18' in texts  # the gang words near it: "homeboys", "palabrero"
    assert 'miembro activo", "colaborador" o "aspirante" de una pandilla' in texts


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["He testified that he was never a member of any gang."], "member of any gang"),
        (["A police profile lists him as a gang collaborator."], "gang collaborator"),
        (["ICE's ICEGangs database was populated from local lists."], "ICEGangs"),
        (["Fue observado en compañía de miembros de la 18 en la colonia."], "miembros de la 18"),
        (["El testigo lo señaló como palabrero de los de la dieciocho."], "los de la dieciocho"),
        (["Una vez que alguien está en una base de pandillas no sale."], "base de pandillas"),
        (["Era parte de la clica de los Southside Locos, según el perfil."], "Southside Locos"),
        (["Members of MS-13 and a set that calls itself Coronado Little Psychos."], "Coronado"),
        (["He testified that la mara had threatened him at his school."], "la mara"),
        (['Two were validated as "gang members" under state rules.'], 'validated as "gang'),
        (["La PNC lo señala como palabrero de la Fulton en la zona oriental."], "la Fulton"),
        (['Fue "corredor de programa" para la zona oriental, según la PNC.'], "corredor de"),
        (["Es uno de los toros de la MS-13 en el sector, dijo el portavoz."], "toros de la MS-13"),
        (['Lo "validaron" como miembro de la MS-13 por su gorra.'], 'validaron" como'),
        (["La MS-13 opera aquí; no tienen vínculos conocidos con maras, dijo."], "con maras"),
        (['Se anotó como "posible afiliación a pandilla" para revisión.'], "afiliación a pandilla"),
        (["La MS-13 cobra aquí y una estructura criminal que surgió en la colonia."], "estructura"),
        (["MS-13 and Barrio 18 fight there; the areas controlled by gangs, she said."], "by gangs"),
        (["MS-13 is divided into cliques that answer to regional leaders."], "into cliques"),
        (["MS-13 leaders met. He was second word for his clique before his arrest."], "his clique"),
        (['MS-13 cliques answer to regional "programs," they said.'], "programs"),
        (["MS-13 sent money to the gang's East Coast Program, they said."], "East Coast"),
        (["They belonged to the Brentwood Loco Salvatrucha, and members of the BLS paid."], "BLS"),
        (['The spreadsheet column "GANG AFFIL" held "18ST" for some youths.'], "GANG AFFIL"),
        (['The spreadsheet column "GANG AFFIL" held "18ST" for some youths.'], "18ST"),
        (["Gang members hung out there; he admitted to being from Calwa, she said."], "Calwa"),
        (["The school listed gang members; one note said he claims Northside."], "Northside"),
        (["The sergeant wrote that these gang kids are all 14ers, the Norteños."], "14ers"),
        (["Era conocido dentro de la pandilla 18 como el shot caller de la zona."], "shot caller"),
        (['Gang files cite "association with known members" at a park.'], "known members"),
        (["La policía dijo que era miembro de la 18th Street en Los Ángeles."], "18th Street"),
        (["La MS-13 opera; fichas de miembros documentados de pandillas, dijo."], "documentados"),
        (["Son de Barrio Azteca o de sus brazos armados, como Los Aztecas."], "brazos armados"),
        (["Los Mexicles y Artistas Asesinos pelean en Ciudad Juárez."], "Los Mexicles"),
        (["Otras fichas señalan a presuntos integrantes de Gente Nueva."], "Gente Nueva"),
    ],
)
def test_more_ways_of_naming_gangs_and_their_lists(scan, lines, expected):
    texts = [d.text for d in scan([lines]).of("gang_label")]
    assert any(expected in t for t in texts), texts


def test_census_ranks_and_la_mara_alone_in_a_document_about_gangs(scan):
    result = scan(
        [
            ["La Fiscalía acusó a tres pandilleros de la MS-13 de extorsión en la colonia."],
            [
                "El imputado aparece perfilado como colaborador según la Policía.",
                'Su madre dijo que "nunca anduvo en la mara" y que trabaja en un taller.',
                "El testigo, un colaborador eficaz, no compareció a la audiencia.",
            ],
        ]
    )
    page_two = [d.text for d in result.pages[1][1] if d.category is Category.GANG_LABEL]
    assert "colaborador" in page_two and "la mara" in page_two, page_two
    assert page_two.count("colaborador") == 1  # not the cooperating witness


def test_census_ranks_and_la_mara_stay_silent_where_gangs_are_not_spoken_of(scan):
    result = scan(
        [
            [
                "Toda la mara llegó temprano a la fiesta del barrio.",
                "Ella es colaboradora del periódico y aspirante a una beca.",
            ]
        ]
    )
    assert not result.of("gang_label"), [d.text for d in result.of("gang_label")]


def test_la_difusion_alone_once_interpol_is_named(scan):
    result = scan(
        [
            ["La OCN de Interpol en Santiago recibió la solicitud del fiscal en marzo."],
            [
                '"Si la difusión se hubiera hecho antes, lo habrían detenido", dijo su tía.',
                "Esta difusión se realiza en cadena nacional de radio y televisión.",
                "La policía dio difusión a una lista de lugares y pidió la difusión de la foto.",
            ],
        ]
    )
    page_two = [d.text for d in result.pages[1][1] if d.category is Category.RED_NOTICE]
    assert page_two == ["la difusión"], page_two


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (['Acusó a 63 integrantes de la clica "Tecleños Locos Salvatruchos".'], "Tecleños Locos"),
        (['Fueron vinculadas a la facción "Los Gallegos" del Tren de Aragua.'], "Los Gallegos"),
        (["Detuvo a miembros de la banda criminal Los Olanchanos en Juticalpa."], "Olanchanos"),
        (["The CJNG and the Sinaloa Cartel fight over the crossing."], "Sinaloa Cartel"),
        (["Dijo que el Cártel del Golfo controla la ruta hacia Reynosa."], "Cártel del Golfo"),
        (["Una disputa entre la Mara Salvatrucha y la pandilla de la Calle 18."], "Calle 18"),
        (["Los reclusos integran la Asociación Ñeta desde los años 70."], "Asociación Ñeta"),
    ],
)
def test_cliques_factions_and_criminal_groups_by_name(scan, lines, expected):
    texts = [d.text for d in scan([lines]).of("gang_label")]
    assert any(expected in t for t in texts), texts


def test_an_i213_narrative_typed_in_capitals(scan):
    result = scan(
        [
            [
                "SUBJ WAS REFERRED TO ERO VIA SAFE PROGRAM LEAD NO. SV-23-0912. SAFE DATA LISTS",
                'SUBJ AS "MIEMBRO ACTIVO" OF MS-13, SAN COCOS LOCOS SALVATRUCHA (SCLS). PER',
                "THE PNC THE SCLS CLIQUE OPERATES IN SAN MIGUEL. SUBJ DENIED ANY MEMBERSHIP.",
            ]
        ]
    )
    safe = [d.text for d in result.of("safe")]
    gangs = [d.text for d in result.of("gang_label")]
    assert "SAFE PROGRAM" in safe and "SAFE DATA" in safe, safe
    assert any("MIEMBRO ACTIVO" in t for t in gangs), gangs
    assert "SAN COCOS LOCOS SALVATRUCHA" in gangs, gangs
    assert any(t.startswith("SCLS") for t in gangs[gangs.index("SAN COCOS LOCOS SALVATRUCHA") :])


def test_a_hyphenated_compound_is_one_finding_over_the_whole_word(scan):
    result = scan([["MCAC says TdA-affiliated individuals and MS-13-linked youths moved in."]])
    found = {d.text: d for d in result.of("gang_label")}
    assert {"TdA-affiliated", "MS-13-linked"} <= found.keys(), list(found)
    (rect,) = found["TdA-affiliated"].rects
    assert result.text_under(1, rect).strip() == "TdA-affiliated"


def test_a_gang_noun_heading_its_phrase_names_the_gang_in_a_document_about_gangs(scan):
    result = scan(
        [
            [
                "Her father was shot after the MS-13 demanded a weekly fee from the bus owners.",
                "She was told that the gang that killed him would finish the family.",
                "He said he was never in any gang. The gang unit kept a gang database entry.",
                "The robotics team calls itself the Gear Gang; the lunch gang plays chess.",
            ]
        ]
    )
    gangs = [d.text for d in result.of("gang_label")]
    assert "the gang" in gangs and "any gang" in gangs, gangs
    assert not any(t in ("The gang", "the Gear Gang", "the lunch gang") for t in gangs), gangs
    assert "gang database" in gangs and not any("gang unit" in t for t in gangs), gangs


def test_la_pandilla_heading_its_phrase_but_not_a_group_of_friends(scan):
    result = scan(
        [
            [
                "La PNC capturó a dos pandilleros de la MS-13 en la colonia.",
                "Uno tiene tatuajes alusivos a la pandilla en el pecho y dijo que la clica",
                "le cobraba renta. Sus amigos del barrio son la pandilla del parque.",
            ]
        ]
    )
    gangs = [d.text for d in result.of("gang_label")]
    assert gangs.count("la pandilla") == 1 and "la clica" in gangs, gangs


def test_a_gang_noun_stays_silent_where_gangs_are_not_spoken_of(scan):
    result = scan([["The whole gang of cousins came to the party, and the gang laughed."]])
    assert not result.of("gang_label"), [d.text for d in result.of("gang_label")]


def test_la_18_and_homeboy_once_gangs_are_named_but_not_a_date_nor_the_nonprofit(scan):
    result = scan(
        [
            ["La PNC capturó a cuatro pandilleros de la MS-13 en Soyapango."],
            [
                "Su madre dijo que le dijeron que era de la 18 porque tenía un tatuaje.",
                'Entre ellos un homeboy conocido como "Scooby", según la policía.',
                "Vive en la colonia la 18 de Septiembre y trabajó en Homeboy Industries.",
            ],
        ]
    )
    page_two = [d.text for d in result.pages[1][1] if d.category is Category.GANG_LABEL]
    assert page_two == ["la 18", "homeboy"], page_two


def test_a_gangs_letters_as_graffiti_show_them_but_not_single_initials(scan):
    result = scan(
        [
            [
                'Prosecutors say the clique\'s members spray the letters "CLPS" on garage doors.',
                'The tattoo shows the letters "D" and "M", his mother\'s initials.',
            ]
        ]
    )
    gangs = [d.text for d in result.of("gang_label")]
    assert "CLPS" in gangs and "D" not in gangs and "M" not in gangs, gangs


def test_bulldogs_the_gang_but_not_a_university_team_or_its_apparel(scan):
    result = scan(
        [
            [
                "Officers listed him as a documented Bulldog, a member of the F14 Bulldogs,",
                "with a history in the F-14 set. He wore a Fresno State Bulldogs sweatshirt;",
                "the school's teams are also called the Bulldogs.",
            ]
        ]
    )
    gangs = [d.text for d in result.of("gang_label")]
    assert any("Bulldog" in t and "F14" not in t for t in gangs), gangs
    assert any("F14 Bulldogs" in t for t in gangs) and any("F-14 set" in t for t in gangs), gangs
    assert sum("Bulldog" in t for t in gangs) == 2, gangs


def test_admissions_set_slang_and_quoted_programs_stay_silent_elsewhere(scan):
    result = scan(
        [
            [
                "The gang unit met. He was admitted to the United States and claims Honduras.",
                "He hiked three 14ers in Colorado last summer, his gang of cousins said.",
                'The school runs a "program" for reading. MS-13 was not named there.',
                "Wear your Bulldogs jersey to the game on Friday, the gang of fans said.",
            ]
        ]
    )
    gangs = [d.text for d in result.of("gang_label")]
    words = ("admitted", "14ers", "program", "Bulldogs")
    assert not any(w in " ".join(gangs) for w in words), gangs


def test_quoted_names_listed_with_quoted_gangs_but_not_a_members_nickname(scan):
    result = scan(
        [
            [
                'The school kept a gang list. Entries included "Norte," "Sur," "EBS" and',
                '"Hebbron Heights." Some were coded "Sureños" and "Salinas East Market."',
                'He was an MS-13 member "El Chele," police said; Wilber, a/k/a "Tecolote," 26,',
                'is an alleged homeboy. The file called him a "corredor" of the gang.',
            ]
        ]
    )
    gangs = [d.text for d in result.of("gang_label")]
    for name in ("Norte", "Sur", "EBS", "Hebbron Heights", "Salinas East Market", "corredor"):
        assert name in gangs, (name, gangs)
    assert not any(t in gangs for t in ("El Chele", "26", '"Norte', '" "Sur')), gangs


def test_part8_constructions(scan):
    result = scan(
        [
            [
                "The man's clique is one of several 18th Street cells that extort companies.",
                'The notice called him a "member of a criminal structure," a gang term.',
            ]
        ]
    )
    texts = [d.text for d in result.of("gang_label")]
    assert any("18th Street" in t for t in texts), texts
    assert any("criminal structure" in t for t in texts), texts


def test_la_18_before_an_ordinary_phrase_and_ficha_de_interpol(scan):
    result = scan(
        [
            [
                "Un conductor extorsionado por la clica de la 18 de su ruta, dijo el pandillero.",
                "Vive en la 18 de Septiembre. Tenía ficha roja de Interpol. La ficha de Interpol,",
                'añadió, "es una alerta internacional".',
            ]
        ]
    )
    gangs = [d.text for d in result.of("gang_label")]
    assert any("18" in t for t in gangs), gangs
    assert not any("Septiembre" in t for t in gangs), gangs
    assert any("ficha de Interpol" in d.text for d in result.of("red_notice"))


def test_a_quoted_rank_before_an_ordinary_de_phrase_is_not_a_gang_rank(scan):
    result = scan(
        [
            [
                "Lo describían como colaborador de la MS-13. Una notificación roja la tenía como",
                '"cabecilla" de una estructura de usurpación de tierras.',
                'La ficha lo clasificaba como "colaborador" de la pandilla desde 2019.',
            ]
        ]
    )
    gangs = [d.text for d in result.of("gang_label")]
    assert "cabecilla" not in gangs, gangs
    assert any("colaborador" in t for t in gangs), gangs
