"""Export-test helpers: the sample case tagged through `annotator tag`, as an attorney would."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from annotator.cli import main
from annotator.core.model import Category, Finding, Role, Status
from annotator.export.text import CHRONOLOGY_TITLE
from annotator.store import CaseStore

# Every character Markdown, HTML or a table could take for syntax.
SPECIAL_NOTE = (
    "USNCB *cannot* confirm_the_data | see #4 `raw` <b>x</b> & [link](http://x) ~~no~~ "
    "\\ back — ‘quoted’ ¶ 5"
)
REVIEWER = "J. Alvarez, Esq."

SECTIONS = [
    "Purpose",
    "Legal framework",
    "Summary of findings",
    CHRONOLOGY_TITLE,
    Role.SUBJECT.heading,
    Role.PERSECUTOR.heading,
    Role.THIRD_PARTY.heading,
    Role.BACKGROUND.heading,
    Category.RED_NOTICE.label,
    Category.SAFE.label,
    Category.FUSION_CENTER.label,
    "Not yet reviewed",
]
"""The memo's top sections in order: the labels to rebut before the gang as persecutor."""
ROLE_ROWS = [
    (Role.SUBJECT, "Gang labels: labels the respondent"),
    (Role.PERSECUTOR, "Gang labels: gang as persecutor"),
    (Role.THIRD_PARTY, "Gang labels: about someone else"),
    (Role.BACKGROUND, "Gang labels: background"),
]
"""The summary's first rows: gang references counted by whom they are about."""


def summary_counts(findings: list[Finding]) -> list[tuple[str, list[Finding]]]:
    """The summary's rows as (label, the findings the row counts), worked out from the case."""
    gang = [f for f in findings if f.category is Category.GANG_LABEL]
    rows = [
        (label, [f for f in gang if (f.role or Role.SUBJECT) is role]) for role, label in ROLE_ROWS
    ]
    others = [c for c in Category if c is not Category.GANG_LABEL]
    return rows + [(c.label, [f for f in findings if f.category is c]) for c in others]


@dataclass
class Tagged:
    """The sample case after tagging, and which findings were tagged how."""

    path: Path
    unverified: Finding
    rebutted: Finding
    plain: Finding
    dismissed: Finding

    @property
    def shown(self) -> list[Finding]:
        return [self.unverified, self.rebutted, self.plain]

    def store(self) -> CaseStore:
        return CaseStore(self.path)


def _first(findings: list[Finding], category: Category, *, hedged: bool | None = None) -> Finding:
    for f in findings:
        if f.category is category and (hedged is None or f.hedged is hedged) and f.rects:
            return f
    raise AssertionError(f"the sample case has no {category.value} finding (hedged={hedged})")


def tag_sample(path: Path) -> Tagged:
    with CaseStore(path) as case:
        findings = case.findings()
    unverified = _first(findings, Category.GANG_LABEL, hedged=True)
    rebutted = _first(findings, Category.RED_NOTICE)
    plain = _first(findings, Category.SAFE)
    dismissed = _first(findings, Category.FUSION_CENTER)
    jobs = [
        [
            str(unverified.id),
            "--status",
            "unverified",
            "--note",
            "No admission, tattoo or record supports this label.",
            "--exhibit",
            "Ex. C — Declaration",
        ],
        [str(rebutted.id), "--status", "rebutted", "--note", SPECIAL_NOTE, "--exhibit", "Ex. F"],
        [str(plain.id), "--status", "unverified"],
        [str(dismissed.id), "--status", "dismissed"],
    ]
    for job in jobs:
        assert main(["tag", str(path), *job, "--who", REVIEWER]) == 0
    with CaseStore(path) as case:
        return Tagged(path, *(case.finding(f.id) for f in (unverified, rebutted, plain, dismissed)))


def untagged_count(path: Path) -> int:
    with CaseStore(path) as case:
        return len(case.findings(status=Status.UNTAGGED.value))
