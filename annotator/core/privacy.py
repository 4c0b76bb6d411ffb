"""What the app writes is for its user alone: private file modes, and logs without case data.

Files: `make_files_private()` sets the process's umask to 077 when the app starts (the
`annotator` and `annotator-gui` commands, and the bundled app, which runs the former). Every
file and folder the app and its libraries then create is the user's alone on POSIX (0600 files,
0700 folders): the case file and the -wal and -shm files SQLite creates beside it, its lock,
exports (export.files.atomic_write gives an export the mode the umask allows), the log and the
crash reports in it, and the worker processes', which inherit the umask. Windows has no umask;
there the user's profile folders are private to the user already.

Logs: `PrivateLogFilter` rewrites each record before a handler writes it. An exception is
logged as its type and stack (file, line, function, source line) without its message, which
can quote what was being read or written: a page's text, a note. The open case's respondent
name and A-number, which `withhold` registers when a case is opened (a case file is often
named after the client), are replaced wherever they occur, whatever their case and accents.
Callers log paths, counts and states; never a page's text, a finding or a note.
"""

from __future__ import annotations

import logging
import os
import re
import traceback
import unicodedata

PRIVATE_UMASK = 0o077

_names: set[str] = set()
_numbers: set[str] = set()
_patterns: list[tuple[re.Pattern[str], str]] = []
"""What replaces each withheld detail: every case opened by this process, not only the last."""


def make_files_private() -> None:
    """Create every file and folder from now on readable by this user only (POSIX)."""
    if os.name == "posix":
        os.umask(PRIVATE_UMASK)


def withhold(respondent: str = "", a_number: str = "") -> None:
    """Keep this case's respondent name and A-number out of every log from now on."""
    _names.update(w for w in re.findall(r"[^\W_]+", _fold(respondent)) if len(w) >= 3)
    digits = re.sub(r"\D", "", a_number)
    if len(digits) >= 7:  # an A-number has 8 or 9 digits, written with or without separators
        _numbers.add(digits)
    _patterns.clear()
    if _names:
        words = "|".join(map(re.escape, sorted(_names, key=len, reverse=True)))
        # a word of the name, also inside file_names_like_this (\b would not split at _)
        _patterns.append((re.compile(rf"(?<![^\W_])(?:{words})(?![^\W_])"), "[respondent]"))
    for number in sorted(_numbers):
        pattern = r"(?<!\d)" + r"[\s.-]?".join(number) + r"(?!\d)"
        _patterns.append((re.compile(pattern), "[A-number]"))


def redact(text: str) -> str:
    """`text` with every withheld case detail replaced by its placeholder."""
    if not _patterns:
        return text
    folded = _fold(text)  # the same length as text, so a match's span is text's too
    spans = sorted(
        (m.start(), m.end(), placeholder)
        for pattern, placeholder in _patterns
        for m in pattern.finditer(folded)
    )
    out, at = [], 0
    for start, end, placeholder in spans:
        if start >= at:
            out += [text[at:start], placeholder]
            at = end
    return "".join(out) + text[at:]


def safe_traceback(error: BaseException) -> str:
    """An exception's stack and type, and its causes', without any message."""
    chain: list[BaseException] = []
    current: BaseException | None = error
    while current is not None and current not in chain:
        chain.append(current)
        current = current.__cause__ or (
            None if current.__suppress_context__ else current.__context__
        )
    lines: list[str] = []
    for link in reversed(chain):  # the first cause first, as Python prints them
        if lines:
            lines.append("which led to:")
        lines.append("Traceback (most recent call last):")
        for frame in traceback.extract_tb(link.__traceback__):
            lines.append(f'  File "{frame.filename}", line {frame.lineno}, in {frame.name}')
            if frame.line:
                lines.append(f"    {frame.line}")  # the app's own code, not its data
        lines.append(_kind(link))
    return "\n".join(lines)


def _kind(error: BaseException) -> str:
    kind = type(error)
    name = (
        kind.__qualname__
        if kind.__module__ == "builtins"
        else f"{kind.__module__}.{kind.__qualname__}"
    )
    errno = getattr(error, "errno", None)
    return f"{name} (errno {errno})" if isinstance(errno, int) else name


class PrivateLogFilter(logging.Filter):
    """Put on a handler: each record it writes is rendered here, then redacted (see module)."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if record.exc_info and record.exc_info[1] is not None:
            message += "\n" + safe_traceback(record.exc_info[1])
        record.msg, record.args = redact(message), ()
        record.exc_info, record.exc_text, record.stack_info = None, None, None
        return True


def _fold(text: str) -> str:
    """Lower case without accents, one character for each of `text`'s."""
    return "".join(unicodedata.normalize("NFD", ch.lower())[0] for ch in text)
