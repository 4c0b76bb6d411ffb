"""Unexpected errors: logged in full to the user's log folder, shown as one short message."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from logging.handlers import RotatingFileHandler
from types import TracebackType

from annotator.core.privacy import PrivateLogFilter
from annotator.ui.settings import log_path

log = logging.getLogger("annotator")


def setup_logging() -> None:
    """The log file, private to the user (core.privacy): no page text, note or client name."""
    path = log_path()
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        handler: logging.Handler = RotatingFileHandler(path, maxBytes=1 << 20, backupCount=3)
    except OSError:
        handler = logging.StreamHandler(sys.stderr)
    handler.addFilter(PrivateLogFilter())
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)


def install_excepthook(show: Callable[[str], None]) -> None:
    """Route uncaught exceptions to the log file and a short message; never a traceback."""

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, value, tb)
            return
        log.error("unexpected error", exc_info=(kind, value, tb))  # the filter drops its text
        try:
            show(
                f"Something went wrong: {value or kind.__name__}.\n"
                f"Your work is saved. Details were written to {log_path()}."
            )
        except Exception:  # the message box itself failed; the log has the details
            log.exception("cannot show the error message")

    sys.excepthook = hook
