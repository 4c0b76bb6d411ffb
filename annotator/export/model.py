"""The rebuttal memo as plain data: what every renderer (DOCX, Markdown, PDF) draws from.

The builder in `build.py` decides the content once; renderers only lay it out, so the three
formats always say the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from annotator.core.model import Category, Role, Status

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
    role: Role | None = None
    """Who a gang reference is about; None for the other categories."""
    subtype: str = ""
    document_number: int = 0
    """The document's number in the memo's list of documents reviewed."""
    asserted_by: str = ""
    """The chain of who asserted it: "ICE/ERO, relaying Boston Regional Intelligence Center"."""
    source_date: str = ""
    """The date of its source (ISO, "2021" to "2021-03-03"): a date in the passage, or the
    document's own date."""
    date_in_passage: bool = False
    repeated: str = ""
    """For the first finding of a claim several documents repeat: how many, and where the claim
    first appears."""

    @property
    def cite(self) -> str:
        return f"{self.document}, {self.page_ref}"

    @property
    def kind(self) -> str:
        """The category, with the role of a gang reference: "Gang label (gang as persecutor)"."""
        if self.role is None:
            return self.category.short
        return f"{self.category.short} ({self.role.label.lower()})"

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
        if self.role is not None:
            rows.append(("Role", f"{self.role.label} ({self.role.meaning})"))
        if self.asserted_by:
            rows.append(("Asserted by", self.asserted_by))
        if self.hedge:
            rows.append(("Hedged in the source", f"the document itself says “{self.hedge}”"))
        if self.note:
            rows.append(("Response", self.note))
        if self.exhibit:
            support = self.role is Role.PERSECUTOR  # support for the claim, not a rebuttal
            rows.append(("Supporting exhibit" if support else "Rebutting exhibit", self.exhibit))
        if self.repeated:
            rows.append(("Repeated", self.repeated))
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
class Table:
    """A table a section shows before its findings (the chronology, the withheld material)."""

    head: list[str]
    rows: list[list[str]]
    widths: list[float]
    """Relative column widths."""


@dataclass(slots=True)
class Section:
    title: str
    findings: list[MemoFinding]
    category: Category | None = None
    role: Role | None = None
    intro: list[Paragraph] = field(default_factory=list)
    """Template text that opens the section; the memo marks it for the attorney to check."""
    table: Table | None = None
    dismissed: int = 0
    """Findings of this section's kind dismissed as not real references (not listed)."""
    empty: str = ""
    """What the section says when it has nothing to show; "" to say it from its findings."""


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
    active_content: list[str] = field(default_factory=list)
    """What its annotated exhibit leaves out of the source: JavaScript, actions, scripts."""
    complete: bool = True
    """False when the document's reading was interrupted: findings may be missing."""

    @property
    def pages_line(self) -> str:
        """The pages, with what of them was not searched: every format prints this line."""
        line = str(self.pages)
        if self.pages_not_searched:
            line += f" ({self.pages_not_searched} without a text layer; not searched)"
        if self.poorly_read:
            line += f" (poorly read by OCR, to be read by eye: {self.poorly_read})"
        if not self.complete:
            line += "; reading not finished: findings may be missing"
        return line


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
    appendices: list[Section] = field(default_factory=list)
    """Sections after the documents' appendix: what the release withholds."""

    @property
    def total_row(self) -> SummaryRow:
        counts = {s: sum(r.counts[s] for r in self.summary) for s in SUMMARY_STATUSES}
        return SummaryRow("Total", counts)
