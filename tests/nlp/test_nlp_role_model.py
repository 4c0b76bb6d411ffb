"""The trained second opinion on roles (annotator/nlp/role_model.py): the shipped classifier
loads from models/, reads clear references in English and Spanish on real PDFs through the
real pipeline, and tools/train_roles.py trains it end to end, the same weights every time."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.core.model import Role
from annotator.core.paths import models_dir, sample_dir
from annotator.nlp import role_model
from annotator.nlp.detect import Detector
from annotator.nlp.role_model import RoleModel, features, load_role_model, words_of
from tools import train_roles

ROOT = Path(__file__).resolve().parents[2]

CLEAR = [
    (
        ["Name: GARCIA-PEREZ, Jonathan", "The subject is a documented MS-13 associate per BPD."],
        "MS-13 associate",
        Role.SUBJECT,
    ),
    (
        ["In 2018 MS-13 extorted my market stall every Friday and threatened to kill me."],
        "MS-13",
        Role.PERSECUTOR,
    ),
    (
        ["El investigado posee ficha como miembro activo de la MS-13, según la PNC."],
        "miembro activo de la MS-13",
        Role.SUBJECT,
    ),
    (
        ["La denunciante manifiesta que dos pandilleros le exigieron la renta de su tienda."],
        "pandilleros",
        Role.PERSECUTOR,
    ),
    (
        ["Gangs such as MS-13 control much of San Salvador, according to human rights reports."],
        "MS-13",
        Role.BACKGROUND,
    ),
    (
        ["Su hermano, Carlos Ernesto, es miembro de la pandilla 18 y está preso en Izalco."],
        "miembro de la pandilla 18",
        Role.THIRD_PARTY,
    ),
]


def test_the_shipped_classifier_loads_once_from_models():
    model = load_role_model(models_dir())
    assert isinstance(model, RoleModel)
    assert load_role_model(models_dir()) is model  # once per process
    assert set(model.textcat.labels) == {r.value for r in Role}
    assert 0.0 < model.policy.threshold <= 1.0
    files = [p for p in (models_dir() / "roles" / role_model.MODEL_DIR).rglob("*") if p.is_file()]
    assert sum(p.stat().st_size for p in files) < 5_000_000


@pytest.mark.parametrize(("lines", "text", "role"), CLEAR, ids=[f"{c[2]}-{c[1]}" for c in CLEAR])
def test_the_classifier_reads_clear_references_on_a_real_pdf(scan, detector, lines, text, role):
    """The pipeline shows the expected role, and the classifier on its own names it too."""
    opinions = []
    shipped = detector.second_opinion

    def listen(reader, start, end, s_start, s_end, subtype, rule):  # type: ignore[no-untyped-def]
        model = load_role_model(detector.models_dir)
        assert model is not None
        groups = features(reader, start, end, s_start, s_end, subtype, rule)
        cats = model.probabilities(words_of(groups, model.policy.groups))
        opinions.append((reader.text[start:end], max(cats, key=cats.__getitem__)))
        return shipped(reader, start, end, s_start, s_end, subtype, rule)

    detector.second_opinion = listen
    try:
        found = [d for d in scan([lines]).of("gang_label") if text.lower() in d.text.lower()]
    finally:
        detector.second_opinion = shipped
    assert found and found[0].role is role
    assert any(text.lower() in t.lower() and best == role.value for t, best in opinions)


def test_a_models_directory_without_the_classifier_gets_the_rules_alone(tmp_path, make_pdf):
    models = tmp_path / "models"
    shutil.copytree(models_dir(), models)
    shutil.rmtree(models / "roles" / role_model.MODEL_DIR)
    assert load_role_model(models) is None
    from annotator.pdf.extract import iter_pages, open_pdf

    pdf = make_pdf([["In 2018 MS-13 extorted my market stall every Friday."]])
    with open_pdf(pdf) as doc:
        pages = list(iter_pages(doc))
    ((_, found),) = Detector(models).detect_pages(pages)
    assert [d.role for d in found] == [Role.PERSECUTOR]


def test_the_training_script_runs_end_to_end_reproducibly(tmp_path):
    """Examples extracted from two marked texts (laid out, scanned, matched to gold), a model
    trained on them twice: the same weights, loadable by the product."""
    marked = tmp_path / "set" / "marked"
    marked.mkdir(parents=True)
    source = ROOT / "eval" / "roles" / "unseen2" / "marked"
    for name in ("en_i213_newark.txt", "es_declaracion_guatemala2.txt"):
        shutil.copy(source / name, marked / name)
    examples = tmp_path / "examples.jsonl"
    assert train_roles.main(["extract", str(examples), str(tmp_path / "set")]) == 0
    lines = [json.loads(x) for x in examples.read_text(encoding="utf-8").splitlines()]
    assert len(lines) >= 5 and {x["gold"] for x in lines} >= {"subject", "persecutor"}
    weights = []
    for run in ("a", "b"):
        out = tmp_path / run / "roles"
        args = ["train", str(examples), "--threshold", "0.6", "--out", str(out)]
        assert train_roles.main(args) == 0
        weights.append((out / role_model.MODEL_DIR / "textcat" / "model").read_bytes())
        assert json.loads((out / role_model.POLICY).read_text())["threshold"] == 0.6
    assert weights[0] == weights[1]
    model = role_model._load(tmp_path / "a" / "roles")
    assert model is not None and model.policy.threshold == 0.6


def test_the_sample_cases_labels_on_the_respondent_stay_his(tmp_path):
    """A retrained classifier must not move the sample case's clearest labels on the respondent
    to someone else: the I-213's "profiled as a member of the 18th Street gang" and the Red
    Notice's "presunto miembro activo de la clica «Ribera Locos Salvatrucha» de la MS-13" (a
    classifier trained with unseen13 did, and was not shipped). Scanned as a user would."""
    files = [next(sample_dir().glob("01_*.pdf")), next(sample_dir().glob("05_*.pdf"))]
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path)}
    out = subprocess.run(
        [sys.executable, "-m", "annotator", "scan", *map(str, files), "--json"],
        capture_output=True,
        text=True,
        check=True,
        env=env,
        timeout=300,
    ).stdout
    found = [json.loads(line) for line in out.splitlines() if line.startswith("{")]

    def role(prefix: str, page: int, text: str) -> set[str]:
        return {
            f["role"]
            for f in found
            if Path(f["file"]).name.startswith(prefix) and f["page"] == page and f["text"] == text
        }

    assert role("01_", 3, "member of the 18th Street gang") == {"subject"}
    assert role("05_", 3, "Ribera Locos Salvatrucha") == {"subject"}
    assert role("05_", 3, "MS-13") == {"subject"}
