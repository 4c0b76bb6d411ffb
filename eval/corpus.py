"""The regression corpus: marked-up texts laid out as PDFs, scanned by `annotator scan`, scored.

The texts are in eval/corpus/marked/, each with its gold marked inline (see eval/markup.py); the
figures a scan must reach are in eval/corpus/floors.json. Both the test
(tests/test_eval_corpus.py) and eval/report.py run it the same way: every PDF in one
`annotator scan --json` process, with the user's own lexicon out of the way.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from eval import make_pdfs
from eval.markup import convert
from eval.score import CATS, Score, score

CORPUS = Path(__file__).resolve().parent / "corpus"
MARKED = CORPUS / "marked"
FLOORS = CORPUS / "floors.json"


@dataclass
class Corpus:
    """A corpus laid out in a work folder, and what the scan found there."""

    work: Path
    names: list[str]
    findings: list[str]

    def score(self, names: set[str] | None = None) -> Score:
        return score(
            self.work / "texts", self.work / "gold", self.work / "pdfs", self.findings, names
        )


def lay_out(work: Path, marked: Path = MARKED) -> list[str]:
    """Each marked text as work/texts/NAME.txt, work/gold/NAME.jsonl and work/pdfs/NAME.pdf."""
    names = []
    for sub in ("texts", "gold", "pdfs"):
        (work / sub).mkdir(parents=True, exist_ok=True)
    for path in sorted(marked.glob("*.txt")):
        text, gold = convert(path.read_text(encoding="utf-8"))
        (work / "texts" / f"{path.stem}.txt").write_text(text, encoding="utf-8")
        lines = "".join(json.dumps(g, ensure_ascii=False) + "\n" for g in gold)
        (work / "gold" / f"{path.stem}.jsonl").write_text(lines, encoding="utf-8")
        make_pdfs.lay_out(path.stem, text, work / "pdfs", scanned=False)
        names.append(path.stem)
    return names


def scan(pdfs: list[Path]) -> list[str]:
    """`annotator scan PDF... --json` in a process of its own, as a user runs it; its user data
    folder is an empty one, so the shipped lexicon alone is measured."""
    with tempfile.TemporaryDirectory() as data:
        env = {**os.environ, "XDG_DATA_HOME": data}
        done = subprocess.run(
            [sys.executable, "-m", "annotator", "scan", *map(str, pdfs), "--json"],
            capture_output=True,
            text=True,
            env=env,
            check=False,
        )
    if done.returncode != 0:
        raise RuntimeError(f"annotator scan failed ({done.returncode}): {done.stderr.strip()}")
    return done.stdout.splitlines()


def run(work: Path, marked: Path = MARKED) -> Corpus:
    names = lay_out(work, marked)
    findings = scan([work / "pdfs" / f"{name}.pdf" for name in names])
    return Corpus(work, names, findings)


def slices(names: list[str]) -> dict[str, set[str]]:
    """The parts the table reports: all texts, English, Spanish (by the name's prefix)."""
    return {
        "all": set(names),
        "en": {n for n in names if n.startswith("en_")},
        "es": {n for n in names if n.startswith("es_")},
    }


def floors() -> dict[str, dict[str, dict[str, float]]]:
    """slice -> category -> {"recall": R, "precision": P} that a scan must reach."""
    data: dict[str, dict[str, dict[str, float]]] = json.loads(FLOORS.read_text(encoding="utf-8"))
    return data


def figures(result: Score) -> dict[str, dict[str, float]]:
    return {
        c: {"recall": round(result.recall(c), 3), "precision": round(result.precision(c), 3)}
        for c in CATS
    }
