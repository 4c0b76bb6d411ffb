"""The log the window writes (crash reports included) holds no page text, note or client name:
the real handler, an uncaught error carrying all three, then a grep of the file."""

from __future__ import annotations

import logging
import sys

import pytest

from annotator.store import CaseStore
from annotator.ui import crash
from annotator.ui.settings import log_path

RESPONDENT = "Zyxwvut Quorblemann (fictional)"
PAGE_TEXT = "the school officer wrote that the student is an MS-13 associate"
NOTE = "Client worked the night shift at the Vorpal bakery"


@pytest.fixture
def log_file(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    root = logging.getLogger()
    before, level = list(root.handlers), root.level
    crash.setup_logging()
    yield log_path()
    for handler in set(root.handlers) - set(before):
        root.removeHandler(handler)
        handler.close()
    root.setLevel(level)


def _fail_while_saving(note: str) -> None:
    raise ValueError(f"cannot store note {note!r} for page text {PAGE_TEXT!r}")


def test_a_crash_report_has_the_stack_but_no_case_data(log_file, tmp_path):
    case_path = tmp_path / "Quorblemann intake.case"
    with CaseStore(case_path) as case:
        case.set_info(respondent=RESPONDENT, a_number="A 098-765-432")
    shown: list[str] = []
    crash.install_excepthook(shown.append)
    logging.getLogger("annotator.ui.test").warning("cannot open %s", case_path)
    try:
        _fail_while_saving(NOTE)
    except ValueError:
        sys.excepthook(*sys.exc_info())
    text = log_file.read_text(encoding="utf-8")
    assert "unexpected error" in text and "in _fail_while_saving" in text and "ValueError" in text
    assert "cannot open" in text and "[respondent] intake.case" in text
    for secret in ("Quorblemann", "Zyxwvut", "098-765-432", "MS-13", "night shift"):
        assert secret not in text, secret
    assert shown and str(log_file) in shown[0]
    assert log_file.parent.stat().st_mode & 0o777 == 0o700
