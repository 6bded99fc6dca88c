#!/usr/bin/env bash
# Prints the result workbooks as LibreOffice would and measures them: per sheet the pages and the
# smallest text on the paper (points), for the seed audit (確定) and a provisional result (暫定, the
# conflicts scenario: 要確認 entries, pending items, disagreeing auditors). Body text is to be at
# least 8 pt on A4 (README, "Printing").
#   scripts/measure-print.sh            build and measure this tree
#   CONSOLIDATOR="dotnet /path/consolidator.dll" scripts/measure-print.sh    measure another build
# Needs the .NET SDK, LibreOffice (soffice), poppler-utils (pdftotext) and fonts-crosextra-carlito:
# the workbooks' default font is Calibri, and without Carlito (its metric twin) LibreOffice
# measures every column about 40 % wider than Excel does.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
if ! fc-list | grep -i carlito >/dev/null; then
  echo "fonts-crosextra-carlito is missing: LibreOffice would not lay out columns as Excel does" >&2
  exit 2
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [ -z "${CONSOLIDATOR:-}" ]; then
  dotnet build src/Consolidator -v quiet -nologo >/dev/null
  CONSOLIDATOR="dotnet $repo/src/Consolidator/bin/Debug/net10.0/consolidator.dll"
fi
dotnet run --project tools/Consolidator.Samples -- --scenario conflicts "$work/inbox-provisional" >/dev/null
( cd "$work" && $CONSOLIDATOR run --inbox "$repo/input-samples" --output "$work/seed" --state "$work/state" >/dev/null )
( cd "$work" && $CONSOLIDATOR run --inbox "$work/inbox-provisional" --output "$work/provisional" --state "$work/state" >/dev/null ) || true
sheets="総括 監査結果 指摘事項 事前回答 要確認 取込履歴"
for kind in seed provisional; do
  book=$(ls "$work/$kind"/*_監査結果.xlsx | head -1)
  soffice --headless --convert-to pdf --outdir "$work/pdf-$kind" "$book" >/dev/null 2>&1
  pdf=$(ls "$work/pdf-$kind"/*.pdf)
  echo "$kind: $(basename "$book") — $(pdfinfo "$pdf" | awk '/^Pages:/ { print $2 }') pages A4"
  /usr/bin/python3 scripts/pdf-text-sizes.py "$pdf" $sheets
  if [ -n "${KEEP_PDF:-}" ]; then mkdir -p "$KEEP_PDF"; cp "$pdf" "$KEEP_PDF/$kind.pdf"; fi
done
