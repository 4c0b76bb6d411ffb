"""Turn a marked-up text into a corpus text and its gold, as the eval kit's GUIDELINES.md asks.

usage: python -m eval.markup MARKED.txt... [--out eval/corpus]

In a marked-up text each reference is written `[[words|c]]` (required) or `[[words|c?]]`
(optional), c being g (gang_label), r (red_notice), s (safe) or f (fusion_center). The text
without the marks goes to OUT/texts/<name>.txt and one gold line per mark to
OUT/gold/<name>.jsonl, with the occurrence of the exact words counted as the scorer counts it.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

CATEGORIES = {"g": "gang_label", "r": "red_notice", "s": "safe", "f": "fusion_center"}
MARK = re.compile(r"\[\[([^\]|]+)\|([grsf])(\??)\]\]")


def convert(marked: str) -> tuple[str, list[dict[str, object]]]:
    """The plain text and its gold lines."""
    parts: list[str] = []
    spans: list[tuple[int, str, str, str]] = []
    at = 0
    length = 0
    for m in MARK.finditer(marked):
        plain = marked[at : m.start()]
        parts.append(plain)
        length += len(plain)
        words, code, optional = m.groups()
        spans.append((length, words, CATEGORIES[code], "optional" if optional else "required"))
        parts.append(words)
        length += len(words)
        at = m.end()
    parts.append(marked[at:])
    text = "".join(parts)
    if "[[" in text or "]]" in text:
        raise ValueError(f"a mark is malformed near: {text[text.find('[[') :][:60]!r}")
    gold = []
    for start, words, category, tier in spans:
        gold.append(
            {
                "category": category,
                "text": words,
                "occurrence": _occurrence(text, words, start),
                "tier": tier,
            }
        )
    return text, gold


def _occurrence(text: str, words: str, start: int) -> int:
    """The 1-based index of the occurrence at `start`, counted as score.py finds them."""
    n, i = 0, -1
    while True:
        i = text.find(words, i + 1)
        n += 1
        if i == start:
            return n
        if i < 0 or i > start:
            raise AssertionError(f"{words!r} not found at {start}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("marked", nargs="+", type=Path)
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "corpus")
    args = parser.parse_args()
    for path in args.marked:
        text, gold = convert(path.read_text(encoding="utf-8"))
        (args.out / "texts").mkdir(parents=True, exist_ok=True)
        (args.out / "gold").mkdir(parents=True, exist_ok=True)
        (args.out / "texts" / f"{path.stem}.txt").write_text(text, encoding="utf-8")
        lines = [json.dumps(g, ensure_ascii=False) for g in gold]
        (args.out / "gold" / f"{path.stem}.jsonl").write_text(
            "\n".join(lines) + "\n", encoding="utf-8"
        )
        print(
            f"{path.stem}: {sum(g['tier'] == 'required' for g in gold)} required, "
            f"{sum(g['tier'] == 'optional' for g in gold)} optional"
        )


if __name__ == "__main__":
    main()
