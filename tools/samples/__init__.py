"""The fictional sample case: the builder of every PDF in sample_files/ and sample_files/scanned/.

From the checkout's top, with the project's virtual environment (only PyMuPDF and the DejaVu
fonts, `fonts-dejavu-core`, are needed):

    python -m tools.samples                # rewrites sample_files/ and sample_files/scanned/
    python -m tools.samples OUTDIR         # writes somewhere else
    python -m tools.samples --no-scanned   # skips the image-only twins
    python -m tools.samples --show-splits  # prints where each forced split landed

Output is byte-for-byte reproducible (fixed dates, no document IDs, seeded scans), and
tests/test_samples.py checks that the committed PDFs are what this package builds.

Layout engine: `fonts` (embedded DejaVu), `wrap` (line breaking), `sheet` (one page: text,
rules, forms, tables, and the `Label`/`Rule`/`Box`/... marks documents keep as data), `flow`
(paragraphs through columns and pages), `document` (a PDF, the FICTIONAL stamp and Bates number
on every page), `scan` (scanned twins), `build` (the command). `respondent` is the invented
person; `documents/` holds one module (or package) per sample document, text as data.

To add a document: write `documents/<name>.py` with `SPEC = DocSpec("NN_<name>.pdf", title,
subject)` (`scan_seed=` for an image-only twin too) and `build(b: DocBuilder)`, which adds and
draws its pages (see `documents/red_notice.py`); add its name to `documents.DOCUMENTS` (the
order numbers the Bates stamps, so add at the end); run `python -m tools.samples`, commit the
PDFs, and list the file in sample_files/README.md. Every name and number in it must be invented.
"""
