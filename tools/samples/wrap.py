"""Line breaking: greedy for ordinary text, balanced before a forced break.

Markers inside paragraph strings: "<br>" forces a line break at that point, "<pb>" forces a line
break *and* continues in the next frame (column or page). The text before a forced break is set
with balanced line lengths, so the deliberate split looks like an ordinary full line's end.
"""

from __future__ import annotations

from collections.abc import Callable

from .fonts import Fonts


def tokenize(text: str) -> list[str]:
    text = text.replace("<br>", " \n ").replace("<pb>", " \f ")
    return [t for t in text.split(" ") if t]


def _greedy(
    words: list[str], wd: Callable[[str], float], width: float, first_width: float | None
) -> list[str]:
    lines: list[str] = []
    cur: list[str] = []
    for w in words:
        limit = first_width if (first_width is not None and not lines) else width
        if cur and wd(" ".join([*cur, w])) > limit:
            lines.append(" ".join(cur))
            cur = [w]
        else:
            cur.append(w)
    if cur:
        lines.append(" ".join(cur))
    return lines


def _balanced(
    words: list[str], wd: Callable[[str], float], width: float, first_width: float | None
) -> list[str]:
    """Minimum-raggedness breaking in which the last line counts too, so the line that
    ends at a forced break is about as full as the lines before it."""
    n = len(words)
    best = [0.0] + [float("inf")] * n
    prev = [0] * (n + 1)
    for i in range(1, n + 1):
        for j in range(i - 1, -1, -1):
            limit = first_width if (first_width is not None and j == 0) else width
            w = wd(" ".join(words[j:i]))
            if w > limit and i - j > 1:
                break
            cost = best[j] + (limit - w) ** 2
            if cost < best[i]:
                best[i], prev[i] = cost, j
    out: list[str] = []
    i = n
    while i > 0:
        out.append(" ".join(words[prev[i] : i]))
        i = prev[i]
    return out[::-1]


def wrap(
    text: str, fonts: Fonts, font: str, size: float, width: float, first_indent: float = 0.0
) -> list[tuple[str, str]]:
    """Break text into lines.  Returns (line, break) with break in '', 'line', 'frame'.

    Text between forced breaks ("<br>", "<pb>") is set with balanced line lengths so
    that the deliberate split lands at the end of an ordinary-looking full line;
    the remainder of the paragraph is set greedily (ragged right)."""

    def wd(t: str) -> float:
        return fonts.width(t, font, size)

    segments: list[tuple[list[str], str]] = []
    cur: list[str] = []
    for tok in tokenize(text):
        if tok in ("\n", "\f"):
            segments.append((cur, "line" if tok == "\n" else "frame"))
            cur = []
        else:
            cur.append(tok)
    segments.append((cur, ""))
    lines: list[tuple[str, str]] = []
    for words, brk in segments:
        if not words:
            continue
        fw = (width - first_indent) if (first_indent and not lines) else None
        seg = (_balanced if brk else _greedy)(words, wd, width, fw)
        lines += [(t, brk if k == len(seg) - 1 else "") for k, t in enumerate(seg)]
    return lines
