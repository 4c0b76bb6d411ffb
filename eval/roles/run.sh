#!/bin/sh
# Lay out a dev set as PDFs, scan them and score the roles (and the FOIA markers, if any).
# usage: sh eval/roles/run.sh SET_DIR [--scanned]   (the PDFs go to a temporary folder)
set -e
here=$(cd "$(dirname "$0")" && pwd)
kit=${EVAL_KIT:-$here/../../../../shared/eval-kit}
set_dir=$1; shift
py=${PYTHON:-.venv/bin/python}
out=${OUT:-$(mktemp -d)}
$py "$here/build.py" "$set_dir" >/dev/null
$py "$kit/make_pdfs.py" "$set_dir/texts" "$out/pdfs" "$@" >/dev/null
$py -m annotator scan "$out"/pdfs/*.pdf --json > "$out/found.jsonl"
$py "$kit/score.py" "$set_dir/texts" "$set_dir/gold" "$out/pdfs" "$out/found.jsonl" | tail -5 || true
$py "$kit/score_roles.py" "$set_dir/texts" "$set_dir/gold" "$out/pdfs" "$out/found.jsonl" --verbose || true
if ls "$set_dir"/foia/*.jsonl >/dev/null 2>&1; then
  $py -m annotator scan "$out"/pdfs/*.pdf --case "$out/foia.case" >/dev/null
  $py -m annotator withheld "$out/foia.case" --json > "$out/withheld.jsonl"
  $py "$kit/score_foia.py" "$set_dir/texts" "$set_dir/foia" "$out/pdfs" "$out/withheld.jsonl" --verbose || true
fi
echo "files in $out"
