"""Export-test helpers: the sample case tagged through `annotator tag`, as an attorney would."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from annotator.cli import main
from annotator.core.model import Category, Finding, Status
from annotator.store import CaseStore

# Every character Markdown, HTML or a table could take for syntax.
SPECIAL_NOTE = (
    "USNCB *cannot* confirm_the_data | see #4 `raw` <b>x</b> & [link](http://x) ~~no~~ "
    "\\ back — ‘quoted’ ¶ 5"
)
REVIEWER = "J. Alvarez, Esq."


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
