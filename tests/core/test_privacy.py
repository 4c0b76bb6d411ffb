"""Logs keep case data out: exception messages dropped, the respondent's name and A-number
replaced wherever and however they are written."""

from __future__ import annotations

import logging

import pytest

from annotator.core import privacy
from annotator.core.privacy import PrivateLogFilter, redact, safe_traceback, withhold


@pytest.fixture(autouse=True)
def _fresh_registry(monkeypatch):
    monkeypatch.setattr(privacy, "_names", set())
    monkeypatch.setattr(privacy, "_numbers", set())
    monkeypatch.setattr(privacy, "_patterns", [])


def test_the_name_and_a_number_are_replaced_however_written():
    withhold("Daniel Alexander Rivas Mejía (fictional)", "A 012-345-678")
    text = redact("/cases/rivas_mejia.case: RIVAS MEJIA, Mejia's; A012345678, 012 345 678")
    assert text == (
        "/cases/[respondent]_[respondent].case: [respondent] [respondent], [respondent]'s; "
        "A[A-number], [A-number]"
    )
    assert redact("Danielle Rivasco, 0123456789") == "Danielle Rivasco, 0123456789"


def test_every_case_opened_stays_withheld():
    withhold("Ana Pérez", "A 111-222-333")
    withhold("José Núñez")
    assert redact("ana perez, jose nunez, A111222333") == (
        "[respondent] [respondent], [respondent] [respondent], A[A-number]"
    )


PAGE_TEXT = "page text: the respondent is a gang member"
NOTE = "note: worked the night shift"


def _raise_chain() -> None:
    """Errors whose messages carry case data, as the app's would: from variables."""
    try:
        raise ValueError(PAGE_TEXT)
    except ValueError as err:
        raise KeyError(NOTE) from err


def test_a_traceback_keeps_types_and_frames_and_drops_messages():
    with pytest.raises(KeyError) as caught:
        _raise_chain()
    text = safe_traceback(caught.value)
    assert "ValueError" in text and "KeyError" in text and "which led to:" in text
    assert "in _raise_chain" in text and "test_privacy.py" in text
    assert "raise ValueError(PAGE_TEXT)" in text  # the source line: code, not data
    assert "gang member" not in text and "night shift" not in text
    assert safe_traceback(FileNotFoundError(2, "No such file", "/x/Rivas.pdf")).endswith(
        "FileNotFoundError (errno 2)"
    )


def test_the_filter_renders_redacts_and_drops_exception_text(caplog):
    withhold("Zyxwvut Quorblemann")
    log = logging.getLogger("annotator.test_privacy")
    handler = logging.Handler()
    handler.addFilter(PrivateLogFilter())
    records: list[logging.LogRecord] = []
    handler.emit = records.append  # type: ignore[method-assign]
    log.addHandler(handler)
    try:
        try:
            _raise_chain()
        except KeyError:
            log.exception("cannot save %s", "/cases/Quorblemann.case")
    finally:
        log.removeHandler(handler)
    (record,) = records
    message = logging.Formatter().format(record)
    assert message.startswith("cannot save /cases/[respondent].case\nTraceback")
    assert "Quorblemann" not in message and "gang member" not in message
