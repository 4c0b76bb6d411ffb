"""The layers hold: import-linter's contracts pass, the Qt-free core never loads Qt, and no module
can reach the network."""

from __future__ import annotations

import ast
import json
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

import annotator

PACKAGE = Path(annotator.__file__).resolve().parent
ROOT = PACKAGE.parent
QT_FREE = [
    "annotator.core",
    "annotator.pdf",
    "annotator.nlp",
    "annotator.store",
    "annotator.review",
    "annotator.ingest",
    "annotator.export",
]
NETWORK = (
    "socket",
    "urllib",
    "urllib3",
    "requests",
    "http.client",
    "http.server",
    "httpx",
    "aiohttp",
    "ftplib",
    "smtplib",
    "websocket",
    "PySide6.QtNetwork",
    "PySide6.QtWebEngineCore",
)


def _lint_imports() -> list[str]:
    script = Path(sys.executable).with_name("lint-imports")
    if script.exists():
        return [str(script)]
    found = shutil.which("lint-imports")
    if found is None:
        pytest.fail("import-linter is not installed: pip install -e '.[test]'")
    return [found]


def test_import_linter_contracts_in_pyproject_pass():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contracts = config["tool"]["importlinter"]["contracts"]
    assert any(c["type"] == "layers" for c in contracts)
    assert any(c["type"] == "forbidden" and "PySide6" in c["forbidden_modules"] for c in contracts)
    done = subprocess.run(
        [*_lint_imports(), "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    report = done.stdout + done.stderr
    assert done.returncode == 0, report
    for contract in contracts:
        assert f"{contract['name']} KEPT" in report, report
    assert f"{len(contracts)} kept, 0 broken" in report


def test_qt_free_packages_do_not_load_pyside6():
    """Import every module of the Qt-free layers in a fresh interpreter and look for Qt."""
    code = f"""
import importlib, json, pkgutil, sys
names = {QT_FREE!r}
for name in list(names):
    module = importlib.import_module(name)
    if hasattr(module, "__path__"):
        for info in pkgutil.walk_packages(module.__path__, name + "."):
            importlib.import_module(info.name)
loaded = [m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6")]
ours = [m for m in sys.modules if m.startswith("annotator.")]
print(json.dumps({{"qt": loaded, "count": len(ours)}}))
"""
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["qt"] == []
    assert result["count"] >= 15, "the walk imported the modules it meant to"


def test_the_command_line_does_not_load_pyside6_for_headless_work(tmp_path):
    code = """
import sys, json
from annotator.cli import main
try:
    main(["findings", sys.argv[1]])
except SystemExit:
    pass
print(json.dumps([m for m in sys.modules if m.startswith(("PySide6", "shiboken6"))]))
"""
    done = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "none.case")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert json.loads(done.stdout.strip().splitlines()[-1]) == []


def _imports(path: Path) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.append((node.lineno, node.module))
            found += [(node.lineno, f"{node.module}.{alias.name}") for alias in node.names]
        elif (
            isinstance(node, ast.Call)
            and getattr(node.func, "attr", getattr(node.func, "id", ""))
            in ("import_module", "__import__")
            and node.args
            and isinstance(node.args[0], ast.Constant)
        ):
            found.append((node.lineno, str(node.args[0].value)))
    return found


def test_no_module_can_reach_the_network():
    sources = sorted(PACKAGE.rglob("*.py"))
    assert len(sources) > 20
    offenders = [
        f"{path.relative_to(ROOT)}:{line} imports {name}"
        for path in sources
        for line, name in _imports(path)
        if any(name == bad or name.startswith(bad + ".") for bad in NETWORK)
    ]
    assert offenders == []


@pytest.mark.parametrize("package", ["pdf", "nlp", "store"])
def test_engines_do_not_import_each_other_or_upwards(package):
    others = {"pdf", "nlp", "store"} - {package}
    above = {"ingest", "export", "cli", "ui"}
    for path in (PACKAGE / package).rglob("*.py"):
        for line, name in _imports(path):
            parts = name.split(".")
            if parts[0] == "annotator" and len(parts) > 1:
                assert parts[1] not in others | above, (
                    f"{path.relative_to(ROOT)}:{line} imports {name}"
                )
