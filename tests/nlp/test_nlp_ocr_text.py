"""OCR-tolerant matching: references OCR misread are found on OCR'd pages, and only there; the
offsets still point at the page's own text; ordinary words are not turned into lexicon words."""

from __future__ import annotations

import pytest

from annotator.core.model import PageText, Words
from annotator.nlp.normalize import fold
from annotator.nlp.ocr_text import distance, fold_ocr, vocabulary
from annotator.pdf.extract import build_text

MISREAD = [
    ("He was entered in CaIGang in 2019.", "gang_label", "CaIGang"),
    ("Both boys were described as Surefios by the officer.", "gang_label", "Surefios"),
    ("He was listed as an associate of the I8th Street gang.", "gang_label", "I8th"),
    ("The card listed him with Barrio l8 in 2019.", "gang_label", "Barrio l8"),
    ("The card said he ran with Barno 18 in Soyapango.", "gang_label", "Barno 18"),
    ("An INTERPOL Red Notiee was issued in 2021.", "red_notice", "Red Notiee"),
    ("The Mara Salva trucha clique was named.", "gang_label", "Mara Salva trucha"),
    ("Listed in the Gang;Assessment Database by the officer.", "gang_label", "Gang;Assessment"),
    ("Per the BR1C analyst, the card was sent on.", "fusion_center", "BR1C"),
    ("A report came through the ICE 5AFE program from El Salvador.", "safe", "5AFE"),
    ("La PNC solicitó una notificacién reja a INTERPOL.", "red_notice", "notificacién reja"),
    ("Boston Regional Intelligence\n1\nCenter analysts wrote it.", "fusion_center", "Center"),
    ("He was listed as a Surefio'associate by the officer.", "gang_label", "Surefio"),
    ("It repeats a fusion. center printout from 2021.", "fusion_center", "fusion."),
    ('Citó una "alerta" del Centro“de Fusión de Texas.', "fusion_center", "Centro“de"),
    ("Existía una notificación Foja de la policía.", "red_notice", "notificación Foja"),
    (
        "Information shared through the Security:\nEe aoe\nAlliance for Fugitive Enforcement.",
        "safe",
        "Security:",
    ),
    ("Related records: NCRIG bulletin 19-241.", "fusion_center", "NCRIG"),
    ("INTERPOL never published a\nRed. Notice for him.", "red_notice", "Red."),
    ("SUBJ REPORTEDLY AN MS-23 ASSOCIATE PER SCHOOL POLICE.", "gang_label", "MS-23"),
    ("VERIFIED MEMBER __ms-33 SEEN WITH SUBJ.", "gang_label", "ms-33"),
    ("He was described as a M5-l3 member.", "gang_label", "M5-l3"),
    ("SUBJ REPORTEDLY AN HS-23 ASSOCIATE PER SCHOOL POLICE.", "gang_label", "HS-23"),
    (  # an acronym that is more than the name's initials (those alone are taken everywhere)
        "The Centro Estatal de Fusión de Inteligencia : iE\n(CEFIN) shares data. CEFIN said so.",
        "fusion_center",
        "CEFIN)",
    ),
    ("Patterns involving Surejios sets were reported.", "gang_label", "Surejios"),
    ("Comuníquese con la O€N INTERPOL de San Salvador.", "red_notice", "O€N"),
    ("Count it whether or not the incident itself involved.a gang.", "gang_label", "involved.a"),
    # real OCR of degraded scans (regression corpus, degraded_1): a hyphen glued between two
    # words of a phrase, a stop after a small word, a colon glued between two words
    ("He was put in the NYPD's Criminal-Group\nDatabase in 2019.", "gang_label", "Criminal-Group"),
    (
        "Llega a ICE a través de los\ncentros de-fusión y del intercambio.",
        "fusion_center",
        "de-fusión",
    ),
    ("Lo registró como miembro-de la\n18th Street; el hombre lo negó.", "gang_label", "miembro-de"),
    (
        "Lo dijo el Centro Regional de. Inteligencia:de Boston (BRIC) en 2020.",
        "fusion_center",
        "de.",
    ),
    (
        "Desde 2023 el Centro Estatal de Fusión de Inteligencia (CEFI)'ha enviado fichas.",
        "fusion_center",
        "CEFI)'ha",
    ),
    (
        "coordinado por el Centro Estatal de Fusión — *\ny de Inteligencia (CEFI) de Chiapas.",
        "fusion_center",
        "CEFI",
    ),
    ("Cae en Queretaro presunto operador del CING\ncon ficha roja.", "gang_label", "CING"),
    (
        "testified that.defendant was a.member of the Colonia Chiques,\n\neeu a criminal street "
        "gang in Oxnard.",
        "gang_label",
        "Chiques,",
    ),
    ('Other entries read "Surl3," "E Bloc" or simply "TBD".', "gang_label", "Surl3"),
    ("One was described as possibly aligned w/ suri3 in the list.", "gang_label", "suri3"),
    ('Values included "MS13-ASSOC" and "I8ST" in the field.', "gang_label", "I8ST"),
    ("Órdenes de la clica lJocotales Locos Salvatrucha (JLS) en 2023.", "gang_label", "lJocotales"),
    # real OCR of degraded scans (degraded_1): a lexicon word that is the look-alike of the one
    # its neighbour pairs with, a short word misread before a number, noise of four small
    # letters inside a name broken over a line
    (
        "Interpol en\nMexico confirmó que la notification roja fue\npublicada en 2024.",
        "red_notice",
        "notification",
    ),
    ('Her son was threatened by “the ones from tha 18" near their apartment.', "gang_label", "tha"),
    ('Members of the MS-13 told him that "los de lta 18" had put out word.', "gang_label", "lta"),
    # real OCR of degraded scans: a quote glued after a small word, a digit in the margin at a
    # line's start, an opening quote at a line's start that nothing closes
    (
        "and an alleged leader of a‘lvcal group the police\n2 called Los Tercerones. Human rights",
        "gang_label",
        "Tercerones.",
    ),
    (
        "una célula del Cártel del Pacífico\n“Norte (CPN) encargada de la venta",
        "gang_label",
        "“Norte",
    ),
    # real OCR of degraded scans: a short word misread before a lexicon word
    ("Las maras y pandillas, incluidas ia Mara Salvatrucha y el Barrio 18.", "gang_label", "ia"),
    (
        "The government had requested a fed notice that was never published.",
        "red_notice",
        "fed",
    ),
    # real OCR of degraded scans: a code's letter read as a digit, noise after a line-end hyphen
    ("Que la ALD es una de las clicas de la 18-5 con mayor presencia.", "gang_label", "18-5"),
    (
        "Panamá ha capturado a 19 personas con notif- E o\nicaciones rojas, la mayoría.",
        "red_notice",
        "notif-",
    ),
    # real OCR of a degraded scan: a lone letter read at a line's end
    (
        'The officer stated that Westfield Locos (also i\nwritten "WFL") is a local street gang.',
        "gang_label",
        "WFL",
    ),
    # real OCR of degraded scans: a quote glued to the next word, quotes read as asterisks, a
    # speck read as a stop after a closing quote
    (
        "The indictment describes the defendants as “members.and associa-\ntes of the "
        'Trinitarios"and alleges that MCB members carried guns.',
        "gang_label",
        "members.and",
    ),
    (
        "He was a clique of the 18th Street gang's *Revolucionarios* faction.",
        "gang_label",
        "Revolucionarios",
    ),
    (
        'Un joven contó que lo "validaror* como miembro de los Sureños porque vivía en el barrio.',
        "gang_label",
        "validaror",
    ),
    ('era conocido dentro\nde la 18. como "shot caller".de la Zona 18', "gang_label", "shot"),
    (
        "Honduras published an INTERPOL Red ecor\nNotice for him in june 2021.",
        "red_notice",
        "INTERPOL",
    ),  # real OCR of degraded scans (degraded_1, this release): acronyms misread by one letter, a
    # letter read as two, "!" for "l", a small word or a hyphen misread, marks glued or doubled
    ("2. Request the jRIC product and its source field.", "fusion_center", "jRIC"),
    ("08/30 | Spanish for analysts: police terms [RIC (virtual)", "fusion_center", "[RIC"),
    ("the Pennsylvania Criminal Intelligence Center\n(PaCiC) that calls", "fusion_center", "PaCiC"),
    ("operador financiero del Cártel\nJalisco Nueva Generación (C]NG) y", "gang_label", "C]NG"),
    ("Cae en Querétaro presunto operador del CJING\ncon ficha roja", "gang_label", "CJING"),
    ("teens were labeled as gatig members on thin evidence.", "gang_label", "gatig"),
    ("por el Centro Naciona! de Fusión de Inteligencia.", "fusion_center", "Naciona!"),
    ("the clique as a small East Boston cell\nof MS+13, it does not", "gang_label", "MS+13"),
    ("He testified that Ja mara had in fact threatened him.", "gang_label", "Ja"),
    ("Security Alliance (ICE Sec-\n1 urity Alliance for Fugitive Enforcement)?", "safe", "Sec-"),
    (
        "Ejemplos: el Centro Conjunto Regional de Inteligencia (J RIC) en Los",
        "fusion_center",
        "J RIC",
    ),
    (
        "información del Centro\nNacional de Fusión de Inteligencia (CENFH y del",
        "fusion_center",
        "CENFH",
    ),
    ("extranjeros con notificaciones rojas,.la mayoria", "red_notice", "notificaciones"),
    (
        "Interpol publicó una Notificac a\nión Roja a solicitud de Honduras",
        "red_notice",
        "Notificac",
    ),
    (
        "young men named as members of the\n* Avenues say they are still stopped",
        "gang_label",
        "Avenues",
    ),
]


def page(text: str, ocr_done: bool) -> PageText:
    """A page whose words are laid out one line of text per visual line, read by OCR or not."""
    raw = []
    for n, line in enumerate(text.split("\n")):
        x = 72.0
        for k, token in enumerate(line.split()):
            raw.append((x, 100 + 14 * n, x + 6 * len(token), 110 + 14 * n, token, 0, n, k))
            x += 6 * len(token) + 4
    built, words = build_text(raw)
    return PageText(1, 612, 792, 0, built, Words.of(words), needs_ocr=True, ocr_done=ocr_done)


@pytest.mark.parametrize(("text", "category", "misread"), MISREAD)
def test_a_misread_reference_is_found_on_an_ocr_page_only(detector, text, category, misread):
    found = detector.detect_page(page(text, ocr_done=True))
    hits = [d for d in found if d.category.value == category]
    assert hits, f"{misread!r} not found on the OCR'd page"
    ocr_page = page(text, ocr_done=True)
    start = ocr_page.text.index(misread.split()[0].split(";")[0])
    assert any(d.start <= start < d.end for d in hits), "the offsets point at the misread word"
    assert all(d.rects for d in hits)
    typed = [
        d for d in detector.detect_page(page(text, ocr_done=False)) if d.category.value == category
    ]
    assert not any(d.start <= start < d.end for d in typed), "born-digital text stays exact"


@pytest.mark.parametrize(
    "text",
    [
        "The subject stated that the office kept the records.",  # stated/state, office/officer
        "A query of NCIC returned no record.",  # NCIC is not NCRIC
        "La Comisión de Control revisó el expediente de la persona.",  # Control is not Centro
        "Se informó al centro de salud; no hay datos de fusión.",  # de fusión is not difusión
        "Keep the cafeteria log in the office safe.",
        "The officer's note said the boy's brother didn't know.",  # contractions stay
        "Se fue a la notificación de la foja del expediente.",  # foja is a word of its own
        "He left the house. Notice was given the next day.",  # a sentence's end stays one
        "The program serves children aged 5-13 and their parents.",  # an age range, not MS-13
        "The student said that the “clique” was her lunch table.",  # a word in quotes stays
        "Children from 14 to 18 years old took part.",  # a real word before a number stays
        "Judge Smith* concurring, the panel wrote.",  # a footnote's asterisk stays
        "Vive en la casa y\nluego se fue a la escuela e\niglesia.",  # "y", "e" at a line's end stay
        "The notification came in 2021; roja was never said.",  # no phrase, no look-alike
        "The Monte Cristo Block crew, called MCB, was named.",  # three letters: MCB is no NCB
        "The budget was limited per year and les dijo que no.",  # real words stay
        "A blue-and-white flag; come see them! now.",  # a compound, a "!" before a word
    ],
)
def test_ordinary_words_on_an_ocr_page_stay_what_they_are(detector, text):
    assert detector.detect_page(page(text, ocr_done=True)) == []


def test_the_repaired_text_maps_back_to_the_page_text(detector):
    text = "Surefios and the Mara Salva trucha, per BR1C"
    folded = fold_ocr(text, vocabulary(detector.lexicon))
    assert folded.text == "Surenos and the Mara Salvatrucha, per BRIC"
    for word, misread in (
        ("Surenos", "Surefios"),
        ("Salvatrucha", "Salva trucha"),
        ("BRIC", "BR1C"),
    ):
        at = folded.text.index(word)
        start, end = folded.to_page(at, at + len(word))
        assert text[start:end] == misread


def test_look_alike_letters_cost_less_than_other_changes():
    assert distance("barno", "barrio") < 0.5  # "ri" read as "n"
    assert distance("calgang", "caigang") < 0.5
    assert distance("surefios", "surenos") < 0.5  # an English model's "ñ"
    assert distance("stated", "state") > 1.0  # a letter lost: two real words
    assert distance("point", "joint") >= 1.0


def test_a_speck_read_as_a_stop_between_small_letters_is_a_space_but_not_in_an_address(detector):
    words = vocabulary(detector.lexicon)
    assert fold_ocr("itself involved.a gang", words).text == "itself involved a gang"
    assert fold_ocr("the members,of the clique", words).text == "the members of the clique"
    for kept in ("see www.ice.gov today", "that is, i.e. the form", "the gang.He left", "No.5"):
        assert fold_ocr(kept, words).text == fold(kept).text


def test_a_stop_glued_after_a_small_word_is_a_space_but_not_in_an_abbreviation(detector):
    words = vocabulary(detector.lexicon)
    assert fold_ocr("testified he was a.member of the clique", words).text == (
        "testified he was a member of the clique"
    )
    assert fold_ocr("de la.clica Jocotales", words).text == "de la clica Jocotales"
    assert fold_ocr("ta:y, en.el caso de los", words).text.startswith("ta:y, en el ")
    for kept in ("e.g. the form", "at 9 a.m. today", "alias a.k.a. Chino"):
        assert fold_ocr(kept, words).text == fold(kept).text


def test_a_small_word_on_a_line_of_its_own_is_not_taken_for_noise(detector):
    words = vocabulary(detector.lexicon)
    text = "tiene tatuajes alusivos a la pandilla\nen el pecho"
    assert "pandilla en el pecho" in fold_ocr(text, words).text


def test_specks_read_as_marks_where_print_has_none_are_put_right(detector):
    words = vocabulary(detector.lexicon)
    assert fold_ocr("(CEFI)'ha dicho. El CEFI.'que opera", words).text == (
        "(CEFI) ha dicho. El CEFI que opera"
    )
    assert fold_ocr("los pan-=\ndilleros de VM18", words).text == "los pandilleros de VM18"
    for kept in ("the boy's note", "didn't", "(1)'s", "lOs", "McDonald"):
        assert fold_ocr(kept, words).text == fold(kept).text


def test_noise_read_as_a_word_of_vowels_goes_but_real_words_stay(detector):
    words = vocabulary(detector.lexicon)
    assert fold_ocr("the Colonia Chiques,\neeu a criminal", words).text.endswith(
        "Chiques, a criminal"
    )
    for kept in ("deportado de EE UU en 2020", "la AA de Tijuana", "Oi, he said", "ea, vamos"):
        assert fold_ocr(kept, words).text == fold(kept).text


def test_real_ocr_of_a_degraded_page_finds_a_misread_code_there_only(detector, tmp_path):
    """A page built with PyMuPDF, degraded by eval/degrade.py (harsh, seed 4: the same bytes
    every run) and OCR'd as the app does: Tesseract reads "Sur13" as "Surl3"."""
    import dataclasses

    import pymupdf
    from ocr_support import degrade, tesseract

    engine = tesseract()
    from annotator.pdf.ocr import ocr_page

    lines = [
        "The detective testified that the defendant was a member of",
        "the Colonia Chiques, a criminal street gang in Oxnard. He said",
        "the NYPD's Criminal Group Database and the BRIC list him too.",
        "Other entries read Sur13, Los Trece Colmillos or simply TBD.",
        "El Centro Regional de Inteligencia de Boston (BRIC) lo dijo.",
    ]
    src, dst = tmp_path / "src.pdf", tmp_path / "degraded.pdf"
    with pymupdf.open() as doc:
        sheet = doc.new_page(width=612, height=792)
        for n, line in enumerate(lines):
            sheet.insert_text((72, 120 + 18 * n), line, fontsize=11, fontname="tiro")
        doc.save(src)
    degrade.degrade_pdf(src, dst, seed=4, severity="harsh")
    with pymupdf.open(dst) as pdf:
        read = ocr_page(pdf[0], engine)
    if "Surl3" not in read.text:
        pytest.skip("this Tesseract reads the page otherwise")
    read.ocr_done = True
    at = read.text.index("Surl3")
    found = detector.detect_page(read)
    assert any(d.category.value == "gang_label" and d.start <= at < d.end for d in found)
    typed = dataclasses.replace(read, ocr_done=False)
    assert not any(d.start <= at < d.end for d in detector.detect_page(typed))


def test_codes_misread_with_a_speck_or_a_digit_are_put_right_on_an_ocr_page(detector):
    """Real OCR of degraded scans (degraded_1): "£DD-18" for "CDD-18", "8CLS's" for "BCLS's",
    "MS-13.en" with a speck for the space; a web address and a decimal stay."""
    words = vocabulary(detector.lexicon)
    for read, meant in [
        (
            "la clica\nCrazy Demons Dieciocho (£DD-18), una",
            "la clica Crazy Demons Dieciocho (CDD-18), una",
        ),
        ("alleged homeboy and 8CLS's treasurer", "alleged homeboy and BCLS's treasurer"),
        ("Se cobro de la MS-13.en San Pedro Sula", "Se cobro de la MS-13 en San Pedro Sula"),
    ]:
        assert fold_ocr(read, words).text == fold(meant).text
    for kept in ("see ms-13.org for it", "a rate of 13.5 percent", "the 8AM count", "a 4WD truck"):
        assert fold_ocr(kept, words).text == fold(kept).text
    found = detector.detect_page(page("Se cobro de la MS-13.en San Pedro Sula.", ocr_done=True))
    assert any("MS-13" in d.text for d in found)
    typed = detector.detect_page(page("Se cobro de la MS-13.en San Pedro Sula.", ocr_done=False))
    assert not any("MS-13" in d.text for d in typed)


def test_a_name_read_two_ways_on_a_page_is_found_where_it_recurs(detector):
    """Real OCR of a degraded scan (degraded_1): "Los Fiznados" ... "los Tiznados". A look-alike
    letter makes two readings of one name; an unlike one keeps two names apart."""
    text = (
        "Contenan a integrantes de Los Fiznados, estructura de la MS-13 en San Pedro Sula.\n"
        "Según la acusación, una parte del grupo rompió con los Tiznados y formó una célula."
    )
    at = text.index("Tiznados")
    found = detector.detect_page(page(text, ocr_done=True))
    assert any(d.start <= at < d.end for d in found if d.category.value == "gang_label")
    typed = detector.detect_page(page(text, ocr_done=False))
    assert not any(d.start <= at < d.end for d in typed)
    words = vocabulary(detector.lexicon)
    for kept in ("Hernández declaró y Fernández lo negó.", "la célula que. En cigron"):
        assert fold_ocr(kept, words).text == fold(kept).text


def test_quotes_and_digits_that_belong_to_the_text_stay(detector):
    words = vocabulary(detector.lexicon)
    for kept in (
        "d'Aubuisson said he didn't know; it's l'affaire of the year",
        "the members of\n2 cliques were named",  # a number after a small word stays
        "The team won 18-5 and lost 12-15 in well- a\nfew games",  # scores, a real dash
        "“Norte” was the word\n“Sur” the other",  # quotes closed later stay
        'He left in 2019.\n"The gang had grown, his mother said, and he was afraid of it since',
        "1,300 fichas de- a E\npersonas",  # a small word before the hyphen: no join
    ):
        assert fold_ocr(kept, words).text == fold(kept).text


def test_real_short_words_are_not_taken_for_misread_ones(detector):
    """Real OCR of degraded scans: "si", "era", "man" are words; "te" between "de" and the
    phrase's next word is noise, not a second "de"."""
    words = vocabulary(detector.lexicon)
    for kept in ("no constituye por si misma prueba", "BLLS era rival de la", 'aS "man, Mara'):
        assert fold_ocr(kept, words).text == fold(kept).text
    assert "de de" not in fold_ocr("el Centro Estatal de Fusión de\nte Inteligencia", words).text


# Real OCR of the regression corpus's degraded scans: a corpus text laid out as the evaluation
# lays it out (eval/make_pdfs.py), degraded by eval/degrade.py with the seed the evaluation gives
# it (seed 1: 1000 + its place among the corpus's texts), one page read by Tesseract as the app
# reads it. Each misread is one a repair of this release puts right; the reference is found on
# the OCR'd page (a finding over `target`) and not when the same text is taken for
# born-digital.
DEGRADED_CORPUS = [
    # a bracket read for the J of an acronym
    ("es_prensa_mx_cjng", 96, 0, "C]NG", "C]NG", "gang_label"),
    # a blank line read after a small word no paragraph ends on
    ("en_news_texas_fusion", 20, 0, 'of\n\n"Tango"', "Tango", "gang_label"),
    # a code's hyphen read as a plus
    ("en_y01_eastie_database_wire", 61, 0, "MS+13", "MS+13", "gang_label"),
    # a speck read as a quote after a bracket and a comma, glued to the next word
    ("es_p5_07_boletin_pnc_gt", 84, 0, "(VM18),'una", "VM18", "gang_label"),
    # two marks glued between two words
    ("es_y06_honduras_captura_notificacion_roja", 118, 1, "rojas,.la", "rojas", "red_notice"),
]


@pytest.mark.parametrize(
    ("name", "place", "number", "misread", "target", "category"), DEGRADED_CORPUS
)
def test_real_ocr_of_a_degraded_corpus_page_is_repaired_there_only(
    detector, tmp_path, name, place, number, misread, target, category
):
    import dataclasses

    read = _degraded_corpus_page(tmp_path, name, place, number)
    if misread not in read.text:
        pytest.skip(f"this Tesseract reads the page otherwise (no {misread!r})")
    read.ocr_done = True
    at = read.text.index(misread) + misread.index(target)
    word_end = at + len(target)
    found = [d for d in detector.detect_page(read) if d.category.value == category]
    assert any(d.start < word_end and d.end > at for d in found), f"{misread!r} not repaired"
    typed = dataclasses.replace(read, ocr_done=False)
    typed_found = [d for d in detector.detect_page(typed) if d.category.value == category]
    assert not any(d.start < word_end and d.end > at for d in typed_found), "born-digital stays"


def test_real_ocr_of_a_degraded_corpus_page_gets_its_small_words_and_hyphens_right(
    detector, tmp_path
):
    """The regression corpus's DVIC bulletin, degraded as the evaluation degrades it: "the 22nd
    ahd Somerset crew, ... the-Norris Boys" is read "and", "the Norris" on the OCR'd page only."""
    read = _degraded_corpus_page(tmp_path, "en_fusion_bulletin_dvic", 6, 0)
    if "22nd ahd Somerset" not in read.text or "the-Norris" not in read.text:
        pytest.skip("this Tesseract reads the page otherwise")
    words = vocabulary(detector.lexicon)
    repaired = " ".join(fold_ocr(read.text, words).text.split())
    assert "the 22nd and Somerset crew" in repaired
    assert "the Norris Boys" in repaired
    assert "ahd Somerset" in fold(read.text).text  # what born-digital text would keep


def _degraded_corpus_page(tmp_path, name: str, place: int, number: int) -> PageText:
    """Page `number` (0-based) of a corpus text laid out, degraded with the seed the evaluation
    gives the text at `place` (seed 1), and read by Tesseract."""
    from pathlib import Path

    import pymupdf
    from ocr_support import degrade, tesseract

    from annotator.pdf.ocr import ocr_page
    from eval import make_pdfs
    from eval.markup import convert

    engine = tesseract()
    root = Path(__file__).resolve().parents[2]
    text, _ = convert((root / "eval/corpus/marked" / f"{name}.txt").read_text(encoding="utf-8"))
    make_pdfs.lay_out(name, text, tmp_path, False)
    dst = tmp_path / "degraded.pdf"
    degrade.degrade_pdf(tmp_path / f"{name}.pdf", dst, seed=1000 + place, severity="typical")
    with pymupdf.open(dst) as pdf:
        return ocr_page(pdf[number], engine)


def test_noise_at_a_line_start_inside_a_name_goes_where_it_is_no_word_of_the_page(detector):
    """Real OCR of a degraded scan (degraded_1): "Guanacos Criminales⏎on Salvatrucha (GCS)" on a
    Spanish page, where "on" is no word; on an English page "on" is one and stays."""
    words = vocabulary(detector.lexicon)
    text = "palabrero de la clica Guanacos Criminales\non Salvatrucha (GCS), una estructura"
    assert "Criminales Salvatrucha (GCS)" in fold_ocr(text, words, "es").text
    assert "Criminales on Salvatrucha" in fold_ocr(text, words, "en").text
    assert "Police en Monday" in fold_ocr("Boston Police\nen Monday", words, "es").text
    assert "Police on Monday" in fold_ocr("Boston Police\non Monday", words, "en").text
    assert "on Salvatrucha" in fold_ocr(text, words).text  # no language told: left as read
