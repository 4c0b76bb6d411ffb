"""PyMuPDF: open source PDFs read-only, fingerprint them, extract text with word boxes."""
