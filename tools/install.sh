#!/usr/bin/env bash
# Set up Case-File Annotator in ./.venv on a fresh machine: the system libraries Qt's window needs
# (Debian/Ubuntu, via apt-get), then the package itself. `--test` adds the test and build tools.
# OCR needs nothing from the system: the package ships Tesseract's English and Spanish data.
# Everything comes from the system's package manager and PyPI; nothing else is downloaded.
set -euo pipefail
cd "$(dirname "$0")/.."

extras=""
# The tests build the bundled app too, so --test brings PyInstaller (the `bundle` extra).
if [ "${1:-}" = "--test" ]; then extras="[test,bundle]"; fi

# Qt's xcb/offscreen platform plugins and fonts.
apt_packages="libegl1 libgl1 libopengl0 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libfreetype6
  libdbus-1-3 libglib2.0-0 libxcb1 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0
  libxcb-randr0 libxcb-render-util0 libxcb-image0 libxcb-xinerama0 libxcb-xkb1 libxrender1 libx11-xcb1
  fonts-dejavu-core"
# Tesseract's library (Debian 12, Ubuntu 24.04): OCR runs 2.5 times as fast through it as through
# PyMuPDF's own Tesseract (annotator/pdf/tesseract.py); without it OCR still works, slower.
apt_optional="libtesseract5"
# PyInstaller reads and strips the bundle's libraries with binutils (objdump, strip).
if [ -n "$extras" ]; then apt_packages="$apt_packages binutils"; fi

if command -v apt-get >/dev/null 2>&1 && command -v dpkg-query >/dev/null 2>&1; then
  missing=""
  for p in $apt_packages; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
  done
  optional=""
  for p in $apt_optional; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || optional="$optional $p"
  done
  sudo=""
  if [ "$(id -u)" != 0 ]; then sudo="sudo"; fi
  if [ -n "$missing$optional" ]; then $sudo apt-get update -qq; fi
  if [ -n "$missing" ]; then
    echo "Installing system packages:$missing"
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
  fi
  for p in $optional; do
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$p" >/dev/null 2>&1 \
      && echo "Installed $p" || echo "$p is not available here: OCR uses PyMuPDF's Tesseract (slower)"
  done
else
  echo "Not a Debian-like system: install Qt's runtime libraries yourself." >&2
fi

python=""
for candidate in python3.11 python3; do
  if command -v "$candidate" >/dev/null 2>&1 && "$candidate" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))'; then
    python="$candidate"; break
  fi
done
if [ -z "$python" ]; then
  echo "Case-File Annotator needs Python 3.11; install it and run this again." >&2
  exit 1
fi

[ -x .venv/bin/python ] || "$python" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q ".$extras"
echo "Installed into .venv: run .venv/bin/annotator"
