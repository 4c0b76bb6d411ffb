"""Where the app's data folders are, in a source checkout and in an installed wheel, and the
user's own data folder (platformdirs: XDG_DATA_HOME moves it on Linux)."""

from __future__ import annotations

from pathlib import Path

import platformdirs

APP_NAME = "case-file-annotator"
"""The app's name in the user's folders."""

_PACKAGE = Path(__file__).resolve().parent.parent


def data_dir(name: str) -> Path:
    """`models`, `resources` or `sample_files`: inside the wheel, or at the checkout's top."""
    installed = _PACKAGE / "_data" / name
    if installed.is_dir():
        return installed
    return _PACKAGE.parent / name


def models_dir() -> Path:
    return data_dir("models")


def resources_dir() -> Path:
    return data_dir("resources")


def sample_dir() -> Path:
    return data_dir("sample_files")


def tessdata_dir() -> Path:
    """Tesseract's English and Spanish data shipped with the app (resources/tessdata)."""
    return resources_dir() / "tessdata"


def user_patterns_dir() -> Path:
    """The user's own pattern files ("Add to my lexicon"), loaded with the shipped ones."""
    return Path(platformdirs.user_data_dir(APP_NAME)) / "patterns"
