"""The regression corpus (eval/corpus): every text laid out as a PDF, scanned in one real
`annotator scan --json` process, scored by geometry with the eval kit's scorer; recall and
precision must stay at the floors recorded beside the texts (eval/corpus/floors.json,
written by `python -m eval.report --write-floors`)."""

from __future__ import annotations

import json

import pytest

from eval import corpus
from eval.markup import convert
from eval.score import CATS


def test_every_gold_mark_is_well_formed():
    for path in sorted(corpus.MARKED.glob("*.txt")):
        text, gold = convert(path.read_text(encoding="utf-8"))
        assert text.startswith("SOURCE: "), path.name
        assert text.split("\n", 3)[2].startswith(("FICTIONAL", "TEXTO FICTICIO")), path.name
        assert path.name[:3] in ("en_", "es_"), "the name says the language"
        assert all(g["category"] in CATS for g in gold)


def test_the_unseen_parts_are_in_the_corpus():
    names = {p.stem for p in corpus.MARKED.glob("*.txt")}
    parts = json.loads((corpus.CORPUS / "unseen.json").read_text(encoding="utf-8"))
    assert all(set(part["texts"]) <= names for part in parts)


@pytest.fixture(scope="module")
def scanned(tmp_path_factory):
    return corpus.run(tmp_path_factory.mktemp("corpus"))


def test_the_corpus_scores_at_least_its_floors(scanned):
    floors = corpus.floors()
    below = []
    for part, names in corpus.slices(scanned.names).items():
        score = scanned.score(names)
        for category, floor in floors[part].items():
            got = {"recall": score.recall(category), "precision": score.precision(category)}
            below += [
                f"{part} {category} {measure} {got[measure]:.3f} < {floor[measure]:.3f}"
                for measure in floor
                if not got[measure] >= floor[measure]
            ]
    if below:
        score = scanned.score()
        detail = [f"MISS {m}" for m in score.misses] + [f"FALSE {f}" for f in score.false_pos]
        pytest.fail("\n".join(below + detail))


def test_the_corpus_is_large_enough_to_mean_something(scanned):
    score = scanned.score()
    assert len(scanned.names) >= 50
    assert sum(score.required.values()) >= 500
    assert all(score.required[c] >= 50 for c in CATS)
