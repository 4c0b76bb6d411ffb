#!/usr/bin/env python3
"""Measure detection on text PDFs, clean scans and degraded scans of the same pages, by geometry.

usage: python eval/ocr/evaluate.py [--kit DIR] [--work DIR] [--seeds 1,2] [--severity typical]
       [--samples] [--variants text,clean,degraded] [--marked DIR] [--verbose]

The texts under eval/ocr/marked/ (eval/ocr/heldout/: texts kept out of all tuning, scored only
at the end) carry their gold inline: [[g:MS-13]] is a required gang_label
span, [[r?:INTERPOL]] an optional red_notice one (g gang_label, r red_notice, s safe, f
fusion_center). They are written out as eval-kit texts and gold (GUIDELINES.md), laid out by the
kit's make_pdfs.py, made image-only (--scanned: a clean 200 dpi render) and degraded by
eval/degrade.py (once per seed), scanned with `annotator scan --json`, and scored by the kit's
score.py. OCR CPU time per page is the scan's CPU time (all its processes) less the text PDFs'
scan, over the pages.

--samples also degrades the fictional sample case (ruled forms) and scores the degraded scans
against the findings on the original text PDFs: recall = the original's findings found again
(same page, category, overlapping rectangles), precision = degraded findings that match one.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT / "eval"))

from degrade import degrade_pdf  # noqa: E402

CATEGORIES = {"g": "gang_label", "r": "red_notice", "s": "safe", "f": "fusion_center"}
MARK = re.compile(r"\[\[([grsf])(\??):([^\]]+)\]\]")
CORPUS_MARK = re.compile(r"\[\[([^\]|]+)\|([grsf])(\??)\]\]")
"""The regression corpus's markup (eval/markup.py): [[MS-13|g]], [[INTERPOL|r?]]."""
SCORE_LINE = re.compile(r"^(\w+)\s+recall\s+(\d+)/\s*(\d+).*precision\s+(\d+)/\s*(\d+)")


def write_texts(marked: Path, texts: Path, gold: Path) -> None:
    """Strip the inline gold from each marked text; write the text and its gold JSON Lines."""
    texts.mkdir(parents=True, exist_ok=True)
    gold.mkdir(parents=True, exist_ok=True)
    for path in sorted(marked.glob("*.txt")):
        source = path.read_text(encoding="utf-8")
        plain, spans, at = [], [], 0
        for code, optional, words, start, end in _marks(source):
            plain.append(source[at:start])
            tier = "optional" if optional else "required"
            spans.append((CATEGORIES[code], words, tier, sum(map(len, plain))))
            plain.append(words)
            at = end
        plain.append(source[at:])
        text = "".join(plain)
        lines = []
        for category, span, tier, offset in spans:
            occurrence = text.count(span, 0, offset) + 1
            lines.append(
                json.dumps(
                    {"category": category, "text": span, "occurrence": occurrence, "tier": tier},
                    ensure_ascii=False,
                )
            )
        (texts / path.name).write_text(text, encoding="utf-8")
        (gold / f"{path.stem}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


def _marks(source: str) -> list[tuple[str, str, str, int, int]]:
    """(category code, "?" or "", words, start, end) of each inline mark, in either markup."""
    ours = [(m[1], m[2], m[3], m.start(), m.end()) for m in MARK.finditer(source)]
    corpus = [(m[2], m[3], m[1], m.start(), m.end()) for m in CORPUS_MARK.finditer(source)]
    return ours or corpus


def scan(pdfs: list[Path], found: Path, case: Path | None = None) -> float:
    """Run `annotator scan --json` over the PDFs (into `case`, kept, when given); its CPU seconds
    (with its workers)."""
    before = _children_cpu()
    keep = ["--case", str(case)] if case is not None else []
    with found.open("w", encoding="utf-8") as out:
        subprocess.run(
            [sys.executable, "-m", "annotator", "scan", "--json", *keep, *map(str, pdfs)],
            stdout=out,
            check=False,
        )
    return _children_cpu() - before


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def score(kit: Path, texts: Path, gold: Path, pdfs: Path, found: Path, verbose: bool) -> dict:
    args = [sys.executable, str(kit / "score.py"), str(texts), str(gold), str(pdfs), str(found)]
    out = subprocess.run(args + (["--verbose"] * verbose), capture_output=True, text=True).stdout
    rows = {}
    for line in out.splitlines():
        m = SCORE_LINE.match(line)
        if m:
            rows[m.group(1)] = tuple(int(g) for g in m.groups()[1:])
        elif verbose and line.startswith(("MISS", "FALSE")):
            print("   ", pdfs.name, line)
    return rows


def page_count(pdfs: list[Path]) -> int:
    import pymupdf

    total = 0
    for p in pdfs:
        with pymupdf.open(p) as pdf:
            total += pdf.page_count
    return total


def table(results: dict[str, dict], cpu: dict[str, float]) -> None:
    names = list(results)
    print(f"\n{'category':14s}" + "".join(f"{n:>24s}" for n in names))
    cats = list(CATEGORIES.values())
    for cat in [*cats, "overall"]:
        cells = []
        for n in names:
            rows = results[n]
            picked = [rows[c] for c in cats if c in rows] if cat == "overall" else [rows.get(cat)]
            picked = [p for p in picked if p]
            tp, req, ok, pred = (sum(p[i] for p in picked) for i in range(4))
            r = f"{tp / req:.3f}" if req else "  -  "
            p = f"{ok / pred:.3f}" if pred else "  -  "
            cells.append(f"R {r} P {p} ({req:3d})")
        print(f"{cat:14s}" + "".join(f"{c:>24s}" for c in cells))
    print("OCR CPU s/page" + "".join(f"{cpu.get(n, float('nan')):>24.2f}" for n in names))


def sample_agreement(work: Path, seeds: list[int], severity: str) -> None:
    """Findings on the degraded sample case against those on its text PDFs."""
    from annotator.core.paths import sample_dir

    originals = sorted(sample_dir().glob("*.pdf"))
    base = _findings(originals, work / "samples_text.jsonl")
    for seed in seeds:
        folder = work / f"samples_degraded_{seed}"
        folder.mkdir(exist_ok=True)
        copies = []
        for i, src in enumerate(originals):
            dst = folder / src.name
            degrade_pdf(src, dst, seed=seed * 1000 + i, severity=severity)
            copies.append(dst)
        got = _findings(copies, work / f"samples_degraded_{seed}.jsonl")
        hit, total, ok, n = Counter(), Counter(), Counter(), Counter()
        for key, found in base.items():
            for f in found:
                total[f["category"]] += 1
                hit[f["category"]] += any(_same(f, g) for g in got.get(key, []))
        for key, found in got.items():
            for g in found:
                n[g["category"]] += 1
                ok[g["category"]] += any(_same(f, g) for f in base.get(key, []))
        print(f"\nsample case, degraded seed {seed} vs its text PDFs:")
        for cat in CATEGORIES.values():
            print(
                f"  {cat:14s} found again {hit[cat]:3d}/{total[cat]:3d}"
                f"   degraded findings matching {ok[cat]:3d}/{n[cat]:3d}"
            )
        print(
            f"  overall        {sum(hit.values()) / max(1, sum(total.values())):.3f}"
            f" / {sum(ok.values()) / max(1, sum(n.values())):.3f}"
        )


def _findings(pdfs: list[Path], out: Path) -> dict[tuple[str, int], list[dict]]:
    scan(pdfs, out)
    found: dict[tuple[str, int], list[dict]] = {}
    for line in out.read_text(encoding="utf-8").splitlines():
        if line.startswith("{"):
            f = json.loads(line)
            found.setdefault((Path(f["file"]).name, f["page"]), []).append(f)
    return found


def _same(a: dict, b: dict) -> bool:
    return a["category"] == b["category"] and any(
        min(r[2], s[2]) > max(r[0], s[0]) and min(r[3], s[3]) > max(r[1], s[1])
        for r in a["rects"]
        for s in b["rects"]
    )


def _default_kit() -> Path:
    """$EVAL_KIT, or the first shared/eval-kit found above the repository."""
    if os.environ.get("EVAL_KIT"):
        return Path(os.environ["EVAL_KIT"])
    for folder in ROOT.parents:
        if (folder / "shared/eval-kit").is_dir():
            return folder / "shared/eval-kit"
    return Path("eval-kit")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--kit", type=Path, default=_default_kit(), help="the eval kit's folder")
    ap.add_argument("--work", type=Path, default=Path("/tmp/cfa-ocr-eval"))
    ap.add_argument("--seeds", default="1", help="one degraded copy per seed")
    ap.add_argument("--severity", default="typical")
    ap.add_argument("--variants", default="text,clean,degraded")
    ap.add_argument("--samples", action="store_true")
    ap.add_argument(
        "--marked", type=Path, default=HERE / "marked", help="texts with inline gold (or heldout/)"
    )
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument(
        "--keep-cases",
        action="store_true",
        help="scan into WORK/<variant>.case and keep it: eval/ocr/redetect.py detects again on "
        "its stored OCR text without OCR",
    )
    args = ap.parse_args()
    if not (args.kit / "make_pdfs.py").is_file():
        sys.exit(f"{args.kit}: no eval kit here (make_pdfs.py, score.py); pass --kit")
    work = args.work
    seeds = [int(s) for s in args.seeds.split(",")]
    texts, gold = work / "texts", work / "gold"
    write_texts(args.marked, texts, gold)
    folders = {"text": work / "text", "clean": work / "clean"}
    for name, flag in (("text", []), ("clean", ["--scanned"])):
        subprocess.run(
            [sys.executable, str(args.kit / "make_pdfs.py"), str(texts), str(folders[name]), *flag],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    variants = args.variants.split(",")
    if "degraded" in variants:
        variants.remove("degraded")
        for seed in seeds:
            folder = work / f"degraded_{seed}"
            folder.mkdir(exist_ok=True)
            for i, pdf in enumerate(sorted(folders["text"].glob("*.pdf"))):
                degrade_pdf(pdf, folder / pdf.name, seed=seed * 1000 + i, severity=args.severity)
                layout = pdf.with_suffix(".layout.json")
                shutil.copy(layout, folder / layout.name)
            folders[f"degraded_{seed}"] = folder
            variants.append(f"degraded_{seed}")
    results, cpu_s, pages = {}, {}, {}
    for name in variants:
        pdfs = sorted(folders[name].glob("*.pdf"))
        pages[name] = page_count(pdfs)
        case = work / f"{name}.case" if args.keep_cases else None
        if case is not None:
            case.unlink(missing_ok=True)
        cpu_s[name] = scan(pdfs, work / f"found_{name}.jsonl", case)
        results[name] = score(
            args.kit, texts, gold, folders[name], work / f"found_{name}.jsonl", args.verbose
        )
    base = cpu_s.get("text", 0.0)
    cpu = {n: (c - base) / pages[n] for n, c in cpu_s.items() if n != "text"}
    print(f"{len(list(texts.glob('*.txt')))} texts, {pages[variants[0]]} pages")
    table(results, cpu)
    if args.samples:
        sample_agreement(work, seeds, args.severity)
    return 0


if __name__ == "__main__":
    sys.exit(main())
