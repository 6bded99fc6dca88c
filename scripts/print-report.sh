#!/usr/bin/env bash
# Prints the seed audit's report draft (…_監査報告書案.docx) and its result workbook (…_監査結果.xlsx,
# 総括 with its chart) to PDF with LibreOffice, as a person would see them on paper, and lists the
# pages of each: pages, and the first line of text on each page.
#   scripts/print-report.sh [OUT_DIR]      (default: a temporary folder, printed at the end)
# Needs the .NET SDK, LibreOffice (soffice), poppler-utils (pdfinfo, pdftotext) and a Japanese font
# (fonts-ipafont or fonts-noto-cjk): without one LibreOffice draws every Japanese character as a box.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
out="${1:-$(mktemp -d)}"
mkdir -p "$out"
if ! fc-list :lang=ja | grep -q .; then
  echo "No Japanese font is installed (apt-get install fonts-ipafont): the PDF would show boxes" >&2
  exit 2
fi
dotnet build src/Consolidator -v quiet -nologo >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
( cd "$work" && dotnet "$repo/src/Consolidator/bin/Debug/net10.0/consolidator.dll" run --inbox "$repo/input-samples" --output "$work/out" --state "$work/state" >/dev/null )
for f in "$work"/out/*_監査報告書案.docx "$work"/out/*_監査結果.xlsx; do
  soffice --headless --convert-to pdf --outdir "$out" "$f" >/dev/null 2>&1
  pdf="$out/$(basename "${f%.*}").pdf"
  pages=$(pdfinfo "$pdf" | awk '/^Pages:/ { print $2 }')
  echo "$(basename "$pdf"): $pages pages A4"
  for p in $(seq 1 "$pages"); do
    first=$(pdftotext -f "$p" -l "$p" -layout "$pdf" - | grep -v '^\s*$' | head -2 | tr -s ' ' | tr '\n' ' ' | sed 's/\(.\{60\}\).*/\1/')
    echo "  page $p: $first"
  done
done
echo "PDFs in $out"
