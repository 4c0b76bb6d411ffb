"""Fixtures for driving the real window: injected dialogs, an isolated user folder."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from annotator.core.paths import sample_dir
from annotator.ui.app import make_app
from annotator.ui.settings import Settings
from annotator.ui.window import MainWindow

REVIEWER = "Test Reviewer"


class FakeDialogs:
    """Answers every question without a modal dialog, and remembers what was shown."""

    def __init__(self) -> None:
        self.errors: list[str] = []
        self.answers: list[str | None] = []
        self.pdfs: list[str] = []
        self.case_path: str | None = None
        self.memo_path: str | None = None
        self.located: list[str] = []
        """Answers to "where is this PDF now?", in order."""
        self.choices: list[str] = []
        """Answers to "pick one of these", in order."""
        self.packages: list[str] = []
        self.package_path: str | None = None
        self.key_path: str | None = None

    def error(self, title: str, message: str) -> None:
        self.errors.append(f"{title}: {message}")

    def info(self, title: str, message: str) -> None:
        pass

    def ask_text(self, title: str, label: str, text: str = "") -> str | None:
        return self.answers.pop(0) if self.answers else None

    def open_pdfs(self) -> list[str]:
        return self.pdfs

    def open_case(self) -> str | None:
        return self.case_path

    def save_case(self, suggested: str) -> str | None:
        return self.case_path or suggested

    def save_memo(self, suggested: str) -> str | None:
        return self.memo_path

    def locate_pdf(self, title: str, name: str) -> str | None:
        return self.located.pop(0) if self.located else None

    def choose(self, title: str, label: str, items: list[str], current: int = 0) -> str | None:
        return self.choices.pop(0) if self.choices else None

    def open_packages(self) -> list[str]:
        return self.packages

    def save_package(self, suggested: str) -> str | None:
        return self.package_path

    def open_key(self) -> str | None:
        return self.key_path


@pytest.fixture(scope="session")
def sample_pdfs(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """The checked-in sample PDFs; generated into a temporary folder if they are not there yet."""
    pdfs = sorted(sample_dir().glob("*.pdf"))
    if pdfs:
        return pdfs
    out = tmp_path_factory.mktemp("samples")
    subprocess.run(
        [sys.executable, "-m", "tools.samples", str(out), "--no-scanned"],
        cwd=Path(__file__).resolve().parents[2],
        check=True,
        capture_output=True,
    )
    return sorted(out.glob("*.pdf"))


@pytest.fixture(autouse=True)
def user_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """platformdirs points into the test's folder: no test touches the real user's settings."""
    home = tmp_path / "home"
    for name in ("XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        monkeypatch.setenv(name, str(home / name.lower()))
    monkeypatch.setattr("annotator.ui.window.default_case_dir", lambda: home / "Documents")
    monkeypatch.setattr("annotator.ui.app.default_case_dir", lambda: home / "Documents")
    return home


@pytest.fixture
def make_window(qtbot: QtBot) -> Iterator[Callable[..., MainWindow]]:
    make_app()
    windows: list[MainWindow] = []

    def make(case: Path | None = None, reviewer: str = REVIEWER) -> MainWindow:
        window = MainWindow(Settings(reviewer=reviewer), FakeDialogs(), workers=1)  # type: ignore[arg-type]
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow, timeout=3000)
        if case is not None:
            assert window.open_case(case), window.dialogs.errors  # type: ignore[attr-defined]
            window.case.view.setFocus()
            qtbot.wait(20)  # let the new widgets become visible before the first key
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.close_case()


@pytest.fixture
def window(make_window: Callable[..., MainWindow], sample_case_path: Path) -> MainWindow:
    return make_window(sample_case_path)
