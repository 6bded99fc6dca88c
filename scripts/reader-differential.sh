#!/usr/bin/env bash
# Reader differential: every .xlsx/.xlsm/.xltx/.xltm under FOLDER read by the product's one-pass
# reader and by ExcelDataReader 3.6 (the reader it replaced), compared cell by cell: each sheet's
# name and visibility, every cell's text, the merged ranges, the cells cut at the limit, and the
# refusal code when a reader refuses a file. Prints files, cells and merged ranges compared and
# the differences by kind; writes one line per difference to OUT/reader-differential.tsv.
#
#   scripts/reader-differential.sh FOLDER [OUT]     OUT defaults to TestResults/differential
#
# The public test files of ExcelDataReader (src/TestData), Apache POI (test-data/spreadsheet)
# and ClosedXML (ClosedXML.Tests/Resource) are the folders it was made for.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
folder="${1:?usage: reader-differential.sh FOLDER [OUT]}"
out="${2:-$here/TestResults/differential}"
mkdir -p "$out"
dotnet build -c Release "$here/bench/Consolidator.Bench" -v q >/dev/null
dotnet "$here/bench/Consolidator.Bench/bin/Release/net10.0/Consolidator.Bench.dll" --differential "$folder" --details "$out/reader-differential.tsv"
echo "details: $out/reader-differential.tsv"
