"""A plain `pip install .` must carry models/, resources/ and the sample case (issue 2), and of
sample_files/ only the case's PDFs: the builder (tools/samples/) stays in the checkout."""

from __future__ import annotations

import json
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _installed_files() -> list[str]:
    try:
        dist = metadata.distribution("case-file-annotator")
    except metadata.PackageNotFoundError:
        pytest.skip("the package is not installed")
    files = [str(f) for f in dist.files or []]
    if not any(
        f.startswith("annotator/") and f.endswith(".py") and "/_data/" not in f for f in files
    ):
        pytest.skip("an editable install: the package is the checkout itself")
    return files


def test_the_wheel_carries_the_data_folders():
    files = _installed_files()
    ours = {p.name for p in (ROOT / "models" / "patterns").glob("*.json")}
    shipped = {Path(f).name for f in files if f.startswith("annotator/_data/models/patterns/")}
    assert ours and ours <= shipped
    assert "annotator/_data/models/pipeline.cfg" in files
    assert any(f.startswith("annotator/_data/resources/") for f in files)
    prefix = "annotator/_data/sample_files/"
    samples = {f.removeprefix(prefix) for f in files if f.startswith(prefix)}
    folder = ROOT / "sample_files"
    case = {p.relative_to(folder).as_posix() for p in folder.glob("*.pdf")}
    case |= {p.relative_to(folder).as_posix() for p in folder.glob("scanned/*.pdf")}
    assert case and samples == case | {"README.md"}, "only the sample case's PDFs ship"


def test_the_installed_package_scans_from_outside_the_checkout(tmp_path):
    _installed_files()
    code = (
        "import json, sys\n"
        "from annotator.core.paths import models_dir, sample_dir\n"
        "samples = sorted(p.name for p in sample_dir().glob('*.pdf'))\n"
        "print(json.dumps([str(models_dir()), samples]))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, check=True
    )
    models, samples = json.loads(out.stdout)
    assert "_data" in models and not models.startswith(str(ROOT / "models"))
    assert samples
    scan = subprocess.run(
        [
            sys.executable,
            "-m",
            "annotator",
            "scan",
            str(Path(models).parent / "sample_files" / samples[0]),
            "--json",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert scan.returncode == 0, scan.stderr
    assert [json.loads(line) for line in scan.stdout.splitlines()]
