"""Active content in a PDF: what would run, open a program, send a form or reach out when a reader
opens or uses an annotated exhibit sent to a court.

The exhibits are copies of the case's PDFs, and a source (a FOIA release, a foreign police
report) may carry JavaScript, an action run on opening, a Launch action that starts a program,
page and form-field actions, an XFA form, or an embedded script. `strip_active_content` removes
those and says what it removed, so the memo's appendix can say so; pages, text, links to web
addresses and annotations stay. `find_active_content` says the same without changing anything.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import PurePath

import pymupdf

from annotator.pdf.extract import page_xrefs

RISKY_ACTIONS = frozenset(
    {"JavaScript", "Launch", "SubmitForm", "ImportData", "GoToE", "RichMediaExecute", "Rendition"}
)
"""Actions that run code, start a program, send data or open an embedded file; a link to a page
or a web address (GoTo, GoToR, URI, Named) is what a reader clicks for, and stays."""
SCRIPT_SUFFIXES = frozenset(
    ".js .jse .vbs .vbe .wsf .wsh .hta .ps1 .psm1 .bat .cmd .com .exe .scr .msi .dll .jar "
    ".sh .bash .py .pl .rb .php .lnk .app .dmg .apk .reg".split()
)
"""Embedded files by these names are programs or scripts."""
_REF = re.compile(r"(\d+) 0 R")


def find_active_content(pdf: pymupdf.Document) -> list[str]:
    """What strip_active_content would remove from `pdf`, without changing it."""
    return _visit(pdf, remove=False)


def strip_active_content(pdf: pymupdf.Document) -> list[str]:
    """Remove the PDF's active content (in memory; save to keep it); what was removed."""
    return _visit(pdf, remove=True)


def _visit(pdf: pymupdf.Document, *, remove: bool) -> list[str]:
    if not pdf.is_pdf:
        return []
    found: list[str] = []
    catalog = pdf.pdf_catalog()
    found += _document_actions(pdf, catalog, remove)
    found += _named_scripts(pdf, catalog, remove)
    found += _scripts_embedded(pdf, remove)
    found += _object_actions(pdf, remove)
    return found


def _document_actions(pdf: pymupdf.Document, catalog: int, remove: bool) -> list[str]:
    found = []
    kind, _ = pdf.xref_get_key(catalog, "OpenAction")
    if kind in ("xref", "dict"):  # an action (a destination array only opens a page)
        action = pdf.xref_get_key(catalog, "OpenAction/S")[1].lstrip("/")
        if action not in ("GoTo", "null"):
            found.append(f"an action run on opening the file ({action})")
            _drop(pdf, (catalog, ""), "OpenAction", remove)
    if pdf.xref_get_key(catalog, "AA")[0] != "null":
        found.append("document actions (run on closing, saving or printing)")
        _drop(pdf, (catalog, ""), "AA", remove)
    if pdf.xref_get_key(catalog, "AcroForm/XFA")[0] != "null":
        found.append("an XFA form (which can hold scripts)")
        _drop(pdf, _owner(pdf, catalog, "AcroForm"), "XFA", remove)
    return found


def _named_scripts(pdf: pymupdf.Document, catalog: int, remove: bool) -> list[str]:
    """Scripts a reader runs when it opens the file, named in the catalog's name tree."""
    if pdf.xref_get_key(catalog, "Names/JavaScript")[0] == "null":
        return []
    _drop(pdf, _owner(pdf, catalog, "Names"), "JavaScript", remove)
    return ["document JavaScript (run when the file is opened)"]


def _scripts_embedded(pdf: pymupdf.Document, remove: bool) -> list[str]:
    found = []
    for name in pdf.embfile_names():
        info = pdf.embfile_info(name)
        file_name = info.get("ufilename") or info.get("filename") or name
        if PurePath(file_name).suffix.lower() in SCRIPT_SUFFIXES:
            found.append(f"an embedded program or script ({file_name})")
            if remove:
                pdf.embfile_del(name)
    return found


def _object_actions(pdf: pymupdf.Document, remove: bool) -> list[str]:
    """Actions of pages, annotations, form fields and bookmarks, counted by kind and page."""
    pages = {xref: n for n, xref in enumerate(page_xrefs(pdf), start=1)}
    annots = _annotation_pages(pdf, pages)
    kinds: Counter[str] = Counter()
    where: dict[str, set[int]] = {}
    catalog = pdf.pdf_catalog()  # its actions are the document's, seen above
    for xref in range(1, pdf.xref_length()):
        if xref == catalog:
            continue
        try:
            keys = pdf.xref_get_keys(xref)
        except Exception:  # a damaged object: MuPDF's own error types
            continue
        for key in ("AA", "A"):
            if key not in keys or (key == "A" and not _risky(pdf, xref, "A")):
                continue
            kind = _kind(pdf, xref, key, xref in pages)
            kinds[kind] += 1
            page = pages.get(xref) or annots.get(xref)
            if page:
                where.setdefault(kind, set()).add(page)
            _drop(pdf, (xref, ""), key, remove)
    return [_described(kind, n, where.get(kind, set())) for kind, n in kinds.items()]


def _risky(pdf: pymupdf.Document, xref: int, key: str, depth: int = 0) -> bool:
    """An action, or one it chains to with /Next, that is in RISKY_ACTIONS."""
    action = pdf.xref_get_key(xref, f"{key}/S")[1].lstrip("/")
    if action in RISKY_ACTIONS:
        return True
    kind, value = pdf.xref_get_key(xref, f"{key}/Next")
    if kind == "null" or depth > 8:
        return False
    return any(
        pdf.xref_get_key(int(ref), "S")[1].lstrip("/") in RISKY_ACTIONS
        for ref in _REF.findall(value)
    ) or (kind == "dict" and _risky(pdf, xref, f"{key}/Next", depth + 1))


def _kind(pdf: pymupdf.Document, xref: int, key: str, is_page: bool) -> str:
    subtype = pdf.xref_get_key(xref, "Subtype")[1].lstrip("/")
    if is_page:
        return "page actions"
    if subtype == "Widget" or pdf.xref_get_key(xref, "FT")[0] != "null":
        return "form-field actions"
    if subtype:
        return f"{'actions' if key == 'AA' else 'risky actions'} in {subtype} annotations"
    if pdf.xref_get_key(xref, "Title")[0] != "null":
        return "risky actions in bookmarks"
    return "other actions"


def _described(kind: str, count: int, pages: set[int]) -> str:
    text = f"{kind} ({count})"
    if pages:
        numbers = sorted(pages)
        shown = ", ".join(map(str, numbers[:10])) + (", …" if len(numbers) > 10 else "")
        text += f" on page{'s' if len(numbers) > 1 else ''} {shown}"
    return text


def _annotation_pages(pdf: pymupdf.Document, pages: dict[int, int]) -> dict[int, int]:
    found = {}
    for page_xref, number in pages.items():
        kind, value = pdf.xref_get_key(page_xref, "Annots")
        if kind == "xref":
            value = pdf.xref_object(_first_ref(value))
        for ref in _REF.findall(value if kind in ("array", "xref") else ""):
            found[int(ref)] = number
    return found


def _owner(pdf: pymupdf.Document, xref: int, key: str) -> tuple[int, str]:
    """Where the dictionary at xref's `key` lives: its own object, or inline (a key path)."""
    kind, value = pdf.xref_get_key(xref, key)
    return (_first_ref(value), "") if kind == "xref" else (xref, key)


def _drop(pdf: pymupdf.Document, owner: tuple[int, str], key: str, remove: bool) -> None:
    """Remove `key` from the dictionary at `owner` (an object, and a key path in it), if
    removing."""
    xref, path = owner
    if not remove:
        return
    pdf.xref_set_key(xref, f"{path}/{key}" if path else key, "null")
    # A null entry means no entry; take it out of the object's source too.
    source = pdf.xref_object(xref, compressed=True)
    cleaned = re.sub(rf"/{key}\s*null(?=[\s/>\]]|$)", "", source)
    if cleaned != source:
        pdf.update_object(xref, cleaned)


def _first_ref(value: str) -> int:
    return int(_REF.findall(value)[0])
