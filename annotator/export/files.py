"""Write an export atomically: a temporary file in the same folder, then one rename.

A crash or a full disk mid-write leaves the old file (or nothing) in place, never half a memo.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from annotator.core.errors import ExportError


def check_target(path: Path, *, force: bool) -> None:
    """Refuse a target that exists (without `force`), is a folder, or sits in no folder."""
    if path.is_dir():
        raise ExportError(f"{path}: is a folder; give a file name to write")
    if path.exists() and not force:
        raise ExportError(f"{path}: already exists; use --force to overwrite it")
    if not path.parent.is_dir():
        problem = "is not a folder" if path.parent.exists() else "does not exist"
        raise ExportError(f"{path}: cannot be written ({path.parent} {problem})")


def atomic_write(path: Path, write: Callable[[Path], None], *, force: bool) -> Path:
    """Call `write(temp_path)`, then move the finished file onto `path`."""
    path = Path(path)
    check_target(path, force=force)
    try:
        fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as err:
        raise ExportError(f"{path}: cannot be written ({err.strerror or err})") from err
    os.close(fd)
    temp = Path(name)
    try:
        write(temp)
        _sync(temp)
        os.chmod(temp, _default_mode())
        os.replace(temp, path)
    except (OSError, RuntimeError, ValueError) as err:
        raise ExportError(f"{path}: cannot be written ({_reason(err)})") from err
    finally:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()
    return path


def _sync(path: Path) -> None:
    with open(path, "rb+") as fh:
        os.fsync(fh.fileno())


def _default_mode() -> int:
    """rw for everyone the umask allows, as a plain open() would give (mkstemp gives 0600)."""
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o666 & ~umask


def _reason(err: Exception) -> str:
    if isinstance(err, OSError) and err.strerror:
        return err.strerror
    return str(err) or type(err).__name__
