"""The README's first two commands are the set-up contract; CI must run the second one."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _first_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```sh\n(.*?)```", readme, re.S)
    assert block, "README has no sh code block"
    return [line for line in block.group(1).splitlines() if line.strip()][:2]


def test_ci_runs_the_readme_test_command():
    _, test_command = _first_commands()
    assert "pytest" in test_command
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert test_command in ci.splitlines()


def test_the_readme_app_command_opens_the_sample_case():
    app_command, _ = _first_commands()
    assert "annotator --demo" in app_command
    assert (ROOT / "tools" / "install.sh").is_file()
