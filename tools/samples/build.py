"""Build every registered sample document, and the scanned twins of those that ask for one."""

from __future__ import annotations

import argparse
from pathlib import Path
from types import ModuleType

from . import documents
from .document import DocBuilder
from .fonts import Fonts
from .scan import make_scanned

SAMPLE_DIR = Path(__file__).resolve().parents[2] / "sample_files"


def build_document(
    module: ModuleType, fonts: Fonts, outdir: Path, bates: int, debug: bool = False
) -> DocBuilder:
    """Lay out one document, stamp and save it in outdir; its pages are numbered from `bates`."""
    b = DocBuilder(fonts, module.SPEC, bates, debug)
    module.build(b)
    b.finish(outdir)
    return b


def build_all(outdir: Path, scanned: bool = True, debug: bool = False) -> list[Path]:
    """Write the whole set into outdir (scanned twins into outdir/scanned); returns the files."""
    outdir.mkdir(parents=True, exist_ok=True)
    fonts = Fonts()
    made: list[Path] = []
    bates = 1
    for module in documents.load():
        b = build_document(module, fonts, outdir, bates, debug)
        made.append(outdir / b.filename)
        last = b.bates(len(b.sheets) - 1)
        print(f"{b.filename:48s} {len(b.sheets):2d} pages  {b.bates(0)}..{last}")
        bates = b.next_bates
        seed = b.spec.scan_seed
        if scanned and seed is not None:
            twin = outdir / "scanned" / f"{Path(b.filename).stem}_scanned.pdf"
            twin.parent.mkdir(exist_ok=True)
            n = make_scanned(outdir / b.filename, twin, seed)
            made.append(twin)
            print(f"scanned/{twin.name} {n:2d} pages (image only)")
    print(f"total: {bates - 1} pages in {len(documents.DOCUMENTS)} files -> {outdir}")
    return made


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m tools.samples", description="Write the fictional sample case PDFs."
    )
    ap.add_argument(
        "outdir",
        nargs="?",
        type=Path,
        default=SAMPLE_DIR,
        help="output folder (default: the checkout's sample_files/)",
    )
    ap.add_argument("--no-scanned", action="store_true", help="skip the image-only 'scanned' twins")
    ap.add_argument(
        "--show-splits", action="store_true", help="print where each forced line split landed"
    )
    args = ap.parse_args(argv)
    build_all(args.outdir, scanned=not args.no_scanned, debug=args.show_splits)
    return 0
