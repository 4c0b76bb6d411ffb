"""Run the real `annotator` command in-process, reusing the session's detector pipeline."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest

import annotator.ingest.ingestor
import annotator.nlp.worker
from annotator.cli import main
from annotator.nlp.detect import Detector


@dataclass
class Run:
    code: int
    out: str
    err: str

    def rows(self) -> list[dict[str, Any]]:
        return [json.loads(line) for line in self.out.splitlines()]


@pytest.fixture(autouse=True)
def _reuse_detector(monkeypatch: pytest.MonkeyPatch, detector: Detector) -> None:
    """The CLI builds a Detector per run; hand it the session's (same pipeline, built once),
    and detect in this process rather than in a worker that would load spaCy for every run.
    The worker's path is run by test_cli_subprocess.py and tests/test_ingest_pipeline.py."""
    monkeypatch.setattr(annotator.ingest.ingestor, "Detector", lambda models_dir=None: detector)
    monkeypatch.setattr(annotator.nlp.worker, "DetectionWorker", lambda *args: None)


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Callable[..., Run]:
    def run(*argv: object) -> Run:
        capsys.readouterr()
        try:
            code = main([str(a) for a in argv])
        except SystemExit as exit_:  # argparse's usage errors
            code = exit_.code if isinstance(exit_.code, int) else 1
        out, err = capsys.readouterr()
        assert "Traceback" not in out + err
        return Run(code, out, err)

    return run
