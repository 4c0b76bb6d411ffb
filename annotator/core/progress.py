"""Progress reporting for long work: a plain callback, so CLI, UI and tests can all listen."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from annotator.core.errors import Cancelled


@dataclass(frozen=True, slots=True)
class Progress:
    done: int
    total: int
    message: str = ""


ProgressCallback = Callable[[Progress], bool | None]
"""Called as work advances; returning False asks the work to stop (it raises Cancelled)."""


def report(callback: ProgressCallback | None, done: int, total: int, message: str = "") -> None:
    if callback is not None and callback(Progress(done, total, message)) is False:
        raise Cancelled(message or "cancelled")
