"""Fixtures for the export tests: the sample case with a few findings tagged by `annotator tag`."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from export_support import Tagged, tag_sample

from annotator.store import CaseStore


@pytest.fixture
def tagged(sample_case_path: Path) -> Tagged:
    """A private copy of the sample case, tagged; a test may change it."""
    return tag_sample(sample_case_path)


@pytest.fixture(scope="module")
def tagged_shared(sample_case_master: Path, tmp_path_factory: pytest.TempPathFactory) -> Tagged:
    """One tagged copy for tests that only read exports made from it."""
    copy = tmp_path_factory.mktemp("tagged") / "sample.case"
    with CaseStore(sample_case_master) as src:
        src.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copy(sample_case_master, copy)
    return tag_sample(copy)
