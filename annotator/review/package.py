"""A review package (one reviewer's work) or a key (an instructor's), as plain data.

Findings are anchored by what every copy of the case shares — the document's SHA-256, the page,
the rectangles and the text — never by a case file's row ids, so they match across copies.
Each finding carries every reviewer field the app has (store EDITABLE, named in `fields`), so a
field added later (a finding's role) travels without a new format. A package also carries the
audit entries behind its values, and is refused when they contradict each other.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from annotator.core.errors import AnnotatorError
from annotator.core.model import Category, Rect, Source, Status

KINDS = ("review", "key")
LIFECYCLE = ("created", "deleted", "restored")
"""Audit events that say whether a finding added by hand exists."""
NO_OPINION = frozenset({"", Status.UNTAGGED.value, "pending", "None"})
"""Values that say nothing: a reviewer who cleared a tag has no position on it."""


class PackageError(AnnotatorError):
    """A review package or key that cannot be used; the message names the file and why."""


@dataclass(frozen=True, slots=True)
class PackedDocument:
    sha256: str
    title: str
    file_name: str
    page_count: int


@dataclass(frozen=True, slots=True)
class PackedFinding:
    uid: int
    """The finding's id in the case it came from: links it to its audit entries, nothing more."""
    document: str
    """The document's SHA-256."""
    page: int
    category: Category
    subtype: str
    text: str
    start: int
    end: int
    rects: tuple[Rect, ...]
    sentence: str = ""
    source: Source = Source.MODEL
    author: str = ""
    """Who added it by hand ("" for a detected finding)."""
    deleted: bool = False
    values: dict[str, str] = field(default_factory=dict)
    """The reviewer fields this review set: status, note, exhibit, approval… (role, when the
    app has it)."""

    @property
    def status(self) -> str:
        return self.values.get("status", Status.UNTAGGED.value)

    def opinion(self) -> dict[str, str]:
        """The values that take a position."""
        return {k: v for k, v in self.values.items() if v not in NO_OPINION}


@dataclass(frozen=True, slots=True)
class PackedEntry:
    finding: int
    """The uid of the finding it is about."""
    at: str
    who: str
    field: str
    old: str
    new: str


@dataclass(frozen=True, slots=True)
class LexiconEntry:
    category: str
    text: str
    subtype: str = "user"


@dataclass(frozen=True, slots=True)
class Package:
    kind: str
    reviewer: str
    created_at: str
    app: str
    documents: tuple[PackedDocument, ...]
    fields: tuple[str, ...]
    findings: tuple[PackedFinding, ...]
    audit: tuple[PackedEntry, ...]
    lexicon: tuple[LexiconEntry, ...] = ()
    """User lexicon entries the review used (see collect.lexicon_used)."""
    respondent: str = ""
    digest: str = ""
    """SHA-256 of the work itself (reviewer, documents, findings, audit, lexicon; not when or
    by which app it was written): the same work exported twice has the same digest, so merging
    it again changes nothing."""
    path: str = ""
    """The file it was read from."""

    def shas(self) -> set[str]:
        return {d.sha256 for d in self.documents}


# -- to and from JSON ---------------------------------------------------------------------------


def work_dict(package: Package) -> dict[str, Any]:
    """The part of a package that is the work (review.json, what `digest` covers)."""
    return {
        "kind": package.kind,
        "reviewer": package.reviewer,
        "documents": [_document_dict(d) for d in package.documents],
        "fields": list(package.fields),
        "findings": [_finding_dict(f) for f in package.findings],
        "audit": [_entry_dict(e) for e in package.audit],
        "lexicon": [
            {"category": x.category, "text": x.text, "subtype": x.subtype} for x in package.lexicon
        ],
    }


def from_dict(data: dict[str, Any], meta: dict[str, Any], *, path: str, digest: str) -> Package:
    """The package `data` (the work) and `meta` (the manifest) hold, checked: a missing or
    ill-typed part raises PackageError."""
    try:
        kind = str(data["kind"])
        if kind not in KINDS:
            raise ValueError(f"unknown kind {kind!r}")
        return Package(
            kind=kind,
            reviewer=str(data["reviewer"]),
            created_at=str(meta.get("created_at", "")),
            app=str(meta.get("app", "")),
            documents=tuple(_document(d) for d in data["documents"]),
            fields=tuple(str(f) for f in data["fields"]),
            findings=tuple(_finding(f) for f in data["findings"]),
            audit=tuple(_entry(e) for e in data["audit"]),
            lexicon=tuple(
                LexiconEntry(str(x["category"]), str(x["text"]), str(x.get("subtype", "user")))
                for x in data["lexicon"]
            ),
            respondent=str(meta.get("respondent", "")),
            digest=digest,
            path=path,
        )
    except (KeyError, TypeError, ValueError, IndexError) as err:
        raise PackageError(f"{path}: is damaged or not a review package ({_reason(err)})") from err


def _reason(err: Exception) -> str:
    return f"missing {err}" if isinstance(err, KeyError) else str(err)


def _document_dict(d: PackedDocument) -> dict[str, Any]:
    return {"sha256": d.sha256, "title": d.title, "file_name": d.file_name, "pages": d.page_count}


def _document(data: dict[str, Any]) -> PackedDocument:
    sha = str(data["sha256"])
    if len(sha) != 64:
        raise ValueError(f"a document's SHA-256 is {sha!r}")
    return PackedDocument(sha, str(data["title"]), str(data["file_name"]), int(data["pages"]))


def _finding_dict(f: PackedFinding) -> dict[str, Any]:
    return {
        "uid": f.uid,
        "document": f.document,
        "page": f.page,
        "category": f.category.value,
        "subtype": f.subtype,
        "text": f.text,
        "start": f.start,
        "end": f.end,
        "rects": [list(r) for r in f.rects],
        "sentence": f.sentence,
        "source": f.source.value,
        "author": f.author,
        "deleted": f.deleted,
        "values": f.values,
    }


def _finding(data: dict[str, Any]) -> PackedFinding:
    rects = tuple(_rect(r) for r in data["rects"])
    values = data["values"]
    if not isinstance(values, dict):
        raise TypeError("a finding's values are not a mapping")
    return PackedFinding(
        uid=int(data["uid"]),
        document=str(data["document"]),
        page=int(data["page"]),
        category=Category(data["category"]),
        subtype=str(data["subtype"]),
        text=str(data["text"]),
        start=int(data["start"]),
        end=int(data["end"]),
        rects=rects,
        sentence=str(data.get("sentence", "")),
        source=Source(data["source"]),
        author=str(data.get("author", "")),
        deleted=bool(data["deleted"]),
        values={str(k): str(v) for k, v in values.items()},
    )


def _rect(values: Any) -> Rect:
    x0, y0, x1, y1 = (float(v) for v in values)
    return (x0, y0, x1, y1)


def _entry_dict(e: PackedEntry) -> dict[str, Any]:
    return {
        "finding": e.finding,
        "at": e.at,
        "who": e.who,
        "field": e.field,
        "old": e.old,
        "new": e.new,
    }


def _entry(data: dict[str, Any]) -> PackedEntry:
    return PackedEntry(
        int(data["finding"]),
        str(data["at"]),
        str(data["who"]),
        str(data["field"]),
        str(data["old"]),
        str(data["new"]),
    )


# -- consistency --------------------------------------------------------------------------------


def check_consistent(package: Package) -> None:
    """Refuse a package whose audit entries contradict its findings (edited by hand, or a
    bug): each value must be the last one its audit entries set, and a deletion the last event."""
    name = package.path
    shas = package.shas()
    uids: set[int] = set()
    for f in package.findings:
        if f.document not in shas:
            raise PackageError(
                f"{name}: finding {f.uid} is on a document the package does not list"
            )
        if f.uid in uids:
            raise PackageError(f"{name}: finding {f.uid} appears twice")
        uids.add(f.uid)
    last: dict[int, dict[str, str]] = {}
    lifecycle: dict[int, str] = {}
    for e in package.audit:
        if e.finding not in uids:
            raise PackageError(f"{name}: an audit entry names finding {e.finding}, not in it")
        if package.kind == "review" and e.who != package.reviewer:
            raise PackageError(
                f"{name}: its audit entries contradict its findings "
                f"(an entry by {e.who!r} in {package.reviewer!r}'s review)"
            )
        if e.field in LIFECYCLE:
            lifecycle[e.finding] = e.field
        else:
            last.setdefault(e.finding, {})[e.field] = e.new
    for f in package.findings:
        _check_finding(name, f, last.get(f.uid, {}), lifecycle.get(f.uid, ""))


def _check_finding(name: str, f: PackedFinding, said: dict[str, str], event: str) -> None:
    """`said`: the last value the audit entries give each field of the finding."""
    if said != f.values:
        key = next(k for k in sorted(set(said) | set(f.values)) if said.get(k) != f.values.get(k))
        raise PackageError(
            f"{name}: its audit entries contradict its findings (finding {f.uid}: "
            f"{key} is {f.values.get(key)!r}, its audit entries say {said.get(key)!r})"
        )
    if f.deleted != (event == "deleted"):
        raise PackageError(
            f"{name}: its audit entries contradict its findings (finding {f.uid} is "
            f"{'deleted' if f.deleted else 'present'}, its last event is {event or 'none'!r})"
        )
