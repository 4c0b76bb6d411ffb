"""Case-File Annotator: find, tag and rebut derogatory references in immigration case PDFs."""

__version__ = "0.1.0"
