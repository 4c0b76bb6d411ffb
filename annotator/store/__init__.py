"""The case file: one SQLite database per case, written through sqlite-utils."""

from annotator.store.case import CaseStore

__all__ = ["CaseStore"]
