"""Turn the marked-up dev texts into the eval kit's layout: texts, role gold and FOIA gold.

A marked text is an eval-kit text whose references are written in place as [[r|text]]:
r is the role of a gang reference (s subject, p persecutor, t third_party, b background), o an
optional gang reference (no role scored), or w a FOIA withholding marker. The markup is the single
source of the gold, so a text and its gold cannot drift apart.

usage: python eval/roles/build.py SET_DIR   (reads SET_DIR/marked, writes texts/, gold/, foia/)
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

MARK = re.compile(r"\[\[([sptbow])\|([^\]]+)\]\]")
ROLES = {"s": "subject", "p": "persecutor", "t": "third_party", "b": "background"}


def occurrence(text: str, start: int, needle: str) -> int:
    """The 1-based occurrence of `needle` at `start`, counted as the eval kit's scorer does."""
    n, i = 0, -1
    while True:
        i = text.find(needle, i + 1)
        if i < 0 or i > start:
            raise ValueError(f"{needle!r} not found at {start}")
        n += 1
        if i == start:
            return n


def unmark(marked: str) -> tuple[str, list[tuple[str, int, str]]]:
    out, marks, pos = [], [], 0
    length = 0
    for m in MARK.finditer(marked):
        out.append(marked[pos : m.start()])
        length += m.start() - pos
        marks.append((m.group(1), length, m.group(2)))
        out.append(m.group(2))
        length += len(m.group(2))
        pos = m.end()
    out.append(marked[pos:])
    return "".join(out), marks


def build(set_dir: Path) -> None:
    for sub in ("texts", "gold", "foia"):
        (set_dir / sub).mkdir(exist_ok=True)
    for path in sorted((set_dir / "marked").glob("*.txt")):
        text, marks = unmark(path.read_text(encoding="utf-8"))
        gold, foia = [], []
        for kind, start, span in marks:
            n = occurrence(text, start, span)
            if kind == "w":
                foia.append({"text": span, "occurrence": n})
                continue
            line = {"category": "gang_label", "text": span, "occurrence": n}
            line["tier"] = "optional" if kind == "o" else "required"
            if kind in ROLES:
                line["role"] = ROLES[kind]
            gold.append(line)
        (set_dir / "texts" / path.name).write_text(text, encoding="utf-8")
        for sub, lines in (("gold", gold), ("foia", foia)):
            target = set_dir / sub / f"{path.stem}.jsonl"
            if lines:
                target.write_text(
                    "".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), "utf-8"
                )
            elif target.exists():
                target.unlink()
        print(f"{path.stem}: {len(gold)} gang references, {len(foia)} withholding markers")


if __name__ == "__main__":
    build(Path(sys.argv[1]))
