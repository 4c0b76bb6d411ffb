#!/usr/bin/env python3
"""Build the self-contained app with PyInstaller, and print its size and how long it took.

    python tools/build_app.py [--dist DIR] [--work DIR] [--onefile]

Needs the `bundle` extra (pip install ".[bundle]") in the environment that runs it, and runs
on the system it builds for (PyInstaller does not cross-compile). From packaging/annotator.spec:
- Linux: DIR/Case-File Annotator/annotator, a folder to copy anywhere; with --onefile also
  DIR/case-file-annotator, one file that unpacks that folder into a private temporary folder at
  each start (from the same analysis: the two cost little more than one);
- Windows: the same folder with annotator.exe (the command line) and "Case-File Annotator.exe"
  (the window, no console); --onefile adds DIR/case-file-annotator.exe;
- macOS: DIR/Case-File Annotator.app (and the folder it is made from).
Nothing is downloaded: PyInstaller packs what this environment has installed.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "annotator.spec"
APP = "Case-File Annotator"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="where the app goes")
    parser.add_argument("--work", type=Path, default=ROOT / "build", help="PyInstaller's cache")
    parser.add_argument("--onefile", action="store_true", help="also build the single file")
    args = parser.parse_args()
    env = {**os.environ, "ANNOTATOR_ONEFILE": "1" if args.onefile else "0"}
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN"]
    command += ["--distpath", str(args.dist), "--workpath", str(args.work), str(SPEC)]
    start = time.perf_counter()
    subprocess.run(command, cwd=ROOT, env=env, check=True)
    seconds = time.perf_counter() - start
    built = [args.dist / (f"{APP}.app" if sys.platform == "darwin" else APP)]
    if args.onefile:
        built.append(args.dist / ("case-file-annotator" + (".exe" if os.name == "nt" else "")))
    for path in built:
        print(f"built {path}: {_size(path) / 2**20:.0f} MB")
    print(f"in {seconds:.0f} s")
    return 0


def _size(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())


if __name__ == "__main__":
    sys.exit(main())
