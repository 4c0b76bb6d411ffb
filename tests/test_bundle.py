"""The bundled app (PyInstaller, packaging/annotator.spec), built for Linux in a temporary folder
and run with a clean environment, no virtual environment on PATH and no PYTHONPATH: it scans
the samples, a scanned one included, with the installed package's findings, its single-file
form does too, and its window opens on the demo case offscreen, ingests it and closes cleanly.

Slow (a build takes minutes): CI runs it; `pytest -m "not slow"` leaves it out.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.core.paths import sample_dir

ROOT = Path(__file__).resolve().parent.parent
APP = "Case-File Annotator"
RESPONDENT_WORDS = ("Rivas", "Mejía", "Mejia")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the Linux bundle"),
]


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pytest.importorskip("PyInstaller", reason="the `bundle` extra is not installed")
    out = tmp_path_factory.mktemp("bundle")
    script = ROOT / "tools" / "build_app.py"
    build = subprocess.run(
        [sys.executable, script, "--onefile", "--dist", out / "dist", "--work", out / "work"],
        capture_output=True,
        text=True,
        timeout=1800,
    )
    assert build.returncode == 0, build.stdout + build.stderr[-4000:]
    print(build.stdout)  # the size and build time, in the test log
    return out / "dist"


def _clean_env(home: Path, **extra: str) -> dict[str, str]:
    """What a desktop session gives a program: no Python of ours anywhere."""
    (home / "tmp").mkdir(parents=True, exist_ok=True)
    return {
        "HOME": str(home),
        "PATH": "/usr/bin:/bin",
        "LANG": "C.UTF-8",
        "TMPDIR": str(home / "tmp"),
        "QT_QPA_PLATFORM": "offscreen",
        **extra,
    }


def _samples() -> list[Path]:
    scanned = sample_dir() / "scanned" / "02_school_police_incident_report_scanned.pdf"
    return [*sorted(sample_dir().glob("*.pdf")), scanned]


@pytest.fixture(scope="module")
def installed_rows(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """The installed package's `scan --json` of the samples, the reference."""
    cwd = tmp_path_factory.mktemp("installed")
    env = {k: v for k, v in os.environ.items() if k != "TESSDATA_PREFIX"}
    done = subprocess.run(
        [sys.executable, "-m", "annotator", "scan", *map(str, _samples()), "--json"],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.splitlines()


def _run(executable: Path, *argv: object, home: Path, timeout: int = 900, **env: str):
    return subprocess.run(
        [str(executable), *map(str, argv)],
        cwd=home,
        env=_clean_env(home, **env),
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def test_the_bundle_scans_the_samples_like_the_installed_package(dist, installed_rows, tmp_path):
    done = _run(dist / APP / "annotator", "scan", *_samples(), "--json", home=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert done.stdout.splitlines() == installed_rows
    files = {json.loads(row)["file"] for row in installed_rows}
    assert str(_samples()[-1]) in files  # the scanned sample was read by the bundle's OCR


def test_the_single_file_app_scans_too(dist, installed_rows, tmp_path):
    pdf = _samples()[0]
    done = _run(dist / "case-file-annotator", "scan", pdf, "--json", home=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        r for r in installed_rows if json.loads(r)["file"] == str(pdf)
    ]
    assert list((tmp_path / "tmp").iterdir()) == []  # its unpacked folder is gone


def test_the_bundled_window_opens_the_demo_offscreen(dist, installed_rows, tmp_path):
    config = tmp_path / ".config" / "case-file-annotator"
    config.mkdir(parents=True)  # a returning user: the window does not ask for a name
    (config / "settings.json").write_text('{"reviewer": "Test Reviewer"}', encoding="utf-8")
    done = _run(
        dist / APP / "annotator", "--demo", home=tmp_path, timeout=300,
        ANNOTATOR_CLOSE_WHEN_IDLE="1",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr and "Error" not in done.stderr, done.stderr
    log = tmp_path / ".local" / "state" / "case-file-annotator" / "log" / "annotator.log"
    text = log.read_text(encoding="utf-8")
    documents = len(list(sample_dir().glob("*.pdf")))  # what --demo opens: not the scans
    findings = sum(1 for r in installed_rows if "/scanned/" not in json.loads(r)["file"])
    assert f"idle: {documents} documents, {findings} findings" in text, text
    assert not any(word in text for word in RESPONDENT_WORDS), text
    assert log.stat().st_mode & 0o777 == 0o600
