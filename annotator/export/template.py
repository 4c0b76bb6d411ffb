"""The memo's fixed wording, read from resources/memo_template.md so a clinic can edit it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from string import Template

from annotator.core.errors import ExportError
from annotator.core.paths import resources_dir
from annotator.export.model import Paragraph, Span

TEMPLATE_NAME = "memo_template.md"
REQUIRED = ("title", "confidentiality", "re", "review notice", "purpose", "legal framework")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_EMPHASIS = re.compile(r"\*([^*\n]+)\*")


@dataclass(frozen=True, slots=True)
class MemoTemplate:
    sections: dict[str, list[Paragraph]]
    path: Path

    def paragraphs(self, name: str) -> list[Paragraph]:
        return self.sections[name]

    def optional(self, name: str) -> list[Paragraph]:
        """A section a clinic's template may leave out (the paragraph opening a memo section)."""
        return self.sections.get(name, [])

    def line(self, name: str) -> str:
        """A one-paragraph section as plain text (title, Re: line, notices)."""
        return " ".join("".join(s.text for s in p) for p in self.sections[name])


def template_path() -> Path:
    return resources_dir() / TEMPLATE_NAME


def load_template(values: dict[str, str], path: Path | None = None) -> MemoTemplate:
    """Read the template and fill in $respondent, $a_number, $reviewer and $date."""
    path = path or template_path()
    try:
        raw = path.read_text(encoding="utf-8")
    except OSError as err:
        raise ExportError(
            f"{path}: the memo template cannot be read ({err.strerror or err})"
        ) from err
    sections = _parse(_COMMENT.sub("", raw))
    missing = [name for name in REQUIRED if not sections.get(name)]
    if missing:
        raise ExportError(f"{path}: the memo template has no '# {missing[0].capitalize()}' section")
    filled = {
        name: [[Span(Template(s.text).safe_substitute(values), s.italic) for s in p] for p in paras]
        for name, paras in sections.items()
    }
    return MemoTemplate(filled, path)


def _parse(text: str) -> dict[str, list[Paragraph]]:
    sections: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in text.splitlines():
        if line.startswith("# "):
            current = sections.setdefault(line[2:].strip().lower(), [])
        elif current is not None:
            current.append(line)
    return {name: _paragraphs(lines) for name, lines in sections.items()}


def _paragraphs(lines: list[str]) -> list[Paragraph]:
    blocks = re.split(r"\n\s*\n", "\n".join(lines).strip())
    return [_spans(" ".join(b.split())) for b in blocks if b.strip()]


def _spans(text: str) -> Paragraph:
    spans: Paragraph = []
    pos = 0
    for m in _EMPHASIS.finditer(text):
        if m.start() > pos:
            spans.append(Span(text[pos : m.start()]))
        spans.append(Span(m.group(1), italic=True))
        pos = m.end()
    if pos < len(text):
        spans.append(Span(text[pos:]))
    return spans
