"""Score a detector's JSON Lines findings against gold, by geometry.

Vendored from the eval kit (shared/eval-kit/score.py): the same rules and the same command line,
split into `score()`, which the corpus test and eval/report.py call, and `main()`, which prints
as the kit's script does.

usage: python -m eval.score TEXTS_DIR GOLD_DIR PDF_DIR FINDINGS.jsonl [--verbose] [--min-recall R]
       [--min-precision P] [--per-category]
A prediction covers the laid-out words whose boxes its rectangles overlap (>= 30% of the word box).
It is correct when one of those words lies in a gold span (required or optional) of its category.
Recall counts required gold spans hit by a prediction of the same category.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

CATS = ["gang_label", "red_notice", "safe", "fusion_center"]


@dataclass
class Score:
    """Counts per category, and every miss and false hit."""

    found: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    required: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    correct: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    predicted: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    misses: list[tuple[str, str, str]] = field(default_factory=list)
    false_pos: list[tuple[str, str, str, int]] = field(default_factory=list)

    def recall(self, cat: str) -> float:
        return self.found[cat] / self.required[cat] if self.required[cat] else float("nan")

    def precision(self, cat: str) -> float:
        return self.correct[cat] / self.predicted[cat] if self.predicted[cat] else float("nan")


def occurrence_offset(text, s, n):
    i = -1
    for _ in range(n):
        i = text.find(s, i + 1)
        if i < 0:
            return None
    return i


def overlap_frac(a, b):
    x0, y0 = max(a[0], b[0]), max(a[1], b[1])
    x1, y1 = min(a[2], b[2]), min(a[3], b[3])
    if x1 <= x0 or y1 <= y0:
        return 0.0
    area = (b[2] - b[0]) * (b[3] - b[1])
    return (x1 - x0) * (y1 - y0) / area if area > 0 else 0.0


def score(texts: Path, gold_dir: Path, pdf_dir: Path, findings: Iterable[str], names=None) -> Score:
    """Score findings (JSON Lines) over the texts in `texts` (only `names`, when given)."""
    preds = defaultdict(list)
    for line in findings:
        line = line.strip()
        if not line.startswith("{"):
            continue
        f = json.loads(line)
        preds[Path(f["file"]).stem].append(f)

    result = Score()
    for t in sorted(texts.glob("*.txt")):
        name = t.stem
        if names is not None and name not in names:
            continue
        text = t.read_text(encoding="utf-8")
        layout = json.loads((pdf_dir / f"{name}.layout.json").read_text())
        words = layout["words"]
        body0 = words[0]["start"] if words else len(text)
        gold = []
        gp = gold_dir / f"{name}.jsonl"
        for gl in gp.read_text(encoding="utf-8").splitlines() if gp.exists() else []:
            if not gl.strip():
                continue
            g = json.loads(gl)
            off = occurrence_offset(text, g["text"], g["occurrence"])
            if off is None or off < body0:
                continue
            gold.append((g["category"], off, off + len(g["text"]), g["tier"], g["text"]))
        by_page = defaultdict(list)
        for wi, w in enumerate(words):
            for p in w["pieces"]:
                by_page[p[0]].append((wi, p[1:]))
        hit = set()
        for f in preds.get(name, []):
            cat = f["category"]
            covered = set()
            for r in f.get("rects", []):
                for wi, box in by_page.get(f["page"] - 1, []):
                    if overlap_frac(r, box) >= 0.3:
                        covered.add(wi)
            good = False
            for gi, (gc, gs, ge, _tier, _gt) in enumerate(gold):
                if gc != cat:
                    continue
                if any(words[wi]["start"] < ge and words[wi]["end"] > gs for wi in covered):
                    good = True
                    hit.add(gi)
            result.predicted[cat] += 1
            if good:
                result.correct[cat] += 1
            else:
                result.false_pos.append((name, cat, f.get("text"), f["page"]))
        for gi, (gc, _gs, _ge, tier, gt) in enumerate(gold):
            if tier != "required":
                continue
            result.required[gc] += 1
            if gi in hit:
                result.found[gc] += 1
            else:
                result.misses.append((name, gc, gt))
    return result


def main():
    texts, gold_dir, pdf_dir, findings = map(Path, sys.argv[1:5])
    verbose = "--verbose" in sys.argv
    min_r = (
        float(sys.argv[sys.argv.index("--min-recall") + 1]) if "--min-recall" in sys.argv else None
    )
    min_p = (
        float(sys.argv[sys.argv.index("--min-precision") + 1])
        if "--min-precision" in sys.argv
        else None
    )
    s = score(texts, gold_dir, pdf_dir, findings.read_text(encoding="utf-8").splitlines())
    tp_r, n_r, ok_p, n_p = s.found, s.required, s.correct, s.predicted
    tot_r = sum(n_r.values())
    tot_tp = sum(tp_r.values())
    tot_p = sum(n_p.values())
    tot_ok = sum(ok_p.values())
    for c in CATS:
        r = tp_r[c] / n_r[c] if n_r[c] else float("nan")
        p = ok_p[c] / n_p[c] if n_p[c] else float("nan")
        print(
            f"{c:14s} recall {tp_r[c]:3d}/{n_r[c]:3d} = {r:.3f}   "
            f"precision {ok_p[c]:3d}/{n_p[c]:3d} = {p:.3f}"
        )
    R = tot_tp / tot_r if tot_r else 0.0
    P = tot_ok / tot_p if tot_p else 0.0
    if verbose:
        for m in s.misses:
            print("MISS", *m)
        for fp in s.false_pos:
            print("FALSE", *fp)
    print(
        f"overall recall {R:.3f} precision {P:.3f} ({tot_tp}/{tot_r} required found, "
        f"{tot_ok}/{tot_p} predictions correct)"
    )
    ok = (min_r is None or min_r <= R) and (min_p is None or min_p <= P)
    if "--per-category" in sys.argv:
        for c in CATS:
            if n_r[c] and min_r is not None and tp_r[c] / n_r[c] < min_r:
                ok = False
            if n_p[c] and min_p is not None and ok_p[c] / n_p[c] < min_p:
                ok = False
        if not ok:
            print(
                f"overall recall {R:.3f} precision {P:.3f}; "
                f"some category below recall {min_r} / precision {min_p}"
            )
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
