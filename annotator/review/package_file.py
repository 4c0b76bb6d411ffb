"""The package file: a zip holding manifest.json, review.json and, if asked, the PDFs.

manifest.json says what the file is (format, kind, version), when and by which app it was
written, and the SHA-256 of review.json (its integrity); review.json is the work alone, and the
SHA-256 of its canonical JSON is the package's digest. PDFs, when asked for, are pdfs/SHA256.pdf.

Why a zip of JSON and not SQLite: a package travels by e-mail and comes from someone else's
laptop. The manifest (format, version) is read before anything else, so a newer version is
refused with a clear line; every member has a CRC-32 and review.json its SHA-256 in the
manifest, so a truncated or corrupted file is caught before anything is written; opening an
untrusted SQLite file would run whatever schema (triggers, views) it holds, and a database
copied mid-write can lose its journal. Anyone can also unzip and read a package.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import zipfile
import zlib
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any

from annotator.review.package import Package, PackageError, check_consistent, from_dict, work_dict

FORMAT = "case-file-annotator"
FORMAT_VERSION = 1
"""Raise when a package's meaning changes; a reader refuses a version newer than its own."""
MANIFEST, CONTENT = "manifest.json", "review.json"
_CHUNK = 1 << 20


def content_of(package: Package) -> bytes:
    """review.json: the same work always gives the same bytes."""
    return json.dumps(work_dict(package), ensure_ascii=False, sort_keys=True).encode("utf-8")


def digest_of(package: Package) -> str:
    return hashlib.sha256(content_of(package)).hexdigest()


def write_package(
    path: str | os.PathLike[str], package: Package, pdfs: Iterable[tuple[str, Path]] = ()
) -> Path:
    """Write the package (and the PDFs given as (sha256, path)) to `path` atomically: a temporary
    file in the same folder, then one rename, so a failure leaves nothing half-written."""
    target = Path(path)
    if target.is_dir() or not target.parent.is_dir():
        raise PackageError(f"{target}: cannot be written (not a file in an existing folder)")
    content = content_of(package)
    members: dict[str, str] = {}
    manifest = {
        "format": FORMAT,
        "kind": package.kind,
        "version": FORMAT_VERSION,
        "app": package.app,
        "reviewer": package.reviewer,
        "created_at": package.created_at,
        "respondent": package.respondent,
        "content_sha256": hashlib.sha256(content).hexdigest(),
        "pdfs": members,
    }
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    temp = Path(name)
    try:
        with zipfile.ZipFile(temp, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(CONTENT, content)
            for sha, pdf in pdfs:
                member = f"pdfs/{sha}.pdf"
                archive.write(pdf, member, compress_type=zipfile.ZIP_STORED)
                members[sha] = member
            archive.writestr(MANIFEST, json.dumps(manifest, indent=1))
        with open(temp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.chmod(temp, 0o644)
        os.replace(temp, target)
    except OSError as err:
        raise PackageError(f"{target}: cannot be written ({err.strerror or err})") from err
    finally:
        temp.unlink(missing_ok=True)
    return target


def read_package(path: str | os.PathLike[str], kind: str = "review") -> Package:
    """The package at `path`, checked whole: format, version, integrity and consistency."""
    where = str(path)
    try:
        with zipfile.ZipFile(path) as archive:
            manifest = _manifest(archive, where)
            _expect(manifest, kind, where)
            content = _member(archive, CONTENT, where)
            if hashlib.sha256(content).hexdigest() != manifest.get("content_sha256"):
                raise PackageError(f"{where}: is damaged (its content does not match its checksum)")
            for sha, member in dict(manifest.get("pdfs", {})).items():
                _check_pdf(archive, str(member), str(sha), where)
    except FileNotFoundError as err:
        raise PackageError(f"{where}: no such file") from err
    except IsADirectoryError as err:
        raise PackageError(f"{where}: is a folder, not a package") from err
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError) as err:
        raise PackageError(f"{where}: is damaged or truncated, or not a package ({err})") from err
    except OSError as err:
        raise PackageError(f"{where}: cannot be read ({err.strerror or err})") from err
    try:
        data = json.loads(content.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as err:
        raise PackageError(f"{where}: is damaged ({CONTENT} is not JSON)") from err
    if not isinstance(data, dict):
        raise PackageError(f"{where}: is damaged ({CONTENT} is not an object)")
    package = from_dict(data, manifest, path=where, digest="")
    if package.kind != kind:
        raise PackageError(f"{where}: is a {package.kind}, not a {kind}")
    check_consistent(package)
    return replace(package, digest=digest_of(package))  # however the file spelled the JSON


def _manifest(archive: zipfile.ZipFile, where: str) -> dict[str, Any]:
    try:
        manifest = json.loads(_member(archive, MANIFEST, where).decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as err:
        raise PackageError(f"{where}: is damaged ({MANIFEST} is not JSON)") from err
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise PackageError(f"{where}: is not a Case-File Annotator package")
    return manifest


def _expect(manifest: dict[str, Any], kind: str, where: str) -> None:
    version = manifest.get("version")
    if not isinstance(version, int):
        raise PackageError(f"{where}: is damaged (no format version)")
    if version > FORMAT_VERSION:
        raise PackageError(
            f"{where}: was written by a newer version of the app (package format {version}, "
            f"this version reads up to {FORMAT_VERSION}); update the app to use it"
        )
    if manifest.get("kind") != kind:
        raise PackageError(f"{where}: is a {manifest.get('kind')}, not a {kind}")


def _member(archive: zipfile.ZipFile, name: str, where: str) -> bytes:
    try:
        return archive.read(name)  # checks the member's CRC-32
    except KeyError as err:
        raise PackageError(f"{where}: is damaged or not a package (no {name})") from err


def _check_pdf(archive: zipfile.ZipFile, member: str, sha: str, where: str) -> None:
    digest = hashlib.sha256()
    try:
        with archive.open(member) as fh:
            while chunk := fh.read(_CHUNK):
                digest.update(chunk)
    except KeyError as err:
        raise PackageError(f"{where}: is damaged (no {member})") from err
    if digest.hexdigest() != sha:
        raise PackageError(f"{where}: is damaged ({member} is not the PDF it names)")
