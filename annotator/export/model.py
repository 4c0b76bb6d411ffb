"""The rebuttal memo as plain data: what every renderer (DOCX, Markdown, PDF) draws from.

The builder in `build.py` decides the content once; renderers only lay it out, so the three
formats always say the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from annotator.core.model import Category, Status

SUMMARY_STATUSES = (Status.UNVERIFIED, Status.REBUTTED, Status.UNTAGGED, Status.DISMISSED)
UNREVIEWED_TITLE = Status.UNTAGGED.label


@dataclass(frozen=True, slots=True)
class Span:
    """A run of template text; `italic` marks case names written *like this* in the template."""

    text: str
    italic: bool = False


Paragraph = list[Span]


@dataclass(frozen=True, slots=True)
class Quote:
    """The sentence around a finding, split so the matched words can be set in bold."""

    before: str
    match: str
    after: str

    @property
    def text(self) -> str:
        return self.before + self.match + self.after


@dataclass(slots=True)
class MemoFinding:
    number: int
    finding_id: int
    category: Category
    status: Status
    matched: str
    quote: Quote
    document: str
    """The document's title."""
    page_ref: str
    """The page within it: "p. RIVAS-000123 (PDF p. 3)", or "PDF p. 3" when it has no stamp."""
    hedge: str = ""
    note: str = ""
    exhibit: str = ""
    detected: bool = True
    manual: bool = False
    tagged_by: str = ""
    tagged_on: str = ""
    also_in: list[str] = field(default_factory=list)
    first_at: str = ""

    @property
    def cite(self) -> str:
        return f"{self.document}, {self.page_ref}"

    @property
    def page(self) -> str:
        """The page alone, for a table whose heading names the document."""
        return self.page_ref.removeprefix("p. ")

    @property
    def status_line(self) -> str:
        line = f"{self.status.label} ({self.status.meaning})"
        if self.status is Status.UNTAGGED:
            line = self.status.label
        if self.tagged_by and self.status is not Status.UNTAGGED:
            line += f"; tagged by {self.tagged_by}"
            line += f" on {self.tagged_on}" if self.tagged_on else ""
        return line

    def details(self) -> list[tuple[str, str]]:
        """The labelled lines under the quote, in the order every format prints them."""
        rows = [("Source", self.cite), ("Status", self.status_line)]
        if self.hedge:
            rows.append(("Hedged in the source", f"the document itself says “{self.hedge}”"))
        if self.note:
            rows.append(("Response", self.note))
        if self.exhibit:
            rows.append(("Rebutting exhibit", self.exhibit))
        if self.also_in:
            rows.append(("Also in", "; ".join(self.also_in)))
        if self.first_at:
            rows.append(("Same claim first appears in", self.first_at))
        flags = []
        if not self.detected:
            flags.append("no longer detected by the current lexicon; kept because it was tagged")
        if self.manual:
            flags.append("added by hand by the reviewer")
        if flags:
            rows.append(("Flag", "; ".join(flags)))
        rows.append(("Case-file finding", f"#{self.finding_id}"))
        return rows


@dataclass(slots=True)
class Section:
    title: str
    findings: list[MemoFinding]
    category: Category | None = None


@dataclass(slots=True)
class DocumentEntry:
    number: int
    title: str
    file_name: str
    sha256: str
    pages: int
    pages_not_searched: int
    lexicon_version: str
    findings: int
    """Findings in this document that the memo lists (dismissed ones excluded)."""
    poorly_read: str = ""
    """The pages OCR read but could not make out, as page references ("PDF p. 3, PDF p. 7");
    "" when there are none."""


@dataclass(slots=True)
class SummaryRow:
    label: str
    counts: dict[Status, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass(slots=True)
class Memo:
    title: str
    confidentiality: str
    header: list[tuple[str, str]]
    """Respondent, A-number, prepared by, date and Re: line, as (label, value)."""
    review_notice: str
    purpose: list[Paragraph]
    framework: list[Paragraph]
    overview: str
    summary: list[SummaryRow]
    documents: list[DocumentEntry]
    sections: list[Section]
    unreviewed: Section
    dismissed: int
    generator: str
    template_name: str = "memo_template.md"

    @property
    def total_row(self) -> SummaryRow:
        counts = {s: sum(r.counts[s] for r in self.summary) for s in SUMMARY_STATUSES}
        return SummaryRow("Total", counts)
