"""Fixtures of the fault-injection suite (see README.md): real processes to kill, real small
and read-only filesystems, the real command run in this process."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fault_support import Processes, Run, long_pdf, mount, tmpfs

import annotator.ingest.ingestor
import annotator.nlp.worker
from annotator.cli import main
from annotator.nlp.detect import Detector


@pytest.fixture
def cli(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, detector: Detector
) -> Callable[..., Run]:
    """The real `annotator` command in this process, with the session's pipeline and no
    detection worker (the worker's own faults are run as real processes)."""
    monkeypatch.setattr(annotator.ingest.ingestor, "Detector", lambda models_dir=None: detector)
    monkeypatch.setattr(annotator.nlp.worker, "DetectionWorker", lambda *args: None)

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


@pytest.fixture(scope="session")
def long_pdf_400(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """400 pages, references on every fourth: long enough to be killed part-way."""
    return long_pdf(tmp_path_factory.mktemp("long") / "long_afile.pdf", 400, every=4)


@pytest.fixture
def processes(tmp_path: Path) -> Iterator[Processes]:
    output = tmp_path / "process-output"
    output.mkdir()
    tracked = Processes(output)
    yield tracked
    tracked.cleanup()


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A real 4 MB filesystem (tmpfs), for filling up."""
    with tmpfs(tmp_path / "small-disk", "4m") as where:
        yield where


@pytest.fixture
def read_only_media(tmp_path: Path) -> Iterator[Callable[[], None]]:
    """A real filesystem at tmp_path/'media' and a call that remounts it read-only."""
    where = tmp_path / "media"
    with tmpfs(where, "64m"):

        def make_read_only() -> None:
            problem = mount(["-o", "remount,ro", str(where)])
            if problem:
                pytest.skip(f"a read-only filesystem is needed: {problem}")

        yield make_read_only
