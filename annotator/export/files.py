"""Write an export atomically: a temporary file in the same folder, then one rename.

A crash or a full disk mid-write leaves the old file (or nothing) in place, never half a memo.
A process killed mid-write cannot remove its temporary file; the next export into that folder
does (the file's name says which process on which machine made it). An export never writes
over the case's own files: its source PDFs, the case file, its WAL or its lock.
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
import time
from collections.abc import Callable, Mapping
from pathlib import Path

import pymupdf

from annotator.core.errors import ExportError
from annotator.store import CaseStore

_NODE = os.uname().nodename if hasattr(os, "uname") else os.environ.get("COMPUTERNAME", "")
_HOST = re.sub(r"[^A-Za-z0-9-]", "-", _NODE)[:40] or "host"
_TEMP = re.compile(r"^\..+\.(?P<host>[A-Za-z0-9-]+)-(?P<pid>\d+)\.[A-Za-z0-9_]+\.tmp$")
STALE_SECONDS = 24 * 3600
"""A temporary file this old is stale whoever made it."""
WRITE_ERRORS = (OSError, RuntimeError, ValueError, pymupdf.mupdf.FzErrorBase)
"""What a renderer raises when its file cannot be written (MuPDF has its own error types)."""


def protected_files(case: CaseStore) -> dict[Path, str]:
    """The files an export must never replace, resolved, each with what it is."""
    found = {Path(d.path).resolve(): "a source document of the case" for d in case.documents()}
    if not case.in_memory:
        base = case.path.resolve()
        found[base] = "the case file"
        for suffix, what in (("-wal", "log"), ("-shm", "index"), (".lock", "lock")):
            found[base.with_name(base.name + suffix)] = f"the case file's {what}"
    return found


def check_target(path: Path, *, force: bool, protected: Mapping[Path, str] | None = None) -> None:
    """Refuse a target that exists (without `force`), is a folder, sits in no folder, or is
    (through any link) one of the `protected` files."""
    if path.is_dir():
        raise ExportError(f"{path}: is a folder; give a file name to write")
    what = _protected_as(path, protected or {})
    if what:
        raise ExportError(f"{path}: is {what}; an export never replaces it, choose another name")
    if path.exists() and not force:
        raise ExportError(f"{path}: already exists; use --force to overwrite it")
    if not path.parent.is_dir():
        problem = "is not a folder" if path.parent.exists() else "does not exist"
        raise ExportError(f"{path}: cannot be written ({path.parent} {problem})")


def _protected_as(path: Path, protected: Mapping[Path, str]) -> str:
    resolved = path.resolve()
    if resolved in protected:
        return protected[resolved]
    with contextlib.suppress(OSError):  # the same file under another name (a hard link)
        target = os.stat(resolved)
        for other, what in protected.items():
            with contextlib.suppress(OSError):
                if os.path.samestat(target, os.stat(other)):
                    return what
    return ""


def atomic_write(
    path: Path,
    write: Callable[[Path], None],
    *,
    force: bool,
    protected: Mapping[Path, str] | None = None,
) -> Path:
    """Call `write(temp_path)`, then move the finished file onto `path`."""
    path = Path(path)
    check_target(path, force=force, protected=protected)
    remove_stale_temps(path.parent)
    try:
        prefix = f".{path.name[:100]}.{_HOST}-{os.getpid()}."
        fd, name = tempfile.mkstemp(prefix=prefix, suffix=".tmp", dir=path.parent)
    except OSError as err:
        raise ExportError(f"{path}: cannot be written ({err.strerror or err})") from err
    os.close(fd)
    temp = Path(name)
    try:
        write(temp)
        _sync(temp)
        os.chmod(temp, _default_mode())
        os.replace(temp, path)
    except WRITE_ERRORS as err:
        raise ExportError(f"{path}: cannot be written ({_reason(err)})") from err
    finally:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()
    return path


def remove_stale_temps(folder: Path) -> None:
    """Remove temporary files that exports killed part-way left in `folder`."""
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            match = _TEMP.match(entry.name)
            if match and entry.is_file(follow_symlinks=False) and _stale(entry, match):
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)


def _stale(entry: os.DirEntry[str], match: re.Match[str]) -> bool:
    if time.time() - entry.stat(follow_symlinks=False).st_mtime > STALE_SECONDS:
        return True
    return match["host"] == _HOST and not _running(int(match["pid"]))


def _running(pid: int) -> bool:
    if os.name == "nt":  # os.kill(pid, 0) would stop the process there; wait for STALE_SECONDS
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


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
    text = re.sub(r"^code=\d+: ", "", str(err))  # MuPDF's "code=2: cannot fwrite: ..."
    return text or type(err).__name__
