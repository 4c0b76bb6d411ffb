"""Where the app's data folders are, in a source checkout and in an installed wheel."""

from __future__ import annotations

from pathlib import Path

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
