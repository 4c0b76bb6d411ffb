"""Who a gang reference is about, read on real PDFs by the real pipeline, in English and Spanish:
the respondent, the gang as persecutor, someone else, or background."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from annotator.core.model import Category, Role
from annotator.core.paths import models_dir
from annotator.nlp.detect import Detector
from annotator.nlp.role_cues import load_role_cues
from annotator.pdf.extract import iter_pages, open_pdf

# (page lines, the reference's text, its role): each in the style of a document of a case file.
CASES = [
    # subject: labels the respondent, hedged or negated ones included
    (
        ["Name: GARCIA-PEREZ, Jonathan", "The subject is a documented MS-13 associate per BPD."],
        "MS-13 associate",
        Role.SUBJECT,
    ),
    (
        ["Records checks in TECS revealed no gang affiliation for the subject."],
        "gang affiliation",
        Role.SUBJECT,
    ),
    (
        ["El investigado posee ficha como miembro activo de la MS-13, según la PNC."],
        "miembro activo de la MS-13",
        Role.SUBJECT,
    ),
    (
        ["El imputado manifestó que no es pandillero y que trabaja en una panadería."],
        "pandillero",
        Role.SUBJECT,
    ),
    # persecutor: the gang harming or threatening the respondent or the family
    (
        ["The applicant stated that members of Barrio 18 beat her and threatened her son."],
        "Barrio 18",
        Role.PERSECUTOR,
    ),
    (
        ["In 2018 MS-13 extorted my market stall every Friday and threatened to kill me."],
        "MS-13",
        Role.PERSECUTOR,
    ),
    (
        ["La denunciante manifiesta que dos pandilleros le exigieron la renta de su tienda."],
        "pandilleros",
        Role.PERSECUTOR,
    ),
    (["Por eso huí de la MS-13 con mi hija en julio de 2021."], "MS-13", Role.PERSECUTOR),
    # third party: labels someone else
    (
        ["The subject's cousin, Kevin PEREZ, is a validated MS-13 member deported in 2019."],
        "MS-13 member",
        Role.THIRD_PARTY,
    ),
    (
        ["Su hermano, Carlos Ernesto, es miembro de la pandilla 18 y está preso en Izalco."],
        "miembro de la pandilla 18",
        Role.THIRD_PARTY,
    ),
    # background: country conditions, gangs or databases in general
    (
        ["Gangs such as MS-13 control much of San Salvador, according to human rights reports."],
        "MS-13",
        Role.BACKGROUND,
    ),
    (
        ["En Honduras la Mara Salvatrucha controla barrios enteros y cobra a los transportistas."],
        "Mara Salvatrucha",
        Role.BACKGROUND,
    ),
]


def _role_of(scan, lines: list[str], text: str) -> Role | None:
    found = [d for d in scan([lines]).of("gang_label") if text.lower() in d.text.lower()]
    assert found, f"the detector did not find {text!r}"
    return found[0].role


@pytest.mark.parametrize(("lines", "text", "role"), CASES, ids=[f"{c[2]}-{c[1]}" for c in CASES])
def test_each_role_in_both_languages(scan, lines, text, role):
    assert _role_of(scan, lines, text) is role


def test_the_same_name_takes_different_roles_in_one_paragraph(scan):
    lines = [
        "The respondent testified that he was threatened by MS-13 because",
        "his cousin is a member of Barrio 18, and he denied any gang membership.",
    ]
    found = {d.text: d.role for d in scan([lines]).of("gang_label")}
    assert found["MS-13"] is Role.PERSECUTOR
    assert found["member of Barrio 18"] is Role.THIRD_PARTY
    assert found["gang membership"] is Role.SUBJECT


def test_only_gang_references_have_a_role(scan):
    page = scan([["ICE received the PNC report under the SAFE program; he is an MS-13 member."]])
    by_category = {d.category: d.role for d in page.detections}
    assert by_category[Category.SAFE] is None
    assert by_category[Category.GANG_LABEL] is Role.SUBJECT


def test_a_phrase_across_a_line_break_is_read_as_one_sentence(scan):
    lines = [
        "When she refused, two members of the Mara Salva-",
        "trucha beat her outside the house.",
    ]
    (found,) = scan([lines]).of("gang_label")
    assert found.text == "members of the Mara Salvatrucha" and found.role is Role.PERSECUTOR


def test_the_cues_are_data_a_clinic_can_extend(tmp_path: Path, make_pdf, scan_file):
    """A kin word added to models/roles/roles.en.json makes its holder someone else."""
    pdf = make_pdf([["Her padrino is an MS-13 member, the declarant stated."]])
    assert scan_file(pdf).of("gang_label")[0].role is Role.SUBJECT
    models = tmp_path / "models"
    shutil.copytree(models_dir(), models)
    cues = models / "roles" / "roles.en.json"
    data = json.loads(cues.read_text(encoding="utf-8"))
    data["family"].append("padrino")
    cues.write_text(json.dumps(data), encoding="utf-8")
    load_role_cues.cache_clear()
    pdf_doc = open_pdf(pdf)
    try:
        pages = list(iter_pages(pdf_doc))
    finally:
        pdf_doc.close()
    ((_, detections),) = Detector(models).detect_pages(pages)
    assert [d.role for d in detections] == [Role.THIRD_PARTY]
