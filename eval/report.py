"""Print the README's detection table from the regression corpus (and record its floors).

usage: python -m eval.report [--verbose] [--write-floors]
Lays out every text of eval/corpus/marked as a PDF, scans them all with `annotator scan --json`,
scores the findings by geometry (eval/score.py, the eval kit's scorer) and prints recall /
precision per category for the whole corpus, its English and its Spanish texts, then the first
scores of the parts that were kept unseen until the rules were written (eval/corpus/unseen.json).
--verbose lists every miss and false hit; --write-floors records the figures as the floors
tests/test_eval_corpus.py holds the detector to (eval/corpus/floors.json).
"""

from __future__ import annotations

import argparse
import json
import math
import tempfile
from pathlib import Path

from eval import corpus
from eval.score import CATS, Score

UNSEEN = corpus.CORPUS / "unseen.json"
_PARTS = {"all": "All", "en": "English", "es": "Spanish"}


def table(result: corpus.Corpus) -> list[str]:
    rows = [
        "| part | " + " | ".join(CATS) + " |",
        "|---|" + "---|" * len(CATS),
    ]
    for part, names in corpus.slices(result.names).items():
        score = result.score(names)
        required = sum(score.required.values())
        rows.append(
            f"| {_PARTS[part]} ({len(names)} texts, {required} required mentions) | "
            + " | ".join(_cell(score, c) for c in CATS)
            + " |"
        )
    return rows


def _cell(score: Score, category: str) -> str:
    return f"{_fig(score.recall(category))} / {_fig(score.precision(category))}"


def _fig(value: float) -> str:
    return "—" if math.isnan(value) else f"{value:.3f}"


def unseen_table(result: corpus.Corpus) -> list[str]:
    """The parts kept unseen: scored by the lexicon before them, their first score once the
    rules were written, and their score now."""
    rows = [
        "| part kept unseen | " + " | ".join(CATS) + " |",
        "|---|" + "---|" * len(CATS),
    ]
    for part in json.loads(UNSEEN.read_text(encoding="utf-8")):
        now = corpus.figures(result.score(set(part["texts"])))
        scores = [("first score", part["first"]), ("now", now)]
        if "before" in part:  # parts 1 and 2 were also scored by the lexicon before theirs
            scores.insert(0, ("before lexicon 2026.12.1", part["before"]))
        for label, figures in scores:
            rows.append(
                f"| {part['name']}, {label} | "
                + " | ".join(
                    f"{_fig(figures[c]['recall'])} / {_fig(figures[c]['precision'])}" for c in CATS
                )
                + " |"
            )
    return rows


def write_floors(result: corpus.Corpus) -> None:
    """Record each part's figures, rounded down to three places, as the floors."""
    floors: dict[str, dict[str, dict[str, float]]] = {}
    for part, names in corpus.slices(result.names).items():
        score = result.score(names)
        floors[part] = {
            c: {
                measure: math.floor(value * 1000) / 1000
                for measure, value in (
                    ("recall", score.recall(c)),
                    ("precision", score.precision(c)),
                )
                if not math.isnan(value)
            }
            for c in CATS
        }
    corpus.FLOORS.write_text(json.dumps(floors, indent=1) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="list every miss and false hit")
    parser.add_argument("--write-floors", action="store_true", help="record the figures as floors")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        result = corpus.run(Path(work))
        print("\n".join(table(result)))
        print()
        print("\n".join(unseen_table(result)))
        if args.verbose:
            score = result.score()
            for miss in score.misses:
                print("MISS", *miss)
            for false in score.false_pos:
                print("FALSE", *false)
        if args.write_floors:
            write_floors(result)
            print(f"\nwrote {corpus.FLOORS}")


if __name__ == "__main__":
    main()
