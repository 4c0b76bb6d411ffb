"""The few named errors the app raises; each message is written for the person using it."""

from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def one_line(text: str) -> str:
    """`text` with its control characters written as escapes (a newline as \\n, ESC as \\x1b).

    File names may hold any of them: a newline would split a one-line message in two, a
    terminal escape would recolour or rewrite it. Every error line goes through here."""
    return _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


class AnnotatorError(Exception):
    """Base of every error a user may see."""


class BadInputFile(AnnotatorError):
    """A PDF that cannot be read: not a PDF, truncated, empty, encrypted, unreadable."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


class CaseError(AnnotatorError):
    """A case file that cannot be opened or written."""


class CaseLocked(CaseError):
    """Another window or process has the case open."""


class ExportError(AnnotatorError):
    """A memo or exhibit that cannot be written."""


class LexiconError(AnnotatorError):
    """A pattern file under models/ that is malformed."""


class Cancelled(AnnotatorError):
    """Long work stopped because the user asked."""
