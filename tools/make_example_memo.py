#!/usr/bin/env python3
"""Regenerate sample_files/example_memo.docx (and rendered/example_memo.pdf) from the sample case.

Ingests sample_files/*.pdf into a temporary case, tags a few findings the way a clinic team
would (fictional reviewers, fictional notes and exhibits), and exports the memo. Everything in
the output is invented, like the sample files it is made from. The PDF goes in a subfolder so
that the sample case (every top-level sample_files/*.pdf) never takes in the memo itself.

Usage:
    python tools/make_example_memo.py [--out-dir DIR] [--exhibits DIR] [--date YYYY-MM-DD]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from annotator.core.errors import AnnotatorError
from annotator.core.model import Finding
from annotator.core.paths import sample_dir
from annotator.export import export_exhibits, export_memo
from annotator.ingest import Ingestor
from annotator.store import CaseStore

ATTORNEY = "Jordan Alvarez, Esq. (fictional)"
STUDENT = "Maya Ortega, clinic student (fictional)"


@dataclass(frozen=True)
class Tag:
    """Which finding (file prefix, PDF page, matched text) and what the reviewer said."""

    file: str
    page: int
    text: str
    status: str
    note: str = ""
    exhibit: str = ""
    who: str = ATTORNEY


TAGS = [
    Tag(
        "01_",
        3,
        "Gang Associate",
        "unverified",
        "The 'Gang Associate' status is 8 points on BRIC's scale: 'paraphernalia' (a blue polo "
        "shirt and a rosary) and standing near two students in a school hallway. No arrest, "
        "charge, admission, tattoo or photograph supports it, and BRIC's own printout says its "
        "entries 'may not have been verified'.",
        "Ex. C — Declaration of Daniel Rivas Mejía, ¶¶ 4–9",
        STUDENT,
    ),
    Tag(
        "01_",
        3,
        "gang member",
        "unverified",
        "The officer writes only that local police 'believe' this; the same sentence admits there "
        "is no arrest, charge or conviction.",
        "",
        STUDENT,
    ),
    Tag(
        "02_",
        1,
        "MS-13 associate",
        "rebutted",
        "The classification rests on the blue polo shirt and a rosary. The school's own dress "
        "code (page RIVAS-000012) makes the blue polo the required uniform, and the rosary is a "
        "First Communion gift; the respondent is a practising Catholic.",
        "Ex. D — Eastfield Harbor High School uniform policy; Ex. E — Letter of Fr. Tomás "
        "Quintero (fictional)",
        STUDENT,
    ),
    Tag(
        "04_",
        1,
        "miembro activo de la MS-13",
        "unverified",
        "The same PNC report states that he 'no registra antecedentes' (no police or criminal "
        "record). The label comes from an intelligence entry sourced to unnamed informants, "
        "made in 2022 when he had been living in Massachusetts since 2019.",
        "Ex. F — CBP entry record and Chelsea school enrollment, 2019–2023",
    ),
    Tag(
        "04_",
        2,
        "miembro de la pandilla 18",
        "rebutted",
        "The 2018 entry profiles him as a member of Barrio 18, the rival of the MS-13 the later "
        "entry names. He was 14, stopped with classmates outside his school; he was released "
        "without charge and denied membership.",
        "Ex. G — Centro Escolar Los Almendros attendance certificate, 2018 (fictional)",
    ),
    Tag(
        "05_",
        2,
        "RED NOTICE",
        "unverified",
        "INTERPOL Washington's memorandum (RIVAS-000026) states that it does not review the "
        "evidence behind the charge and cannot confirm the reliability of the information. A Red "
        "Notice is not an arrest warrant. The underlying charge rests only on the PNC "
        "intelligence entry.",
        "Ex. H — Declaration of Salvadoran criminal-law expert Lic. R. Menjívar (fictional)",
    ),
    Tag(
        "01_",
        3,
        "SAFE program",
        "unverified",
        "The PNC report was forwarded by e-mail, untranslated, with no underlying judicial "
        "documents. Request the full SAFE transmittal and the arrest order through FOIA.",
    ),
    Tag(
        "01_",
        2,
        "Boston Regional Intelligence Center",
        "unverified",
        "ICE's lead came from the BRIC, whose records are 'intelligence information and not a "
        "record of arrest, charge or conviction' (RIVAS-000016).",
    ),
    Tag(
        "02_",
        4,
        "associated with gangs",
        "dismissed",
        "Generic wording in the school's dress-code policy; not about the respondent.",
    ),
    Tag(
        "07_",
        1,
        "members of the MS-13",
        "unverified",
        "Support for the asylum claim, not a label: the MS-13 extorted his mother's market stall "
        "from 2016. To be corroborated by his mother's declaration.",
        "Ex. J — Declaration of Marta Elena Mejía (fictional)",
        STUDENT,
    ),
    Tag(
        "07_",
        1,
        "MS-13 members",
        "unverified",
        "Forced recruitment at his school in 2017 and the beating of March 2018, when he refused "
        "to join; the same years the PNC later cites to profile him.",
        "Ex. K — Medical note, Unidad de Salud San Miguel, 2018 (fictional)",
        STUDENT,
    ),
    Tag(
        "07_",
        2,
        "Mara Salvatrucha",
        "unverified",
        "The killing of his cousin Kevin in January 2019, after which he fled; request the "
        "death certificate.",
    ),
]


def find(case: CaseStore, tag: Tag) -> Finding:
    for document in case.documents():
        if not Path(document.path).name.startswith(tag.file):
            continue
        for finding in case.findings(document_id=document.id):
            if finding.page == tag.page and finding.text == tag.text:
                return finding
    raise SystemExit(
        f"make_example_memo: no finding {tag.text!r} on {tag.file}* p. {tag.page}; "
        "the sample files changed, so update TAGS"
    )


def build_case(path: Path) -> CaseStore:
    pdfs = sorted(p for p in sample_dir().glob("*.pdf") if not p.name.startswith("example_memo"))
    if not pdfs:
        raise SystemExit(
            f"make_example_memo: no sample PDFs in {sample_dir()}; "
            "run python -m tools.samples first"
        )
    case = CaseStore(path)
    case.set_info(
        respondent="Daniel Alexander Rivas Mejía (fictional)",
        a_number="A 012-345-678",
        reviewer=ATTORNEY,
    )
    failed = [r for r in Ingestor(case, workers=1).add_files(pdfs) if not r.ok]
    if failed:
        raise SystemExit(f"make_example_memo: {failed[0].path}: {failed[0].error}")
    for tag in TAGS:
        finding = find(case, tag)
        case.set_status(finding.id, tag.status, tag.who)
        if tag.note:
            case.set_note(finding.id, tag.note, tag.who)
        if tag.exhibit:
            case.set_exhibit(finding.id, tag.exhibit, tag.who)
    return case


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--out-dir",
        type=Path,
        default=sample_dir(),
        help="where example_memo.docx and .pdf go (default: sample_files/)",
    )
    parser.add_argument("--exhibits", type=Path, help="also write annotated exhibits here")
    parser.add_argument(
        "--date",
        type=date.fromisoformat,
        default=date.today(),
        help="the memo's date (default: today)",
    )
    args = parser.parse_args(argv)
    args.out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="example-memo-") as tmp:
        case = build_case(Path(tmp) / "example.case")
        try:
            for out in (
                args.out_dir / "example_memo.docx",
                args.out_dir / "rendered" / "example_memo.pdf",
            ):
                out.parent.mkdir(parents=True, exist_ok=True)
                export_memo(case, out, force=True, today=args.date)
                print(f"wrote {out}")
            if args.exhibits:
                for exhibit in export_exhibits(case, args.exhibits, force=True):
                    print(f"wrote {exhibit.path}")
        except AnnotatorError as err:
            print(f"make_example_memo: {err}", file=sys.stderr)
            return 3
        finally:
            case.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
