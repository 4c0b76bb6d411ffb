"""Train the gang-reference role classifier (annotator/nlp/role_model.py) on the marked eval sets.

Examples are made as the product sees them: each set's texts are laid out as PDFs
(eval/make_pdfs.py, the eval kit's layouts), read back with the product's extraction and
detected by the product's pipeline in this process (pages, then the document settled, as
`annotator scan` does without a worker). Every gang reference the detector finds gets its
feature words from role_model.features, computed from the same RoleReader the rules used, with
the rules' role; a finding is matched to a gold reference by geometry, as
eval-kit/score_roles.py does (the first finding that hits a gold span decides its role, so that
finding is the example).

    python tools/train_roles.py extract OUT.jsonl [SET_DIR ...] [--no-units]
        (default: every eval/roles set, and the role unit tests' cases as the set "unit")
    python tools/train_roles.py train EXAMPLES.jsonl --threshold T [--variant model|stacked]
        [--out MODELS_ROLES_DIR]

`train` writes MODELS_ROLES_DIR/model/ (a spaCy pipeline with one textcat) and model.json (the
feature groups and the override threshold). Training is deterministic: fixed seed, fixed order.
eval/roles/cv_roles.py measures it leave-one-set-out.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from annotator.core.model import Category, Role  # noqa: E402
from annotator.nlp import role_model  # noqa: E402
from annotator.nlp.role_model import GROUPS, features, words_of  # noqa: E402

SETS = ROOT / "eval" / "roles"
LABELS = tuple(r.value for r in Role)
SEED = 0
GROUPS_USED = ("rule", "span", "sent", "window", "hits", "prev", "next", "page")
VARIANTS = {
    "model": tuple(g for g in GROUPS_USED if g != "rule"),
    "stacked": GROUPS_USED,
}
"""The classifier without the rules' role among its features, and with it."""
EPOCHS = 12
DROPOUT = 0.2
BATCH = 16
NGRAMS = 2
LENGTH = 2**17
"""Hashed feature rows of the bag of words (x 4 classes x 4 bytes: 2 MB)."""


def role_sets() -> list[Path]:
    """The marked eval sets, in a fixed order."""
    return sorted(p.parent for p in SETS.glob("*/marked"))


# ---------------------------------------------------------------- extraction


def extract(set_dirs: Iterable[Path]) -> list[dict[str, Any]]:
    """One example per gold gang reference with a role that a finding hits."""
    sys.path.insert(0, str(ROOT / "eval" / "roles"))
    from build import build  # eval/roles/build.py: the markup to texts/ and gold/

    from annotator.nlp.detect import Detector

    detector = Detector()
    examples = []
    for set_dir in set_dirs:
        set_dir = Path(set_dir)
        _quiet(build, set_dir)
        with tempfile.TemporaryDirectory() as tmp:
            examples += _extract_set(detector, set_dir, Path(tmp))
    return examples


UNIT_TESTS = {
    "tests.nlp.test_nlp_roles": 0,
    "tests.nlp.test_nlp_role_agents": -1,
    "tests.nlp.test_nlp_role_voices": -1,
    "tests.nlp.test_nlp_role_answers": -1,
    "tests.nlp.test_nlp_role_clauses": 0,
}
"""The role unit tests whose CASES become examples of the set "unit", and which of the
references matching a case's text the test reads (first or last)."""
UNIT = "unit"
UNIT_PAGES = [
    # tests/nlp/test_nlp_role_agents.py::test_the_respondents_name_is_carried_to_the_next_page
    ("tests.nlp.test_nlp_role_agents", ("_PAGE_1", "_PAGE_2"), "Salvatrucha", Role.PERSECUTOR),
    ("tests.nlp.test_nlp_role_agents", ("_PAGE_2",), "Salvatrucha", Role.BACKGROUND),
    # tests/export/test_memo_roles.py: the database's name in the printout's title, no label
    ("tests.export.test_memo_roles", ("BRIC",), "Gang Assessment Database", Role.BACKGROUND),
]
"""Role tests of several pages or with no CASES: (module, its page constants, text, role); the
pages are laid out by the module's own write_pdf if it has one."""


def extract_units() -> list[dict[str, Any]]:
    """The role unit tests' cases (page lines, text, role), laid out as the tests lay them out
    (tests/conftest.write_pdf) and read by the real pipeline: examples of the set "unit". The
    rules were written for these cases; they are training data here, never held out."""
    import importlib

    from annotator.nlp.detect import Detector
    from tests.conftest import write_pdf

    detector = Detector()
    out = []
    cases = [
        (name, which, j, [case[0]], case[1], case[2], write_pdf)
        for name, which in UNIT_TESTS.items()
        for j, case in enumerate(importlib.import_module(name).CASES)
    ]
    for j, (name, pages, text, role) in enumerate(UNIT_PAGES):
        module = importlib.import_module(name)
        lay_out = getattr(module, "write_pdf", write_pdf)
        pages_of = [getattr(module, p) for p in pages]
        cases.append((name, -1, 1000 + j, pages_of, text, role, lay_out))
    with tempfile.TemporaryDirectory() as tmp:
        for k, (name, which, j, pages, text, role, lay_out) in enumerate(cases):
            pdf = lay_out(Path(tmp) / f"{k}.pdf", pages)
            found = _detect(detector, pdf)
            hits = [(det, g) for _, det, g in found if text.lower() in det.text.lower()]
            if hits and hits[which][0].role is not None:
                det, groups = hits[which]
                out.append(
                    {
                        "set": UNIT,
                        "file": f"{name.rsplit('.', 1)[1]}:{j}",
                        "text": text,
                        "gold": role.value,
                        "rule": det.role.value,
                        "groups": groups,
                    }
                )
    return out


def _quiet(fn: Any, *args: Any) -> Any:
    import contextlib
    import io

    with contextlib.redirect_stdout(io.StringIO()):
        return fn(*args)


def _extract_set(detector: Any, set_dir: Path, tmp: Path) -> list[dict[str, Any]]:
    from eval.make_pdfs import lay_out
    from eval.score import occurrence_offset, overlap_frac

    out = []
    for text_path in sorted((set_dir / "texts").glob("*.txt")):
        name = text_path.stem
        text = text_path.read_text(encoding="utf-8")
        _quiet(lay_out, name, text, tmp, False)
        found = _detect(detector, tmp / f"{name}.pdf")
        words = json.loads((tmp / f"{name}.layout.json").read_text())["words"]
        body0 = words[0]["start"] if words else len(text)
        by_page = defaultdict(list)
        for wi, w in enumerate(words):
            for p in w["pieces"]:
                by_page[p[0]].append((wi, p[1:]))
        gold_path = set_dir / "gold" / f"{name}.jsonl"
        gold = [json.loads(x) for x in gold_path.read_text("utf-8").splitlines() if x.strip()]
        for g in gold if gold_path.exists() else []:
            if g["category"] != "gang_label" or "role" not in g or g["tier"] != "required":
                continue
            off = occurrence_offset(text, g["text"], g["occurrence"])
            if off is None or off < body0:
                continue
            gs, ge = off, off + len(g["text"])
            for page_number, det, groups in found:
                covered = {
                    wi
                    for r in det.rects
                    for wi, box in by_page.get(page_number - 1, [])
                    if overlap_frac(list(r), box) >= 0.3
                }
                if any(words[wi]["start"] < ge and words[wi]["end"] > gs for wi in covered):
                    if det.role is None:
                        continue
                    out.append(
                        {
                            "set": set_dir.name,
                            "file": name,
                            "text": g["text"],
                            "gold": g["role"],
                            "rule": det.role.value,
                            "groups": groups,
                        }
                    )
                    break
    return out


def _detect(detector: Any, pdf_path: Path) -> list[tuple[int, Any, dict[str, list[str]]]]:
    """The document's gang findings in page order, each with its feature words: the product's
    in-process detection (ingestor._detect_document), the rules alone deciding the roles."""
    from annotator.ingest.ingestor import _detect_document
    from annotator.pdf.extract import iter_pages, open_pdf

    recorded: list[dict[str, list[str]]] = []

    def record(reader, start, end, s_start, s_end, subtype, role):  # type: ignore[no-untyped-def]
        recorded.append(features(reader, start, end, s_start, s_end, subtype, role))
        return role

    pairs: dict[int, tuple[Any, dict[str, list[str]]]] = {}
    original = type(detector)._detection

    def detection(page, folded, span, roles):  # type: ignore[no-untyped-def]
        before = len(recorded)
        det = original(page, folded, span, roles)
        if len(recorded) > before:
            pairs[id(det)] = (det, recorded[-1])
        return det

    detector.second_opinion, detector._detection = record, detection
    try:
        with open_pdf(pdf_path) as pdf:
            results = _detect_document(detector, list(iter_pages(pdf)))
    finally:
        del detector._detection
        detector.second_opinion = role_model.SecondOpinion(detector.models_dir)
    out = []
    for r in results:
        for det in sorted(r.detections, key=lambda d: d.start):
            if det.category is Category.GANG_LABEL and id(det) in pairs:
                out.append((r.page.number, det, pairs[id(det)][1]))
    return out


# ---------------------------------------------------------------- training


def make_nlp(seed: int = SEED) -> Any:
    from annotator.nlp.spacy_import import import_spacy

    spacy = import_spacy()
    spacy.util.fix_random_seed(seed)
    nlp = spacy.blank("xx")
    model = {
        "@architectures": "spacy.TextCatBOW.v3",
        "exclusive_classes": True,
        "ngram_size": NGRAMS,
        "no_output_layer": False,
        "length": LENGTH,
    }
    textcat = nlp.add_pipe("textcat", config={"model": model, "threshold": 0.0})
    for label in LABELS:
        textcat.add_label(label)
    return nlp


def train(
    examples: Sequence[dict[str, Any]],
    groups: Sequence[str] = GROUPS_USED,
    epochs: int = EPOCHS,
    seed: int = SEED,
) -> Any:
    """A textcat trained on `examples` (their feature words of `groups`, their gold role)."""
    from spacy.tokens import Doc
    from spacy.training import Example

    nlp = make_nlp(seed)
    data = [
        Example.from_dict(
            Doc(nlp.vocab, words=words_of(e["groups"], groups)),
            {"cats": {label: float(label == e["gold"]) for label in LABELS}},
        )
        for e in examples
    ]
    optimizer = nlp.initialize(lambda: data)
    rng = random.Random(seed)
    order = list(range(len(data)))
    for _ in range(epochs):
        rng.shuffle(order)
        for i in range(0, len(order), BATCH):
            batch = [data[k] for k in order[i : i + BATCH]]
            nlp.update(batch, sgd=optimizer, drop=DROPOUT)
    return nlp


def predict(nlp: Any, examples: Sequence[dict[str, Any]], groups: Sequence[str]) -> list[dict]:
    """Each example's class probabilities."""
    from spacy.tokens import Doc

    textcat = nlp.get_pipe("textcat")
    docs = [Doc(nlp.vocab, words=words_of(e["groups"], groups)) for e in examples]
    return [dict(d.cats) for d in textcat.pipe(docs)]


def combine(rule: str, cats: dict[str, float], threshold: float) -> str:
    """The shipped policy (role_model.RoleModel): the model's role where it differs from the
    rules' and is at least `threshold` sure."""
    best = max(cats, key=cats.__getitem__)
    return best if best != rule and cats[best] >= threshold else rule


def save(nlp: Any, out: Path, groups: Sequence[str], threshold: float, note: str = "") -> None:
    out.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(out / role_model.MODEL_DIR)
    policy = {
        "groups": list(groups),
        "threshold": threshold,
        "labels": list(LABELS),
        "seed": SEED,
        "epochs": EPOCHS,
        "note": note,
    }
    (out / role_model.POLICY).write_text(json.dumps(policy, indent=2) + "\n", encoding="utf-8")


def read_examples(path: Path) -> list[dict[str, Any]]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    ex = sub.add_parser("extract", help="examples from the marked sets, as the product sees them")
    ex.add_argument("out", type=Path)
    ex.add_argument("sets", nargs="*", type=Path)
    ex.add_argument("--no-units", action="store_true", help="without the unit tests' cases")
    tr = sub.add_parser("train", help="train on examples and save the model")
    tr.add_argument("examples", type=Path)
    tr.add_argument("--threshold", type=float, required=True)
    tr.add_argument("--variant", choices=sorted(VARIANTS), default="model")
    tr.add_argument("--out", type=Path, default=ROOT / "models" / "roles")
    tr.add_argument("--note", default="")
    args = parser.parse_args(argv)
    assert set(GROUPS_USED) <= set(GROUPS)
    if args.command == "extract":
        examples = extract(args.sets or role_sets())
        if not args.no_units:
            examples += extract_units()
        args.out.write_text(
            "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in examples), encoding="utf-8"
        )
        print(f"{len(examples)} examples from {len({e['set'] for e in examples})} sets")
        return 0
    examples = read_examples(args.examples)
    groups = VARIANTS[args.variant]
    nlp = train(examples, groups)
    save(nlp, args.out, groups, args.threshold, args.note)
    print(f"trained {args.variant} on {len(examples)} examples, saved to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
